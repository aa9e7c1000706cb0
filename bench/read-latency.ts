/**
 * Read latency at scale: the dashboard's overview, series and drill-down for
 * one organisation while the database holds 1 M and 10 M observations of many
 * organisations, next to the hand-written SQL that computes the same numbers
 * from raw observations (the floor, bench/lib/read-floors.ts).
 *
 *   npx tsx bench/read-latency.ts [--sizes 1000000,10000000] [--runs 50] [--raw-runs 10] [--explain]
 *        [--keep NAME [--generate-only]]
 *
 * --keep NAME grows a database that is kept between runs (resumed where it
 * stopped); --generate-only stops after growing, so the timing can be run
 * later, on a quiet machine, with the same --keep and no generation left.
 *
 * One throw-away PostgreSQL database grows through the sizes: organisations
 * gen-001… are generated (pnpm lagesbild generate's path: COPY and roll-ups in
 * one transaction per org) until the size is reached, then ANALYZE, then each
 * query runs warm-up + N times for gen-001. Each engine run does what the
 * tRPC procedure does with an admin scope: load the engine context, resolve
 * the period, build the view. "engine" reads roll-ups (the design);
 * "engine raw" is the same code on raw cells, as before roll-ups.
 * The engine's values are checked against the floor's in the same run.
 * Each line ends with the machine's 1-minute load average, since the machine
 * may be shared and its other work shows up in the percentiles.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ALL_UNITS, buildDrilldown, buildOverview, buildSeries, loadEngineContext, resolvePeriod, scopeGuard, type EngineContext } from '../packages/api/src/index.js';
import { generatedKpis, queryRows, refreshRollups, sql, type Db, type GenerateSpec, type SQL } from '../packages/db/src/index.js';
import { addMonths, monthPeriod, monthRange, sameLastYear, tertial, tertialOf, yearOf, type Period } from '../packages/domain/src/index.js';
import { GENERATED_SPEC, openGeneratedDatabase } from './lib/generated-db.js';
import { floorSql, floorValues, type FloorQuery, type FloorValue, type Window } from './lib/read-floors.js';
import { fmt, percentile } from './lib/sse-harness.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    runs: { type: 'string', default: '50' },
    'raw-runs': { type: 'string', default: '10' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'string' },
    'generate-only': { type: 'boolean', default: false },
  },
});
const SIZES = (args.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const RUNS = Number(args.runs);
const RAW_RUNS = Number(args['raw-runs']);
const SPEC: GenerateSpec = GENERATED_SPEC;
const ORG = 'gen-001';
const ROOT = 'SOC';
const KPI = 'gen-hushall';
const SCOPE = { kind: 'all' } as const;

type Timed = () => Promise<unknown>;
interface Row {
  size: number;
  query: string;
  variant: string;
  ms: number[];
}
const rows: Row[] = [];

async function time(size: number, query: string, variant: string, fn: Timed, runs: number): Promise<void> {
  for (let i = 0; i < Math.min(5, Math.ceil(runs / 5)); i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  rows.push({ size, query, variant, ms: ms.sort((a, b) => a - b) });
  const s = rows[rows.length - 1]?.ms ?? [];
  console.log(
    `  ${query.padEnd(15)} ${variant.padEnd(11)} N=${String(runs).padStart(3)}  p50 ${fmt(percentile(s, 50))}  p95 ${fmt(percentile(s, 95))}  p99 ${fmt(percentile(s, 99))} ms  (load ${loadavg()[0]?.toFixed(1)})`,
  );
}

/** The latest month as latestDataMonth computed it before roll-ups: a scan of the organisation's observations. */
async function rawLatest(db: Db): Promise<string> {
  const [r] = await queryRows<{ m: string }>(
    db,
    sql`SELECT max(o.month) AS m FROM observations o JOIN import_batches b ON b.id = o.batch_id WHERE o.org_id = ${ORG} AND b.status = 'committed'`,
  );
  if (!r?.m) throw new Error('no data');
  return r.m;
}

