import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { goalIndicators, goalIndicatorValues, goals, units } from '../schema/index.js';
import { firstOrNull } from './rows.js';

export type GoalRow = typeof goals.$inferSelect;
export type NewGoal = typeof goals.$inferInsert;
export type GoalIndicatorRow = typeof goalIndicators.$inferSelect;
export type GoalIndicatorValueRow = typeof goalIndicatorValues.$inferSelect;

/** A goal with the code of the unit that answers for it. */
export type GoalRecord = GoalRow & { unit: string };

export async function insertGoal(db: Db, g: NewGoal): Promise<GoalRow> {
  const [row] = await db.insert(goals).values(g).returning();
  if (!row) throw new Error('goals: insert returned nothing');
  return row;
}

export async function insertGoalIndicator(db: Db, i: typeof goalIndicators.$inferInsert): Promise<GoalIndicatorRow> {
  const [row] = await db.insert(goalIndicators).values(i).returning();
  if (!row) throw new Error('goal_indicators: insert returned nothing');
  return row;
}

export async function insertGoalIndicatorValues(db: Db, values: (typeof goalIndicatorValues.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(goalIndicatorValues).values(values);
}

async function selectGoals(db: Db, orgId: string, where: ReturnType<typeof and>): Promise<GoalRecord[]> {
  const rows = await db
    .select({ goal: goals, unit: units.code })
    .from(goals)
    .innerJoin(units, eq(units.id, goals.unitId))
    .where(and(eq(goals.orgId, orgId), eq(units.orgId, orgId), where))
    .orderBy(asc(goals.sortOrder), asc(goals.id));
  return rows.map((r) => ({ ...r.goal, unit: r.unit }));
}

/** The organisation's goals whose unit is one of these codes (every goal when unitCodes is undefined), in plan order. */
export async function listGoalRows(db: Db, orgId: string, unitCodes?: readonly string[]): Promise<GoalRecord[]> {
  if (unitCodes?.length === 0) return [];
  return selectGoals(db, orgId, unitCodes ? inArray(units.code, [...unitCodes]) : undefined);
}

/** One goal of the organisation, or null (a goal of another organisation is not found). */
export function findGoalRow(db: Db, orgId: string, id: number): Promise<GoalRecord | null> {
  return firstOrNull(selectGoals(db, orgId, eq(goals.id, id)));
}

/** The indicators of these goals, in order. */
export async function listGoalIndicatorRows(db: Db, orgId: string, goalIds: readonly number[]): Promise<GoalIndicatorRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(goalIndicators)
    .where(and(eq(goalIndicators.orgId, orgId), inArray(goalIndicators.goalId, [...goalIds])))
    .orderBy(asc(goalIndicators.goalId), asc(goalIndicators.sortOrder), asc(goalIndicators.id));
}

/** The values of these manual indicators for one period (canonical key). */
export async function listGoalIndicatorValueRows(db: Db, orgId: string, indicatorIds: readonly number[], period: string): Promise<GoalIndicatorValueRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(goalIndicatorValues)
    .where(and(eq(goalIndicatorValues.orgId, orgId), inArray(goalIndicatorValues.indicatorId, [...indicatorIds]), eq(goalIndicatorValues.period, period)))
    .orderBy(asc(goalIndicatorValues.indicatorId), asc(goalIndicatorValues.id));
}

/** The indicators of these goals and, for one period (canonical key), the values of the manual ones: what a goal view shows. */
export async function listGoalIndicatorsWithValues(
  db: Db,
  orgId: string,
  goals: readonly { id: number }[],
  period: string,
): Promise<{ indicators: GoalIndicatorRow[]; values: GoalIndicatorValueRow[] }> {
  const indicators = await listGoalIndicatorRows(
    db,
    orgId,
    goals.map((g) => g.id),
  );
  const manual = indicators.filter((i) => i.kind === 'manual').map((i) => i.id);
  return { indicators, values: await listGoalIndicatorValueRows(db, orgId, manual, period) };
}

/** The organisation's hand-assessed indicators with their goal and the Kolada KPI each compares with (the admin's list). */
export function listManualIndicators(db: Db, orgId: string): Promise<{ id: number; goalTitle: string; name: string; koladaKpi: string | null }[]> {
  return db
    .select({ id: goalIndicators.id, goalTitle: goals.title, name: goalIndicators.name, koladaKpi: goalIndicators.koladaKpi })
    .from(goalIndicators)
    .innerJoin(goals, eq(goals.id, goalIndicators.goalId))
    .where(and(eq(goalIndicators.orgId, orgId), eq(goalIndicators.kind, 'manual')))
    .orderBy(asc(goals.sortOrder), asc(goalIndicators.sortOrder));
}

/** Links a manual indicator to a Kolada KPI (null unlinks); false when the organisation has no such manual indicator. */
export async function setIndicatorKolada(db: Db, orgId: string, id: number, koladaKpi: string | null): Promise<boolean> {
  const rows = await db
    .update(goalIndicators)
    .set({ koladaKpi })
    .where(and(eq(goalIndicators.orgId, orgId), eq(goalIndicators.id, id), eq(goalIndicators.kind, 'manual')))
    .returning({ id: goalIndicators.id });
  return rows.length > 0;
}
