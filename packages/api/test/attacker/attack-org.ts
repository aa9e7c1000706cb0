import { createRandom, loadCells, type Db } from '@lagesbild/db';
import { monthRange } from '@lagesbild/domain';
import { loadEngineContext } from '../../src/engine/engine-context.js';
import { attack, hiddenTargets, primaryTargets, type AttackReport, type Finding } from './attack.js';
import { adminOf, suppressedAudiences } from './audiences.js';
import { CellSpace } from './cell-space.js';
import { buildOrg, HOURS_PER_FTE, KPI, longCsv, writeOrgFrame, type OrgShape } from './generated-org.js';
import { harvest, harvestScreen } from './harvest.js';
import { halfWidth } from './statements.js';

/** How a finding reads in a failure message. */
export function describeFinding(audience: string, f: Finding): string {
  const t = f.target;
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
  return `${audience}: ${t.id} (${t.why}, ${t.kind}) is ${round(t.truth)}, and the answers leave only ${round(f.min)}..${round(f.max)} (needs width ${t.need})`;
}

/** Pinned figures per audience and a few examples, for the assertion message. */
export function summarise(results: readonly AudienceResult[], examples = 12): string {
  const counts = results.map(
    (r) =>
      `${r.audience}: ${r.report.pinned.length} of ${r.report.targets} hidden or small figures narrowed, ${r.report.unchecked} left unsolved by the time budget (${r.calls} calls, ${r.refused} refused, ${r.shown} figures shown, ${r.unrounded} of them unrounded)`,
  );
  const shown = results.flatMap((r) => r.report.pinned.map((f) => describeFinding(r.audience, f))).slice(0, examples);
  return [...counts, ...shown].join('\n');
}

export interface AudienceResult {
  audience: string;
  calls: number;
  refused: number;
  shown: number;
  /** Shown numbers with more digits than their KPI displays (each lets an attacker use exact sums). */
  unrounded: number;
  report: AttackReport;
}

/**
 * One generated organisation, written through the product's write path (its
 * tree, then its cells as a long CSV through import.commit), attacked as each
 * suppressed audience.
 */
export async function attackGeneratedOrg(db: Db, orgId: string, shape: OrgShape, limits: { calls: number; solverMs: number; measure?: boolean }): Promise<AudienceResult[]> {
  const org = buildOrg(orgId, shape);
  await writeOrgFrame(db, org);
  const admin = adminOf(db, orgId);
  const imported = await admin.import.commit({ fileName: 'angripen.csv', contentBase64: Buffer.from(longCsv(org.cells), 'utf8').toString('base64'), confirmWarnings: true });
  if (!imported.ok) throw new Error(`the generated CSV did not import: ${JSON.stringify(imported.errors.slice(0, 3))}`);

  const engine = await loadEngineContext(db, orgId);
  const kpis = new Map(engine.orgKpis.map((k) => [k.id, k]));
  const stored = engine.orgKpis.filter((k) => !k.ratioOf).map((k) => k.id);
  const cells = await loadCells(db, { orgId, kpiIds: stored, start: org.start, end: org.end });
  const space = new CellSpace(engine.tree, kpis, cells, [{ kpi: KPI.fte, rate: KPI.rate, per: HOURS_PER_FTE, tolerance: 0 }]);
  const units = org.units.map((u) => u.code);
  const parents = org.units.filter((u) => u.kind !== 'enhet').map((u) => u.code);
  const primary = primaryTargets(space, units, monthRange(org.start, org.end));

  const leaves = org.leaves;
  const lastLeaf = leaves[leaves.length - 1] ?? 'E1';
  const audiences = await suppressedAudiences(db, orgId, 'A1', ['A1', lastLeaf], KPI.sum);
  // Each person asks about the units she may see in some month (the tree is public); the rest would only be refused.
  // The screen makes its slides' requests only.
  const months = monthRange(org.start, org.end);
  const within = (roots: readonly string[]) => units.filter((u) => months.some((m) => roots.some((r) => engine.tree.isWithin(u, r, m))));
  const scopes = [units, within(['A1'])];
  const out: AudienceResult[] = [];
  for (const [i, a] of audiences.entries()) {
    const h = a.screen
      ? await harvestScreen(a.api)
      : await harvest(a.api, {
          units: scopes[i] ?? units,
          parents,
          kpis: [...kpis.keys()],
          bands: new Map(engine.orgKpis.map((k) => [k.id, k.ageBands])),
          start: org.start,
          end: org.end,
          maxCalls: limits.calls,
          rand: createRandom(shape.seed),
        });
    const report = await attack(space, h.shown, [...primary, ...hiddenTargets(space, h.shown)], {
      budgetMs: limits.solverMs,
      rand: createRandom(shape.seed + 1),
      measure: limits.measure,
    });
    const unrounded = h.shown.filter((x) => {
      const k = kpis.get(x.kpi);
      return k !== undefined && x.value !== null && halfWidth(x.value, k.decimals) < 10 ** -k.decimals / 4;
    }).length;
    out.push({ audience: a.name, calls: h.calls, refused: h.refused, shown: h.shown.length, unrounded, report });
  }
  return out;
}
