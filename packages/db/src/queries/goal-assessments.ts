import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { goalAssessments } from '../schema/index.js';

export type GoalAssessmentRow = typeof goalAssessments.$inferSelect;
export type NewGoalAssessment = typeof goalAssessments.$inferInsert;

/**
 * Appends one decision to the history. There is no update or delete: a
 * changed målbedömning is a new row whose previous_* say what it replaced.
 */
export async function appendGoalAssessment(db: Db, a: NewGoalAssessment): Promise<GoalAssessmentRow> {
  const [row] = await db.insert(goalAssessments).values(a).returning();
  if (!row) throw new Error('goal_assessments: insert returned nothing');
  return row;
}

/** The current målbedömning (latest decision) of each of these goals for a period. */
export async function currentGoalAssessments(db: Db, orgId: string, goalIds: readonly number[], period: string): Promise<GoalAssessmentRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectDistinctOn([goalAssessments.goalId])
    .from(goalAssessments)
    .where(and(eq(goalAssessments.orgId, orgId), inArray(goalAssessments.goalId, [...goalIds]), eq(goalAssessments.period, period)))
    .orderBy(asc(goalAssessments.goalId), desc(goalAssessments.id));
}

/** Every decision on a goal, newest first; for one period when given. */
export async function goalAssessmentHistory(db: Db, orgId: string, goalId: number, period?: string): Promise<GoalAssessmentRow[]> {
  return db
    .select()
    .from(goalAssessments)
    .where(and(eq(goalAssessments.orgId, orgId), eq(goalAssessments.goalId, goalId), period === undefined ? undefined : eq(goalAssessments.period, period)))
    .orderBy(desc(goalAssessments.id));
}
