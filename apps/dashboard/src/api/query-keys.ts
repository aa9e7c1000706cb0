import { addMonths } from '@lagesbild/domain';
import type { LiveView } from '../composables/useLiveEvents.js';
import { chartRange, lastYearRange } from '../kpi-detail/detail-range.js';
import { tryParsePeriod } from '../lib/period-nav.js';
import type { Grain, Split } from './types.js';

/**
 * The keys of the query cache (api/query-cache.ts). Each key is a root and
 * what the answer covers (unit, KPI, months), so the live hook
 * (composables/useLiveQueries.ts) can tell from the key alone whether an
 * event touches the answer. Absent fields match every event.
 */
export type QueryRoot = 'kpis' | 'overview' | 'series' | 'drilldown' | 'comments';

interface QueryScope {
  unit?: string;
  kpi?: string;
  /** The first and last month the answer depends on (YYYY-MM). */
  months?: readonly [string, string];
  /** Anything else that tells answers apart (period, grain, split, gender). */
  [other: string]: unknown;
}

export type QueryKey = [QueryRoot, QueryScope];

const queryKey = (root: QueryRoot, scope: QueryScope = {}): QueryKey => [root, scope];

const isScope = (v: unknown): v is QueryScope => typeof v === 'object' && v !== null && !Array.isArray(v);
const isMonths = (v: unknown): v is readonly [string, string] => Array.isArray(v) && v.length === 2 && v.every((m) => typeof m === 'string');

/** What an answer shows, read back from its key, for eventTouches. */
export function viewOfKey(key: readonly unknown[]): LiveView {
  const scope = key[1];
  if (!isScope(scope)) return {};
  return {
    ...(typeof scope.unit === 'string' ? { unit: scope.unit } : {}),
    ...(typeof scope.kpi === 'string' ? { kpis: [scope.kpi] } : {}),
    ...(isMonths(scope.months) ? { months: scope.months } : {}),
  };
}

/** The KPI catalogue: changes only with a deploy. */
export const kpisKey = (): QueryKey => queryKey('kpis');

/** What an overview answers: the organisation (a new login may be another tenant's), unit, period (none: the latest month) and whether each KPI is shown at its own latest month. */
export interface OverviewQuestion {
  org: string | null;
  unit: string;
  period: string | undefined;
  eachAtLatest: boolean;
  /** Only this KPI's card (the KPI view's summary); absent: every KPI. */
  kpi?: string;
}

/** A unit's overview for a period; its cards compare with last year and draw 24 months, so 36 months up to the period's end matter. */
export function overviewKey(q: OverviewQuestion): QueryKey {
  const p = tryParsePeriod(q.period);
  return queryKey('overview', {
    org: q.org,
    unit: q.unit,
    period: q.period ?? null,
    eachAtLatest: q.eachAtLatest,
    ...(q.kpi === undefined ? {} : { kpi: q.kpi }),
    ...(p ? { months: [addMonths(p.end, -35), p.end] as const } : {}),
  });
}

/** A KPI's series for the KPI view: the chart's months and, at month and tertial grain, the same months a year earlier. */
export function seriesKey(q: { kpi: string; unit: string; period?: string; grain: Grain; split: Split }): QueryKey {
  const p = tryParsePeriod(q.period);
  if (!p) return queryKey('series', { kpi: q.kpi, unit: q.unit });
  const range = chartRange(p, q.grain);
  const ly = lastYearRange(range, q.grain);
  return queryKey('series', { ...q, months: [ly && ly.start < range.start ? ly.start : range.start, range.end] });
}

/** A KPI for a unit's children in a period (with the year before, for the change). */
export function drilldownKey(q: { kpi: string; unit: string; period: string | null; gender: string; ageBand?: string }): QueryKey {
  const p = tryParsePeriod(q.period ?? undefined);
  return queryKey('drilldown', { ...q, ...(p ? { months: [addMonths(p.start, -12), p.end] as const } : {}) });
}

/** The comments on a KPI for a unit and period. */
export function commentsKey(q: { kpi: string; unit: string; period: string }): QueryKey {
  const p = tryParsePeriod(q.period);
  return queryKey('comments', { ...q, ...(p ? { months: [p.start, p.end] as const } : {}) });
}
