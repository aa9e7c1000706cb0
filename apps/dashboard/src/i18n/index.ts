import { createI18n } from 'vue-i18n';
import { accessEn } from './access-en.js';
import { accessSv } from './access-sv.js';
import { boardsEn } from './boards-en.js';
import { boardsSv } from './boards-sv.js';
import { en } from './en.js';
import { importEn } from './import-en.js';
import { importSv } from './import-sv.js';
import { sv, type Messages as BaseMessages } from './sv.js';

/** The views' texts plus login and admin (kept in their own files). */
export type Messages = BaseMessages & { access: typeof accessSv; boards: typeof boardsSv; importer: typeof importSv };

export type AppLocale = 'sv' | 'en';

const STORAGE_KEY = 'lagesbild.locale';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): Swedish, not remembered
  }
}

function initialLocale(): AppLocale {
  return storage()?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
}

/** Swedish first; English as a second language, remembered per browser. */
export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[Messages], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'sv',
    messages: { sv: { ...sv, access: accessSv, boards: boardsSv, importer: importSv }, en: { ...en, access: accessEn, boards: boardsEn, importer: importEn } },
  });
}

export const i18n = createAppI18n();

function applyLang(locale: AppLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyLang(i18n.global.locale.value);

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  storage()?.setItem(STORAGE_KEY, locale);
  applyLang(locale);
}
