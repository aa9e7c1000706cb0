import { DEFAULT_SUPPRESSION, type SuppressionRules } from '../suppression.js';
import type { IndividualsNoun } from './types.js';

/**
 * Why a figure is not shown, as structured data the dashboard words itself
 * (vue-i18n) and the server words in Swedish for the CLI and exports.
 * primary: too few individuals behind it; secondary: hidden so that a
 * primary cell cannot be worked out ("..", as SCB writes it); unheld: a
 * custom range the release cannot answer for this KPI.
 */
export interface HiddenReason {
  mark: 'primary' | 'secondary' | 'unheld';
  /** Whom the threshold counts (primary only). */
  noun: IndividualsNoun | null;
  /** "fewer than" this many, or for employees "at most". */
  threshold: number;
}

export function hiddenReason(mark: HiddenReason['mark'], noun: IndividualsNoun | null, rules: SuppressionRules = DEFAULT_SUPPRESSION): HiddenReason {
  const threshold = noun === 'employees' ? rules.maxHiddenSickLeaveGroup : noun === 'respondents' ? rules.minHmeRespondents : rules.minCount;
  return { mark, noun: mark === 'primary' ? noun : null, threshold };
}

const NOUNS: Record<IndividualsNoun, { sv: string; en: string }> = {
  persons: { sv: 'personer', en: 'persons' },
  households: { sv: 'hushåll', en: 'households' },
  cases: { sv: 'ärenden', en: 'cases' },
  employees: { sv: 'anställda', en: 'employees' },
  respondents: { sv: 'svarande', en: 'respondents' },
};

/** "färre än 5 hushåll", "högst 10 anställda", "..". */
export function hiddenText(h: HiddenReason, locale: 'sv' | 'en' = 'sv'): string {
  if (h.mark === 'secondary') return '..';
  if (h.mark === 'unheld') return locale === 'sv' ? 'visas inte för egna intervall' : 'not shown for custom ranges';
  const noun = NOUNS[h.noun ?? 'persons'][locale];
  if (h.noun === 'employees') return locale === 'sv' ? `högst ${h.threshold} ${noun}` : `at most ${h.threshold} ${noun}`;
  return locale === 'sv' ? `färre än ${h.threshold} ${noun}` : `fewer than ${h.threshold} ${noun}`;
}

/**
 * The protection level the release is held to (docs/privacy.md), in
 * individuals: the feasible interval of every hidden count, given all a
 * suppressed audience is shown and non-negativity, spans at least this much
 * (three whole numbers stay possible); an amount or rate is never pinned to
 * its display precision. The construction makes no hidden figure determined;
 * the width is checked by the whole-API attacker test
 * (packages/api/test/privacy-attacker.test.ts), and bench/protection-level.ts
 * measures what is achieved (every 1–4 count open from 0 to 5 there).
 */
export const PROTECTION_LEVEL = 2;
