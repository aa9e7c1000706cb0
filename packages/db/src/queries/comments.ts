import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { comments } from '../schema/index.js';

export type CommentRow = typeof comments.$inferSelect;

export interface CommentKey {
  orgId: string;
  kpiId: string;
  unitId: number;
  /** Canonical period key, e.g. 2022-T1. */
  period: string;
}

/** The comments on exactly this KPI, unit and period, newest first. */
export async function listCommentRows(db: Db, q: CommentKey): Promise<CommentRow[]> {
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.orgId, q.orgId), eq(comments.kpiId, q.kpiId), eq(comments.unitId, q.unitId), eq(comments.period, q.period)))
    .orderBy(desc(comments.createdAt), desc(comments.id));
}

/** The comments on every KPI of a unit for some periods, newest first: the overview marks each card with its latest. */
export async function unitCommentRows(db: Db, q: Omit<CommentKey, 'kpiId' | 'period'> & { periods: readonly string[] }): Promise<CommentRow[]> {
  if (q.periods.length === 0) return [];
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.orgId, q.orgId), eq(comments.unitId, q.unitId), inArray(comments.period, [...q.periods])))
    .orderBy(desc(comments.createdAt), desc(comments.id));
}

/** `createdAt` defaults to the database's clock. */
export async function insertComment(db: Db, c: CommentKey & { body: string; author: string; createdAt?: Date }): Promise<CommentRow> {
  const [row] = await db.insert(comments).values(c).returning();
  if (!row) throw new Error('comments: insert returned nothing');
  return row;
}
