/**
 * The floor for bench/read-latency.ts: hand-written SQL that computes the
 * dashboard's numbers straight from raw observations on PostgreSQL, with the
 * same rules as the engine (the tree as it was in each month through
 * unit_links validity, T = K + M where split per leaf, month and age band,
 * Σnum/Σden, mean over months with data, last month, ratio over months where
 * both sides have data). What it leaves out: forecast, targets and status,
 * suppression, formatting, which run in the engine's JavaScript.
 */
import { queryRows, sql, type Db, type SQL } from '../../packages/db/src/index.js';

export interface Window {
  label: string;
  lo: string;
  hi: string;
}

const closure = (orgId: string) => sql`closure (leaf, anc, vfrom, vto, depth) AS (
    SELECT id, id, ''::text, NULL::text, 0 FROM units WHERE org_id = ${orgId}
    UNION ALL
    SELECT c.leaf, l.parent_id, greatest(c.vfrom, l.valid_from),
           CASE WHEN c.vto IS NULL THEN l.valid_to WHEN l.valid_to IS NULL THEN c.vto ELSE least(c.vto, l.valid_to) END, c.depth + 1
    FROM closure c JOIN unit_links l ON l.unit_id = c.anc
    WHERE (l.valid_to IS NULL OR l.valid_to > c.vfrom) AND (c.vto IS NULL OR l.valid_from < c.vto) AND c.depth < 63)`;

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** Monthly T totals (num, den) per (anchor unit, KPI, month) for anchors among `anchors`, months lo..hi, from raw cells. */
function monthly(orgId: string, anchors: readonly string[], kpiIds: readonly string[], lo: string, hi: string): SQL {
  return sql`WITH RECURSIVE ${closure(orgId)},
    anchors AS (SELECT id, code FROM units WHERE org_id = ${orgId} AND code IN (${list(anchors)})),
    cells AS (
      SELECT a.code AS anchor, o.kpi_id, o.month, o.gender, o.numerator, o.denominator,
             bool_or(o.gender <> 'T') OVER (PARTITION BY a.code, o.kpi_id, o.unit_id, o.month, o.age_band) AS split
      FROM observations o
      JOIN closure c ON c.leaf = o.unit_id AND o.month >= c.vfrom AND (c.vto IS NULL OR o.month < c.vto)
      JOIN anchors a ON a.id = c.anc
      WHERE o.org_id = ${orgId} AND o.kpi_id IN (${list(kpiIds)}) AND o.month BETWEEN ${lo} AND ${hi}),
    monthly AS (
      SELECT anchor, kpi_id, month, sum(numerator) AS num, sum(denominator) AS den
      FROM cells WHERE gender <> 'T' OR NOT split GROUP BY anchor, kpi_id, month)`;
}

/**
 * The same monthly totals from the roll-ups: a parent anchor's own T rows,
 * a leaf anchor's own cells (T resolved as above). The best SQL can do on
 * the design's tables, so "engine ÷ this" is the engine's own overhead.
 */
function monthlyFromRollups(orgId: string, anchors: readonly string[], kpiIds: readonly string[], lo: string, hi: string): SQL {
  return sql`WITH anchors AS (
      SELECT u.id, u.code, EXISTS (SELECT 1 FROM unit_links l WHERE l.parent_id = u.id) AS parent
      FROM units u WHERE u.org_id = ${orgId} AND u.code IN (${list(anchors)})),
    leafcells AS (
      SELECT a.code AS anchor, o.kpi_id, o.month, o.gender, o.numerator, o.denominator,
             bool_or(o.gender <> 'T') OVER (PARTITION BY o.kpi_id, o.unit_id, o.month, o.age_band) AS split
      FROM observations o JOIN anchors a ON a.id = o.unit_id AND NOT a.parent
      WHERE o.org_id = ${orgId} AND o.kpi_id IN (${list(kpiIds)}) AND o.month BETWEEN ${lo} AND ${hi}),
    monthly AS (
      SELECT a.code AS anchor, r.kpi_id, r.month, r.numerator AS num, r.denominator AS den
      FROM observation_rollups r JOIN anchors a ON a.id = r.unit_id AND a.parent
      WHERE r.org_id = ${orgId} AND r.gender = 'T' AND r.kpi_id IN (${list(kpiIds)}) AND r.month BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT anchor, kpi_id, month, sum(numerator), sum(denominator) FROM leafcells WHERE gender <> 'T' OR NOT split GROUP BY anchor, kpi_id, month)`;
}

