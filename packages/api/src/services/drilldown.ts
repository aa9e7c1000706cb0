import type { Db, KpiRecord } from '@lagesbild/db';
import { addMonths, isRate, monthsOf, sameLastYear, type Gender, type Period, type UnitChange } from '@lagesbild/domain';
import { changeBetween, type Change } from '../engine/compare.js';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow, loadValueInputs, outsideValue, unitOrThrow, valueOf, type KpiValue, type ValueInputs } from '../engine/kpi-values.js';
import { loadTargetInputs, releasedValue, releaseFor } from '../engine/released.js';
import type { UnitAccess } from '../access/scope.js';
import { publishValues } from '../engine/publish.js';
import { requestedBand } from '../engine/age-band.js';

/** A value with the same period last year beside it (as published: hidden stays hidden, outside the caller's units stays empty). */
export type WithLastYear = KpiValue & { change: Change };

export interface DrilldownRow extends WithLastYear {
  name: string;
  /** Whether the unit has children to drill into in this period. */
  hasChildren: boolean;
  /** Reorganisations of the unit as data (kind, names, month); the dashboard words them in its language. */
  changes: UnitChange[];
}

export interface Drilldown {
  kpi: string;
  /** What the rows are for, so a screen showing an older answer (offline) can say so. */
  gender: Gender;
  /** The age band asked for; '' for all ages. */
  ageBand: string;
  parent: WithLastYear & { name: string };
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
function changesOf(ctx: EngineContext, code: string, access: UnitAccess): UnitChange[] {
  const node = ctx.tree.get(code);
  if (!node) return [];
  const both = (before: string, after: string, m: string) => access.allows(before, addMonths(m, -1)) && access.allows(after, m);
  const out: UnitChange[] = [];
  const parents = [...node.parents].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < parents.length; i++) {
    const from = parents[i - 1];
    const to = parents[i];
    if (from && to && both(from.parentCode, to.parentCode, to.validFrom))
      out.push({ kind: 'moved', from: ctx.tree.nameAt(from.parentCode, from.validFrom), to: ctx.tree.nameAt(to.parentCode, to.validFrom), month: to.validFrom });
  }
  const names = [...node.names].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < names.length; i++) {
    const from = names[i - 1];
    const to = names[i];
    if (from && to && both(code, code, to.validFrom)) out.push({ kind: 'renamed', from: from.name, to: to.name, month: to.validFrom });
  }
  if (node.validTo && access.allows(code, addMonths(node.validTo, -1))) out.push({ kind: 'closed', month: node.validTo });
  return out;
}

/** The values shown for the period and for the same period last year, by unit. */
type Shown = [Map<string, KpiValue>, Map<string, KpiValue>];

/** What one drill-down asks of a KPI: the same for every unit and for the period and last year alike. */
interface DrillAsk {
  k: KpiRecord;
  gender: Gender;
  band: string | undefined;
}

/** A suppressed audience's drill-down, the period and last year: lookups in the protected release, nothing computed from cells. */
async function releasedDrilldown(db: Db, ctx: EngineContext, ask: DrillAsk, now: { units: string[]; period: Period }, lyUnits: string[]): Promise<Shown> {
  const { k, gender, band } = ask;
  const ly = sameLastYear(now.period);
  const [inputs, release] = await Promise.all([loadTargetInputs(db, ctx, [k], ly.start, now.period.end, now.units), releaseFor(db, ctx.orgId)]);
  return [
    new Map(now.units.map((u) => [u, releasedValue(ctx, release, inputs, k, u, now.period, gender, band)])),
    new Map(lyUnits.map((u) => [u, releasedValue(ctx, release, inputs, k, u, ly, gender, band)])),
  ];
}

/** Exact values for the roles that see them; `withTotal` when the first unit is the parent of the rest. */
function exactDrilldown(inputs: ValueInputs, ctx: EngineContext, ask: DrillAsk, at: { units: string[]; period: Period; withTotal: boolean }): Map<string, KpiValue> {
  const { k, gender, band } = ask;
  const [parent, ...children] = at.units;
  return publishValues(
    at.units.map((u) => ({ id: u, value: valueOf(ctx, inputs, k, u, at.period, gender, band), privacyClass: k.privacyClass })),
    at.withTotal && !isRate(k) && parent !== undefined && children.length > 0 ? [{ total: parent, parts: children }] : [],
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
  // Last year only for the units that were the caller's in every month of it; the others' places stay empty.
  const lyPeriod = sameLastYear(q.period);
  const lyAllowed = (u: string) => q.access.allowsPeriod(u, lyPeriod);
  // Without the parent there is no total to relate the children to: each alone.
  const lyUnits = lyAllowed(q.unit) ? units.filter(lyAllowed) : children.filter(lyAllowed);
  const ask: DrillAsk = { k, gender: q.gender, band };
  const [shown, lyShown] = q.suppress
    ? await releasedDrilldown(db, ctx, ask, { units, period: q.period }, lyUnits)
    : await (async (): Promise<Shown> => {
        const inputs = await loadValueInputs(db, ctx, [k], lyPeriod.start, q.period.end, band ? undefined : units);
        return [
          exactDrilldown(inputs, ctx, ask, { units, period: q.period, withTotal: true }),
          exactDrilldown(inputs, ctx, ask, { units: lyUnits, period: lyPeriod, withTotal: lyUnits[0] === q.unit }),
        ];
      })();
  const published = (u: string): WithLastYear => {
    const v = shown.get(u);
    if (!v) throw new Error(`drill-down lost ${u}`);
    const ly = lyShown.get(u) ?? outsideValue(k.id, u, lyPeriod, q.gender, k.windowFamily);
    return { ...v, change: changeBetween(k, v, ly) };
  };
  return {
    kpi: k.id,
    gender: q.gender,
    ageBand: band ?? '',
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
