/**
 * The nämnd's report made from today's data: goals with their målbedömning,
 * the KPI tables in the period's measurement window, the follow-ups and the
 * indicator annex. Every figure is read as a suppressed audience reads it
 * (the protected release), because the report is published: the same numbers
 * a wall screen or the public could be shown, never a computation on request.
 */
import { findOrganisationName, type Db } from '@lagesbild/db';
import {
  measurementWindow,
  periodKey,
  reportDrift,
  REPORT_SCHEMA,
  type Period,
  type ReportAnnexRow,
  type ReportDocument,
  type ReportGoalRow,
  type ReportKpiRow,
} from '@lagesbild/domain';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { loadDriftsredovisning } from './economy/index.js';
import { listAtgarder, listRisks, listUppdrag, type FollowUpScope } from './follow-ups.js';
import { listGoals, type GoalView } from './goals.js';
import { buildOverview, type OverviewCard } from './overview.js';

export interface ReportRequest {
  unit: string;
  period: Period;
  access: UnitAccess;
  /** The newest month with data the caller may see (her own, when scoped). */
  latest: string | null;
  summary: string;
  now: Date;
}

type KpiSection = 'volymmatt' | 'ekonomi' | 'personal';

/** Money is economy, people are personnel, everything else a volume (the reports' three tables). */
function sectionOf(c: OverviewCard): KpiSection {
  if (c.group === 'ekonomi' || c.measureUnit === 'kr' || c.measureUnit === 'tkr') return 'ekonomi';
  if (c.group === 'personal' || c.group === 'medarbetarengagemang') return 'personal';
  return 'volymmatt';
}

function kpiRow(engine: EngineContext, c: OverviewCard): ReportKpiRow {
  const k = engine.kpis.get(c.kpi);
  return {
    kpi: c.kpi,
    name: c.name,
    nameEn: k?.nameEn ?? c.name,
    unit: k?.unit ?? 'count',
    decimals: k?.decimals ?? 0,
    direction: k?.direction ?? 'none',
    value: { value: c.value, hidden: c.hidden },
    lastYear: { value: c.change.lastYear.value, hidden: c.change.lastYear.hidden },
    target: c.target,
    status: c.status,
    forecast: c.forecast.value,
    forecastStatus: c.forecastStatus,
    prognos: c.prognos && { value: c.prognos.value, year: c.prognos.year, origin: c.prognos.origin, source: c.prognos.source },
    monthsWithData: c.monthsWithData,
    monthsInPeriod: c.monthsInPeriod,
    window: c.window.period === c.period ? null : c.window,
  };
}

/** Goals in the report's order: each area followed by its goals, each goal by its sub-goals. */
function inTreeOrder(goals: readonly GoalView[]): { goal: GoalView; depth: number }[] {
  const ids = new Set(goals.map((g) => g.id));
  const out: { goal: GoalView; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const g of goals) {
      // A goal whose parent is not shown (outside the caller's units) starts its own branch.
      const top = g.parentId === null || !ids.has(g.parentId);
      if ((parent === null && top) || (parent !== null && g.parentId === parent)) {
        out.push({ goal: g, depth });
        walk(g.id, depth + 1);
      }
    }
  };
  walk(null, 0);
  return out;
}

function goalRow({ goal, depth }: { goal: GoalView; depth: number }): ReportGoalRow {
  const a = goal.assessment;
  return {
    id: goal.id,
    parentId: goal.parentId,
    depth,
    kind: goal.kind,
    title: goal.title,
    committees: goal.committees,
    status: a?.status ?? 'ej-bedomd',
    prognos: a?.prognos ?? 'ej-bedomd',
    comment: a?.comment ?? '',
    proposal: goal.proposal.status.explanation,
    // A decision read from a printed report has no date of its own (the row's is when it was stored).
    decidedBy: a ? (a.origin === 'reported' ? `${a.decidedBy} (enligt rapporten)` : a.decidedBy) : null,
    decidedAt: a && a.origin !== 'reported' ? a.decidedAt : null,
  };
}

