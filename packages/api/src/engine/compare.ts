import type { KpiRecord } from '@lagesbild/db';
import { formatNumber, formatValue } from '@lagesbild/domain';
import type { KpiValue } from './kpi-values.js';

export interface Change {
  lastYear: { period: string; periodLabel: string; window: KpiValue['window']; value: number | null; display: string; hidden: KpiValue['hidden'] };
  absolute: number | null;
  percent: number | null;
  /** "+12 (+2,9 %)" in the KPI's unit. */
  display: string | null;
}

/**
 * The difference against the same period last year, in absolute terms and
 * per cent. Takes published values, so a hidden value stays hidden here too.
 */
export function changeBetween(k: KpiRecord, current: KpiValue, lastYear: KpiValue): Change {
  const absolute = current.value !== null && lastYear.value !== null ? current.value - lastYear.value : null;
  const percent = absolute !== null && lastYear.value ? (absolute / Math.abs(lastYear.value)) * 100 : null;
  const sign = (x: number) => (x > 0 ? '+' : '');
  // A change in a percentage is in percentage points; a per-cent change of a per cent only confuses.
  if (k.unit === 'percent') {
    return {
      lastYear: { period: lastYear.period, periodLabel: lastYear.periodLabel, window: lastYear.window, value: lastYear.value, display: lastYear.display, hidden: lastYear.hidden },
      absolute,
      percent: null,
      display: absolute === null ? null : `${sign(absolute)}${formatNumber(absolute, k.decimals)} procentenheter`,
    };
  }
  return {
    lastYear: { period: lastYear.period, periodLabel: lastYear.periodLabel, window: lastYear.window, value: lastYear.value, display: lastYear.display, hidden: lastYear.hidden },
    absolute,
    percent,
    display:
      absolute === null ? null : `${sign(absolute)}${formatValue(absolute, k.unit, k.decimals)}${percent === null ? '' : ` (${sign(percent)}${formatNumber(percent, 1)} %)`}`,
  };
}
