/**
 * The importer's own small world, independent of the demo seed:
 *   SOC ─ AVD ─ E1
 *             └ E2 (until 2022-12)
 * and a handful of KPIs: a gender-split count, an amount without split, a
 * sick-leave share with a denominator and age bands, a ratio KPI, and a KPI
 * that only existed 2018–2019.
 */
import type { Catalogue } from '../src/validate/catalogue.js';
import { unitLinks, units, type Db, type KpiRecord } from '@lagesbild/db';
import { insertKpis, insertOrganisation } from '@lagesbild/db/testing';
import { UnitTree, type UnitNode } from '@lagesbild/domain';

export const ORG = 'test-org';

/** The month the tests import in: passed in as the clock would be, so later months are in the future. */
export const NOW_MONTH = '2026-12';

const base = {
  description: '',
  group: 'ekonomiskt-bistand' as const,
  source: 'test',
  scale: 1,
  ageBands: [] as string[],
  validFrom: '2018-01',
  validTo: null as string | null,
  sortOrder: 0,
  ratioOf: null,
};

export const FIXTURE_KPIS: KpiRecord[] = [
  {
    ...base,
    id: 'hushall-utbetalt',
    name: 'Hushåll med utbetalt försörjningsstöd',
    nameEn: 'Households paid',
    unit: 'count',
    decimals: 0,
    direction: 'lower',
    timeAggregation: 'mean',
    genderSplit: true,
    privacyClass: 'small-count',
  },
  {
    ...base,
    id: 'utbetalt-kr',
    name: 'Utbetalt försörjningsstöd',
    nameEn: 'Paid',
    unit: 'kr',
    decimals: 0,
    direction: 'lower',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'none',
  },
  {
    ...base,
    id: 'sjukfranvaro',
    group: 'personal',
    name: 'Sjukfrånvaro',
    nameEn: 'Sick leave',
    unit: 'percent',
    decimals: 1,
    direction: 'lower',
    timeAggregation: 'sum',
    genderSplit: true,
    privacyClass: 'sick-leave',
    scale: 100,
    ageBands: ['-29', '30-49', '50-'],
  },
  {
    ...base,
    id: 'kr-per-hushall',
    name: 'Utbetalt per hushåll',
    nameEn: 'Paid per household',
    unit: 'kr',
    decimals: 0,
    direction: 'none',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'none',
    ratioOf: { numerator: 'utbetalt-kr', denominator: 'hushall-utbetalt' },
  },
  {
    ...base,
    id: 'gammal-kpi',
    name: 'Gammal',
    nameEn: 'Old',
    unit: 'count',
    decimals: 0,
    direction: 'none',
    timeAggregation: 'sum',
    genderSplit: false,
    privacyClass: 'none',
    validFrom: '2018-01',
    validTo: '2019-12',
  },
];

const node = (code: string, kind: UnitNode['kind'], parent: string | null, validTo: string | null = null): UnitNode => ({
  code,
  name: code,
  kind,
  validFrom: '2018-01',
  validTo,
  names: [],
  parents: parent ? [{ parentCode: parent, validFrom: '2018-01', validTo }] : [],
});

const FIXTURE_UNITS: UnitNode[] = [node('SOC', 'forvaltning', null), node('AVD', 'avdelning', 'SOC'), node('E1', 'enhet', 'AVD'), node('E2', 'enhet', 'AVD', '2023-01')];

/** The same world in memory, for the pure validator tests. */
export function memoryCatalogue(): Catalogue {
  return {
    orgId: ORG,
    orgExists: true,
    kpis: new Map(FIXTURE_KPIS.map((k) => [k.id, k])),
    tree: new UnitTree(FIXTURE_UNITS),
    unitIds: new Map(FIXTURE_UNITS.map((u, i) => [u.code, i + 1])),
    currentMonth: NOW_MONTH,
  };
}

export async function insertFixture(db: Db): Promise<void> {
  await insertOrganisation(db, ORG, 'Testkommun');
  await insertKpis(db, FIXTURE_KPIS);
  const rows = await db
    .insert(units)
    .values(FIXTURE_UNITS.map((u) => ({ orgId: ORG, code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, validTo: u.validTo })))
    .returning({ id: units.id, code: units.code });
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const links = FIXTURE_UNITS.flatMap((u) =>
    u.parents.map((p) => ({ unitId: idOf.get(u.code) ?? -1, parentId: idOf.get(p.parentCode) ?? -1, validFrom: p.validFrom, validTo: p.validTo })),
  );
  await db.insert(unitLinks).values(links);
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