async function context(db: Db, rollups: boolean): Promise<{ ctx: EngineContext; period: Period; latest: string | null }> {
  const ctx = await loadEngineContext(db, ORG, { rollups });
  if (rollups) {
    const { period, latest } = await resolvePeriod(db, ORG, undefined);
    return { ctx, period, latest };
  }
  const latest = await rawLatest(db);
  return { ctx, period: monthPeriod(latest), latest };
}

/** suppress: a suppressed audience's overview, lookups in the protected release (kept per process, docs/privacy.md). */
const overview =
  (db: Db, rollups: boolean, suppress = false) =>
  async () => {
    const { ctx, period, latest } = await context(db, rollups);
    // The request path's scope check, as the overview procedure pays it.
    scopeGuard(SCOPE, ctx.tree).assertUnitForMonths(ROOT, monthRange(period.start, period.end));
    return buildOverview(db, ctx, ROOT, period, latest, suppress, ALL_UNITS);
  };
const series = (db: Db, rollups: boolean, end: string) => async () => {
  const { ctx } = await context(db, rollups);
  return buildSeries(db, ctx, { kpi: KPI, unit: ROOT, start: '2019-01', end, grain: 'month', split: 'unit', suppress: false, access: ALL_UNITS });
};
const drill = (db: Db, rollups: boolean, unit: string, period: Period) => async () => {
  const { ctx } = await context(db, rollups);
  return buildDrilldown(db, ctx, { kpi: KPI, unit, period, gender: 'T', suppress: false, access: ALL_UNITS });
};

/** Windows of the overview: the period, the same period last year, 24 sparkline months. */
function overviewWindows(p: Period): Window[] {
  const ly = sameLastYear(p);
  return [{ label: 'v', lo: p.start, hi: p.end }, { label: 'ly', lo: ly.start, hi: ly.end }, ...monthRange(addMonths(p.end, -23), p.end).map((m) => ({ label: m, lo: m, hi: m }))];
}

function agree(what: string, engine: Map<string, number | null>, floor: FloorValue[]): void {
  if (floor.length === 0) {
    console.log(`  check ${what}: the floor returned nothing`);
    process.exitCode = 1;
  }
  let n = 0;
  const bad: string[] = [];
  for (const f of floor) {
    const key = `${f.anchor}|${f.kpi}|${f.label}`;
    if (!engine.has(key)) continue;
    const e = engine.get(key) ?? null;
    const v = f.value === null ? null : Number(f.value);
    n++;
    if ((e === null) !== (v === null) || (e !== null && v !== null && Math.abs(e - v) > 1e-9 * Math.max(1, Math.abs(v)))) bad.push(`${key}: engine ${e} floor ${v}`);
  }
  console.log(`  check ${what}: ${n} values compared, ${bad.length === 0 ? 'engine = floor' : `${bad.length} DIFFER: ${bad.slice(0, 5).join('; ')}`}`);
  if (n === 0 || bad.length) process.exitCode = 1;
}

