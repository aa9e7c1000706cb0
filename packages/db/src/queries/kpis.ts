import type { KpiDefinition, KpiGroup, MeasureUnit } from '@lagesbild/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { kpis } from '../schema/index.js';
import { firstOrNull } from './rows.js';

export interface KpiRecord extends KpiDefinition {
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
}

export type KpiRow = typeof kpis.$inferSelect;

export function toKpiRecord(r: KpiRow): KpiRecord {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    descriptionEn: r.descriptionEn,
    group: r.group as KpiGroup,
    unit: r.unit as MeasureUnit,
    decimals: r.decimals,
    direction: r.direction,
    timeAggregation: r.timeAggregation,
    ratioOf: r.ratioNumerator && r.ratioDenominator ? { numerator: r.ratioNumerator, denominator: r.ratioDenominator } : null,
    scale: r.scale,
    genderSplit: r.genderSplit,
    ageBands: r.ageBands,
    ageBandKind: r.ageBandKind,
    privacyClass: r.privacyClass,
    individualsKpis: r.individualsKpis,
    windowFamily: r.windowFamily,
    source: r.source,
    sourceEn: r.sourceEn,
    validFrom: r.validFrom,
    validTo: r.validTo,
    sortOrder: r.sortOrder,
  };
}

export async function listKpis(db: Db): Promise<KpiRecord[]> {
  const rows = await db.select().from(kpis).orderBy(asc(kpis.sortOrder), asc(kpis.id));
  return rows.map(toKpiRecord);
}

/**
 * The KPIs an organisation has observations or targets for. The catalogue is
 * shared by every tenant; what a tenant's overview lists must not be. The
 * observations part skips through the (org_id, kpi_id, month) index one KPI
 * at a time, so it costs a probe per KPI, not a scan of the tenant's rows.
 */
export async function reportedKpiIds(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await queryRows<{ kpi_id: string }>(
    db,
    sql`WITH RECURSIVE k AS (
          (SELECT kpi_id FROM observations WHERE org_id = ${orgId} ORDER BY kpi_id LIMIT 1)
          UNION ALL
          SELECT (SELECT o.kpi_id FROM observations o WHERE o.org_id = ${orgId} AND o.kpi_id > k.kpi_id ORDER BY o.kpi_id LIMIT 1)
          FROM k WHERE k.kpi_id IS NOT NULL
        )
        SELECT kpi_id FROM k WHERE kpi_id IS NOT NULL
        UNION
        SELECT DISTINCT kpi_id FROM targets WHERE org_id = ${orgId}`,
  );
  return new Set(rows.map((r) => r.kpi_id));
}

/** The reported KPIs plus the ratio KPIs computed from two of them: the catalogue's KPIs the organisation uses. */
export function withRatioKpis(reported: ReadonlySet<string>, catalogue: readonly KpiRecord[]): Set<string> {
  const used = new Set(reported);
  for (const k of catalogue) if (k.ratioOf && used.has(k.ratioOf.numerator) && used.has(k.ratioOf.denominator)) used.add(k.id);
  return used;
}

export async function organisationKpiIds(db: Db, orgId: string, catalogue: readonly KpiRecord[]): Promise<Set<string>> {
  return withRatioKpis(await reportedKpiIds(db, orgId), catalogue);
}

/** One KPI of the catalogue as stored, or null. */
export function findKpiRow(db: Db, id: string): Promise<KpiRow | null> {
  return firstOrNull(db.select().from(kpis).where(eq(kpis.id, id)).limit(1));
}
