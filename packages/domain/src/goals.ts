import type { PeriodKind } from './period.js';
import { STATUS_META, type Status } from './status.js';

/**
 * The goal layer of a nämnd's follow-up: kommunplan areas hold nämndmål or
 * resultatmål, which may hold sub-goals. Each goal is assessed per follow-up
 * period (tertial, delår, helår) with a status and a prognos for the year.
 */
export type GoalKind = 'area' | 'namndmal' | 'resultatmal' | 'delmal';

export const GOAL_KIND_META: Record<GoalKind, { sv: string; en: string }> = {
  area: { sv: 'Målområde', en: 'Goal area' },
  namndmal: { sv: 'Nämndmål', en: 'Committee goal' },
  resultatmal: { sv: 'Resultatmål', en: 'Result goal' },
  delmal: { sv: 'Delmål', en: 'Sub-goal' },
};

/** Whether a goal of this kind may sit under a parent of that kind (null: at the top). */
export function canHoldGoal(parent: GoalKind | null, child: GoalKind): boolean {
  if (child === 'area') return parent === null;
  if (child === 'delmal') return parent !== null && parent !== 'area';
  return parent === 'area';
}

/** A målbedömning value; the reports print it as a symbol, the words say the same. */
export type Assessment = 'uppfyllt' | 'delvis' | 'ej-uppfyllt' | 'ej-bedomd';
export const ASSESSMENTS = ['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-bedomd'] as const satisfies readonly Assessment[];

/** The KPI status each value corresponds to: the same colours, symbols and words (status.ts). */
const AS_STATUS: Record<Assessment, Status> = { uppfyllt: 'green', delvis: 'yellow', 'ej-uppfyllt': 'red', 'ej-bedomd': 'none' };

export const ASSESSMENT_META: Record<Assessment, { symbol: string; sv: string; en: string }> = {
  uppfyllt: STATUS_META.green,
  delvis: STATUS_META.yellow,
  'ej-uppfyllt': STATUS_META.red,
  'ej-bedomd': STATUS_META.none,
};

/** A KPI's traffic light read as an indicator's assessment. */
export function assessmentOfStatus(s: Status): Assessment {
  return ASSESSMENTS.find((a) => AS_STATUS[a] === s) ?? 'ej-bedomd';
}

/** A printed symbol (● ◆ ■); a blank or anything else means nothing was assessed. */
export function assessmentOfSymbol(symbol: string): Assessment {
  const s = symbol.trim();
  return ASSESSMENTS.find((a) => a !== 'ej-bedomd' && ASSESSMENT_META[a].symbol === s) ?? 'ej-bedomd';
}

/** The follow-up periods a goal is assessed for: tertial, delår and helår (the reports' rhythm). */
export const ASSESSMENT_PERIOD_KINDS: readonly PeriodKind[] = ['tertial', 'delar', 'year'];

export interface Proposal {
  value: Assessment;
  /** Why, in Swedish: "2 av 3 indikatorer uppfyllda, 1 delvis uppfylld". */
  explanation: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The proposal rule, the same for status (from the indicators' values) and
 * prognos (from their year-end forecasts). Indicators not assessed are left
 * out; of the rest:
 *   - all uppfyllda → uppfyllt
 *   - none uppfylld nor delvis uppfylld → ej uppfyllt
 *   - anything between → delvis uppfyllt
 *   - no indicator assessed (or none at all) → ej bedömd.
 * It only proposes: a person with the right decides (decisionProblem).
 */
export function proposeAssessment(indicators: readonly Assessment[]): Proposal {
  const n = (a: Assessment) => indicators.filter((x) => x === a).length;
  const [met, partly, notMet, none] = [n('uppfyllt'), n('delvis'), n('ej-uppfyllt'), n('ej-bedomd')];
  const total = indicators.length;
  if (total === 0) return { value: 'ej-bedomd', explanation: 'Målet har inga indikatorer.' };
  const assessed = total - none;
  const value: Assessment = assessed === 0 ? 'ej-bedomd' : met === assessed ? 'uppfyllt' : met === 0 && partly === 0 ? 'ej-uppfyllt' : 'delvis';
  const parts = [`${met} av ${total} ${plural(total, 'indikator', 'indikatorer')} ${plural(met, 'uppfylld', 'uppfyllda')}`];
  if (partly > 0) parts.push(`${partly} delvis ${plural(partly, 'uppfylld', 'uppfyllda')}`);
  if (notMet > 0) parts.push(`${notMet} ej ${plural(notMet, 'uppfylld', 'uppfyllda')}`);
  if (none > 0) parts.push(`${none} ej ${plural(none, 'bedömd', 'bedömda')}`);
  return { value, explanation: parts.join(', ') };
}

export interface Decision {
  status: Assessment;
  prognos: Assessment;
  comment: string;
}

/**
 * The rule for deciding: a status or prognos other than the proposed one must
 * be explained in the comment, so a reader sees why the nämnd departed from
 * its indicators. Returns the Swedish reason the decision is refused, or null.
 */
export function decisionProblem(proposed: { status: Assessment; prognos: Assessment }, d: Decision): string | null {
  const departs = (['status', 'prognos'] as const).filter((k) => d[k] !== proposed[k]);
  if (departs.length === 0 || d.comment.trim() !== '') return null;
  const what = departs.map((k) => `${k === 'status' ? 'status' : 'prognos'} ${ASSESSMENT_META[d[k]].sv} (förslaget är ${ASSESSMENT_META[proposed[k]].sv})`);
  return `Bedömningen avviker från förslaget: ${what.join(' och ')}. Skriv en kommentar som förklarar varför.`;
}
