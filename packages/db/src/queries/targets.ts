import type { AnnualTarget } from '@lagesbild/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { kpiPrognoses, targets, units } from '../schema/index.js';
import { firstOrNull } from './rows.js';

export interface TargetRecord extends AnnualTarget {
  kpiId: string;
  unit: string;
  origin: 'reported' | 'demo' | 'user';
  source: string | null;
}

/** Targets of some KPIs, for some units or (unitCodes undefined) for every unit of the organisation. */
export async function loadTargets(db: Db, orgId: string, kpiIds: readonly string[], unitCodes?: readonly string[]): Promise<TargetRecord[]> {
  if (kpiIds.length === 0 || unitCodes?.length === 0) return [];
  const rows = await db
    .select({
      kpiId: targets.kpiId,
      unit: units.code,
      year: targets.year,
      annual: targets.annual,
      monthly: targets.monthly,
      tolerance: targets.tolerance,
      toleranceKind: targets.toleranceKind,
      origin: targets.origin,
      source: targets.source,
    })
    .from(targets)
    .innerJoin(units, eq(units.id, targets.unitId))
    .where(and(eq(targets.orgId, orgId), eq(units.orgId, orgId), inArray(targets.kpiId, [...kpiIds]), unitCodes ? inArray(units.code, [...unitCodes]) : undefined));
  return rows.map((r) => ({ ...r, monthly: r.monthly ?? null }));
}

export type TargetRow = typeof targets.$inferSelect;

export interface TargetKey {
  orgId: string;
  kpiId: string;
  unitId: number;
  year: number;
}

/** The target stored for exactly this KPI, unit and year, or null. */
export function findTargetRow(db: Db, k: TargetKey): Promise<TargetRow | null> {
  return firstOrNull(
    db
      .select()
      .from(targets)
      .where(and(eq(targets.orgId, k.orgId), eq(targets.kpiId, k.kpiId), eq(targets.unitId, k.unitId), eq(targets.year, k.year))),
  );
}

export type TargetValues = Pick<TargetRow, 'annual' | 'monthly' | 'tolerance' | 'toleranceKind' | 'origin' | 'source'>;

/** Sets the target of a KPI, unit and year, replacing the one there was. */
export async function upsertTarget(db: Db, k: TargetKey, values: TargetValues): Promise<void> {
  await db
    .insert(targets)
    .values({ ...k, ...values })
    .onConflictDoUpdate({ target: [targets.orgId, targets.kpiId, targets.unitId, targets.year], set: values });
}

/** Which KPIs have a target for which of these units in which year. */
export async function targetYearsOfUnits(db: Db, orgId: string, unitCodes: readonly string[]): Promise<{ unit: string; kpiId: string; year: number }[]> {
  if (unitCodes.length === 0) return [];
  return db
    .select({ unit: units.code, kpiId: targets.kpiId, year: targets.year })
    .from(targets)
    .innerJoin(units, eq(units.id, targets.unitId))
    .where(and(eq(targets.orgId, orgId), inArray(units.code, [...unitCodes])));
}

export interface KpiPrognosRecord {
  kpiId: string;
  unit: string;
  year: number;
  /** The report period it was made at ('2020-D'). */
  period: string;
  value: number;
  origin: 'reported' | 'demo' | 'user';
  source: string | null;
}

/** The förvaltning's prognoses of some KPIs on some units for a year (every report period's), not targets. */
export async function loadKpiPrognoses(db: Db, orgId: string, kpiIds: readonly string[], unitCodes: readonly string[], year: number): Promise<KpiPrognosRecord[]> {
  if (kpiIds.length === 0 || unitCodes.length === 0) return [];
  return db
    .select({
      kpiId: kpiPrognoses.kpiId,
      unit: units.code,
      year: kpiPrognoses.year,
      period: kpiPrognoses.period,
      value: kpiPrognoses.value,
      origin: kpiPrognoses.origin,
      source: kpiPrognoses.source,
    })
    .from(kpiPrognoses)
    .innerJoin(units, eq(units.id, kpiPrognoses.unitId))
    .where(and(eq(kpiPrognoses.orgId, orgId), eq(units.orgId, orgId), eq(kpiPrognoses.year, year), inArray(kpiPrognoses.kpiId, [...kpiIds]), inArray(units.code, [...unitCodes])));
}
