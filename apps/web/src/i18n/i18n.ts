import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

import { en } from './locales/en';
import { zh } from './locales/zh';

export const supportedLanguages = ['en', 'zh'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'octoproxy.language';

export const resources = { en: { translation: en }, zh: { translation: zh } } as const;

/**
 * A ready i18next instance: the stored choice first, then the browser's languages, English last.
 * Resources are bundled, so initialisation is synchronous and no text ever flashes untranslated.
 */
export function createI18n(options: { language?: Language } = {}): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      ...(options.language === undefined ? {} : { lng: options.language }),
      supportedLngs: [...supportedLanguages],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: languageStorageKey,
        caches: ['localStorage'],
      },
    });
  return instance;
}

/** The instance's language reduced to one we ship (`zh-CN` → `zh`). */
export function currentLanguage(instance: i18n): Language {
  const resolved = instance.resolvedLanguage ?? instance.language;
  return resolved.startsWith('zh') ? 'zh' : 'en';
}
