import type { KpiDefinition } from '@lagesbild/domain';
import type { Db } from '../client.js';
import { kpiRow } from '../frame/org-frame.js';
import { kpis, organisations } from '../schema/index.js';

type KpiFields = Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'direction' | 'timeAggregation' | 'genderSplit' | 'privacyClass'> & Partial<KpiDefinition>;

/**
 * A catalogue entry for a test: the fields a test is about, and neutral
 * defaults for the rest (an ekonomiskt-bistånd count in whole numbers, no age
 * bands, no ratio), so every test world builds its KPIs the same way.
 */
export function testKpi(fields: KpiFields): KpiDefinition & { validFrom: string; validTo: string | null; sortOrder: number } {
  return {
    description: '',
    group: 'ekonomiskt-bistand',
    source: 'test',
    scale: 1,
    decimals: 0,
    ageBands: [],
    ratioOf: null,
    nameEn: fields.name,
    validFrom: '2000-01',
    validTo: null,
    sortOrder: 0,
    ...fields,
  };
}

/** Inserts catalogue entries as their table rows. */
export async function insertKpis(db: Db, records: readonly (KpiDefinition & { validFrom?: string; sortOrder?: number })[]): Promise<void> {
  if (records.length) await db.insert(kpis).values(records.map((k) => kpiRow(k)));
}

/** A tenant with a name of its own (defaults to its id). */
export async function insertOrganisation(db: Db, id: string, name = id): Promise<void> {
  await db.insert(organisations).values({ id, name });
}
