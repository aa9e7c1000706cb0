/**
 * What the nämnd follows up besides goals: uppdrag with dated comments, the
 * åtgärdsplan (for a goal or a KPI) and risks. Each belongs to a unit and is
 * read and written within the caller's units for a follow-up period; every
 * change writes its audit entry and live event in its own transaction.
 */
import {
  insertAtgard,
  insertRisk,
  insertUppdrag,
  insertUppdragComment,
  listAtgardRows,
  listRiskRows,
  listUppdragRows,
  recordEvent,
  setAtgardStatus,
  setUppdragStatus,
  unitIdsByCode,
  type AtgardRow,
  type Db,
  type RiskRow,
  type UppdragRow,
} from '@lagesbild/db';
import { monthsOf, periodKey, type Period } from '@lagesbild/domain';
import { auditAs, type Actor, type AuditAction } from '../access/audit.js';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { kpiOrThrow } from '../engine/kpi-values.js';
import { InputError, NotFoundError } from '../errors.js';
import { normaliseCommentBody } from './comments.js';
import { shownUnder } from './goals.js';

/** Where a follow-up is read or written: a unit (and, for reading, the units below it) in a follow-up period. */
export interface FollowUpScope {
  unit: string;
  period: Period;
  access: UnitAccess;
}

/** The ids of the units shown under the scope's unit, and their codes by id. */
async function scopeUnits(db: Db, engine: EngineContext, s: FollowUpScope): Promise<{ ids: number[]; codeOf: (id: number) => string }> {
  const shown = shownUnder(engine, s.access, s.unit, s.period);
  const byCode = await unitIdsByCode(
    db,
    engine.orgId,
    engine.tree
      .all()
      .map((u) => u.code)
      .filter(shown),
  );
  const byId = new Map([...byCode].map(([code, id]) => [id, code]));
  return { ids: [...byCode.values()], codeOf: (id) => byId.get(id) ?? '?' };
}

async function unitIdOf(db: Db, engine: EngineContext, code: string): Promise<number> {
  const id = (await unitIdsByCode(db, engine.orgId, [code])).get(code);
  if (id === undefined) throw new NotFoundError(`Enheten "${code}" finns inte.`);
  return id;
}

function text(raw: string, what: string, required = true): string {
  const t = raw.trim() === '' ? '' : normaliseCommentBody(raw);
  if (required && t === '') throw new InputError(`${what} saknas.`);
  return t;
}

function isoDate(raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw new InputError(`Datumet "${raw}" ska skrivas ÅÅÅÅ-MM-DD.`);
  return raw;
}

/** One change with its audit entry and its live event (kind follow_up.changed, on the unit and the period's months). */
async function change<T>(db: Db, engine: EngineContext, s: FollowUpScope, actor: Actor, action: AuditAction, write: (tx: Db) => Promise<T & { id: number }>): Promise<T> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const row = await write(txDb);
    const [noun] = action.split('.');
    await auditAs(txDb, actor, { orgId: engine.orgId, action, target: `${noun ?? action}:${row.id}`, detail: { unit: s.unit, period: periodKey(s.period) } });
    await recordEvent(txDb, engine.orgId, 'follow_up.changed', { kpis: [], units: [s.unit], months: monthsOf(s.period), note: noun ?? action });
    return row;
  });
}

const notFound = (what: string) => new NotFoundError(`${what} finns inte bland enhetens.`);

export type AtgardView = Omit<AtgardRow, 'orgId' | 'unitId' | 'kpiId' | 'createdAt'> & { unit: string; kpi: string | null; createdAt: string };

const atgardView = (r: AtgardRow, unit: string): AtgardView => {
  const { orgId: _o, unitId: _u, kpiId, createdAt, ...rest } = r;
  return { ...rest, unit, kpi: kpiId, createdAt: createdAt.toISOString() };
};

/** The åtgärder of the unit and the units below it, or only those for one goal or KPI. */
export async function listAtgarder(db: Db, engine: EngineContext, s: FollowUpScope, about: { goalId?: number; kpi?: string }): Promise<AtgardView[]> {
  const { ids, codeOf } = await scopeUnits(db, engine, s);
  const rows = await listAtgardRows(db, engine.orgId, ids, {
    ...(about.goalId !== undefined ? { goalId: about.goalId } : {}),
    ...(about.kpi !== undefined ? { kpiId: about.kpi } : {}),
  });
  return rows.map((r) => atgardView(r, codeOf(r.unitId)));
}

export interface AtgardInput {
  goalId: number | null;
  kpi: string | null;
  avvikelse: string;
  title: string;
  owner: string;
  dueDate: string | null;
  expectedEffect: string;
}

/** Adds an åtgärd on the unit for a goal (checked to be in scope by the caller) or a KPI. */
export async function addAtgard(db: Db, engine: EngineContext, s: FollowUpScope, a: AtgardInput, actor: Actor): Promise<AtgardView> {
  if (a.goalId === null && a.kpi === null) throw new InputError('En åtgärd hör till ett mål eller ett nyckeltal: välj ett av dem.');
  if (a.kpi !== null) kpiOrThrow(engine, a.kpi);
  const values = {
    avvikelse: text(a.avvikelse, 'Avvikelsen', false),
    title: text(a.title, 'Åtgärden'),
    owner: text(a.owner, 'Ansvarig'),
    dueDate: isoDate(a.dueDate),
    expectedEffect: text(a.expectedEffect, 'Förväntad effekt', false),
  };
  const unitId = await unitIdOf(db, engine, s.unit);
  const row = await change(db, engine, s, actor, 'atgard.added', (tx) =>
    insertAtgard(tx, { orgId: engine.orgId, unitId, goalId: a.goalId, kpiId: a.kpi, ...values, createdBy: actor.id }),
  );
  return atgardView(row, s.unit);
}

