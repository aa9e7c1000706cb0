import type { KpiDefinition, KpiGroup, MeasureUnit } from '@lagesbild/domain';
import { asc } from 'drizzle-orm';
import type { Db } from '../client.js';
import { kpis } from '../schema/index.js';

export interface KpiRecord extends KpiDefinition {
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
}

type KpiRow = typeof kpis.$inferSelect;

export function toKpiRecord(r: KpiRow): KpiRecord {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    group: r.group as KpiGroup,
    unit: r.unit as MeasureUnit,
    decimals: r.decimals,
    direction: r.direction,
    timeAggregation: r.timeAggregation,
    ratioOf: r.ratioNumerator && r.ratioDenominator ? { numerator: r.ratioNumerator, denominator: r.ratioDenominator } : null,
    scale: r.scale,
    genderSplit: r.genderSplit,
    ageBands: r.ageBands,
    privacyClass: r.privacyClass,
    source: r.source,
    validFrom: r.validFrom,
    validTo: r.validTo,
    sortOrder: r.sortOrder,
  };
}

export async function listKpis(db: Db): Promise<KpiRecord[]> {
  const rows = await db.select().from(kpis).orderBy(asc(kpis.sortOrder), asc(kpis.id));
  return rows.map(toKpiRecord);
}