async function measure(db: Db, size: number, actual: number): Promise<void> {
  console.log(`\n== ${actual.toLocaleString('sv-SE')} observations (target ${size.toLocaleString('sv-SE')}) ==`);
  const { ctx, period } = await context(db, true);
  if (!ctx.rollups) throw new Error('roll-ups are not fresh');
  const kpiIds = generatedKpis(SPEC.kpis).map((k) => k.id);
  const sources = generatedKpis(SPEC.kpis)
    .filter((k) => !k.ratioOf)
    .map((k) => k.id);
  const t = tertial(yearOf(period.end), tertialOf(period.end));
  const avd = ctx.tree.childrenAt(ROOT, period.end);
  const firstAvd = avd.find((a) => ctx.tree.childrenAt(a, t.end).length > 0) ?? 'A01';
  const drillLeaves = ctx.tree.childrenAt(firstAvd, t.end);
  const seriesMonths = monthRange('2019-01', period.end);

  const oq = { orgId: ORG, anchors: [ROOT], kpiIds, sourceKpis: sources, windows: overviewWindows(period) };
  const sq = {
    orgId: ORG,
    anchors: [...new Set(seriesMonths.flatMap((m) => ctx.tree.childrenAt(ROOT, m)))],
    kpiIds: [KPI],
    sourceKpis: [KPI],
    windows: seriesMonths.map((m) => ({ label: m, lo: m, hi: m })),
  };
  const dq = { orgId: ORG, anchors: [ROOT, ...avd], kpiIds: [KPI], sourceKpis: [KPI], windows: [{ label: 't', lo: t.start, hi: t.end }] };
  const lq = { orgId: ORG, anchors: [firstAvd, ...drillLeaves], kpiIds: [KPI], sourceKpis: [KPI], windows: [{ label: 't', lo: t.start, hi: t.end }] };

  // Agreement first, on one run each.
  const ov = await overview(db, true)();
  const both = async (what: string, engine: Map<string, number | null>, q: FloorQuery) => {
    agree(`${what} vs floor`, engine, await floorValues(db, q, 'raw'));
    agree(`${what} vs SQL on roll-ups`, engine, await floorValues(db, q, 'rollups'));
  };
  await both(
    'overview (every card, last year, sparkline)',
    new Map(
      ov.cards.flatMap((c) => [
        [`${ROOT}|${c.kpi}|v`, c.value],
        [`${ROOT}|${c.kpi}|ly`, c.change.lastYear.value],
        ...c.sparkline.map((v, i): [string, number | null] => [`${ROOT}|${c.kpi}|${addMonths(period.end, i - 23)}`, v]),
      ]),
    ),
    oq,
  );
  const se = await series(db, true, period.end)();
  await both('series (split by avdelning)', new Map(se.series.flatMap((s) => s.points.map((p): [string, number | null] => [`${s.key}|${KPI}|${p.period}`, p.value]))), sq);
  const dd = await drill(db, true, ROOT, t)();
  await both('drill-down SOC', new Map([[`${ROOT}|${KPI}|t`, dd.parent.value], ...dd.children.map((c): [string, number | null] => [`${c.unit}|${KPI}|t`, c.value])]), dq);
  const dl = await drill(db, true, firstAvd, t)();
  await both(
    `drill-down ${firstAvd}`,
    new Map([[`${firstAvd}|${KPI}|t`, dl.parent.value], ...dl.children.map((c): [string, number | null] => [`${c.unit}|${KPI}|t`, c.value])]),
    lq,
  );

  await time(size, 'overview', 'engine', overview(db, true), RUNS);
  await time(size, 'overview', 'released', overview(db, true, true), RUNS);
  await time(size, 'overview', 'floor', () => floorValues(db, oq), RUNS);
  await time(size, 'overview', 'sql rollups', () => floorValues(db, oq, 'rollups'), RUNS);
  await time(size, 'overview', 'engine raw', overview(db, false), RAW_RUNS);
  await time(size, 'series', 'engine', series(db, true, period.end), RUNS);
  await time(size, 'series', 'floor', () => floorValues(db, sq), RUNS);
  await time(size, 'series', 'sql rollups', () => floorValues(db, sq, 'rollups'), RUNS);
  await time(size, 'series', 'engine raw', series(db, false, period.end), RAW_RUNS);
  await time(size, 'drill SOC', 'engine', drill(db, true, ROOT, t), RUNS);
  await time(size, 'drill SOC', 'floor', () => floorValues(db, dq), RUNS);
  await time(size, 'drill SOC', 'sql rollups', () => floorValues(db, dq, 'rollups'), RUNS);
  await time(size, 'drill SOC', 'engine raw', drill(db, false, ROOT, t), RAW_RUNS);
  await time(size, `drill ${firstAvd}`, 'engine', drill(db, true, firstAvd, t), RUNS);
  await time(size, `drill ${firstAvd}`, 'floor', () => floorValues(db, lq), RUNS);
  await time(size, `drill ${firstAvd}`, 'sql rollups', () => floorValues(db, lq, 'rollups'), RUNS);
  await time(size, `drill ${firstAvd}`, 'engine raw', drill(db, false, firstAvd, t), RAW_RUNS);

  // What an import pays to keep the roll-ups current inside its transaction: a monthly file (every KPI, one month) and the whole tenant.
  await time(size, 'refresh month', 'import', () => db.transaction((tx) => refreshRollups(tx, ORG, { start: period.end, end: period.end })), Math.min(RUNS, 20));
  await time(size, 'refresh tenant', 'import', () => db.transaction((tx) => refreshRollups(tx, ORG)), 3);

  if (args.explain) await explain(db, oq, period);
}

