import type { TFunction } from 'i18next';
import { formatLegalDate } from '../../format/formats';

/** The legal dates an act or a change names (a suspension's period, a repeal's day …), in words. */
export function actDates(data: Record<string, unknown>, t: TFunction<'policy'>, language: string): string {
  const date = (key: string) => (typeof data[key] === 'string' ? formatLegalDate(data[key], language) : null);
  const from = date('from');
  const until = date('until');
  if (from && until) return t('announcement.period', { from, until });
  if (until) return t('announcement.untilDate', { date: until });
  if (from) return t('announcement.fromDate', { date: from });
  const on = date('on') ?? date('effectiveOn') ?? date('publishedOn');
  return on ? t('announcement.onDate', { date: on }) : '';
}
