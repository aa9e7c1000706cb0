import { importBatches, kpis, observations, organisations, refreshRollups, dropRollups, unitLinks, units, type Db } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { addMonths, UnitTree, type UnitNode } from '@lagesbild/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerContext } from '../src/context.js';
import { appRouter } from '../src/root.js';
import { scopeGuard } from '../src/access/scope.js';

/**
 * Property: for generated organisations whose tree reorganises (enheter
 * moving between avdelningar, an avdelning sinking under another, units
 * opening and closing) and a unit manager of some of its units, nothing she
 * receives depends on a cell outside her scope in that cell's month. Every
 * observation outside her month-scope is changed or deleted, and every answer
 * she gets — overview (with last year, sparkline and forecast), series at
 * every grain and split, drill-down, catalogue, tree, her default period —
 * must stay exactly the same, refusals included. Through the real API, on
 * roll-ups or raw cells.
 */
const START = '2020-07';
const MONTHS = 18;
const month = (i: number) => addMonths(START, i);
const base = { description: '', group: 'ekonomi', source: 'test', scale: 1, decimals: 0, validFrom: '2000-01', ageBands: [] as string[] };
const KPIS = [
  { ...base, id: 'ms-sum', name: 'Summa', nameEn: 'sum', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: true, privacyClass: 'none' },
  { ...base, id: 'ms-mean', name: 'Medel', nameEn: 'mean', unit: 'count', direction: 'higher', timeAggregation: 'mean', genderSplit: false, privacyClass: 'none' },
  { ...base, id: 'ms-rare', name: 'Sällan', nameEn: 'rare', unit: 'count', direction: 'none', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' },
] as const;
const PERIODS = ['2021-T2', '2021', '2021-02:2021-09', '2021-08-YTD', '2021-12-R12'];

/** A leaf's life and parents: open from `from`, closed at `to` (exclusive), moving at `moveAt` to `second`. */
const leafArb = fc.record({
  from: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
  to: fc.option(fc.integer({ min: 8, max: MONTHS - 1 }), { nil: null }),
  first: fc.constantFrom('A1', 'A2', 'A3'),
  moveAt: fc.option(fc.integer({ min: 1, max: MONTHS - 1 }), { nil: null }),
  second: fc.constantFrom('A1', 'A2', 'A3'),
});
const orgArb = fc.record({
  leaves: fc.array(leafArb, { minLength: 2, maxLength: 4 }),
  /** A3 lives [a3From, a3To); A2 sinks under A1 from `sink`. */
  a3From: fc.integer({ min: 0, max: 8 }),
  a3To: fc.option(fc.integer({ min: 10, max: MONTHS - 1 }), { nil: null }),
  sink: fc.option(fc.integer({ min: 1, max: MONTHS - 1 }), { nil: null }),
  roots: fc.uniqueArray(fc.constantFrom('A1', 'A2', 'A3', 'L1', 'L2', 'L3', 'L4'), { minLength: 1, maxLength: 2 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  rollups: fc.boolean(),
});
type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

/** [parent, fromIndex, toIndex | null] runs, from a parent per month (null: the unit does not exist then). */
function runs(perMonth: (string | null)[]): [string, number, number | null][] {
  const out: [string, number, number | null][] = [];
  perMonth.forEach((p, i) => {
    const last = out[out.length - 1];
    if (p !== null && last && last[0] === p && last[2] === i) last[2] = i + 1;
    else if (p !== null) out.push([p, i, i + 1]);
  });
  return out.map(([p, a, b]) => [p, a, b === MONTHS ? null : b]);
}

function treeOf(spec: OrgSpec): UnitNode[] {
  const a3Alive = (i: number) => i >= spec.a3From && (spec.a3To === null || i < spec.a3To);
  const node = (code: string, kind: UnitNode['kind'], parents: [string, number, number | null][], from = 0, to: number | null = null): UnitNode => ({
    code,
    kind,
    name: `Enhet ${code}`,
    validFrom: month(from),
    validTo: to === null ? null : month(to),
    names: [],
    parents: parents.map(([parentCode, a, b]) => ({ parentCode, validFrom: month(a), validTo: b === null ? null : month(b) })),
  });
  const all = Array.from({ length: MONTHS }, (_, i) => i);
  const a2 = all.map((i) => (spec.sink !== null && i >= spec.sink ? 'A1' : 'SOC'));
  const out = [
    node('SOC', 'forvaltning', []),
    node('A1', 'avdelning', runs(all.map(() => 'SOC'))),
    node('A2', 'avdelning', runs(a2)),
    node('A3', 'avdelning', runs(all.map((i) => (a3Alive(i) ? 'SOC' : null))), spec.a3From, spec.a3To),
  ];
  spec.leaves.forEach((l, n) => {
    const alive = (i: number) => i >= l.from && (l.to === null || i < l.to);
    const parent = all.map((i) => {
      if (!alive(i)) return null;
      const p = l.moveAt !== null && i >= l.moveAt ? l.second : l.first;
      return p === 'A3' && !a3Alive(i) ? 'A1' : p;
    });
    out.push(node(`L${n + 1}`, 'enhet', runs(parent), l.from, l.to));
  });
  return out;
}

async function insertOrg(db: Db, orgId: string, spec: OrgSpec): Promise<UnitTree> {
  const nodes = treeOf(spec);
  await db.insert(organisations).values({ id: orgId, name: orgId });
  const rows = await db
    .insert(units)
    .values(nodes.map((u) => ({ orgId, code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo })))
    .returning({ id: units.id, code: units.code });
  const id = (code: string) => rows.find((r) => r.code === code)?.id ?? -1;
  const links = nodes.flatMap((u) => u.parents.map((p) => ({ unitId: id(u.code), parentId: id(p.parentCode), validFrom: p.validFrom, validTo: p.validTo })));
  if (links.length) await db.insert(unitLinks).values(links);
  const [batch] = await db.insert(importBatches).values({ orgId, fileName: 'prop', sha256: orgId, format: 'test', origin: 'synthetic', createdBy: 'test' }).returning();
  const tree = new UnitTree(nodes);
  let x = spec.seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 50;
  const cells: (typeof observations.$inferInsert)[] = [];
  // Leaves hold the data; A1 also holds a few cells of its own.
  for (const code of [...nodes.filter((u) => u.kind === 'enhet').map((u) => u.code), 'A1']) {
    for (let i = 0; i < MONTHS; i++) {
      const m = month(i);
      if (!tree.exists(code, m) || (code === 'A1' && i % 4 !== 0)) continue;
      const common = { orgId, unitId: id(code), month: m, origin: 'synthetic' as const, batchId: batch?.id ?? null };
      cells.push({ ...common, kpiId: 'ms-sum', gender: 'K', numerator: next() + 1 }, { ...common, kpiId: 'ms-sum', gender: 'M', numerator: next() + 1 });
      cells.push({ ...common, kpiId: 'ms-mean', gender: 'T', numerator: next() });
      if (next() < 8) cells.push({ ...common, kpiId: 'ms-rare', gender: 'T', numerator: next() });
    }
  }
  await db.insert(observations).values(cells);
  if (spec.rollups) await db.transaction((tx) => refreshRollups(tx, orgId));
  return tree;
}

/** Every cell outside the manager's scope in its month: changed, and every third one deleted. */
async function perturbOutside(db: Db, orgId: string, tree: UnitTree, roots: string[], rollups: boolean): Promise<number> {
  const guard = scopeGuard({ kind: 'units', units: roots }, tree);
  const cells = await db
    .select({ id: observations.id, unit: units.code, month: observations.month, numerator: observations.numerator })
    .from(observations)
    .innerJoin(units, eq(units.id, observations.unitId))
    .where(eq(observations.orgId, orgId));
  const outside = cells.filter((c) => !guard.allows(c.unit, c.month));
  for (const [n, c] of outside.entries()) {
    if (n % 3 === 2) await db.delete(observations).where(eq(observations.id, c.id));
    else
      await db
        .update(observations)
        .set({ numerator: c.numerator * 7 + 1000 })
        .where(eq(observations.id, c.id));
  }
  if (rollups) await db.transaction((tx) => refreshRollups(tx, orgId));
  else await dropRollups(db, orgId);
  return outside.length;
}

type Answer = { ok: unknown } | { refused: string; message: string };
async function answer(run: () => Promise<unknown>): Promise<Answer> {
  try {
    return { ok: await run() };
  } catch (err) {
    if (err instanceof TRPCError) return { refused: err.code, message: err.message };
    throw err;
  }
}

/** Everything the manager can ask, for every unit of the organisation (hers or not). */
async function everything(db: Db, orgId: string, roots: string[]): Promise<Record<string, Answer>> {
  const api = appRouter.createCaller(callerContext(db, orgId, { user: { id: 'chef', userId: null, name: 'Chef', roles: ['enhetschef'] }, scope: { kind: 'units', units: roots } }));
  const out: Record<string, Answer> = {
    default: await answer(() => api.overview.get({})),
    kpis: await answer(() => api.kpi.list()),
    tree: await answer(() => api.unit.tree({ month: '2021-06' })),
  };
  for (const unit of ['SOC', 'A1', 'A2', 'A3', 'L1', 'L2', 'L3', 'L4']) {
    for (const period of PERIODS) out[`overview ${unit} ${period}`] = await answer(() => api.overview.get({ unit, period }));
    for (const period of ['2021', '2021-02:2021-09']) out[`drill ${unit} ${period}`] = await answer(() => api.drilldown.get({ kpi: 'ms-sum', unit, period }));
    out[`drill ${unit} K`] = await answer(() => api.drilldown.get({ kpi: 'ms-sum', unit, period: '2021-T1', gender: 'K' }));
    for (const grain of ['month', 'tertial', 'year'] as const)
      for (const split of ['none', 'gender', 'unit'] as const)
        out[`series ${unit} ${grain} ${split}`] = await answer(() => api.series.get({ kpi: 'ms-sum', unit, start: START, end: month(MONTHS - 1), grain, split }));
    out[`series mean ${unit}`] = await answer(() => api.series.get({ kpi: 'ms-mean', unit, start: '2020-09', end: '2021-10', grain: 'tertial', split: 'unit' }));
  }
  return out;
}

describe.each(TEST_DB_KINDS)("a unit manager's answers depend only on cells in her scope that month, on %s", (kind) => {
  let org = 0;
  const database = useTestDatabase(kind, (opened) => opened.db.insert(kpis).values([...KPIS]));

  it('changing or deleting every cell outside her month-scope changes nothing she can read', { timeout: 600_000 }, async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const orgId = `ms-${++org}`;
        const tree = await insertOrg(db, orgId, spec);
        const before = await everything(db, orgId, spec.roots);
        const admin = appRouter.createCaller(callerContext(db, orgId, { user: { id: 'admin', userId: null, name: 'A', roles: ['admin'] }, scope: { kind: 'all' } }));
        const adminBefore = await admin.series.get({ kpi: 'ms-sum', unit: 'SOC', start: START, end: month(MONTHS - 1) });
        const changed = await perturbOutside(db, orgId, tree, spec.roots, spec.rollups);
        const after = await everything(db, orgId, spec.roots);
        // Not vacuous: what she cannot see did change for someone who can.
        if (changed > 0) expect(await admin.series.get({ kpi: 'ms-sum', unit: 'SOC', start: START, end: month(MONTHS - 1) })).not.toEqual(adminBefore);
        for (const key of Object.keys(before)) expect({ key, answer: after[key] }).toEqual({ key, answer: before[key] });
      }),
      { numRuns: 4 },
    );
  });
});
