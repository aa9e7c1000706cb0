/**
 * The goal layer as people read it: goals with their indicators, the current
 * målbedömning for a follow-up period, and what the indicators propose. The
 * proposal rule itself lives in packages/domain (goals.ts).
 */
import {
  currentGoalAssessments,
  findGoalRow,
  koladaRiketUpTo,
  listGoalIndicatorsWithValues,
  listGoalRows,
  listKoladaMappings,
  type Db,
  type GoalAssessmentRow,
  type GoalIndicatorRow,
  type GoalRecord,
  type GoalIndicatorValueRow,
} from '@lagesbild/db';
import {
  ASSESSMENT_PERIOD_KINDS,
  assessmentOfStatus,
  monthsOf,
  parsePeriod,
  periodKey,
  proposeAssessment,
  type Assessment,
  type GoalKind,
  type Month,
  type Period,
  type Proposal,
  yearOf,
  type ReportComparison,
} from '@lagesbild/domain';
import type { UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';
import { InputError, NotFoundError } from '../errors.js';
import { KOLADA_SOURCE } from './kolada.js';
import { queryValue } from './query-value.js';

export interface AssessmentView {
  status: Assessment;
  prognos: Assessment;
  comment: string;
  decidedBy: string;
  /** ISO 8601, UTC. */
  decidedAt: string;
  origin: 'reported' | 'demo' | 'user';
}

interface IndicatorView {
  id: number;
  kind: 'kpi' | 'manual';
  kpi: string | null;
  /** The indicator's printed name, or the KPI's name. */
  name: string;
  unit: string | null;
  /** The outcome for the period (a KPI's value as the caller may see it); null when there is none. */
  value: number | null;
  /** Kvinnor and män as printed for a manual indicator; null for a KPI and where none is printed. */
  women: number | null;
  men: number | null;
  /** Riket: from Kolada where the indicator (or its KPI) is linked to a Kolada KPI, else as reported; with its source and year. */
  riket: ReportComparison | null;
  status: Assessment;
  /** The year-end prognos: a KPI's forecast status; a manual indicator has none (ej bedömd). */
  prognos: Assessment;
}

export interface GoalView {
  id: number;
  parentId: number | null;
  kind: GoalKind;
  title: string;
  committees: string[];
  unit: string;
  validFrom: Month;
  validTo: Month | null;
  period: string;
  assessment: AssessmentView | null;
  proposal: { status: Proposal; prognos: Proposal };
  indicators: IndicatorView[];
}

/** A follow-up period (tertial, delår, helår), or a Swedish refusal. */
export function followUpPeriod(input: string): Period {
  const p = parsePeriod(input);
  if (!ASSESSMENT_PERIOD_KINDS.includes(p.kind)) throw new InputError(`Målbedömning görs per tertial, delår eller helår (t.ex. 2020-T1, 2020-D, 2020), inte för "${input}".`);
  return p;
}

const validIn = (g: GoalRecord, m: Month) => g.validFrom <= m && (g.validTo === null || m < g.validTo);
/** Whether the goal applies in some month of the period. */
export const appliesIn = (g: GoalRecord, p: Period) => monthsOf(p).some((m) => validIn(g, m));

export async function goalOrThrow(db: Db, orgId: string, id: number): Promise<GoalRecord> {
  const g = await findGoalRow(db, orgId, id);
  if (!g) throw new NotFoundError(`Målet ${id} finns inte.`);
  return g;
}

export function assessmentView(a: GoalAssessmentRow): AssessmentView {
  return { status: a.status, prognos: a.prognos, comment: a.comment, decidedBy: a.decidedBy, decidedAt: a.decidedAt.toISOString(), origin: a.origin };
}

interface ViewOptions {
  /** Which units the caller may read month by month: a KPI indicator's value is computed only within them. */
  access: UnitAccess;
  suppress: boolean;
}

async function kpiIndicator(
  db: Db,
  engine: EngineContext,
  g: GoalRecord,
  i: GoalIndicatorRow & { kpiId: string },
  p: Period,
  o: ViewOptions & { riket: ReportComparison | null },
): Promise<IndicatorView> {
  const k = engine.kpis.get(i.kpiId);
  const base = { id: i.id, kind: 'kpi' as const, kpi: i.kpiId, name: k?.name ?? i.kpiId, unit: k?.unit ?? null, women: null, men: null, riket: o.riket };
  try {
    const v = await queryValue(db, engine, { kpi: i.kpiId, unit: g.unit, period: p, gender: 'T', compare: false, suppress: o.suppress, access: o.access });
    return { ...base, value: v.value, status: assessmentOfStatus(v.status), prognos: assessmentOfStatus(v.forecastStatus) };
  } catch (err) {
    // A value that cannot be given (not released, outside the caller's months) is not assessed, not an error of the goal.
    if (err instanceof InputError || err instanceof NotFoundError) return { ...base, value: null, status: 'ej-bedomd', prognos: 'ej-bedomd' };
    throw err;
  }
}

/**
 * Riket beside each indicator: Kolada's figure (the newest year up to the
 * period's) where the indicator or its KPI is linked to a Kolada KPI, else
 * the figure the report printed; always with where it came from.
 */
async function riketOf(db: Db, orgId: string, rows: readonly GoalIndicatorRow[], values: readonly GoalIndicatorValueRow[], p: Period) {
  const mappings = await listKoladaMappings(db, orgId);
  const koladaOf = (i: GoalIndicatorRow) => i.koladaKpi ?? mappings.find((m) => m.kpiId === i.kpiId)?.koladaKpi ?? null;
  const kolada = await koladaRiketUpTo(
    db,
    rows.flatMap((i) => koladaOf(i) ?? []),
    yearOf(p.end),
  );
  return (i: GoalIndicatorRow): ReportComparison | null => {
    const k = kolada.get(koladaOf(i) ?? '');
    if (k) return { value: k.value, source: KOLADA_SOURCE, year: k.year };
    const reported = values.find((v) => v.indicatorId === i.id)?.riket;
    return reported === null || reported === undefined ? null : { value: reported, source: 'Rapporterat', year: null };
  };
}

async function indicatorViews(db: Db, engine: EngineContext, goals: readonly GoalRecord[], p: Period, o: ViewOptions): Promise<Map<number, IndicatorView[]>> {
  const { indicators: rows, values } = await listGoalIndicatorsWithValues(db, engine.orgId, goals, periodKey(p));
  const riket = await riketOf(db, engine.orgId, rows, values, p);
  const out = new Map<number, IndicatorView[]>(goals.map((g) => [g.id, []]));
  for (const r of rows) {
    const g = goals.find((x) => x.id === r.goalId);
    if (!g) continue;
    const view =
      r.kind === 'kpi' && r.kpiId !== null
        ? await kpiIndicator(db, engine, g, { ...r, kpiId: r.kpiId }, p, { ...o, riket: riket(r) })
        : (() => {
            const v = values.find((x) => x.indicatorId === r.id);
            return {
              id: r.id,
              kind: 'manual' as const,
              kpi: null,
              name: r.name,
              unit: r.unit,
              value: v?.total ?? null,
              women: v?.women ?? null,
              men: v?.men ?? null,
              riket: riket(r),
              status: v?.assessment ?? 'ej-bedomd',
              prognos: 'ej-bedomd' as const,
            };
          })();
    out.get(r.goalId)?.push(view);
  }
  return out;
}

/** Goals with their indicators, current målbedömning and proposal for one follow-up period. */
export async function goalViews(db: Db, engine: EngineContext, goals: readonly GoalRecord[], p: Period, o: ViewOptions): Promise<GoalView[]> {
  const period = periodKey(p);
  const [indicators, current] = await Promise.all([
    indicatorViews(db, engine, goals, p, o),
    currentGoalAssessments(
      db,
      engine.orgId,
      goals.map((g) => g.id),
      period,
    ),
  ]);
  return goals.map((g) => {
    const inds = indicators.get(g.id) ?? [];
    const a = current.find((x) => x.goalId === g.id);
    return {
      id: g.id,
      parentId: g.parentId,
      kind: g.kind,
      title: g.title,
      committees: g.committees,
      unit: g.unit,
      validFrom: g.validFrom,
      validTo: g.validTo,
      period,
      assessment: a ? assessmentView(a) : null,
      proposal: { status: proposeAssessment(inds.map((i) => i.status)), prognos: proposeAssessment(inds.map((i) => i.prognos)) },
      indicators: inds,
    };
  });
}

/**
 * Whether a unit's goals and follow-ups are shown under `root` for a period:
 * the unit lies at or below root and is the caller's in every month of it.
 */
export function shownUnder(engine: EngineContext, access: UnitAccess, root: string, p: Period): (unit: string) => boolean {
  const months = monthsOf(p);
  return (unit) => access.allowsPeriod(unit, p) && months.every((m) => engine.tree.isWithin(unit, root, m));
}

/**
 * The goals of a unit and the units below it that apply in the period, each
 * only when its unit is the caller's in every month of the period: a goal of
 * a unit outside her scope is never listed, not even as a parent.
 */
export async function listGoals(db: Db, engine: EngineContext, q: { unit: string; period: Period }, o: ViewOptions): Promise<GoalView[]> {
  const shown = shownUnder(engine, o.access, q.unit, q.period);
  const goals = (await listGoalRows(db, engine.orgId)).filter((g) => appliesIn(g, q.period) && shown(g.unit));
  return goalViews(db, engine, goals, q.period, o);
}

/**
 * The goals followed up with a KPI (those with a KPI indicator of it), under
 * the same rule as listGoals: the unit and the units below it, each goal only
 * when its unit is the caller's in every month of the period.
 */
export async function goalsForKpi(db: Db, engine: EngineContext, q: { kpi: string; unit: string; period: Period }, o: ViewOptions): Promise<GoalView[]> {
  return (await listGoals(db, engine, q, o)).filter((g) => g.indicators.some((i) => i.kind === 'kpi' && i.kpi === q.kpi));
}
