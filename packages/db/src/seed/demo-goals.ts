import { assessmentOfSymbol, proposeAssessment, type Assessment } from '@lagesbild/domain';
import type { Db } from '../client.js';
import { appendGoalAssessment } from '../queries/goal-assessments.js';
import { insertGoal, insertGoalIndicator, insertGoalIndicatorValues } from '../queries/goals.js';
import { demoKoladaId } from './demo-kolada.js';
import { referenceRows } from './reference-csv.js';

/** The follow-up the reference figures come from: Delårsrapport 2020 (004). */
export const DEMO_GOAL_PERIOD = '2020-D';
/** The plan the goals belong to runs for 2020; later years have no goals in the sources. */
const VALID = { validFrom: '2020-01', validTo: '2021-01' };

interface DemoIndicator {
  name: string;
  unit: string;
  total: number | null;
  riket: number | null;
  women: number | null;
  men: number | null;
  comment: string;
  source: string;
  /** The annex indicator's Kolada id in the demo's Kolada file, when the annex prints a Riket figure. */
  koladaKpi: string | null;
}

interface DemoGoal {
  title: string;
  committees: string[];
  status: Assessment;
  prognos: Assessment;
  comment: string;
  source: string;
  indicators: DemoIndicator[];
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));
const sourceOf = (r: Record<string, string>) => `${r.source ?? ''}:${r.line ?? ''}`;

/**
 * The 2020 goals as Delårsrapport 2020 prints them: areas in the report's
 * order, each resultatmål with its committees, its status and prognos
 * symbols, its comment (the CSV keeps the first 200 characters) and the
 * indicators of the report's annex.
 */
function demoGoals(): { area: string; goals: DemoGoal[] }[] {
  const indicators = referenceRows('indicators_2020');
  const areas = new Map<string, DemoGoal[]>();
  for (const r of referenceRows('goal_assessments')) {
    const area = r.area ?? '';
    const title = r.goal_sv ?? '';
    const list = areas.get(area) ?? [];
    areas.set(area, list);
    list.push({
      title,
      committees: (r.committees ?? '').split(',').map((c) => c.trim()),
      status: assessmentOfSymbol(r.status_symbol ?? ''),
      prognos: assessmentOfSymbol(r.forecast_symbol ?? ''),
      comment: r.comment ?? '',
      source: sourceOf(r),
      indicators: indicators
        .filter((i) => i.area === area && i.goal_sv === title)
        .map((i) => ({
          name: i.indicator_sv ?? '',
          unit: i.unit ?? '',
          total: num(i.total),
          riket: num(i.riket),
          women: num(i.kvinnor),
          men: num(i.man),
          comment: i.comment ?? '',
          source: sourceOf(i),
          koladaKpi: num(i.riket) === null ? null : demoKoladaId(i.line ?? ''),
        })),
    });
  }
  return [...areas].map(([area, goals]) => ({ area, goals }));
}

/**
 * Writes the demo's goals on the top unit with the reported målbedömning for
 * the delår 2020. The annex assesses no single indicator, so each proposal
 * is "ej bedömd" and the decision is the report's, kept as reported.
 */
export async function seedDemoGoals(tx: Db, orgId: string, unitId: number): Promise<number> {
  let order = 0;
  let written = 0;
  for (const { area, goals } of demoGoals()) {
    const areaRow = await insertGoal(tx, { orgId, kind: 'area', title: area, unitId, ...VALID, sortOrder: order++, origin: 'reported', source: '004_3da22e8ba1cc22ba.txt' });
    for (const g of goals) {
      const goal = await insertGoal(tx, {
        orgId,
        parentId: areaRow.id,
        kind: 'resultatmal',
        title: g.title,
        committees: g.committees,
        unitId,
        ...VALID,
        sortOrder: order++,
        origin: 'reported',
        source: g.source,
      });
      let i = 0;
      for (const ind of g.indicators) {
        const row = await insertGoalIndicator(tx, { orgId, goalId: goal.id, kind: 'manual', name: ind.name, unit: ind.unit, koladaKpi: ind.koladaKpi, sortOrder: i++ });
        const { total, riket, women, men, comment, source } = ind;
        await insertGoalIndicatorValues(tx, [{ orgId, indicatorId: row.id, period: DEMO_GOAL_PERIOD, total, riket, women, men, comment, origin: 'reported', source }]);
      }
      const proposal = proposeAssessment(g.indicators.map((): Assessment => 'ej-bedomd'));
      await appendGoalAssessment(tx, {
        orgId,
        goalId: goal.id,
        period: DEMO_GOAL_PERIOD,
        status: g.status,
        prognos: g.prognos,
        proposedStatus: proposal.value,
        proposedPrognos: proposal.value,
        proposal: proposal.explanation,
        comment: g.comment,
        decidedBy: 'Socialnämnden',
        origin: 'reported',
        source: g.source,
      });
      written++;
    }
  }
  return written;
}
