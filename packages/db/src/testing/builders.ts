import type { KpiDefinition, UnitNode } from '@lagesbild/domain';
import type { Db } from '../client.js';
import { insertUnitTree, kpiRow } from '../frame/org-frame.js';
import { kpis, organisations } from '../schema/index.js';

export type KpiFields = Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'direction' | 'timeAggregation' | 'genderSplit' | 'privacyClass'> &
  Partial<KpiDefinition & { validFrom: string; validTo: string | null; sortOrder: number }>;

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

/**
 * The shapes of the KPIs most test worlds are about: households (a
 * gender-split count, protected), money paid out, the ratio of the two, and
 * a sick-leave share (hours over hours, in per cent).
 */
export const HOUSEHOLDS_SHAPE = { unit: 'count', direction: 'lower', timeAggregation: 'mean', genderSplit: true, privacyClass: 'small-count' } as const;
export const PAID_SHAPE = { unit: 'kr', direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' } as const;
export const PER_HOUSEHOLD_SHAPE = { ...PAID_SHAPE, direction: 'none' } as const;
export const SICK_LEAVE_SHAPE = {
  group: 'personal',
  unit: 'percent',
  decimals: 1,
  direction: 'lower',
  timeAggregation: 'sum',
  genderSplit: true,
  privacyClass: 'sick-leave',
  scale: 100,
} as const;

/** Inserts catalogue entries as their table rows. */
export async function insertKpis(db: Db, records: readonly (KpiDefinition & { validFrom?: string; sortOrder?: number })[]): Promise<void> {
  if (records.length) await db.insert(kpis).values(records.map((k) => kpiRow(k)));
}

/** A tenant with a name of its own (defaults to its id). */
export async function insertOrganisation(db: Db, id: string, name = id): Promise<void> {
  await db.insert(organisations).values({ id, name });
}

/**
 * A unit of a test tree, named by its code: it exists from `validFrom` (until
 * `validTo`) under each parent given, as [code] or [code, from, to] when it moves.
 */
export function testUnit(
  code: string,
  kind: UnitNode['kind'],
  parents: readonly (readonly [code: string, from?: string, to?: string | null])[],
  validity: { validFrom: string; validTo?: string | null; name?: string },
): UnitNode {
  const validTo = validity.validTo ?? null;
  return {
    code,
    name: validity.name ?? code,
    kind,
    validFrom: validity.validFrom,
    validTo,
    names: [],
    parents: parents.map(([parentCode, from = validity.validFrom, to = validTo]) => ({ parentCode, validFrom: from, validTo: to })),
  };
}

/** Inserts a test unit tree for an organisation; returns the id of each code. */
export async function insertUnits(db: Db, orgId: string, tree: readonly UnitNode[]): Promise<ReadonlyMap<string, number>> {
  return (await insertUnitTree(db, orgId, tree, 'test units')).idOf;
}