async function explain(db: Db, oq: FloorQuery, period: Period): Promise<void> {
  const show = async (what: string, q: SQL) => {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q}`);
    console.log(`\n-- EXPLAIN ${what}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  };
  const start = addMonths(period.end, -47);
  await show(
    'overview read of roll-ups (as loadRollupCells)',
    sql`SELECT r.kpi_id, u.code, r.month, r.gender, r.numerator, r.denominator FROM observation_rollups r JOIN units u ON u.id = r.unit_id
        WHERE r.org_id = ${ORG} AND u.org_id = ${ORG} AND r.kpi_id IN (${sql.join(
          oq.sourceKpis.map((k) => sql`${k}`),
          sql`, `,
        )}) AND u.code IN (${ROOT}) AND r.month >= ${start} AND r.month <= ${period.end}`,
  );
  await show(
    'latest month and freshness (rollupStatus)',
    sql`SELECT s.latest_month, (s.batch_max IS NOT DISTINCT FROM b.mx) FROM rollup_state s, LATERAL (SELECT max(id) AS mx, count(*) FILTER (WHERE status = 'committed') AS n FROM import_batches WHERE org_id = s.org_id) b WHERE s.org_id = ${ORG}`,
  );
  await show(
    'overview read of raw cells (as loadCells, before roll-ups)',
    sql`SELECT o.kpi_id, u.code, o.month, o.gender, o.numerator FROM observations o JOIN units u ON u.id = o.unit_id
        WHERE o.org_id = ${ORG} AND o.kpi_id IN (${sql.join(
          oq.sourceKpis.map((k) => sql`${k}`),
          sql`, `,
        )}) AND o.month >= ${start} AND o.month <= ${period.end}`,
  );
  await show('overview floor', floorSql(oq, 'raw'));
  await show('overview SQL on roll-ups', floorSql(oq, 'rollups'));
}

function summary(): void {
  console.log('\n== summary: p95 ms — engine, floor (SQL on raw), SQL on roll-ups, engine raw; engine ÷ floor, engine ÷ SQL on roll-ups; suppressed (release) ==');
  const queries = [...new Set(rows.filter((r) => r.variant === 'engine').map((r) => r.query.replace(/A\d+$/, 'avdelning')))];
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    for (const q of queries) {
      const get = (v: string) => rows.find((r) => r.size === size && r.query.replace(/A\d+$/, 'avdelning') === q && r.variant === v)?.ms ?? [];
      const [e, f, r, raw] = [percentile(get('engine'), 95), percentile(get('floor'), 95), percentile(get('sql rollups'), 95), percentile(get('engine raw'), 95)];
      const released = get('released');
      console.log(
        `  ${String(size).padStart(9)} ${q.padEnd(15)} ${fmt(e)} ${fmt(f)} ${fmt(r)} ${fmt(raw)}   ×${(e / f).toFixed(2)}  ×${(e / r).toFixed(2)}${released.length ? `   ${fmt(percentile(released, 95))}` : ''}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const gen = await openGeneratedDatabase(SPEC, args.keep);
  const stop = () => void gen.database.dispose().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  try {
    for (const size of SIZES) {
      const actual = await gen.grow(size);
      if (!args['generate-only']) await measure(gen.database.db, size, actual);
    }
    summary();
  } finally {
    await gen.database.dispose();
  }
}

await main();
