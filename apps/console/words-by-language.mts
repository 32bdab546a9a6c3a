import { type Plugin, runnerImport } from 'vite';

/** What the console imports: the namespaces' names and a loader of each language's words. */
const INDEX = 'virtual:console-words';
/** One language's words, e.g. `virtual:console-words/zh`. */
const LANGUAGE_PREFIX = `${INDEX}/`;

/** The modules of one language's words. */
export const WORDS_MODULE = /virtual:console-words\/[a-z]+$/;

/** `words-zh` for zh's words: its chunk's name. */
export function wordsChunkName(moduleId: string): string | null {
  return WORDS_MODULE.test(moduleId) ? `words-${moduleId.slice(moduleId.lastIndexOf('/') + 1)}` : null;
}

/** resources/index.ts as it exports them: each namespace a `{ en, zh }` pair of words. */
type Namespaces = Record<string, Record<string, unknown>>;

/**
 * The console's words one language at a time. The resource files keep each
 * namespace's languages side by side (so a page group edits one file, and
 * the parity spec compares them); this builds, from the same files, one
 * module per language, `virtual:console-words/<language>` (every namespace's
 * words in that language), which the console imports lazily through
 * `virtual:console-words` (the names, and a loader per language): a reader
 * loads only their own language. The words are JSON, which the browser parses
 * faster than the same object literal.
 */
export function wordsByLanguage(resourcesIndex: string): Plugin {
  let loaded: Promise<{ namespaces: Namespaces; files: string[] }> | null = null;
  const load = () =>
    (loaded ??= runnerImport<{ namespaces: Namespaces }>(resourcesIndex).then(({ module, dependencies }) => ({
      namespaces: module.namespaces,
      files: dependencies,
    })));
  return {
    name: 'console-words-by-language',
    buildStart() {
      loaded = null;
    },
    watchChange() {
      loaded = null;
    },
    resolveId(id) {
      return id === INDEX || id.startsWith(LANGUAGE_PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (id !== `\0${INDEX}` && !id.startsWith(`\0${LANGUAGE_PREFIX}`)) return null;
      const { namespaces, files } = await load();
      for (const file of files) this.addWatchFile(file);
      const languages = [...new Set(Object.values(namespaces).flatMap((pair) => Object.keys(pair)))];
      if (id === `\0${INDEX}`) {
        const loaders = languages.map((language) => {
          const module = JSON.stringify(LANGUAGE_PREFIX + language);
          return `${JSON.stringify(language)}: () => import(${module})`;
        });
        return [
          `export const namespaceNames = ${JSON.stringify(Object.keys(namespaces))};`,
          `export const wordsIn = { ${loaders.join(', ')} };`,
        ].join('\n');
      }
      const language = id.slice(`\0${LANGUAGE_PREFIX}`.length);
      const words = Object.fromEntries(Object.entries(namespaces).map(([name, pair]) => [name, pair[language]]));
      const missing = Object.keys(words).filter((name) => words[name] === undefined);
      if (missing.length > 0) this.error(`${id.slice(1)}: no "${language}" words in ${missing.join(', ')}`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(words))});`;
    },
  };
}