/** Changes an åtgärd's status; only one of the unit's (or below it, within the caller's units). */
export async function changeAtgardStatus(db: Db, engine: EngineContext, s: FollowUpScope, id: number, status: AtgardRow['status'], actor: Actor): Promise<AtgardView> {
  const { ids, codeOf } = await scopeUnits(db, engine, s);
  if (!(await listAtgardRows(db, engine.orgId, ids)).some((r) => r.id === id)) throw notFound(`Åtgärden ${id}`);
  const row = await change(
    db,
    engine,
    s,
    actor,
    'atgard.status_changed',
    async (tx) => (await setAtgardStatus(tx, engine.orgId, id, status)) ?? Promise.reject(notFound(`Åtgärden ${id}`)),
  );
  return atgardView(row, codeOf(row.unitId));
}

export type UppdragView = Omit<UppdragRow, 'orgId' | 'unitId' | 'createdAt'> & { unit: string; createdAt: string; comments: { date: string; body: string; author: string }[] };

export async function listUppdrag(db: Db, engine: EngineContext, s: FollowUpScope): Promise<UppdragView[]> {
  const { ids, codeOf } = await scopeUnits(db, engine, s);
  return (await listUppdragRows(db, engine.orgId, ids)).map(({ orgId: _o, unitId, createdAt, comments, ...rest }) => ({
    ...rest,
    unit: codeOf(unitId),
    createdAt: createdAt.toISOString(),
    comments: comments.map((c) => ({ date: c.date, body: c.body, author: c.author })),
  }));
}

export async function addUppdrag(db: Db, engine: EngineContext, s: FollowUpScope, u: { title: string; goalId: number | null }, actor: Actor): Promise<{ id: number }> {
  const title = text(u.title, 'Uppdraget');
  const unitId = await unitIdOf(db, engine, s.unit);
  return change(db, engine, s, actor, 'uppdrag.added', (tx) => insertUppdrag(tx, { orgId: engine.orgId, unitId, goalId: u.goalId, title, createdBy: actor.id }));
}

async function assertUppdragInScope(db: Db, engine: EngineContext, s: FollowUpScope, id: number): Promise<void> {
  const { ids } = await scopeUnits(db, engine, s);
  if (!(await listUppdragRows(db, engine.orgId, ids)).some((r) => r.id === id)) throw notFound(`Uppdraget ${id}`);
}

/** A dated comment on an uppdrag ("2020-08-31: Klart enligt plan"), and optionally its new status, in one change. */
export async function commentUppdrag(
  db: Db,
  engine: EngineContext,
  s: FollowUpScope,
  c: { id: number; date: string; body: string; status: UppdragRow['status'] | null; author: string },
  actor: Actor,
): Promise<{ id: number }> {
  const date = isoDate(c.date) ?? '';
  const body = text(c.body, 'Kommentaren');
  await assertUppdragInScope(db, engine, s, c.id);
  return change(db, engine, s, actor, 'uppdrag.commented', async (tx) => {
    if (c.status !== null) await setUppdragStatus(tx, engine.orgId, c.id, c.status);
    return insertUppdragComment(tx, { orgId: engine.orgId, uppdragId: c.id, date, body, author: c.author });
  });
}

export type RiskView = Pick<RiskRow, 'id' | 'goalId' | 'period' | 'risk' | 'orsak' | 'konsekvenser' | 'hantering' | 'createdBy'> & { unit: string };

/** The risks reported for the period by the unit and the units below it. */
export async function listRisks(db: Db, engine: EngineContext, s: FollowUpScope): Promise<RiskView[]> {
  const { ids, codeOf } = await scopeUnits(db, engine, s);
  return (await listRiskRows(db, engine.orgId, ids, periodKey(s.period))).map((r) => ({
    id: r.id,
    goalId: r.goalId,
    period: r.period,
    risk: r.risk,
    orsak: r.orsak,
    konsekvenser: r.konsekvenser,
    hantering: r.hantering,
    createdBy: r.createdBy,
    unit: codeOf(r.unitId),
  }));
}

export async function addRisk(
  db: Db,
  engine: EngineContext,
  s: FollowUpScope,
  r: { goalId: number | null; risk: string; orsak: string; konsekvenser: string; hantering: string },
  actor: Actor,
): Promise<{ id: number }> {
  const values = {
    risk: text(r.risk, 'Risken'),
    orsak: text(r.orsak, 'Orsaken', false),
    konsekvenser: text(r.konsekvenser, 'Konsekvenserna', false),
    hantering: text(r.hantering, 'Hanteringen', false),
  };
  const unitId = await unitIdOf(db, engine, s.unit);
  return change(db, engine, s, actor, 'risk.added', (tx) =>
    insertRisk(tx, { orgId: engine.orgId, unitId, goalId: r.goalId, period: periodKey(s.period), ...values, createdBy: actor.id }),
  );
}
