import type { Month } from '../month.js';

export interface MonthAmounts {
  month: Month;
  utfall: number;
  budget: number;
}

export interface AccumulatedPoint extends MonthAmounts {
  /** Accumulated utfall − budget so far (signed as printed: negative is worse than budget). */
  avvikelse: number;
}

/**
 * The accumulated result month by month ("ett ackumulerat resultat om 33 959 tkr …
 * 4 867 tkr sämre än vad som är budgeterat", 003 l.2214): running sums of utfall and
 * budget from the first month given, in month order.
 */
export function accumulated(months: readonly MonthAmounts[]): AccumulatedPoint[] {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  let utfall = 0;
  let budget = 0;
  return sorted.map((m) => {
    utfall += m.utfall;
    budget += m.budget;
    return { month: m.month, utfall, budget, avvikelse: utfall - budget };
  });
}