/** The annex: every indicator of every goal with its outcome, K and M where printed, and Riket with its source. */
function annexRows(engine: EngineContext, goals: readonly GoalView[]): ReportAnnexRow[] {
  const figure = (x: number | null) => ({ value: x, hidden: null });
  return goals.flatMap((g) =>
    g.indicators.map((view): ReportAnnexRow => {
      const k = view.kpi ? engine.kpis.get(view.kpi) : undefined;
      // A printed indicator keeps the precision it was printed with: whole numbers stay whole.
      const printed = [view.value, view.women, view.men].filter((x): x is number => x !== null);
      return {
        goalId: g.id,
        goalTitle: g.title,
        name: view.name,
        unit: k?.unit ?? view.unit,
        decimals: k?.decimals ?? (printed.every(Number.isInteger) ? 0 : 1),
        total: figure(view.value),
        women: figure(view.women),
        men: figure(view.men),
        riket: view.riket,
        status: view.status,
      };
    }),
  );
}

/** The whole report for a unit and follow-up period, as the caller may see it, in the reports' order. */
export async function buildReportDocument(db: Db, engine: EngineContext, r: ReportRequest): Promise<ReportDocument> {
  const scope: FollowUpScope = { unit: r.unit, period: r.period, access: r.access };
  // The driftsredovisning is sums of money, not counts of people: the same for every audience, over the economy window.
  const economyWindow = measurementWindow(r.period, 'economy');
  const [orgName, goals, overview, uppdrag, atgarder, risker, drift] = await Promise.all([
    findOrganisationName(db, engine.orgId),
    listGoals(db, engine, { unit: r.unit, period: r.period }, { access: r.access, suppress: true }),
    buildOverview(db, engine, r.unit, r.period, r.latest, true, r.access),
    listUppdrag(db, engine, scope),
    listAtgarder(db, engine, scope, {}),
    listRisks(db, engine, scope),
    loadDriftsredovisning(db, engine, r.unit, economyWindow),
  ]);
  const ordered = inTreeOrder(goals);
  const table = (s: KpiSection) => overview.cards.filter((c) => sectionOf(c) === s).map((c) => kpiRow(engine, c));
  const kind = r.period.kind;
  if (kind !== 'tertial' && kind !== 'delar' && kind !== 'year') throw new Error(`report: ${kind} is no follow-up period`);
  return {
    schema: REPORT_SCHEMA,
    orgName: orgName ?? engine.orgId,
    unit: r.unit,
    unitName: overview.unitName,
    period: periodKey(r.period),
    periodKind: kind,
    // The newest month the report's figures can include: a report for a past period is not "through" today's data.
    dataThrough: r.latest !== null && r.latest > r.period.end ? r.period.end : r.latest,
    generatedAt: r.now.toISOString(),
    summary: r.summary,
    goals: ordered.map(goalRow),
    uppdrag: uppdrag.map((u) => ({ id: u.id, title: u.title, status: u.status, comments: u.comments.map((c) => ({ date: c.date, body: c.body })) })),
    volymmatt: table('volymmatt'),
    ekonomi: table('ekonomi'),
    driftsredovisning: drift.table.units.length ? reportDrift(r.period, drift.table, drift.prognosLabel) : null,
    personal: table('personal'),
    atgarder: atgarder.map((a) => ({
      id: a.id,
      avvikelse: a.avvikelse,
      title: a.title,
      expectedEffect: a.expectedEffect,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      about: a.kpi ? (engine.kpis.get(a.kpi)?.name ?? a.kpi) : (goals.find((g) => g.id === a.goalId)?.title ?? ''),
    })),
    risker: risker.map((x) => ({ id: x.id, risk: x.risk, orsak: x.orsak, konsekvenser: x.konsekvenser, hantering: x.hantering })),
    bilaga: annexRows(engine, goals),
  };
}
