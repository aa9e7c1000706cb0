/**
 * A cell's number and what it may be for its KPI: read as one whole token,
 * its unit converted or refused, then the KPI's plausibility rules
 * (packages/domain plausibility.ts). Pure; each function returns the value
 * or the one issue that stops the row.
 */
import { cellUnitFactor, checkValue, readNumberToken, valueRules, type NumberToken, type PlausibilityKpi, type ValueProblem, type ValueRules } from '@lagesbild/domain';
import type { ImportIssue, Place } from '../common/errors.js';
import { negativeValue, notNumber, badDenominator } from './validate-messages.js';
import * as msg from './value-messages.js';

/**
 * A number cell as a token. Cells that start with =, + or @ are data that a
 * spreadsheet would take for a formula: never evaluated, never a number.
 * Only a leading minus before digits makes a negative number.
 */
export function readCellToken(text: string): NumberToken {
  if (/^[=+@]/.test(text)) return { kind: 'not-number' };
  if (/^[-\u2212]/.test(text) && !/^[-\u2212]\s*\d/.test(text)) return { kind: 'not-number' };
  return readNumberToken(text);
}

/** The issue for a cell that is not one number. */
export function numberIssue(p: Place, text: string, t: NumberToken): ImportIssue {
  return t.kind === 'split' ? msg.splitNumber(p, text, t.parts) : notNumber(p, text);
}

/** The value, or the issue to report at the cell's place (made only on failure: a million good rows build no places). */
export type Read = { value: number; issue: null } | { value: null; issue: (p: Place) => ImportIssue };

/** The value in the KPI's unit: "4 915 tkr" is 4 915 000 in a KPI kept in kr; "8 %" of households is refused. */
export function readValue(text: string, kpi: { id: string; unit: PlausibilityKpi['unit'] } | undefined): Read {
  const t = readCellToken(text);
  if (t.kind !== 'number') return { value: null, issue: (p) => numberIssue(p, text, t) };
  if (t.unit === null || kpi === undefined) return { value: t.value, issue: null };
  const unit = t.unit;
  const factor = cellUnitFactor(unit, kpi.unit);
  if (factor === null) return { value: null, issue: (p) => msg.unitMismatch(p, text, kpi.id, kpi.unit, unit) };
  return { value: t.value * factor, issue: null };
}

export function readDenominator(text: string): Read {
  const t = readCellToken(text);
  if (t.kind !== 'number') return { value: null, issue: (p) => numberIssue(p, text, t) };
  if (t.unit !== null) return { value: null, issue: (p) => msg.unitInDenominator(p, text) };
  return { value: t.value, issue: null };
}

const rulesOf = new WeakMap<PlausibilityKpi, ValueRules>();
function rulesFor(kpi: PlausibilityKpi): ValueRules {
  let r = rulesOf.get(kpi);
  if (r === undefined) rulesOf.set(kpi, (r = valueRules(kpi)));
  return r;
}

/** Whether the month's value can be what the KPI measures; the issue is placed at the cell that is wrong. */
export function checkPlausible(kpi: PlausibilityKpi, numerator: number, denominator: number | null): ValueProblem | null {
  return checkValue(rulesFor(kpi), kpi.scale, numerator, denominator);
}

export function plausibilityIssue(
  kpi: PlausibilityKpi & { id: string },
  problem: ValueProblem,
  at: { value: Place; denominator: Place },
  numerator: number,
  denominator: number | null,
  text: { value: string; denominator: string },
): ImportIssue {
  switch (problem.kind) {
    case 'negative':
      return negativeValue(at.value, text.value, kpi.id);
    case 'not-integer':
      return msg.notInteger(at.value, text.value, kpi.id);
    case 'too-large':
      return msg.tooLarge(Math.abs(numerator) > problem.max ? at.value : at.denominator, Math.abs(numerator) > problem.max ? text.value : text.denominator, kpi.id, problem.max);
    case 'denominator-missing':
      return msg.denominatorMissing(at.denominator, kpi.id, kpi.unit);
    case 'denominator-forbidden':
      return msg.denominatorForbidden(at.denominator, text.denominator, kpi.id, kpi.unit);
    case 'denominator-not-positive':
      return badDenominator(at.denominator, text.denominator);
    case 'denominator-not-integer':
      return msg.denominatorNotInteger(at.denominator, text.denominator, kpi.id);
    case 'share-too-large':
      return msg.shareTooLarge(at.value, text.value, text.denominator, problem.share, problem.maxShare, kpi.id);
  }
}
