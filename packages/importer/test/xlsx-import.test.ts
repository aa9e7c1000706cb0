import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/index.js';
import { dumpAll } from './dump.js';
import { insertFixture, NOW_MONTH, ORG } from './fixture.js';
import { insertFixtureMappings } from './mappings-fixture.js';
import { workbook } from './xlsx.js';

const HEADER = ['', 'Januari', 'Februari', 'Summa'];

describe.each(TEST_DB_KINDS)('XLSX reports on %s', (kind) => {
  const database = useTestDatabase(kind, async (opened) => {
    await insertFixture(opened.db);
    await insertFixtureMappings(opened.db);
  });

  const run = (fileName: string, bytes: Uint8Array, dryRun = true) =>
    importFile(database.db, { orgId: ORG, fileName, bytes, dryRun, user: 'tester', year: 2021, unitCode: 'E1', currentMonth: NOW_MONTH });

  it('reads every sheet, formula cells as their saved value, and commits them', async () => {
    const bytes = await workbook({
      'Ek bistånd': [
        HEADER,
        ['Hushåll', 10, { formula: 'B3+B4', result: 11 }, { formula: 'SUM(B2:C2)', result: 21 }],
        ['Kvinnor', 4, 5],
        ['Män', 6, 6],
        ['Utbetalt', 1000.5, { formula: 'B5*2', result: 2001 }],
      ],
      Blad2: [
        ['', '2021-03'],
        ['Utbetalt E2', '3 634 873,98'],
      ],
    });
    const r = await run('rapport.xlsx', bytes, false);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r).toMatchObject({ ok: true, format: 'wide-xlsx', summary: { new: 7, changed: 0, unchanged: 0, rows: 7 } });
    expect(r.diff.map((d) => [d.kpi, d.unit, d.month, d.gender, d.new.numerator])).toEqual([
      ['hushall-utbetalt', 'E1', '2021-01', 'K', 4],
      ['hushall-utbetalt', 'E1', '2021-02', 'K', 5],
      ['hushall-utbetalt', 'E1', '2021-01', 'M', 6],
      ['hushall-utbetalt', 'E1', '2021-02', 'M', 6],
      ['utbetalt-kr', 'E1', '2021-01', 'T', 1000.5],
      ['utbetalt-kr', 'E1', '2021-02', 'T', 2001],
      ['utbetalt-kr', 'E2', '2021-03', 'T', 3634873.98],
    ]);
    const again = await run('rapport.xlsx', bytes, false);
    expect(again).toMatchObject({ alreadyImported: true, batchId: null });
  });

  it('names the sheet in every message; text that looks like a formula is data, and a formula without a saved value is refused', async () => {
    const before = await dumpAll(database.db);
    const bytes = await workbook({
      Ok: [HEADER, ['Utbetalt', 1, 2]],
      Fel: [HEADER, ['Utbetalt', '=1+1', { formula: 'NOW()' }], ['Utbetal', '@SUM(A1)', '-B2']],
    });
    const r = await run('fel.xlsx', bytes, false);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Fel', 2, 'Januari'],
      ['Fel', 2, 'Februari'],
      ['Fel', 3, 'Januari'],
      ['Fel', 3, 'Februari'],
      ['Fel', 3, 'A'],
    ]);
    expect(r.errors[0]?.message).toContain(
      'Värdet "=1+1" i fil fel.xlsx, blad Fel, rad 2, kolumn Januari är inte ett tal. Celler som börjar med =, + eller @ tolkas aldrig som formler',
    );
    expect(r.errors[1]?.message).toContain('Värdet "=NOW()" i fil fel.xlsx, blad Fel, rad 2, kolumn Februari är inte ett tal.');
    expect(r.errors[4]?.message).toContain('Okänd rad "Utbetal" i fil fel.xlsx, blad Fel, rad 3, kolumn A: ingen koppling säger vilket nyckeltal den är. Menade du "Utbetalt"?');
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('reads the long layout from a workbook too', async () => {
    const bytes = await workbook({
      Data: [
        ['kpi', 'unit', 'period', 'gender', 'value'],
        ['utbetalt-kr', 'E2', '2021-05', 'T', 5],
        ['utbetalt-kr', 'E2', '2021-06', 'T'],
      ],
    });
    const r = await run('long.xlsx', bytes);
    expect(r.format).toBe('long-xlsx');
    expect(r.errors.map((e) => e.message)).toEqual(['Värde saknas i fil long.xlsx, blad Data, rad 3, kolumn value. Fyll i värdet.']);
  });
});
