/**
 * How the console writes dates, instants, numbers and announcement numbers
 * for the reader's language. Legal dates and instants are shown in China
 * Standard Time (the zone the rules are written in), and say so.
 */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';

function localeOf(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-GB';
}

/** Intl formatters are costly to make and a page of rows asks for hundreds: one per style and locale, kept. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  const made = (formatters.get(key) as F | undefined) ?? make();
  formatters.set(key, made);
  return made;
}

/** A legal date (YYYY-MM-DD, a calendar day in China Standard Time), written for the locale. */
export function formatLegalDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  // Noon UTC of that day is the same calendar day in UTC+8.
  const locale = localeOf(language);
  return formatter(
    `legal-date ${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { timeZone: LEGAL_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }),
  ).format(Date.UTC(y, m - 1, d, 4));
}

/** An instant (ISO 8601), in China Standard Time with the zone stated. */
export function formatInstant(instant: string, language: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant;
  const locale = localeOf(language);
  const text = formatter(
    `instant ${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: LEGAL_TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(time);
  return `${text} ${zoneLabel(language)}`;
}

/** The zone named as readers of each language expect. */
export function zoneLabel(language: string): string {
  return language.startsWith('zh') ? '北京时间 (UTC+8)' : 'CST (UTC+8)';
}

export function formatNumber(value: number | bigint | string, language: string, digits?: number): string {
  const number = typeof value === 'string' ? Number(value) : value;
  const locale = localeOf(language);
  return formatter(
    `number ${locale} ${digits ?? ''}`,
    () => new Intl.NumberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits }),
  ).format(number);
}

/** A quantity with its unit, e.g. "1,250.5 kg" / "1,250.5 千克". */
export function formatQuantity(value: number | string, unit: string, language: string): string {
  const units: Record<string, string> = language.startsWith('zh') ? { kg: '千克', t: '吨', g: '克' } : {};
  return `${formatNumber(value, language, 3)} ${units[unit] ?? unit}`;
}

const ISSUERS_IN_CHINESE: Record<string, string> = {
  MOFCOM: '商务部',
  'MOFCOM/GAC': '商务部 海关总署',
  'State Council': '国务院',
  'NPC Standing Committee': '全国人民代表大会常务委员会',
};

/**
 * An announcement's number as the issuing ministry writes it: "No. 70 of
 * 2025" by MOFCOM is 商务部公告2025年第70号 in Chinese and "MOFCOM
 * Announcement No. 70 of 2025" in English. Other acts (a law, an order)
 * keep their own title.
 */
/** Acts that are not numbered announcements, by their Chinese titles. */
const TITLES_IN_CHINESE: Record<string, string> = {
  'Export Control Law': '《中华人民共和国出口管制法》',
  'State Council Order No. 792': '国务院令第792号',
};

export function formatAnnouncementNumber(issuer: string, number: string, language: string): string {
  const numbered = /^No\. (\d+) of (\d{4})$/.exec(number);
  if (!numbered) return language.startsWith('zh') ? (TITLES_IN_CHINESE[number] ?? number) : number;
  const [, n, year] = numbered;
  if (language.startsWith('zh')) return `${ISSUERS_IN_CHINESE[issuer] ?? issuer}公告${year}年第${n}号`;
  return `${issuer} Announcement No. ${n} of ${year}`;
}
