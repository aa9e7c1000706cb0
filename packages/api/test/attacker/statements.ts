import type { KpiRecord } from '@lagesbild/db';
import { isRate, makeMonth, monthRange, yearOf, type Gender, type Month } from '@lagesbild/domain';
import type { CellSpace, Terms } from './cell-space.js';

/**
 * One figure a caller was shown (or shown as hidden), in the terms the
 * attacker reasons in: a KPI over a unit, some months and a gender.
 */
export interface Shown {
  /** Which procedure and arguments gave it, for the failure message. */
  via: string;
  kpi: string;
  unit: string;
  months: readonly Month[];
  gender: Gender;
  /** An age band ('' or absent: the KPI's total). */
  ageBand?: string;
  /** null: hidden. */
  value: number | null;
  /** A value; its change from `lastYear` months (value − last year's value); or a year-end forecast made at `asOf`. */
  form: { kind: 'value' } | { kind: 'change'; lastYear: readonly Month[] } | { kind: 'forecast'; asOf: Month };
}

/** lo ≤ Σ coef·x ≤ hi. */
export interface Row {
  terms: Terms;
  lo: number;
  hi: number;
  via: string;
}

/**
 * How precisely a shown number is known: a number already at the KPI's
 * display precision may have been rounded there (half a step either way);
 * one with more digits left the server unrounded and is exact.
 */
export function halfWidth(v: number, decimals: number, roundings = 1): number {
  const step = 10 ** -decimals;
  const scaled = v / step;
  return Math.abs(scaled - Math.round(scaled)) < 1e-7 ? (step / 2) * roundings : 1e-6 * Math.max(1, Math.abs(v));
}

const add = (into: Terms, from: Terms, factor: number) => {
  for (const [i, c] of from) into.set(i, (into.get(i) ?? 0) + c * factor);
  return into;
};

/** Numerator and denominator sums of a rate or ratio KPI. */
export function ratioParts(space: CellSpace, k: KpiRecord, unit: string, months: readonly Month[], gender: Gender): { num: Terms; den: Terms } {
  if (k.ratioOf) {
    return {
      num: space.termsOf({ kpi: k.ratioOf.numerator, unit, months, gender, side: 'num' }),
      den: space.termsOf({ kpi: k.ratioOf.denominator, unit, months, gender, side: 'num' }),
    };
  }
  return { num: space.termsOf({ kpi: k.id, unit, months, gender, side: 'num' }), den: space.termsOf({ kpi: k.id, unit, months, gender, side: 'den' }) };
}

/** Σ of a volume KPI scaled so that it equals the shown value: Σ·scale for a flow, Σ·scale/n for a mean. */
function volumeTerms(space: CellSpace, k: KpiRecord, unit: string, months: readonly Month[], gender: Gender, per?: number, band?: string): Terms | null {
  const n = per ?? space.monthsWithData(k.id, unit, months).length;
  if (n === 0) return null;
  const factor = k.timeAggregation === 'mean' ? k.scale / n : k.scale;
  return space.termsOf({ kpi: k.id, unit, months, gender, side: 'num', band }, factor);
}

/** num − c·den between lo and hi, for c in [cLo, cHi]: two rows. */
function ratioRows(num: Terms, den: Terms, cLo: number, cHi: number, via: string): Row[] {
  return [
    { terms: add(new Map(num), den, -cLo), lo: 0, hi: Infinity, via },
    { terms: add(new Map(num), den, -cHi), lo: -Infinity, hi: 0, via },
  ];
}

/** The months a forecast made at asOf scales up: January to asOf of that year. */
function forecastMonths(asOf: Month): Month[] {
  return monthRange(makeMonth(yearOf(asOf), 1), asOf);
}

/**
 * A row over whole numbers with one coefficient (up to sign) is a statement
 * about a whole number: divided by that coefficient its bounds round inwards
 * (20.5..21.5 is 21), as an attacker who knows counts are integers would.
 */
function tighten(space: CellSpace, r: Row): Row {
  const coefs = [...r.terms.values()].map(Math.abs);
  const c = coefs[0];
  if (c === undefined || coefs.some((x) => Math.abs(x - c) > 1e-12 * c)) return r;
  if (![...r.terms.keys()].every((i) => space.integral[i])) return r;
  const terms: Terms = new Map([...r.terms].map(([i, x]) => [i, x / c]));
  return { terms, lo: Math.ceil(r.lo / c - 1e-7), hi: Math.floor(r.hi / c + 1e-7), via: r.via };
}

/** What a shown figure tells the attacker, as rows over the unknowns. Hidden figures tell nothing here. */
export function rowsOf(space: CellSpace, s: Shown): Row[] {
  return linearRows(space, s).map((r) => tighten(space, r));
}

function linearRows(space: CellSpace, s: Shown): Row[] {
  const k = space.kpis.get(s.kpi);
  if (!k || s.value === null || k.timeAggregation === 'last') return [];
  // Bands are asked of volumes only here (their values: no change or forecast carries a band).
  if (s.ageBand && (isRate(k) || s.form.kind !== 'value')) throw new Error(`${s.via}: a band the attacker does not model`);
  const v = s.value;
  const f = s.form;
  if (f.kind === 'change') {
    if (isRate(k)) return [];
    const now = volumeTerms(space, k, s.unit, s.months, s.gender);
    const before = volumeTerms(space, k, s.unit, f.lastYear, s.gender);
    if (!now || !before) return [];
    const h = halfWidth(v, k.decimals, 2);
    return [{ terms: add(now, before, -1), lo: v - h, hi: v + h, via: s.via }];
  }
  const h = halfWidth(v, k.decimals);
  if (f.kind === 'forecast') {
    const used = space.monthsWithData(k.ratioOf?.numerator ?? k.id, s.unit, forecastMonths(f.asOf));
    if (used.length === 0) return [];
    if (isRate(k)) {
      const { num, den } = ratioParts(space, k, s.unit, used, s.gender);
      if (num.size === 0 || den.size === 0) return [];
      return ratioRows(num, den, (v - h) / k.scale, (v + h) / k.scale, s.via);
    }
    // Run-rate: a flow's year is ytd / n × 12; a mean's is the ytd mean. "actual" is the same with n = 12.
    const terms = volumeTerms(space, k, s.unit, used, s.gender, used.length);
    if (!terms) return [];
    const factor = k.timeAggregation === 'mean' ? 1 : 12 / used.length;
    return [{ terms: add(new Map(), terms, factor), lo: v - h, hi: v + h, via: s.via }];
  }
  if (isRate(k)) {
    const { num, den } = ratioParts(space, k, s.unit, s.months, s.gender);
    // Both sides or nothing: a side without cells is one the attacker does not model here.
    if (num.size === 0 || den.size === 0) return [];
    return ratioRows(num, den, (v - h) / k.scale, (v + h) / k.scale, s.via);
  }
  const terms = volumeTerms(space, k, s.unit, s.months, s.gender, undefined, s.ageBand);
  return terms && terms.size > 0 ? [{ terms, lo: v - h, hi: v + h, via: s.via }] : [];
}

/** Whether a forecast method is a linear function of the year to date (the seasonal one divides by earlier years' shares). */
export const LINEAR_FORECASTS: readonly string[] = ['run-rate', 'actual'];
