/**
 * What the protected release (docs/privacy.md) costs and hides.
 *
 *   npx tsx bench/release-cost.ts [--quick]
 *
 * 1. Build time at demo size (PostgreSQL at 127.0.0.1:5432), next to the
 *    demo seed's own write and its roll-up refresh, measured in the same run.
 * 2. Build time for a generated 306 000-observation organisation (the
 *    `pnpm lagesbild generate` path), next to that load's own time (COPY and
 *    roll-ups) and a one-month roll-up refresh, the part of an import that
 *    grows with the organisation. --quick: a 60-unit organisation instead.
 * 3. Over-suppression on the demo: cells hidden per audience, against
 *    primary suppression alone, and a check that no cell of a KPI without
 *    counted individuals (kr paid as such, costs, årsarbetare) is hidden for
 *    its own size.
 * 4. The overview's latency for a suppressed audience (release lookups)
 *    against an exact-value role (roll-ups), same database, same run.
 */
import { ALL_UNITS, buildOverview, loadEngineContext } from '../packages/api/src/index.js';
import { buildDemoDataset, DEMO_ORG, listKpis, loadRelease, loadUnits, rebuildRelease, refreshRollups, releaseStatus, seedDemo, type Db } from '../packages/db/src/index.js';
import { openTestDatabase } from '../packages/db/src/testing/index.js';
import { buildRelease, DEFAULT_SUPPRESSION, monthPeriod, UnitTree, type Release } from '../packages/domain/src/index.js';
import { GENERATED_SPEC, openGeneratedDatabase } from './lib/generated-db.js';

const quick = process.argv.includes('--quick');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

