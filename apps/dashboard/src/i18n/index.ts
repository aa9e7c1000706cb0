import { createI18n, type Composer, type NamedValue } from 'vue-i18n';
import { accessSv } from './access-sv.js';
import { boardsSv } from './boards-sv.js';
import { chartsSv } from './charts-sv.js';
import { economySv } from './economy-sv.js';
import { followUpsSv } from './follow-ups-sv.js';
import { goalsSv } from './goals-sv.js';
import { importSv } from './import-sv.js';
import { koladaSv } from './kolada-sv.js';
import { reportSv } from './report-sv.js';
import { sv, type Messages as BaseMessages } from './sv.js';
import { wallSv } from './wall-sv.js';

/** The Swedish catalogue is the schema: the views' texts plus login, admin, import, goals, the report and the wall (kept in their own files). */
export type Messages = BaseMessages & {
  access: typeof accessSv;
  boards: typeof boardsSv;
  economy: typeof economySv;
  followUps: typeof followUpsSv;
  goals: typeof goalsSv;
  importer: typeof importSv;
  kolada: typeof koladaSv;
  report: typeof reportSv;
} & typeof wallSv &
  typeof chartsSv;

export type AppLocale = 'sv' | 'en';

/** The Swedish catalogue, always in the bundle; English (en-catalogue.ts) is loaded on demand by loadLocale. */
export const svMessages: Messages = {
  ...sv,
  access: accessSv,
  boards: boardsSv,
  economy: economySv,
  followUps: followUpsSv,
  goals: goalsSv,
  importer: importSv,
  kolada: koladaSv,
  report: reportSv,
  ...wallSv,
  ...chartsSv,
};

/** 'overview.heading', 'access.login.title', …: the dotted path of every message. */
type Paths<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`> }[keyof T & string];
type MessageKey = Paths<Messages>;

/**
 * A key known when typechecking (a literal, or a template over a union) must be
 * in the catalogue; a key only known at run time (`groups.${id}` with a string
 * id) passes, and such callers check it with te() or trust the server's enum.
 */
type CheckedKey<K extends string> = Record<never, never> extends Record<K, 1> ? K : [K] extends [MessageKey] ? K : MessageKey;

interface CheckedTranslation {
  <K extends string>(key: CheckedKey<K>): string;
  <K extends string>(key: CheckedKey<K>, named: NamedValue): string;
  <K extends string>(key: CheckedKey<K>, plural: number): string;
}

// vue-i18n's own t() takes any string (intlify/vue-i18n#1116), so a typo in a key would only show at run
// time. The argument-less useI18n() (the only form the app calls) is narrowed to the global composer
// with a t() checked against the Swedish catalogue; the runtime function is the same.
declare module 'vue-i18n' {
  export function useI18n(): Omit<Composer<Record<AppLocale, Messages>, object, object, AppLocale>, 't'> & { t: CheckedTranslation };
}

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

/**
 * Swedish first; English as a second language, remembered per browser. The instance starts with
 * Swedish only: the app calls loadLocale before showing English; a test that renders English
 * passes the English catalogue (imported from en-catalogue.ts) as `en`.
 */
export function createAppI18n(locale: AppLocale = initialLocale(), en?: Messages) {
  const messages: Partial<Record<AppLocale, Messages>> = en ? { sv: svMessages, en } : { sv: svMessages };
  return createI18n<[Messages], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'sv',
    messages: messages as Record<AppLocale, Messages>,
  });
}

export const i18n = createAppI18n();

let english: Promise<void> | null = null;

/** Makes a locale's messages available to the app's instance; English is fetched once, on first use. */
export async function loadLocale(locale: AppLocale): Promise<void> {
  if (locale === 'sv') return;
  english ??= import('./en-catalogue.js').then(({ enMessages }) => i18n.global.setLocaleMessage('en', enMessages));
  try {
    await english;
  } catch (error) {
    english = null; // a failed fetch (offline) may be retried by the next switch
    throw error;
  }
}

function applyLang(locale: AppLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyLang(i18n.global.locale.value);

/** Switches the app's language once its messages are loaded, and remembers the choice. */
export async function setLocale(locale: AppLocale): Promise<void> {
  await loadLocale(locale);
  i18n.global.locale.value = locale;
  storage()?.setItem(STORAGE_KEY, locale);
  applyLang(locale);
}
