import type { KpiRecord, StoredCell } from '@lagesbild/db';
import { isRate, type Gender, type Month, type UnitTree } from '@lagesbild/domain';

/**
 * What the attacker solves for: every stored leaf cell, x[kpi][leaf][month][gender][band]
 * (and for a rate its denominator as a second unknown). A figure the API shows
 * is a linear statement about sums of these; T is K + M where the split is
 * stored. The tree (public: unit.tree) says which leaves a unit had in a month.
 * A "varav" band (subset) and its total are solved as the band and the rest
 * (band '~', total − band), both ≥ 0: the total is their sum.
 */
export type Side = 'num' | 'den';

/** A sum of stored cells: a KPI (one that stores cells) over a unit's leaves, some months and a gender. */
export interface Agg {
  kpi: string;
  unit: string;
  months: readonly Month[];
  gender: Gender;
  side: Side;
  /** undefined or '': the KPI's total; else one band, or '~' the total's part outside its bands. */
  band?: string;
}

export type Terms = Map<number, number>;

/**
 * A weight the attacker knows links two KPIs: full-time equivalents are
 * ordinary hours / 165 (the generator holds to this exactly, the demo to its
 * rounding of årsarbetare), so årsarbetare shown by gender give a sick-leave
 * denominator away.
 */
export interface WeightLink {
  /** The KPI whose cells are the rate's denominators divided by `per`, give or take `tolerance`. */
  kpi: string;
  rate: string;
  per: number;
  tolerance: number;
}

export class CellSpace {
  /** Unknowns by kpi|leaf|month|gender|side: one per age band. */
  private readonly vars = new Map<string, number[]>();
  readonly truth: number[] = [];
  /** Unknowns that are whole numbers (counts of people): a sum of them shown as 20.5..21.5 is 21. */
  readonly integral: boolean[] = [];
  /** The band of each unknown ('' none, '~' a varav band's rest). */
  private readonly bandOf: string[] = [];
  private readonly leavesAt = new Map<string, string[]>();

  constructor(
    readonly tree: UnitTree,
    readonly kpis: ReadonlyMap<string, KpiRecord>,
    cells: readonly StoredCell[],
    readonly links: readonly WeightLink[] = [],
  ) {
    const varav = new Map<string, number>();
    for (const c of cells) if (c.ageBand !== '' && kpis.get(c.kpiId)?.ageBandKind === 'subset') varav.set(this.key(c.kpiId, c.unit, c.month, c.gender, 'num'), c.numerator);
    for (const c of cells) {
      const k = kpis.get(c.kpiId);
      if (!k) throw new Error(`unknown KPI ${c.kpiId}`);
      this.mark(c.kpiId, c.unit, c.month);
      const key = this.key(c.kpiId, c.unit, c.month, c.gender, 'num');
      // A varav total is its rest beside the band's own unknown (one band per subset KPI here).
      const rest = k.ageBandKind === 'subset' && c.ageBand === '';
      this.add(key, c.numerator - (rest ? (varav.get(key) ?? 0) : 0), k.unit === 'count', rest ? '~' : c.ageBand);
      if (isRate(k) && !k.ratioOf) this.add(this.key(c.kpiId, c.unit, c.month, c.gender, 'den'), c.denominator ?? 0, false, c.ageBand);
    }
  }

  private key(kpi: string, leaf: string, month: Month, gender: Gender, side: Side): string {
    return `${kpi}|${leaf}|${month}|${gender}|${side}`;
  }

  private add(key: string, value: number, count: boolean, band: string): void {
    const list = this.vars.get(key) ?? [];
    list.push(this.truth.length);
    this.vars.set(key, list);
    this.truth.push(value);
    this.integral.push(count && Number.isInteger(value));
    this.bandOf.push(band);
  }

  /** What the links say, per leaf, month and gender: |per·fte − Σ denominators| ≤ per·tolerance. */
  linkRows(): { terms: Terms; lo: number; hi: number; via: string }[] {
    const out: { terms: Terms; lo: number; hi: number; via: string }[] = [];
    for (const l of this.links) {
      for (const [key, fte] of this.vars) {
        const [kpi, leaf, month, gender, side] = key.split('|');
        if (kpi !== l.kpi || side !== 'num' || !leaf || !month || !gender) continue;
        const den = this.vars.get(this.key(l.rate, leaf, month, gender as Gender, 'den')) ?? [];
        if (den.length === 0) continue;
        const terms: Terms = new Map();
        for (const i of fte) terms.set(i, l.per);
        for (const i of den) terms.set(i, -1);
        out.push({ terms, lo: -l.per * l.tolerance, hi: l.per * l.tolerance, via: `${l.kpi} = ${l.rate}s nämnare / ${l.per} (${leaf} ${month} ${gender})` });
      }
    }
    return out;
  }

  private mark(kpi: string, leaf: string, month: Month): void {
    const at = `${kpi}|${month}`;
    const list = this.leavesAt.get(at) ?? [];
    if (!list.includes(leaf)) list.push(leaf);
    this.leavesAt.set(at, list);
  }

  /** The leaves with data for a KPI under a unit in a month, as the tree was then. */
  leavesOf(kpi: string, unit: string, month: Month): string[] {
    return (this.leavesAt.get(`${kpi}|${month}`) ?? []).filter((leaf) => this.tree.isWithin(leaf, unit, month));
  }

  /** Months with data for a KPI under a unit (what a mean divides by; the API reports it as monthsWithData). */
  monthsWithData(kpi: string, unit: string, months: readonly Month[]): Month[] {
    return months.filter((m) => this.leavesOf(kpi, unit, m).length > 0);
  }

  /**
   * The unknowns an aggregate sums, each with its coefficient. As the engine
   * does (selectGender), T is K + M where a leaf and month has the split and
   * the stored T where it has not; the total sums every band (a varav's
   * band and rest), a band only its own.
   */
  termsOf(a: Agg, factor = 1, into: Terms = new Map()): Terms {
    const { kpi, side } = a;
    const coef = factor;
    const band = a.band ?? '';
    for (const m of a.months) {
      for (const leaf of this.leavesOf(a.kpi, a.unit, m)) {
        const of = (g: Gender) => this.vars.get(this.key(kpi, leaf, m, g, side)) ?? [];
        const split = [...of('K'), ...of('M')];
        const picked = a.gender !== 'T' ? of(a.gender) : split.length > 0 ? split : of('T');
        for (const i of picked) if (band === '' || this.bandOf[i] === band) into.set(i, (into.get(i) ?? 0) + coef);
      }
    }
    return into;
  }
  valueAt(terms: Terms): number {
    let s = 0;
    for (const [i, c] of terms) s += c * (this.truth[i] ?? 0);
    return s;
  }
}
