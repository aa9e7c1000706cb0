import type { Db, KpiRecord } from '@lagesbild/db';
import { addMonths, isRate, monthsOf, type Gender, type Period } from '@lagesbild/domain';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow, loadValueInputs, unitOrThrow, valueOf, type KpiValue, type ValueInputs } from '../engine/kpi-values.js';
import { loadTargetInputs, releasedValue, releaseFor } from '../engine/released.js';
import type { UnitAccess } from '../access/scope.js';
import { publishValues } from '../engine/publish.js';
import { requestedBand } from '../engine/age-band.js';

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
  /** Children left out because they were not within the caller's units in every month of the period. */
  childrenOutside: number;
}

/**
 * A change is told only when the caller had both sides of it: the unit (and
 * for a move, its old and new parent) hers the month before and the month of
 * the change. A move out of her units, or a name given elsewhere, is not hers to read.
 */
function changesOf(ctx: EngineContext, code: string, access: UnitAccess): string[] {
  const node = ctx.tree.get(code);
  if (!node) return [];
  const both = (before: string, after: string, m: string) => access.allows(before, addMonths(m, -1)) && access.allows(after, m);
  const out: string[] = [];
  const parents = [...node.parents].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < parents.length; i++) {
    const from = parents[i - 1];
    const to = parents[i];
    if (from && to && both(from.parentCode, to.parentCode, to.validFrom))
      out.push(`Flyttad från ${ctx.tree.nameAt(from.parentCode, from.validFrom)} till ${ctx.tree.nameAt(to.parentCode, to.validFrom)} ${to.validFrom}`);
  }
  const names = [...node.names].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < names.length; i++) {
    const from = names[i - 1];
    const to = names[i];
    if (from && to && both(code, code, to.validFrom)) out.push(`Bytte namn från ${from.name} till ${to.name} ${to.validFrom}`);
  }
  if (node.validTo && access.allows(code, addMonths(node.validTo, -1))) out.push(`Upphörde ${node.validTo}`);
  return out;
}

/** A suppressed audience's drill-down: lookups in the protected release, nothing computed from cells. */
async function releasedDrilldown(
  db: Db,
  ctx: EngineContext,
  k: KpiRecord,
  units: string[],
  period: Period,
  gender: Gender,
  band: string | undefined,
): Promise<Map<string, KpiValue>> {
  const [inputs, release] = await Promise.all([loadTargetInputs(db, ctx, [k], period.start, period.end, units), releaseFor(db, ctx.orgId)]);
  return new Map(units.map((u) => [u, releasedValue(ctx, release, inputs, k, u, period, gender, band)]));
}

/** Exact values for the roles that see them. */
function exactDrilldown(inputs: ValueInputs, ctx: EngineContext, k: KpiRecord, units: string[], period: Period, gender: Gender, band: string | undefined): Map<string, KpiValue> {
  const [parent, ...children] = units;
  return publishValues(
    units.map((u) => ({ id: u, value: valueOf(ctx, inputs, k, u, period, gender, band), privacyClass: k.privacyClass })),
    !isRate(k) && parent !== undefined && children.length > 0 ? [{ total: parent, parts: children }] : [],
    false,
  );
}

/**
 * A KPI for the child units of a unit in a period: only units that existed
 * then, each with its status. A child that was not the caller's in every
 * month of the period (it moved in or out) is left out, never computed;
 * `childrenOutside` counts them.
 */
export async function buildDrilldown(
  db: Db,
  ctx: EngineContext,
  q: { kpi: string; unit: string; period: Period; gender: Gender; ageBand?: string; suppress: boolean; access: UnitAccess },
): Promise<Drilldown> {
  unitOrThrow(ctx, q.unit);
  const k = kpiOrThrow(ctx, q.kpi);
  const band = requestedBand(k, q.ageBand);
  const months = monthsOf(q.period);
  const all = [...new Set(months.flatMap((m) => ctx.tree.childrenAt(q.unit, m)))].sort();
  const children = all.filter((c) => q.access.allowsPeriod(c, q.period));
  const units = [q.unit, ...children];
  const at = q.period.end;
  const shown = q.suppress
    ? await releasedDrilldown(db, ctx, k, units, q.period, q.gender, band)
    : exactDrilldown(await loadValueInputs(db, ctx, [k], q.period.start, q.period.end, band ? undefined : units), ctx, k, units, q.period, q.gender, band);
  const published = (u: string): KpiValue => {
    const v = shown.get(u);
    if (!v) throw new Error(`drill-down lost ${u}`);
    return v;
  };
  return {
    kpi: k.id,
    parent: { ...published(q.unit), name: ctx.tree.nameAt(q.unit, at) },
    // Above her roots the breadcrumb is the way she came down, never a unit she may open.
    path: ctx.tree.pathAt(q.unit, at).map((code) => ({ code, name: ctx.tree.nameAt(code, at) })),
    childrenOutside: all.length - children.length,
    children: children.map((c) => ({
      ...published(c),
      name: ctx.tree.nameAt(c, months.find((m) => ctx.tree.exists(c, m) && ctx.tree.parentAt(c, m) === q.unit) ?? at),
      hasChildren: months.some((m) => ctx.tree.childrenAt(c, m).length > 0),
      changes: changesOf(ctx, c, q.access),
    })),
  };
}
