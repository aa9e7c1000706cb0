/**
 * Deciding a goal's målbedömning: status and prognos for a follow-up period,
 * checked against what the indicators propose (a departure needs a comment),
 * appended to the history with its audit entry and live event in one
 * transaction. Nothing is ever overwritten.
 */
import { appendGoalAssessment, currentGoalAssessments, goalAssessmentHistory, recordEvent, type Db, type GoalRecord } from '@lagesbild/db';
import { decisionProblem, monthsOf, periodKey, type Assessment, type Period } from '@lagesbild/domain';
import { auditAs, type Actor } from '../access/audit.js';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { InputError } from '../errors.js';
import { normaliseCommentBody } from './comments.js';
import { appliesIn, assessmentView, goalViews, type AssessmentView, type GoalView } from './goals.js';

export interface DecisionInput {
  status: Assessment;
  prognos: Assessment;
  comment: string;
}

export interface HistoryEntry extends AssessmentView {
  id: number;
  period: string;
  previousStatus: Assessment | null;
  previousPrognos: Assessment | null;
  proposedStatus: Assessment;
  proposedPrognos: Assessment;
  /** What the indicators proposed when it was decided, e.g. "2 av 3 indikatorer uppfyllda". */
  proposal: string;
}

/** A comment as comments are kept; an empty one is allowed here (a decision that follows the proposal needs none). */
function commentOf(raw: string): string {
  return raw.trim() === '' ? '' : normaliseCommentBody(raw);
}

/**
 * Records a decision on a goal for a period. The proposal is computed here
 * from the indicators as the decider may see them, never taken from the form.
 */
export async function decideAssessment(
  db: Db,
  engine: EngineContext,
  goal: GoalRecord,
  p: Period,
  d: DecisionInput,
  o: { access: UnitAccess; suppress: boolean; actor: Actor },
): Promise<GoalView> {
  if (!appliesIn(goal, p)) throw new InputError(`Målet "${goal.title}" gäller inte under ${periodKey(p)}.`);
  const comment = commentOf(d.comment);
  const [before] = await goalViews(db, engine, [goal], p, o);
  if (!before) throw new Error('goalViews: no view of the goal');
  const proposed = { status: before.proposal.status.value, prognos: before.proposal.prognos.value };
  const problem = decisionProblem(proposed, { ...d, comment });
  if (problem) throw new InputError(problem);
  const period = periodKey(p);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    // Read the previous decision inside the transaction, so "from what" is the one this replaces.
    const [previous] = await currentGoalAssessments(txDb, engine.orgId, [goal.id], period);
    const row = await appendGoalAssessment(txDb, {
      orgId: engine.orgId,
      goalId: goal.id,
      period,
      status: d.status,
      prognos: d.prognos,
      previousStatus: previous?.status ?? null,
      previousPrognos: previous?.prognos ?? null,
      proposedStatus: proposed.status,
      proposedPrognos: proposed.prognos,
      proposal: before.proposal.status.explanation,
      comment,
      decidedBy: o.actor.id,
      origin: 'user',
    });
    const detail = {
      goal: goal.id,
      unit: goal.unit,
      period,
      status: d.status,
      prognos: d.prognos,
      previousStatus: row.previousStatus,
      previousPrognos: row.previousPrognos,
      proposedStatus: proposed.status,
    };
    await auditAs(txDb, o.actor, { orgId: engine.orgId, action: 'goal.assessed', target: `goal:${goal.id}:${period}`, detail });
    await recordEvent(txDb, engine.orgId, 'goal.assessed', { kpis: [], units: [goal.unit], months: monthsOf(p), note: String(goal.id) });
  });
  const [after] = await goalViews(db, engine, [goal], p, o);
  if (!after) throw new Error('goalViews: no view of the goal');
  return after;
}

/** Every decision on a goal for a period, newest first: who, when, from what to what, and what was proposed. */
export async function assessmentHistory(db: Db, orgId: string, goal: GoalRecord, p: Period): Promise<HistoryEntry[]> {
  const rows = await goalAssessmentHistory(db, orgId, goal.id, periodKey(p));
  return rows.map((r) => ({
    ...assessmentView(r),
    id: r.id,
    period: r.period,
    previousStatus: r.previousStatus,
    previousPrognos: r.previousPrognos,
    proposedStatus: r.proposedStatus,
    proposedPrognos: r.proposedPrognos,
    proposal: r.proposal,
  }));
}
