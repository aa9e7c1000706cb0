import { findKpiRow, findUnitId, insertComment, listCommentRows, recordEvent, type Db } from '@lagesbild/db';
import { COMMENT_MAX_LENGTH, monthsOf, periodKey, type Period } from '@lagesbild/domain';
import { recordAudit } from '../access/audit.js';
import { InputError, NotFoundError } from '../errors.js';

/** Shared with the dashboard's comment form (its countdown). */
export { COMMENT_MAX_LENGTH };

export interface CommentView {
  id: number;
  kpi: string;
  unit: string;
  /** Canonical period key, e.g. 2022-T1. */
  period: string;
  /** Plain text; the dashboard shows it as text, never as HTML. */
  body: string;
  author: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export interface CommentTarget {
  kpi: string;
  unit: string;
  period: Period;
}

/**
 * A comment as it is kept: line breaks as \n, no control characters (they
 * cannot be seen and can hide text), no space at either end. Counted in
 * characters as people count them (code points), not UTF-16 units.
 */
export function normaliseCommentBody(raw: string): string {
  const body = raw
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (body === '') throw new InputError('Kommentaren är tom.');
  const length = [...body].length;
  if (length > COMMENT_MAX_LENGTH) throw new InputError(`Kommentaren är för lång: ${length} tecken, högst ${COMMENT_MAX_LENGTH}.`);
  return body;
}

async function unitIdOf(db: Db, orgId: string, code: string): Promise<number> {
  const id = await findUnitId(db, orgId, code);
  if (id === null) throw new NotFoundError(`Enheten "${code}" finns inte.`);
  return id;
}

async function assertKpi(db: Db, id: string): Promise<void> {
  if (!(await findKpiRow(db, id))) throw new NotFoundError(`Nyckeltalet "${id}" finns inte.`);
}

/** The comments on a KPI for a unit and exactly this period, newest first. */
export async function listComments(db: Db, orgId: string, q: CommentTarget): Promise<CommentView[]> {
  const unitId = await unitIdOf(db, orgId, q.unit);
  const period = periodKey(q.period);
  const rows = await listCommentRows(db, { orgId, kpiId: q.kpi, unitId, period });
  return rows.map((r) => ({ id: r.id, kpi: q.kpi, unit: q.unit, period, body: r.body, author: r.author, createdAt: r.createdAt.toISOString() }));
}

/**
 * Adds a comment, and in the same transaction its audit entry and the live
 * event that makes open dashboards show it. `author` is the name shown,
 * `actor` the user id the audit log keeps.
 */
export async function addComment(db: Db, orgId: string, q: CommentTarget & { body: string; author: string; actor: string; ip?: string | null; now?: Date }): Promise<CommentView> {
  const body = normaliseCommentBody(q.body);
  await assertKpi(db, q.kpi);
  const unitId = await unitIdOf(db, orgId, q.unit);
  const period = periodKey(q.period);
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const row = await insertComment(txDb, { orgId, kpiId: q.kpi, unitId, period, body, author: q.author, ...(q.now ? { createdAt: q.now } : {}) });
    await recordAudit(txDb, { orgId, actor: q.actor, action: 'comment.added', target: `comment:${row.id}`, detail: { kpi: q.kpi, unit: q.unit, period }, ip: q.ip ?? null });
    await recordEvent(txDb, orgId, 'comment.added', { kpis: [q.kpi], units: [q.unit], months: monthsOf(q.period), note: q.author });
    return { id: row.id, kpi: q.kpi, unit: q.unit, period, body: row.body, author: row.author, createdAt: row.createdAt.toISOString() };
  });
}
