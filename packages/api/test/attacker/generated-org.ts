import { createRandom, organisations, unitLinks, unitNames, units, upsertGeneratedKpis, type Db } from '@lagesbild/db';
import { addMonths, compareMonths, makeMonth, monthRange, type Month } from '@lagesbild/domain';
import fc from 'fast-check';

/**
 * Small organisations for the whole-API attacker (issue 15): SOC → 1–3
 * avdelningar → 3–7 enheter, one or two reorganisations (an enhet moves to
 * another avdelning in some month, or closes), 12–30 months of K/M cells that
 * are mostly small (0–6) with some larger ones. The KPIs are the generated
 * catalogue's (packages/db/src/generate/kpis.ts), one of each kind the engine
 * and the suppression treat differently; aktualiseringar are stored in two age
 * bands that make up the total, households with a "varav 18–24" beside theirs.
 */
export const KPI = {
  /** A flow of people: Σ over months (privacy small-count). */
  sum: 'gen-aktualiseringar',
  /** Households: the mean over months (privacy small-count). */
  mean: 'gen-hushall',
  /** Kronor paid to those households (privacy none: protected only through their households). */
  kr: 'gen-utbetalt',
  /** kr per household-month: Σ kr / Σ households. */
  ratio: 'gen-utbetalt-per-hushall',
  /** Sick hours / ordinary hours × 100 (privacy sick-leave: groups of ≤ 10 employees). */
  rate: 'gen-sjukfranvaro',
  /** Full-time equivalents, the mean over months; ordinary hours are 165 a month each, as in the demo. */
  fte: 'gen-arsarbetare',
} as const;

export const HOURS_PER_FTE = 165;

export interface OrgShape {
  /** Year and month the data starts. */
  startYear: number;
  startMonth: number;
  months: number;
  /** For each leaf, the index of its first avdelning. */
  leafParents: number[];
  parents: number;
  /** Moves of a leaf to another avdelning from a month offset on; an offset past the end never happens. */
  moves: { leaf: number; at: number; to: number }[];
  /** A leaf that closes from a month offset on, if any. */
  closes: { leaf: number; at: number } | null;
  seed: number;
}

interface GeneratedUnit {
  code: string;
  kind: 'forvaltning' | 'avdelning' | 'enhet';
  validTo: Month | null;
  parents: { parentCode: string; validFrom: Month; validTo: Month | null }[];
}

export interface GeneratedCell {
  kpi: string;
  unit: string;
  month: Month;
  gender: 'K' | 'M' | 'T';
  value: number;
  denominator: number | null;
  /** '' or absent: no band (the KPI's total, or a partition's unbanded cell). */
  ageBand?: string;
}

export interface GeneratedOrg {
  orgId: string;
  start: Month;
  end: Month;
  units: GeneratedUnit[];
  leaves: string[];
  cells: GeneratedCell[];
}

