import { describe, expect, it } from 'vitest';
import { importBatches, observations } from '../schema/index.js';
import { insertKpis, insertTwinOrganisations, testKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import { committedCellMonths } from './observations.js';
import { findTargetRow, targetYearsOfUnits, upsertTarget, type TargetValues } from './targets.js';

const kpi = (id: string) => testKpi({ id, name: id, unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: true, privacyClass: 'none' });
const byKey = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));

// Two organisations with the same unit codes; in 'a' one batch is committed and one rolled back.
describe.each(TEST_DB_KINDS)('scoped target and cell queries on %s', (kind) => {
  const unit = { aSoc: 0, aIfo: 0, bSoc: 0 };
  const database = useTestDatabase(kind, async ({ db }) => {
    Object.assign(unit, await insertTwinOrganisations(db, { kind: 'enhet', validFrom: '2022-01' }));
    await insertKpis(db, [kpi('hushall'), kpi('utbetalt')]);
    const batch = async (orgId: string, status: 'committed' | 'rolled_back') => {
      const [b] = await db
        .insert(importBatches)
        .values({ orgId, fileName: 'f.csv', sha256: 'x', format: 'long-csv', origin: 'reported', status, createdBy: 't' })
        .returning({ id: importBatches.id });
      return b?.id ?? 0;
    };
    const [committed, rolledBack, other] = [await batch('a', 'committed'), await batch('a', 'rolled_back'), await batch('b', 'committed')];
    const cell = (orgId: string, kpiId: string, unitId: number, month: string, gender: 'K' | 'M', batchId: number) => ({
      orgId,
      kpiId,
      unitId,
      month,
      gender,
      numerator: 1,
      origin: 'reported' as const,
      batchId,
    });
    await db
      .insert(observations)
      .values([
        cell('a', 'hushall', unit.aSoc, '2022-01', 'K', committed),
        cell('a', 'hushall', unit.aSoc, '2022-01', 'M', committed),
        cell('a', 'hushall', unit.aSoc, '2022-02', 'K', committed),
        cell('a', 'utbetalt', unit.aIfo, '2022-01', 'K', committed),
        cell('a', 'utbetalt', unit.aSoc, '2022-03', 'K', rolledBack),
        cell('b', 'utbetalt', unit.bSoc, '2022-04', 'K', other),
      ]);
  });

  it('gives each committed unit, KPI and month once, for the asked units of one organisation', async () => {
    const db = database.db;
    expect((await committedCellMonths(db, 'a', ['SOC'])).sort(byKey)).toEqual(
      [
        { unit: 'SOC', kpiId: 'hushall', month: '2022-01' },
        { unit: 'SOC', kpiId: 'hushall', month: '2022-02' },
      ].sort(byKey),
    );
    expect(await committedCellMonths(db, 'a', ['IFO'])).toEqual([{ unit: 'IFO', kpiId: 'utbetalt', month: '2022-01' }]);
    expect(await committedCellMonths(db, 'b', ['SOC'])).toEqual([{ unit: 'SOC', kpiId: 'utbetalt', month: '2022-04' }]);
    expect(await committedCellMonths(db, 'a', [])).toEqual([]);
  });

  it('sets a target, replaces it, reads exactly it back, and lists the targets of some units', async () => {
    const db = database.db;
    const key = { orgId: 'a', kpiId: 'hushall', unitId: unit.aSoc, year: 2022 };
    const values: TargetValues = { annual: 100, monthly: null, tolerance: 5, toleranceKind: 'percent', origin: 'user', source: 'satt av anna' };
    expect(await findTargetRow(db, key)).toBeNull();
    await upsertTarget(db, key, values);
    const monthly = [10, null, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    await upsertTarget(db, key, { ...values, annual: 90, monthly, source: 'satt av bo' });
    expect(await findTargetRow(db, key)).toMatchObject({ ...key, annual: 90, monthly, tolerance: 5, toleranceKind: 'percent', origin: 'user', source: 'satt av bo' });
    expect(await findTargetRow(db, { ...key, year: 2023 })).toBeNull();
    await upsertTarget(db, { ...key, kpiId: 'utbetalt', unitId: unit.aIfo, year: 2023 }, values);
    await upsertTarget(db, { ...key, orgId: 'b', unitId: unit.bSoc }, values);
    expect(await targetYearsOfUnits(db, 'a', ['SOC'])).toEqual([{ unit: 'SOC', kpiId: 'hushall', year: 2022 }]);
    expect((await targetYearsOfUnits(db, 'a', ['SOC', 'IFO'])).sort(byKey)).toEqual(
      [
        { unit: 'SOC', kpiId: 'hushall', year: 2022 },
        { unit: 'IFO', kpiId: 'utbetalt', year: 2023 },
      ].sort(byKey),
    );
    expect(await targetYearsOfUnits(db, 'a', [])).toEqual([]);
  });
});
