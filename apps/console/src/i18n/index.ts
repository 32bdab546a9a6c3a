import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, namespaces } from './resources';

/** The reader's choice is remembered in localStorage; the first visit follows the browser's language. */
export const LANGUAGE_STORAGE_KEY = 'console.language';

function resources(): Resource {
  const byLanguage: Record<string, ResourceLanguage> = { en: {}, zh: {} };
  for (const [name, pair] of Object.entries(namespaces)) {
    byLanguage['en']![name] = pair.en;
    byLanguage['zh']![name] = pair.zh;
  }
  return byLanguage;
}

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: resources(),
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(namespaces),
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
syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', syncDocumentLanguage);
