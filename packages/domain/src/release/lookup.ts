import type { Gender, KpiDefinition } from '../kpi.js';
import { monthIndex, monthRange, type Month } from '../month.js';
import { periodKey, type Period } from '../period.js';
import { isRate } from '../status.js';
import { rowId } from './band-rows.js';
import type { IndividualsNoun, Release } from './types.js';

type ReleaseKpiRef = Pick<KpiDefinition, 'id' | 'timeAggregation' | 'ratioOf' | 'decimals' | 'unit'>;

/** 'unheld': a custom range this KPI cannot be answered for from the release (a rate's months do not add up). */
export type ReleaseMark = 'none' | 'primary' | 'secondary' | 'unheld';

/** A cell as a suppressed audience gets it. */
export interface ReleasedCell {
  /** Rounded to display precision; null where hidden or without data. */
  value: number | null;
  mark: ReleaseMark;
  /** Who a primary cell protects ("färre än 5 hushåll"). */
  noun: IndividualsNoun | null;
  /** Months of the period with data. */
  monthsWithData: number;
}

/** A period the release does not hold, with a Swedish explanation of what to ask for instead. */
export class PeriodNotReleasedError extends Error {
  constructor(readonly period: string) {
    super(
      `Perioden ${period} finns inte i den skyddade sammanställningen för din roll: välj en månad, ett tertial, delår, år, hittills i år (ÅÅÅÅ-MM-YTD) eller rullande 12 månader (ÅÅÅÅ-MM-R12). Egna intervall går inte att visa utan att dolda småtal kan räknas fram.`,
    );
    this.name = 'PeriodNotReleasedError';
  }
}

const EMPTY = (noun: IndividualsNoun | null): ReleasedCell => ({ value: null, mark: 'none', noun, monthsWithData: 0 });

/** Fast lookups in a release: the period index is built once per release. */
export class ReleaseIndex {
  private readonly at: Map<string, number>;

  constructor(readonly release: Release) {
    this.at = new Map(release.periods.map((p, i) => [p, i]));
  }

  /** Whether the release holds this kind of period (custom ranges it does not). */
  holds(p: Period): boolean {
    return p.kind !== 'range' || this.at.has(periodKey(p));
  }

  /**
   * One cell. A held kind of period outside the months with data has no data.
   * A custom range is answered from its months (a sum or mean of shown months,
   * or the last month's value) only when every month in it is shown, which
   * adds nothing to what the months give; a rate over a range is refused.
   */
  cell(k: ReleaseKpiRef, unit: string, gender: Gender, p: Period, band = ''): ReleasedCell {
    const rk = this.release.kpis[k.id];
    const noun = rk?.noun ?? null;
    const key = periodKey(p);
    const i = this.at.get(key);
    // A custom range, or a YTD or R12 reaching past the last month with data: answered from its months.
    if (i === undefined) return this.range(k, unit, gender, p, band);
    const row = rk?.rows[rowId(unit, gender, band)];
    if (!row || i === undefined) return EMPTY(noun);
    const mark = row.m[i] ?? '.';
    return {
      value: mark === '0' ? (row.v[i] ?? null) : null,
      mark: mark === '1' ? 'primary' : mark === '2' ? 'secondary' : 'none',
      noun,
      monthsWithData: this.monthsWithData(row.m, p),
    };
  }

  private monthsWithData(marks: string, p: Period): number {
    let n = 0;
    for (const m of monthRange(p.start, p.end)) {
      const j = this.at.get(m);
      if (j !== undefined && marks[j] !== '.') n++;
    }
    return n;
  }

  private range(k: ReleaseKpiRef, unit: string, gender: Gender, p: Period, band: string): ReleasedCell {
    const rk = this.release.kpis[k.id];
    const noun = rk?.noun ?? null;
    const row = rk?.rows[rowId(unit, gender, band)];
    if (!row || this.monthsWithData(row.m, p) === 0) return EMPTY(noun);
    // A rate's months cannot be combined from their rounded values (their weights are not released).
    if (isRate(k)) return { value: null, mark: 'unheld', noun, monthsWithData: 0 };
    const values: number[] = [];
    let hidden = false;
    for (const m of monthRange(p.start, p.end)) {
      const j = this.at.get(m);
      if (j === undefined) continue;
      const mark = row.m[j];
      if (mark === '1' || mark === '2') hidden = true;
      else if (mark === '0') values.push(row.v[j] ?? 0);
    }
    if (hidden) return { value: null, mark: 'secondary', noun, monthsWithData: this.monthsWithData(row.m, p) };
    if (values.length === 0) return EMPTY(noun);
    const sum = values.reduce((a, b) => a + b, 0);
    const raw = k.timeAggregation === 'last' ? (values[values.length - 1] ?? 0) : k.timeAggregation === 'mean' ? sum / values.length : sum;
    const f = 10 ** k.decimals;
    return { value: Math.round(raw * f) / f, mark: 'none', noun, monthsWithData: values.length };
  }

  /** Released month values of a row (the total, or an age band's), for a sparkline or a forecast (null where hidden or without data). */
  months(k: Pick<KpiDefinition, 'id'>, unit: string, gender: Gender, start: Month, end: Month, band = ''): (number | null)[] {
    const row = this.release.kpis[k.id]?.rows[rowId(unit, gender, band)];
    return monthRange(start, end).map((m) => {
      const j = this.at.get(m);
      return row && j !== undefined && row.m[j] === '0' ? (row.v[j] ?? null) : null;
    });
  }

  /** Whether a month lies within the months the release covers. */
  covers(m: Month): boolean {
    const { first, last } = this.release;
    return first !== null && last !== null && monthIndex(m) >= monthIndex(first) && monthIndex(m) <= monthIndex(last);
  }
}