async function timed(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

function census(release: Release, units: ReadonlySet<string> | null) {
  const out = { cells: 0, primary: 0, secondary: 0, hiddenNonIndividual: 0 };
  for (const k of Object.values(release.kpis))
    for (const [key, row] of Object.entries(k.rows)) {
      if (units && !units.has(key.slice(0, key.lastIndexOf('|')))) continue;
      for (const m of row.m) {
        if (m === '.') continue;
        out.cells++;
        if (m === '1') out.primary++;
        if (m === '2') out.secondary++;
        if ((m === '1' || m === '2') && k.noun === null) out.hiddenNonIndividual++;
      }
    }
  return out;
}

async function demo(): Promise<void> {
  const database = await openTestDatabase('postgres');
  try {
    const db: Db = database.db;
    const org = DEMO_ORG.id;
    const [seed] = await timed(1, () => seedDemo(db));
    const rollups = await timed(3, () => db.transaction((tx) => refreshRollups(tx, org)));
    const parts: string[] = [];
    const builds = await timed(3, async () => {
      const s = await db.transaction((tx) => rebuildRelease(tx, org));
      if (s.parts) parts.push(`load ${s.parts.loadMs} + compute ${s.parts.computeMs} + write ${s.parts.writeMs}`);
    });
    console.log(
      `demo: seed (write, roll-ups and release in one transaction) ${Math.round(seed ?? 0)} ms; roll-up refresh median ${Math.round(median(rollups))} ms; release build median ${Math.round(median(builds))} ms (${builds.map(Math.round).join(', ')}; ${parts.join('; ')} ms)`,
    );
    const status = await releaseStatus(db, org);
    const release = status && (await loadRelease(db, org, status.buildId));
    if (!release) throw new Error('no release after the build');
    console.log(`demo release: ${release.periods.length} periods, ${Object.keys(release.kpis).length} KPIs, ${JSON.stringify(release).length} bytes of JSON`);
    const tree = new UnitTree(await loadUnits(db, org));
    const months = release.periods.filter((p) => /^\d{4}-\d{2}$/.test(p));
    const subtree = (root: string) => new Set(months.flatMap((m) => tree.subtreeAt(root, m)));
    const audiences: [string, ReadonlySet<string> | null][] = [
      ['förvaltningschef / analytiker (every unit)', null],
      ['enhetschef BU (her subtree in any month)', subtree('BU')],
      ['wall screen on SOC and its avdelningar', new Set(['SOC', ...months.flatMap((m) => tree.childrenAt('SOC', m))])],
    ];
    console.log('over-suppression on the demo (cells with data; primary-only would hide just the primaries):');
    for (const [name, units] of audiences) {
      const c = census(release, units);
      const share = (n: number) => `${((100 * n) / Math.max(1, c.cells)).toFixed(1)} %`;
      console.log(
        `  ${name}: ${c.cells} cells, hidden ${c.primary + c.secondary} (${share(c.primary + c.secondary)}) = primary ${c.primary} (${share(c.primary)}) + secondary ${c.secondary} (${share(c.secondary)}); ×${((c.primary + c.secondary) / Math.max(1, c.primary)).toFixed(2)} of primary-only`,
      );
      if (c.hiddenNonIndividual > 0) throw new Error(`${c.hiddenNonIndividual} cells of KPIs without counted individuals are hidden`);
    }
    console.log('  cells of KPIs without counted individuals hidden: 0');
    await careDays(db, org, release);
    const ctx = await loadEngineContext(db, org);
    const p = monthPeriod(release.last ?? '2022-12');
    const runs = quick ? 20 : 100;
    await buildOverview(db, ctx, 'SOC', p, release.last, true, ALL_UNITS);
    const suppressed = await timed(runs, () => buildOverview(db, ctx, 'SOC', p, release.last, true, ALL_UNITS));
    const exact = await timed(runs, () => buildOverview(db, ctx, 'SOC', p, release.last, false, ALL_UNITS));
    console.log(
      `overview of SOC (${runs} runs): suppressed (release) p50 ${median(suppressed).toFixed(1)} / p95 ${pct(suppressed, 0.95).toFixed(1)} ms; exact (roll-ups) p50 ${median(exact).toFixed(1)} / p95 ${pct(exact, 0.95).toFixed(1)} ms`,
    );
  } finally {
    await database.dispose();
  }
}

/** Care days counted through the persons placed stored beside them, against the days / 30,4 estimate (the same data, built again without the named counts). */
async function careDays(db: Db, org: string, release: Release): Promise<void> {
  const kpis = await listKpis(db);
  const observations = buildDemoDataset().observations.map((o) => ({
    kpi: o.kpiId,
    unit: o.unitCode,
    month: o.month,
    gender: o.gender,
    numerator: o.numerator,
    denominator: o.denominator,
  }));
  const estimated = buildRelease({ kpis: kpis.map((k) => ({ ...k, individualsKpis: [] })), units: await loadUnits(db, org), observations, rules: DEFAULT_SUPPRESSION });
  for (const k of kpis.filter((x) => x.unit === 'days')) {
    const c = { cells: 0, stored: 0, estimate: 0, shownNow: 0, hiddenNow: 0 };
    for (const [key, row] of Object.entries(release.kpis[k.id]?.rows ?? {})) {
      const other = estimated.kpis[k.id]?.rows[key]?.m ?? '';
      for (let i = 0; i < row.m.length; i++) {
        if (row.m[i] === '.') continue;
        c.cells++;
        if (row.m[i] === '1') c.stored++;
        if (other[i] === '1') c.estimate++;
        if (row.m[i] === '0' && other[i] !== '0') c.shownNow++;
        if (row.m[i] !== '0' && other[i] === '0') c.hiddenNow++;
      }
    }
    const basis = (k.individualsKpis ?? []).length ? `stored (${(k.individualsKpis ?? []).join(' + ')})` : 'estimated';
    console.log(
      `  ${k.id}, persons ${basis}: ${c.cells} cells, primary ${c.stored} (estimate alone: ${c.estimate}); shown now but hidden by the estimate ${c.shownNow}, hidden now but shown by it ${c.hiddenNow}`,
    );
  }
}

async function generated(): Promise<void> {
  const spec = quick ? { ...GENERATED_SPEC, units: 60 } : GENERATED_SPEC;
  const g = await openGeneratedDatabase(spec);
  try {
    console.log(
      `generated organisation: ${g.perOrg} observations (${spec.units} enheter, ${spec.kpis} KPIs, ${spec.months} months); its load prints its own time, roll-ups and release:`,
    );
    await g.grow(g.perOrg);
    const db = g.database.db;
    const org = 'gen-001';
    const month = await timed(3, () => db.transaction((tx) => refreshRollups(tx, org, { start: '2024-12', end: '2024-12' })));
    const parts: string[] = [];
    const builds = await timed(2, async () => {
      const s = await db.transaction((tx) => rebuildRelease(tx, org));
      if (s.parts) parts.push(`load ${s.parts.loadMs} + compute ${s.parts.computeMs} + write ${s.parts.writeMs} ms`);
    });
    console.log(
      `  an import's one-month roll-up refresh median ${Math.round(median(month))} ms; release rebuild (every import pays it) ${builds.map(Math.round).join(', ')} ms (${parts.join('; ')})`,
    );
  } finally {
    await g.database.dispose();
  }
}

await demo();
await generated();