/** Values per (anchor, KPI, window) by each KPI's aggregation rule, from the monthly totals above. */
function valuesOf(windows: readonly Window[], kpiIds: readonly string[]): SQL {
  const w = sql.join(
    windows.map((x) => sql`(${x.label}, ${x.lo}, ${x.hi})`),
    sql`, `,
  );
  return sql`,
    windows (label, lo, hi) AS (VALUES ${w}),
    plain AS (
      SELECT m.anchor, k.id AS kpi, w.label, sum(m.num) AS num, sum(m.den) AS den, count(*) AS n,
             (array_agg(m.num ORDER BY m.month DESC))[1] AS last_num, (array_agg(m.den ORDER BY m.month DESC))[1] AS last_den,
             k.time_aggregation AS agg, k.scale
      FROM kpis k CROSS JOIN windows w JOIN monthly m ON m.kpi_id = k.id AND m.month BETWEEN w.lo AND w.hi
      WHERE k.id IN (${list(kpiIds)}) AND k.ratio_numerator IS NULL
      GROUP BY m.anchor, k.id, w.label, k.time_aggregation, k.scale),
    ratio AS (
      SELECT a.anchor, k.id AS kpi, w.label, sum(a.num) AS num, sum(b.num) AS den, k.scale
      FROM kpis k CROSS JOIN windows w
      JOIN monthly a ON a.kpi_id = k.ratio_numerator AND a.month BETWEEN w.lo AND w.hi
      JOIN monthly b ON b.kpi_id = k.ratio_denominator AND b.month = a.month AND b.anchor = a.anchor
      WHERE k.id IN (${list(kpiIds)}) AND k.ratio_numerator IS NOT NULL
      GROUP BY a.anchor, k.id, w.label, k.scale)
    SELECT anchor, kpi, label, CASE
        WHEN agg = 'last' THEN CASE WHEN last_den IS NULL THEN last_num * scale WHEN last_den = 0 THEN NULL ELSE last_num / last_den * scale END
        WHEN den IS NOT NULL THEN CASE WHEN den = 0 THEN NULL ELSE num / den * scale END
        WHEN agg = 'mean' THEN num / n * scale
        ELSE num * scale END AS value
    FROM plain
    UNION ALL
    SELECT anchor, kpi, label, CASE WHEN den = 0 THEN NULL ELSE num / den * scale END FROM ratio`;
}

export type FloorValue = {
  anchor: string;
  kpi: string;
  label: string;
  value: number | null;
};

export interface FloorQuery {
  orgId: string;
  anchors: readonly string[];
  kpiIds: readonly string[];
  windows: readonly Window[];
  sourceKpis: readonly string[];
}

/** Every (anchor, KPI, window) value in one statement: the overview, a series or a drill-down, by the windows and anchors asked. */
export async function floorValues(db: Db, q: FloorQuery, source: 'raw' | 'rollups' = 'raw'): Promise<FloorValue[]> {
  return queryRows<FloorValue>(db, floorSql(q, source));
}

/** The SQL of a floor query (also for EXPLAIN). */
export function floorSql(q: FloorQuery, source: 'raw' | 'rollups'): SQL {
  const lo = q.windows.reduce((a, w) => (w.lo < a ? w.lo : a), '9999-99');
  const hi = q.windows.reduce((a, w) => (w.hi > a ? w.hi : a), '0000-00');
  const monthlyTotals = source === 'raw' ? monthly(q.orgId, q.anchors, q.sourceKpis, lo, hi) : monthlyFromRollups(q.orgId, q.anchors, q.sourceKpis, lo, hi);
  return sql`${monthlyTotals}${valuesOf(q.windows, q.kpiIds)}`;
}
