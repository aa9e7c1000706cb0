/**
 * The importer's own small world, independent of the demo seed:
 *   SOC ─ AVD ─ E1
 *             └ E2 (until 2022-12)
 * and a handful of KPIs: a gender-split count, an amount without split, a
 * sick-leave share with a denominator and age bands, a ratio KPI, and a KPI
 * that only existed 2018–2019.
 */
import type { Catalogue } from '../src/validate/catalogue.js';
import type { Db, KpiRecord } from '@lagesbild/db';
import {
  HOUSEHOLDS_SHAPE,
  insertKpis,
  insertOrganisation,
  insertUnits,
  PAID_SHAPE,
  PER_HOUSEHOLD_SHAPE,
  SICK_LEAVE_SHAPE,
  testKpi,
  testUnit,
  type KpiFields,
} from '@lagesbild/db/testing';
import { UnitTree, type UnitNode } from '@lagesbild/domain';

export const ORG = 'test-org';

/** The month the tests import in: passed in as the clock would be, so later months are in the future. */
export const NOW_MONTH = '2026-12';

/** Catalogue entries of the fixture: from 2018 unless they say otherwise. */
const kpi = (fields: KpiFields): KpiRecord => testKpi({ validFrom: '2018-01', ...fields });

export const FIXTURE_KPIS: KpiRecord[] = [
  kpi({ id: 'hushall-utbetalt', name: 'Hushåll med utbetalt försörjningsstöd', nameEn: 'Households paid', ...HOUSEHOLDS_SHAPE }),
  kpi({ id: 'utbetalt-kr', name: 'Utbetalt försörjningsstöd', nameEn: 'Paid', ...PAID_SHAPE }),
  kpi({ id: 'sjukfranvaro', name: 'Sjukfrånvaro', nameEn: 'Sick leave', ...SICK_LEAVE_SHAPE, ageBands: ['-29', '30-49', '50-'] }),
  kpi({
    id: 'kr-per-hushall',
    name: 'Utbetalt per hushåll',
    nameEn: 'Paid per household',
    ...PER_HOUSEHOLD_SHAPE,
    ratioOf: { numerator: 'utbetalt-kr', denominator: 'hushall-utbetalt' },
  }),
  kpi({ id: 'gammal-kpi', name: 'Gammal', nameEn: 'Old', unit: 'count', direction: 'none', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none', validTo: '2019-12' }),
];

const FROM = { validFrom: '2018-01' };
const FIXTURE_UNITS: UnitNode[] = [
  testUnit('SOC', 'forvaltning', [], FROM),
  testUnit('AVD', 'avdelning', [['SOC']], FROM),
  testUnit('E1', 'enhet', [['AVD']], FROM),
  testUnit('E2', 'enhet', [['AVD']], { ...FROM, validTo: '2023-01' }),
];

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
  await insertUnits(db, ORG, FIXTURE_UNITS);
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
