import { parsePeriod } from '@lagesbild/domain';

/**
 * The follow-up forms' rules, checked before a request so a missing field is
 * named at the field; the server checks again and its Swedish refusal is shown
 * as it is.
 */
export const ATGARD_STATUSES = ['planerad', 'pagar', 'klar', 'avbruten'] as const;
export const UPPDRAG_STATUSES = ['ej-paborjat', 'pagar', 'klart', 'avslutat'] as const;

/** What is wrong with a field, as a key under followUps.errors. */
type FieldError = 'required' | 'date';
export type FormErrors<F> = Partial<Record<keyof F, FieldError>>;

/** What a goal's follow-up lists are given alike: where their ids start, their heading level, and whether they offer their forms. */
export interface ListBase {
  idBase: string;
  level: number;
  mayAssess: boolean;
}

export interface AtgardForm {
  avvikelse: string;
  title: string;
  owner: string;
  dueDate: string;
  expectedEffect: string;
}
export interface UppdragForm {
  title: string;
}
export interface CommentForm {
  date: string;
  body: string;
  status: string;
}
export interface RiskForm {
  risk: string;
  orsak: string;
  konsekvenser: string;
  hantering: string;
}

const blank = (s: string) => s.trim() === '';

/** How a ÅÅÅÅ-MM-DD field is typed: digits on a phone's keyboard, and no autofill of other dates. */
export const DATE_INPUT = { inputmode: 'numeric', autocomplete: 'off' } as const;

/** A real calendar date written ÅÅÅÅ-MM-DD (2020-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function errors<F>(checks: [keyof F, FieldError | null][]): FormErrors<F> {
  const out: FormErrors<F> = {};
  for (const [field, e] of checks) if (e) out[field] = e;
  return out;
}

/** Åtgärd and ansvarig are needed; klart senast may be left out, but when given it is a date. */
export const atgardErrors = (f: AtgardForm): FormErrors<AtgardForm> =>
  errors<AtgardForm>([
    ['title', blank(f.title) ? 'required' : null],
    ['owner', blank(f.owner) ? 'required' : null],
    ['dueDate', !blank(f.dueDate) && !isIsoDate(f.dueDate.trim()) ? 'date' : null],
  ]);

export const uppdragErrors = (f: UppdragForm): FormErrors<UppdragForm> => errors<UppdragForm>([['title', blank(f.title) ? 'required' : null]]);

/** A dated comment: the date is required (the reports print it before the text). */
export const commentErrors = (f: CommentForm): FormErrors<CommentForm> =>
  errors<CommentForm>([
    ['date', blank(f.date) ? 'required' : !isIsoDate(f.date.trim()) ? 'date' : null],
    ['body', blank(f.body) ? 'required' : null],
  ]);

export const riskErrors = (f: RiskForm): FormErrors<RiskForm> => errors<RiskForm>([['risk', blank(f.risk) ? 'required' : null]]);

export const hasErrors = (e: object): boolean => Object.keys(e).length > 0;

/** Today in the reader's own calendar (not UTC), as ÅÅÅÅ-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The follow-up period an åtgärd on the KPI view is written in. A tertial,
 * delår or year shown is one already. Any other period (a month, a rolling
 * year) lies in a tertial, the delår and the year at once, so it is the year
 * of its last month: the åtgärdsplan runs over the year, and an åtgärd is not
 * bound to a period anyway (the period only says over which months the unit
 * must be the caller's).
 */
export function followUpPeriodOf(period: string): string | null {
  try {
    const p = parsePeriod(period);
    if (p.kind === 'tertial' || p.kind === 'delar' || p.kind === 'year') return period;
    return p.end.slice(0, 4);
  } catch {
    return null;
  }
}
