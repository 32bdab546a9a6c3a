import { namespaces } from './index';

/** Every key path of a nested word table, e.g. `roles.exporter`. */
function keys(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();
}

function at(table: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], table);
}

describe('the console speaks both languages on every page', () => {
  it.each(Object.entries(namespaces))('%s: the same keys in Chinese and English, none empty', (_name, pair) => {
    expect(keys(pair.zh).sort()).toEqual(keys(pair.en).sort());
    for (const key of keys(pair.en)) {
      expect([key, String(at(pair.en, key)).trim()]).not.toEqual([key, '']);
      expect([key, String(at(pair.zh, key)).trim()]).not.toEqual([key, '']);
    }
  });

  it.each(Object.entries(namespaces))('%s: each translation fills the same {{placeholders}}', (_name, pair) => {
    for (const key of keys(pair.en)) {
      const en = String(at(pair.en, key));
      expect([key, placeholders(String(at(pair.zh, key)))]).toEqual([key, placeholders(en)]);
    }
  });

  it.each(Object.entries(namespaces))(
    '%s: the Chinese table is Chinese (not English left untranslated)',
    (_name, pair) => {
      const untranslated = keys(pair.en).filter((key) => {
        const zh = String(at(pair.zh, key));
        const words = zh.replace(/\{\{\w+\}\}/g, '');
        return zh === String(at(pair.en, key)) && /[a-z]{4,}/i.test(words) && !/[\u4e00-\u9fff]/.test(words);
      });
      expect(untranslated).toEqual([]);
    },
  );
});
