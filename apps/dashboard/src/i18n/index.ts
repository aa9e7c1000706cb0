import { createI18n, type Composer, type NamedValue } from 'vue-i18n';
import { accessEn } from './access-en.js';
import { accessSv } from './access-sv.js';
import { boardsEn } from './boards-en.js';
import { boardsSv } from './boards-sv.js';
import { chartsEn } from './charts-en.js';
import { chartsSv } from './charts-sv.js';
import { economyEn } from './economy-en.js';
import { economySv } from './economy-sv.js';
import { en } from './en.js';
import { followUpsEn } from './follow-ups-en.js';
import { followUpsSv } from './follow-ups-sv.js';
import { goalsEn } from './goals-en.js';
import { goalsSv } from './goals-sv.js';
import { importEn } from './import-en.js';
import { importSv } from './import-sv.js';
import { koladaEn } from './kolada-en.js';
import { koladaSv } from './kolada-sv.js';
import { reportEn } from './report-en.js';
import { reportSv } from './report-sv.js';
import { sv, type Messages as BaseMessages } from './sv.js';
import { wallEn } from './wall-en.js';
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

/** Every catalogue has exactly the Swedish keys: each English part is declared with its Swedish part's type. */
export const messages: Record<AppLocale, Messages> = {
  sv: {
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
  },
  en: {
    ...en,
    access: accessEn,
    boards: boardsEn,
    economy: economyEn,
    followUps: followUpsEn,
    goals: goalsEn,
    importer: importEn,
    kolada: koladaEn,
    report: reportEn,
    ...wallEn,
    ...chartsEn,
  },
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

/** Swedish first; English as a second language, remembered per browser. */
export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[Messages], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'sv',
    messages,
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
