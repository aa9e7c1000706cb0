import { referenceRows } from './reference-csv.js';
import type { DemoKpiPrognos } from './types.js';
import { VOLUME_MEASURE_KPI } from './volume-measure-kpis.js';

/** The report period a report's name stands for: "Delår 2020" → 2020-D, "T1 2022" → 2022-T1. */
function reportPeriod(report: string): string {
  const [kind = '', year = ''] = report.split(' ');
  return kind === 'Delår' ? `${year}-D` : `${year}-${kind}`;
}

/**
 * Every "Prognos <år>" of the volymmått tables (000 l.245–310, 002 l.26–73, 004 l.80–96, 001 l.427–439) as the
 * förvaltning's prognos of the KPI for the year, made at the report's period, on the förvaltning: never a target.
 */
export function demoKpiPrognoses(): DemoKpiPrognos[] {
  return referenceRows('volume_measures')
    .filter((r) => r.kind === 'prognos' && r.value)
    .map((r) => {
      const kpiId = VOLUME_MEASURE_KPI[r.measure_sv ?? ''];
      if (!kpiId) throw new Error(`volume_measures: no KPI for "${r.measure_sv}"`);
      return {
        kpiId,
        unitCode: 'SOC',
        year: Number((r.period_start ?? '').slice(0, 4)),
        period: reportPeriod(r.report ?? ''),
        value: Number(r.value),
        origin: 'reported' as const,
        source: `${r.period_label}, ${r.document}, ${(r.source ?? '').slice(0, 3)} rad ${r.line}`,
      };
    });
}
