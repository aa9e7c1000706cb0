import type { Db } from '@lagesbild/db';
import { isRate, monthsOf, type Gender, type Period } from '@lagesbild/domain';
import type { EngineContext } from './engine-context.js';
import { kpiOrThrow, loadValueInputs, unitOrThrow, valueOf, type KpiValue } from './kpi-values.js';
import { publishValues } from './publish.js';

export interface DrilldownRow extends KpiValue {
  name: string;
  /** Whether the unit has children to drill into in this period. */
  hasChildren: boolean;
  /** Reorganisations of the unit, in words ("Flyttad från … till … 2020-06"). */
  changes: string[];
}

export interface Drilldown {
  kpi: string;
  parent: KpiValue & { name: string };
  /** Ancestors from the root down to the unit, for the breadcrumb. */
  path: { code: string; name: string }[];
  children: DrilldownRow[];
}

function changesOf(ctx: EngineContext, code: string): string[] {
  const node = ctx.tree.get(code);
  if (!node) return [];
  const out: string[] = [];
  const parents = [...node.parents].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < parents.length; i++) {
    const from = parents[i - 1];
    const to = parents[i];
    if (from && to) out.push(`Flyttad från ${ctx.tree.nameAt(from.parentCode, from.validFrom)} till ${ctx.tree.nameAt(to.parentCode, to.validFrom)} ${to.validFrom}`);
  }
  const names = [...node.names].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < names.length; i++) {
    const from = names[i - 1];
    const to = names[i];
    if (from && to) out.push(`Bytte namn från ${from.name} till ${to.name} ${to.validFrom}`);
  }
  if (node.validTo) out.push(`Upphörde ${node.validTo}`);
  return out;
}

/** A KPI for the child units of a unit in a period: only units that existed then, each with its status. */
export async function buildDrilldown(db: Db, ctx: EngineContext, q: { kpi: string; unit: string; period: Period; gender: Gender; suppress: boolean }): Promise<Drilldown> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const months = monthsOf(q.period);
  const children = [...new Set(months.flatMap((m) => ctx.tree.childrenAt(q.unit, m)))].sort();
  const inputs = await loadValueInputs(db, ctx, [k], q.period.start, q.period.end, [q.unit, ...children]);
  const at = q.period.end;
  // Parent and children are shown together: a hidden child must not follow from the parent minus the others.
  const additive = !isRate(k);
  const shown = publishValues(
    [q.unit, ...children].map((u) => ({ id: u, value: valueOf(ctx, inputs, k, u, q.period, q.gender), privacyClass: k.privacyClass })),
    additive && children.length > 0 ? [{ total: q.unit, parts: children }] : [],
    q.suppress,
  );
  const published = (u: string): KpiValue => {
    const v = shown.get(u);
    if (!v) throw new Error(`drill-down lost ${u}`);
    return v;
  };
  return {
    kpi: k.id,
    parent: { ...published(q.unit), name: ctx.tree.nameAt(q.unit, at) },
    path: ctx.tree.pathAt(q.unit, at).map((code) => ({ code, name: ctx.tree.nameAt(code, at) })),
    children: children.map((c) => ({
      ...published(c),
      name: ctx.tree.nameAt(c, months.find((m) => ctx.tree.exists(c, m) && ctx.tree.parentAt(c, m) === q.unit) ?? at),
      hasChildren: months.some((m) => ctx.tree.childrenAt(c, m).length > 0),
      changes: changesOf(ctx, c),
    })),
  };
}
