/**
 * Targets as people set them: an annual value for a KPI and unit, optionally
 * twelve monthly values (budgets), and a yellow tolerance. The status rule
 * that reads them lives in packages/domain (status.ts); this only keeps them.
 */
import { findTargetRow, findUnitId, gridOf, recordEvent, upsertTarget, type Db } from '@lagesbild/db';
import { MAX_TOLERANCE_PERCENT, monthRange, type UnitTree } from '@lagesbild/domain';
import { auditAs, type Actor } from '../access/audit.js';
import { InputError, NotFoundError } from '../errors.js';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow, unitOrThrow } from '../engine/kpi-values.js';

export interface TargetInput {
  kpi: string;
  unit: string;
  year: number;
  annual: number;
  /** Twelve values, January first; null where a month has none. Omitted: an annual target only. */
  monthly: (number | null)[] | null;
  tolerance: number;
  toleranceKind: 'absolute' | 'percent';
}

export interface TargetView extends TargetInput {
  origin: 'reported' | 'demo' | 'user';
  source: string | null;
}

async function unitIdOf(db: Db, orgId: string, code: string): Promise<number> {
  const id = await findUnitId(db, orgId, code);
  if (id === null) throw new NotFoundError(`Enheten "${code}" finns inte.`);
  return id;
}

/** The target of a KPI for exactly this unit and year (not one inherited from above), or null. */
export async function getTarget(db: Db, engine: EngineContext, q: { kpi: string; unit: string; year: number }): Promise<TargetView | null> {
  kpiOrThrow(engine, q.kpi);
  unitOrThrow(engine, q.unit);
  const unitId = await unitIdOf(db, engine.orgId, q.unit);
  const row = await findTargetRow(db, { orgId: engine.orgId, kpiId: q.kpi, unitId, year: q.year });
  if (!row) return null;
  return {
    kpi: q.kpi,
    unit: q.unit,
    year: q.year,
    annual: row.annual,
    monthly: row.monthly ?? null,
    tolerance: row.tolerance,
    toleranceKind: row.toleranceKind,
    origin: row.origin,
    source: row.source,
  };
}

/** Checks what a form can get wrong, with a Swedish answer that says what to do. */
function validateTarget(t: TargetInput): void {
  if (!Number.isFinite(t.annual)) throw new InputError('Målet för året måste vara ett tal.');
  if (!Number.isFinite(t.tolerance) || t.tolerance < 0) throw new InputError('Toleransen måste vara noll eller ett positivt tal.');
  if (t.toleranceKind === 'percent' && t.tolerance > MAX_TOLERANCE_PERCENT) throw new InputError(`Toleransen i procent kan vara högst ${MAX_TOLERANCE_PERCENT}.`);
  if (t.monthly !== null) {
    if (t.monthly.length !== 12) throw new InputError(`Månadsmålen ska vara tolv, ett per månad (fick ${t.monthly.length}).`);
    const bad = t.monthly.findIndex((v) => v !== null && !Number.isFinite(v));
    if (bad >= 0) throw new InputError(`Månadsmålet för månad ${bad + 1} är inget tal.`);
  }
}

/** The units whose views a target can change: the unit and everything below it that year (rates inherit down). */
function touchedUnits(tree: UnitTree, unit: string, year: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of monthRange(`${year}-01`, `${year}-12`)) for (const u of new Set([unit, ...tree.subtreeAt(unit, m)])) (out[u] ??= []).push(m);
  return out;
}

/**
 * Sets (or replaces) the target of a KPI, unit and year; the audit entry and
 * the live event are written in the same transaction, so every open screen
 * re-judges its status at once.
 */
export async function setTarget(db: Db, engine: EngineContext, t: TargetInput, actor: Actor): Promise<TargetView> {
  kpiOrThrow(engine, t.kpi);
  unitOrThrow(engine, t.unit);
  validateTarget(t);
  const unitId = await unitIdOf(db, engine.orgId, t.unit);
  const previous = await getTarget(db, engine, t);
  const values = { annual: t.annual, monthly: t.monthly, tolerance: t.tolerance, toleranceKind: t.toleranceKind, origin: 'user' as const, source: `satt av ${actor.id}` };
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await upsertTarget(txDb, { orgId: engine.orgId, kpiId: t.kpi, unitId, year: t.year }, values);
    const detail = {
      kpi: t.kpi,
      unit: t.unit,
      year: t.year,
      annual: t.annual,
      previous: previous?.annual ?? null,
      tolerance: t.tolerance,
      toleranceKind: t.toleranceKind,
      monthly: t.monthly !== null,
    };
    await auditAs(txDb, actor, { orgId: engine.orgId, action: 'target.set', target: `target:${t.kpi}:${t.unit}:${t.year}`, detail });
    await recordEvent(txDb, engine.orgId, 'target.set', { kpis: [t.kpi], ...gridOf(touchedUnits(engine.tree, t.unit, t.year)), note: String(t.year) });
  });
  return { ...t, origin: 'user', source: values.source };
}
