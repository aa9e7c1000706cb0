import { formatNumber, formatValue, sameLastYear, type Gender, type Period } from '@lagesbild/domain';
import type { KpiRecord } from '@lagesbild/db';
import type { EngineContext } from './engine-context.js';
import { valueOf, type KpiValue, type ValueInputs } from './kpi-values.js';

export interface Change {
  lastYear: { period: string; periodLabel: string; value: number | null; display: string };
  absolute: number | null;
  percent: number | null;
  /** "+12 (+2,9 %)" in the KPI's unit. */
  display: string | null;
}

/** The same period last year and the difference, in absolute terms and per cent. */
export function changeAgainstLastYear(ctx: EngineContext, inputs: ValueInputs, k: KpiRecord, current: KpiValue, period: Period, gender: Gender): Change {
  const ly = valueOf(ctx, inputs, k, current.unit, sameLastYear(period), gender);
  const absolute = current.value !== null && ly.value !== null ? current.value - ly.value : null;
  const percent = absolute !== null && ly.value ? (absolute / Math.abs(ly.value)) * 100 : null;
  const sign = (x: number) => (x > 0 ? '+' : '');
  return {
    lastYear: { period: ly.period, periodLabel: ly.periodLabel, value: ly.value, display: ly.display },
    absolute,
    percent,
    display:
      absolute === null
        ? null
        : `${sign(absolute)}${formatValue(absolute, k.unit, k.decimals)}${percent === null ? '' : ` (${sign(percent)}${formatNumber(percent, 1)} %)`}`,
  };
}
