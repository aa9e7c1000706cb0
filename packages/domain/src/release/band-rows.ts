import { countsInBand } from '../age-band.js';
import type { Gender, KpiDefinition } from '../kpi.js';
import type { ReleaseObservation } from './types.js';

/**
 * Age bands in the release: one more dimension beside gender. A KPI's rows
 * fall into parts: '' the total (as the views read it), each of its age
 * bands, and complements that are protected but never released: '~band' for
 * a 'subset' band (total − the "varav 18–24", the 25 and older), '~' for a
 * 'partition' KPI's cells stored without a band. With them every band
 * relation is a plain sum: total = Σ bands (+ '~'), total = band + '~band'.
 */
export const isComplement = (part: string): boolean => part.startsWith('~');

/** A row's id: `unit|gender` for the total, `unit|gender|part` for a band part; with gender null, a unit's key of one part. */
export function rowId(unit: string, gender: Gender | null, part: string): string {
  const base = gender === null ? unit : `${unit}|${gender}`;
  return part === '' ? base : `${base}|${part}`;
}

/** The unit, gender and band part of a row id (`own:` ids are not rows: strip it first). */
export function parseRowId(id: string): { unit: string; gender: Gender; part: string } {
  const m = /^(.*)\|([KMT])(?:\|(.*))?$/.exec(id);
  if (!m) throw new Error(`not a release row id: ${id}`);
  return { unit: m[1] ?? '', gender: (m[2] ?? 'T') as Gender, part: m[3] ?? '' };
}

const bandOf = (o: ReleaseObservation) => o.ageBand ?? '';

/** The observations of each band part of a KPI, the total first. */
export function bandParts(kpi: Pick<KpiDefinition, 'ageBands' | 'ageBandKind'>, obs: readonly ReleaseObservation[]): [string, ReleaseObservation[]][] {
  const total = obs.filter((o) => countsInBand(kpi, bandOf(o), undefined));
  const out: [string, ReleaseObservation[]][] = [['', total]];
  const bands = kpi.ageBands.map((b): [string, ReleaseObservation[]] => [b, obs.filter((o) => bandOf(o) === b)]).filter(([, cells]) => cells.length > 0);
  if (bands.length === 0) return out;
  out.push(...bands);
  if (kpi.ageBandKind === 'subset') for (const [b, cells] of bands) out.push([`~${b}`, complement(total, cells, `~${b}`)]);
  else {
    const rest = obs.filter((o) => bandOf(o) === '');
    if (rest.length > 0) out.push(['~', rest.map((o) => ({ ...o, ageBand: '~' }))]);
  }
  return out;
}

type Side = { n: number; d: number | null };

/** Σ of the cells the total reads for a gender: K or M where the unit's month is split, else T (as the sums do). */
function side(cells: readonly ReleaseObservation[], g: Gender): Side {
  let n = 0;
  let d: number | null = null;
  for (const c of cells) {
    if (c.gender !== g) continue;
    n += c.numerator;
    if (c.denominator !== null) d = (d ?? 0) + c.denominator;
  }
  return { n, d };
}

const plus = (a: Side, b: Side): Side => ({ n: a.n + b.n, d: a.d === null ? b.d : a.d + (b.d ?? 0) });
const isSplit = (cells: readonly ReleaseObservation[]) => cells.some((c) => c.gender !== 'T');
const bothOrT = (cells: readonly ReleaseObservation[]): Side => (isSplit(cells) ? plus(side(cells, 'K'), side(cells, 'M')) : side(cells, 'T'));

/**
 * total − band of each unit and month in which the band has data anywhere:
 * by K and M where both are split (or the band has no cell there), else T.
 */
function complement(total: readonly ReleaseObservation[], band: readonly ReleaseObservation[], part: string): ReleaseObservation[] {
  const months = new Set(band.map((o) => o.month));
  const group = (cells: readonly ReleaseObservation[]) => {
    const by = new Map<string, ReleaseObservation[]>();
    for (const c of cells) {
      if (!months.has(c.month)) continue;
      const key = `${c.unit}\u0000${c.month}`;
      by.set(key, [...(by.get(key) ?? []), c]);
    }
    return by;
  };
  const bands = group(band);
  const out: ReleaseObservation[] = [];
  for (const [key, tot] of group(total)) {
    const b = bands.get(key) ?? [];
    const first = tot[0];
    if (!first) continue;
    const cell = (gender: Gender, t: Side, s: Side): ReleaseObservation => ({
      kpi: first.kpi,
      unit: first.unit,
      month: first.month,
      gender,
      ageBand: part,
      numerator: t.n - s.n,
      denominator: t.d === null ? null : t.d - (s.d ?? 0),
    });
    if (isSplit(tot) && (b.length === 0 || isSplit(b))) for (const g of ['K', 'M'] as const) out.push(cell(g, side(tot, g), side(b, g)));
    else out.push(cell('T', bothOrT(tot), bothOrT(b)));
  }
  return out;
}
