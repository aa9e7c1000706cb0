import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { koladaFetches, koladaKpis, koladaValues } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { koladaComparisonData, koladaValueHistory, setKoladaComparison, setKoladaMapping, storeKoladaFetch, type KoladaFetchInput, type KoladaValueInput } from './kolada.js';

const v = (municipality: string, year: number, value: number | null, gender: 'T' | 'K' | 'M' = 'T'): KoladaValueInput => ({
  kpi: 'N31807',
  municipality,
  year,
  gender,
  value,
  count: 1,
  status: value === null ? 'Saknas' : '',
});
const fetchOf = (values: KoladaValueInput[]): KoladaFetchInput => ({
  source: 'file',
  origin: 'kolada.json',
  fetchedBy: 'admin',
  values,
  kpis: [{ id: 'N31807', title: 'Ej återaktualiserade vuxna', dividedByGender: true }],
  municipalities: [
    { id: '0000', title: 'Riket', type: 'L' },
    { id: '0483', title: 'Katrineholm' },
    { id: '0484', title: 'Eskilstuna' },
    { id: '0486', title: 'Strängnäs' },
    { id: 'G1', title: 'Pendlingskommun nära större stad', type: 'G', members: ['0484', '0486'] },
  ],
});
const first = [v('0000', 2020, 78), v('0483', 2020, 67), v('0484', 2020, 70), v('0486', 2020, 74), v('0483', 2019, null)];

describe.each(TEST_DB_KINDS)('Kolada figures on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    await insertOrganisation(db, 'b');
    await insertKpis(db, [
      testKpi({ id: 'ater', name: 'Ej återaktualiserade', unit: 'percent', direction: 'higher', timeAggregation: 'mean', genderSplit: true, privacyClass: 'none' }),
    ]);
  });
  const rows = async () => (await database.db.select({ n: count() }).from(koladaValues))[0]?.n;

  it('stores a fetch, and a refetch of the same figures writes no figure again', async () => {
    expect(await storeKoladaFetch(database.db, fetchOf(first))).toMatchObject({ valuesNew: 5, valuesRevised: 0, valuesSame: 0 });
    expect(await storeKoladaFetch(database.db, fetchOf(first))).toMatchObject({ valuesNew: 0, valuesRevised: 0, valuesSame: 5 });
    expect(await rows()).toBe(5);
  });

  it('keeps a figure Kolada revised as history, and reads the new one as current', async () => {
    const r = await storeKoladaFetch(database.db, fetchOf([v('0483', 2020, 68.5), v('0483', 2019, 61)]));
    expect(r).toMatchObject({ valuesNew: 0, valuesRevised: 2, valuesSame: 0 });
    const history = await koladaValueHistory(database.db, { koladaKpi: 'N31807', municipality: '0483', year: 2020, gender: 'T' });
    expect(history.map((h) => [h.value, h.supersededBy === null])).toEqual([
      [67, false],
      [68.5, true],
    ]);
    expect(await rows()).toBe(7);
  });

  it('stores nothing of a fetch that fails part-way', async () => {
    const before = await database.db.select({ n: count() }).from(koladaFetches);
    // The same figure twice with other values breaks the one-current-row rule inside the write.
    const bad = fetchOf([v('0000', 2021, 79), v('0000', 2021, 80)]);
    bad.kpis = [{ id: 'N99999', title: 'Ny' }];
    await expect(storeKoladaFetch(database.db, bad)).rejects.toThrow();
    expect(await database.db.select({ n: count() }).from(koladaFetches)).toEqual(before);
    expect((await database.db.select().from(koladaKpis)).map((k) => k.id)).toEqual(['N31807']);
    expect(await rows()).toBe(7);
  });

  it('reads the comparison an organisation chose for a mapped KPI, and nothing for an unmapped one', async () => {
    await setKoladaMapping(database.db, { orgId: 'a', kpiId: 'ater', koladaKpi: 'N31807', note: 'Kolada: kalenderår', updatedBy: 'admin' });
    await setKoladaComparison(database.db, { orgId: 'a', ownMunicipality: '0483', groupId: 'G1', municipalities: [] });
    const c = await koladaComparisonData(database.db, 'a', 'ater');
    expect(c?.group).toEqual({ id: 'G1', title: 'Pendlingskommun nära större stad', members: ['0484', '0486'] });
    expect(c?.values.filter((x) => x.year === 2020).map((x) => `${x.municipality}=${x.value}`)).toEqual(['0000=78', '0483=68.5', '0484=70', '0486=74']);
    expect(c?.names['0000']).toBe('Riket');
    expect(c?.fetchedAt).toBeInstanceOf(Date);
    expect(await koladaComparisonData(database.db, 'b', 'ater')).toBeNull();
  });

  it('keeps a note’s English text until the note is saved without one', async () => {
    const mapping = { orgId: 'a', kpiId: 'ater', koladaKpi: 'N31807', note: 'Kolada: kalenderår', updatedBy: 'admin' };
    await setKoladaMapping(database.db, { ...mapping, noteEn: 'Kolada: calendar year' });
    expect(await koladaComparisonData(database.db, 'a', 'ater')).toMatchObject({ note: 'Kolada: kalenderår', noteEn: 'Kolada: calendar year' });
    await setKoladaMapping(database.db, { ...mapping, note: 'Kolada: kalenderår, hela kommunen' });
    expect(await koladaComparisonData(database.db, 'a', 'ater')).toMatchObject({ note: 'Kolada: kalenderår, hela kommunen', noteEn: null });
  });
});
