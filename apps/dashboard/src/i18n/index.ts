import { createI18n } from 'vue-i18n';
import { en } from './en.js';
import { sv } from './sv.js';

export type AppLocale = 'sv' | 'en';
const STORAGE_KEY = 'lagesbild.locale';

function initialLocale(): AppLocale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
}

/** Swedish first; English as a second language, remembered per browser. */
export const i18n = createI18n({ legacy: false, locale: initialLocale(), fallbackLocale: 'sv', messages: { sv, en } });

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
