import i18next, { type BackendModule } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a module the build makes (words-by-language.mts), not a package
import { namespaceNames, wordsIn } from 'virtual:console-words';
import { LANGUAGES } from './resources';

/** The reader's choice is remembered in localStorage; the first visit follows the browser's language. */
export const LANGUAGE_STORAGE_KEY = 'console.language';

/**
 * Each language's words load on demand (built from resources/*.ts by
 * words-by-language.mts): the first load carries only the reader's.
 */
const wordsBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, done) {
    const words = wordsIn[language];
    if (!words) return done(new Error(`The console has no words in ${language}.`), false);
    words().then(
      ({ default: byNamespace }) => done(null, byNamespace[namespace] ?? {}),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

/** Settles once the reader's language is loaded: the console renders after it, so no text flashes as a key. */
export const i18nReady = i18n
  .use(LanguageDetector)
  .use(wordsBackend)
  .use(initReactI18next)
  .init({
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    // zh-CN, zh-TW … read the zh words; only those are loaded.
    load: 'languageOnly',
    // English for a reader whose language the console lacks; a Chinese reader needs no fallback (same keys,
    // resources.spec.ts) and so does not load the English words too.
    fallbackLng: { zh: [], default: ['en'] },
    defaultNS: 'common',
    ns: [...namespaceNames],
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
  });

// Screen readers and the browser's own formatting follow the page's language.
const syncDocumentLanguage = (language: string) => {
  document.documentElement.lang = language.startsWith('zh') ? 'zh-CN' : 'en';
};
void i18nReady.then(() => syncDocumentLanguage(i18n.resolvedLanguage ?? 'en'));
i18n.on('languageChanged', syncDocumentLanguage);
