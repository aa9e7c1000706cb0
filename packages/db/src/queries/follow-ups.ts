import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { atgarder, risks, uppdrag, uppdragComments } from '../schema/index.js';
import { firstOrNull, idInOrg, one } from './rows.js';

export type UppdragRow = typeof uppdrag.$inferSelect;
export type UppdragCommentRow = typeof uppdragComments.$inferSelect;
export type AtgardRow = typeof atgarder.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;

export function insertUppdrag(db: Db, u: typeof uppdrag.$inferInsert): Promise<UppdragRow> {
  return one(db.insert(uppdrag).values(u).returning(), 'uppdrag');
}

/** Sets an uppdrag's status; null when the organisation has no such uppdrag. */
export function setUppdragStatus(db: Db, orgId: string, id: number, status: UppdragRow['status']): Promise<UppdragRow | null> {
  return firstOrNull(db.update(uppdrag).set({ status }).where(idInOrg(uppdrag, { orgId, id })).returning());
}

export function insertUppdragComment(db: Db, c: typeof uppdragComments.$inferInsert): Promise<UppdragCommentRow> {
  return one(db.insert(uppdragComments).values(c).returning(), 'uppdrag_comments');
}

/** The uppdrag of these units (ids), oldest first, each with its dated comments, newest first. */
export async function listUppdragRows(db: Db, orgId: string, unitIds: readonly number[]): Promise<(UppdragRow & { comments: UppdragCommentRow[] })[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select()
    .from(uppdrag)
    .where(and(eq(uppdrag.orgId, orgId), inArray(uppdrag.unitId, [...unitIds])))
    .orderBy(asc(uppdrag.id));
  const comments =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(uppdragComments)
          .where(
            and(
              eq(uppdragComments.orgId, orgId),
              inArray(
                uppdragComments.uppdragId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(desc(uppdragComments.date), desc(uppdragComments.id));
  return rows.map((r) => ({ ...r, comments: comments.filter((c) => c.uppdragId === r.id) }));
}

export function insertAtgard(db: Db, a: typeof atgarder.$inferInsert): Promise<AtgardRow> {
  return one(db.insert(atgarder).values(a).returning(), 'atgarder');
}

/** Sets an åtgärd's status; null when the organisation has no such åtgärd. */
export function setAtgardStatus(db: Db, orgId: string, id: number, status: AtgardRow['status']): Promise<AtgardRow | null> {
  return firstOrNull(db.update(atgarder).set({ status }).where(idInOrg(atgarder, { orgId, id })).returning());
}

/** The åtgärder of these units (ids), or of one goal or KPI among them, by due date. */
export async function listAtgardRows(db: Db, orgId: string, unitIds: readonly number[], about: { goalId?: number; kpiId?: string } = {}): Promise<AtgardRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(atgarder)
    .where(
      and(
        eq(atgarder.orgId, orgId),
        inArray(atgarder.unitId, [...unitIds]),
        about.goalId === undefined ? undefined : eq(atgarder.goalId, about.goalId),
        about.kpiId === undefined ? undefined : eq(atgarder.kpiId, about.kpiId),
      ),
    )
    .orderBy(asc(atgarder.dueDate), asc(atgarder.id));
}

export function insertRisk(db: Db, r: typeof risks.$inferInsert): Promise<RiskRow> {
  return one(db.insert(risks).values(r).returning(), 'risks');
}

/** The risks these units (ids) reported for a period, in the order written. */
export async function listRiskRows(db: Db, orgId: string, unitIds: readonly number[], period: string): Promise<RiskRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(risks)
    .where(and(eq(risks.orgId, orgId), inArray(risks.unitId, [...unitIds]), eq(risks.period, period)))
    .orderBy(asc(risks.id));
}
