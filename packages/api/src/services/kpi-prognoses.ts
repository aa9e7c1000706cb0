import { loadKpiPrognoses, type Db } from '@lagesbild/db';
import { parsePeriod, yearOf, type Period } from '@lagesbild/domain';

/**
 * The förvaltning's prognos of a KPI for the year (the volymmått tables' "Prognos 2020"), beside the value: not a
 * target and not the computed forecast. Shown as "Prognos" with where it came from, never as "Mål".
 */
export interface KpiPrognos {
  value: number;
  year: number;
  /** The report period it was made at ('2020-D'). */
  period: string;
  origin: 'reported' | 'demo' | 'user';
  source: string | null;
}

/** Per KPI: the newest prognos for the period's year made by the period's end (a prognos made in August is not shown for March). */
export async function kpiPrognosesFor(db: Db, orgId: string, kpiIds: readonly string[], unit: string, p: Period): Promise<Map<string, KpiPrognos>> {
  const year = yearOf(p.end);
  const rows = (await loadKpiPrognoses(db, orgId, kpiIds, [unit], year)).filter((r) => parsePeriod(r.period).end <= p.end);
  const out = new Map<string, KpiPrognos>();
  for (const r of rows.sort((a, b) => parsePeriod(a.period).end.localeCompare(parsePeriod(b.period).end))) {
    out.set(r.kpiId, { value: r.value, year: r.year, period: r.period, origin: r.origin, source: r.source });
  }
  return out;
}