export const arbOrgShape: fc.Arbitrary<OrgShape> = fc
  .record({
    parents: fc.integer({ min: 1, max: 3 }),
    leaves: fc.integer({ min: 3, max: 7 }),
    months: fc.integer({ min: 12, max: 30 }),
    startYear: fc.integer({ min: 2019, max: 2021 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .chain((b) =>
    fc.record({
      startYear: fc.constant(b.startYear),
      startMonth: fc.constant(b.startMonth),
      months: fc.constant(b.months),
      parents: fc.constant(b.parents),
      seed: fc.constant(b.seed),
      leafParents: fc.array(fc.integer({ min: 0, max: b.parents - 1 }), { minLength: b.leaves, maxLength: b.leaves }),
      moves: fc.array(
        fc.record({ leaf: fc.integer({ min: 0, max: b.leaves - 1 }), at: fc.integer({ min: 1, max: b.months - 1 }), to: fc.integer({ min: 0, max: b.parents - 1 }) }),
        { minLength: 1, maxLength: 2 },
      ),
      closes: fc.option(fc.record({ leaf: fc.integer({ min: 0, max: b.leaves - 1 }), at: fc.integer({ min: 3, max: b.months - 1 }) }), { nil: null }),
    }),
  );

/** A fixed sample of shapes (bench/protection-level.ts measures on the same organisations every run). */
export const sampleOrgShapes = (seed: number, n: number): OrgShape[] => fc.sample(arbOrgShape, { seed, numRuns: n });

const leafCode = (i: number) => `E${i + 1}`;
const parentCode = (i: number) => `A${i + 1}`;

/** The tree and the cells of a shape, deterministic in its seed. */
export function buildOrg(orgId: string, s: OrgShape): GeneratedOrg {
  const start = makeMonth(s.startYear, s.startMonth);
  const end = addMonths(start, s.months - 1);
  const unitList: GeneratedUnit[] = [{ code: 'SOC', kind: 'forvaltning', validTo: null, parents: [] }];
  for (let p = 0; p < s.parents; p++) unitList.push({ code: parentCode(p), kind: 'avdelning', validTo: null, parents: [{ parentCode: 'SOC', validFrom: start, validTo: null }] });
  const leaves = s.leafParents.map((_, i) => leafCode(i));
  s.leafParents.forEach((home, i) => {
    // One move per leaf at most (the first listed), to an avdelning other than its home; with one avdelning a move becomes nothing.
    const move = s.moves.find((m) => m.leaf === i);
    const to = move ? (s.parents > 1 && move.to === home ? (home + 1) % s.parents : move.to) : home;
    const at = move ? addMonths(start, move.at) : null;
    const closesAt = s.closes && s.closes.leaf === i ? addMonths(start, s.closes.at) : null;
    const parents =
      at && to !== home && (!closesAt || compareMonths(at, closesAt) < 0)
        ? [
            { parentCode: parentCode(home), validFrom: start, validTo: at },
            { parentCode: parentCode(to), validFrom: at, validTo: closesAt },
          ]
        : [{ parentCode: parentCode(home), validFrom: start, validTo: closesAt }];
    unitList.push({ code: leafCode(i), kind: 'enhet', validTo: closesAt, parents });
  });
  const rand = createRandom(s.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // Mostly 0–6, one cell in six larger: small groups next to groups that may be shown.
  const count = () => (rand() < 0.17 ? int(7, 30) : int(0, 6));
  // The bands draw from their own stream: the rest of the organisation is what it was without them.
  const bandRand = createRandom(s.seed + 7919);
  const part = (v: number) => Math.floor(bandRand() * (v + 1));
  const cells: GeneratedCell[] = [];
  const months = monthRange(start, end);
  for (const u of unitList.filter((x) => x.kind === 'enhet')) {
    const staff = { K: int(1, 12), M: int(1, 8) };
    for (const month of months) {
      if (u.validTo && compareMonths(month, u.validTo) >= 0) continue;
      let households = 0;
      for (const gender of ['K', 'M'] as const) {
        const cell = (kpi: string, value: number, denominator: number | null = null, ageBand = '') => cells.push({ kpi, unit: u.code, month, gender, value, denominator, ageBand });
        const cases = count();
        const young = part(cases);
        cell(KPI.sum, young, null, '0-12');
        cell(KPI.sum, cases - young, null, '13-20');
        const hh = count();
        households += hh;
        cell(KPI.mean, hh);
        cell(KPI.mean, part(hh), null, '18-24');
        // Staff drift by one now and then; ordinary hours follow the full-time equivalents exactly.
        if (rand() < 0.15) staff[gender] = Math.max(1, staff[gender] + (rand() < 0.5 ? -1 : 1));
        const hours = staff[gender] * HOURS_PER_FTE;
        cell(KPI.fte, staff[gender]);
        cell(KPI.rate, Math.round(hours * rand() * 0.12), hours);
      }
      cells.push({ kpi: KPI.kr, unit: u.code, month, gender: 'T', value: households * int(3000, 9000), denominator: null });
    }
  }
  return { orgId, start, end, units: unitList, leaves, cells };
}

/** The long CSV the importer reads (kpi,unit,period,gender,value,denominator,age_band). */
export function longCsv(cells: readonly GeneratedCell[]): string {
  const lines = ['kpi,unit,period,gender,value,denominator,age_band'];
  for (const c of cells) lines.push(`${c.kpi},${c.unit},${c.month},${c.gender},${c.value},${c.denominator ?? ''},${c.ageBand ?? ''}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The organisation, its KPI catalogue and its unit tree, written as the
 * product stores them. The cells go in afterwards through the import (see
 * importCells), so roll-ups and anything else an import builds are built as in
 * production.
 */
export async function writeOrgFrame(db: Db, org: GeneratedOrg): Promise<void> {
  await upsertGeneratedKpis(db, 8);
  await db.insert(organisations).values({ id: org.orgId, name: `Angripen kommun ${org.orgId}` });
  const inserted = await db
    .insert(units)
    .values(org.units.map((u) => ({ orgId: org.orgId, code: u.code, name: u.code, kind: u.kind, validFrom: org.start, validTo: u.validTo })))
    .returning({ id: units.id, code: units.code });
  const idOf = new Map(inserted.map((u) => [u.code, u.id]));
  const id = (code: string) => {
    const v = idOf.get(code);
    if (v === undefined) throw new Error(`unknown unit ${code}`);
    return v;
  };
  await db.insert(unitNames).values(org.units.map((u) => ({ unitId: id(u.code), name: u.code, validFrom: org.start, validTo: u.validTo })));
  const links = org.units.flatMap((u) => u.parents.map((p) => ({ unitId: id(u.code), parentId: id(p.parentCode), validFrom: p.validFrom, validTo: p.validTo })));
  if (links.length) await db.insert(unitLinks).values(links);
}
