import { describe, expect, it } from 'vitest';
import type { ImportDiffRow } from '../api/import.js';
import { importIssue as issue } from './import-test-data.js';
import { batchCounts, cellText, fieldOfColumn, filterRows, importCounts, monthOfHeader, pageOf, previewRows } from './import-rows.js';

const diff = (over: Partial<ImportDiffRow>): ImportDiffRow => ({
  kpi: 'aktualiseringar',
  unit: 'EKBIST',
  month: '2018-02',
  gender: 'T',
  ageBand: '',
  kind: 'unchanged',
  old: { numerator: 114, denominator: null },
  new: { numerator: 114, denominator: null },
  row: 14,
  ...over,
});
const names = new Map([['aktualiseringar', 'Aktualiseringar']]);

describe('column headers of the import files', () => {
  it('reads the month of a wide report’s column', () => {
    expect(monthOfHeader('Januari')).toBe(1);
    expect(monthOfHeader('Mars')).toBe(3);
    expect(monthOfHeader('maj 2022')).toBe(5);
    expect(monthOfHeader('Dec')).toBe(12);
    expect(monthOfHeader('2022-11')).toBe(11);
    expect(monthOfHeader('2022-13')).toBeNull();
    expect(monthOfHeader('Marknad')).toBeNull();
    expect(monthOfHeader('Accumulerade uppgifter')).toBeNull();
    expect(monthOfHeader('A')).toBeNull();
  });

  it('puts a problem on the cell its column is about', () => {
    expect(fieldOfColumn('Mars')).toEqual({ field: 'value', month: 3 });
    expect(fieldOfColumn('period')).toEqual({ field: 'month', month: null });
    expect(fieldOfColumn('Enhet')).toEqual({ field: 'unit', month: null });
    expect(fieldOfColumn('kön')).toEqual({ field: 'gender', month: null });
    expect(fieldOfColumn('nämnare')).toEqual({ field: 'value', month: null });
    // The row label of a wide report names the KPI.
    expect(fieldOfColumn('A')).toEqual({ field: 'kpi', month: null });
    expect(fieldOfColumn(null)).toEqual({ field: 'row', month: null });
    expect(fieldOfColumn('Accumulerade uppgifter')).toEqual({ field: 'row', month: null });
  });
});

describe('the preview table', () => {
  it('turns each file row with errors into one rejected row, marked at the cells the errors name', () => {
    const rows = previewRows(
      {
        diff: [],
        errors: [issue({}), issue({ row: 15, column: 'A', found: 'Startade utredningarna', message: 'Okänd rad' }), issue({ row: 15, column: 'Mars', found: 'x' })],
        warnings: [],
      },
      names,
      'sv',
    );
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [15, 'rejected'],
      [20, 'rejected'],
    ]);
    const [r15, r20] = rows;
    expect(r20).toMatchObject({ month: 'Mars', newValue: '?', kpi: '' });
    expect(r20?.marks.value).toEqual([{ severity: 'error', text: expect.stringContaining('rad 20, kolumn Mars') }]);
    expect(r15).toMatchObject({ kpi: 'Startade utredningarna', newValue: 'x' });
    expect(Object.keys(r15?.marks ?? {}).sort()).toEqual(['kpi', 'value']);
    // English texts when the page is in English.
    const en = previewRows({ diff: [], errors: [issue({})], warnings: [] }, names, 'en');
    expect(en[0]?.marks.value?.[0]?.text).toContain('row 20, column Mars');
  });

  it('shows diff rows with names, Swedish months and numbers, and old → new', () => {
    const rows = previewRows(
      {
        diff: [
          diff({}),
          diff({ kind: 'changed', month: '2018-03', row: 14, old: { numerator: 114, denominator: null }, new: { numerator: 115, denominator: null } }),
          diff({ kpi: 'utbetalt-forsorjningsstod', kind: 'new', old: null, new: { numerator: 3634873.98, denominator: null }, row: 17, month: '2022-04' }),
        ],
        errors: [],
        warnings: [],
      },
      names,
      'sv',
    );
    expect(rows.map((r) => [r.status, r.kpi, r.month, r.oldValue, r.newValue])).toEqual([
      ['changed', 'Aktualiseringar', 'mar 2018', '114', '115'],
      ['new', 'utbetalt-forsorjningsstod', 'apr 2022', null, '3 634 873,98'],
      ['unchanged', 'Aktualiseringar', 'feb 2018', '114', '114'],
    ]);
  });

  it('puts a warning on the diff row of its line and month, and sorts it before the rest', () => {
    const w = issue({ severity: 'warning', row: 14, column: 'Februari', message: 'ändras från 114 till 115' });
    const rows = previewRows(
      {
        diff: [diff({ month: '2018-01', row: 2, kpi: 'hushall-totalt' }), diff({ month: '2018-01' }), diff({ month: '2018-02', kind: 'changed' })],
        errors: [],
        warnings: [w],
      },
      names,
      'sv',
    );
    expect(rows[0]).toMatchObject({ month: 'feb 2018', status: 'changed', marks: { value: [{ severity: 'warning', text: 'ändras från 114 till 115' }] } });
    expect(rows.slice(1).every((r) => Object.keys(r.marks).length === 0)).toBe(true);
    expect(filterRows(rows, 'problems')).toHaveLength(1);
    expect(filterRows(rows, 'unchanged')).toHaveLength(2);
    expect(filterRows(rows, 'all')).toHaveLength(3);
  });

  it('counts rejected rows once per file row, however many errors they have', () => {
    const counts = importCounts({
      summary: { new: 2, changed: 1, unchanged: 28, rows: 31 },
      errors: [issue({}), issue({ column: 'April' }), issue({ row: 21 }), issue({ row: 21, sheet: 'Feb' })],
    });
    expect(counts).toEqual({ new: 2, changed: 1, unchanged: 28, rejected: 3 });
  });

  it('writes a ratio cell as numerator / denominator', () => {
    expect(cellText({ numerator: 1200.5, denominator: 16000 }, 'sv')).toBe('1 200,5 / 16 000');
    expect(cellText({ numerator: 1200.5, denominator: null }, 'en')).toBe('1,200.5');
    expect(cellText(null, 'sv')).toBeNull();
  });
});

describe('paging and stored batches', () => {
  it('pages a long diff and clamps a page that no longer exists', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 0, pages: 3, from: 1, to: 50, total: 120 });
    expect(pageOf(rows, 2, 50)).toMatchObject({ page: 2, from: 101, to: 120, rows: rows.slice(100) });
    expect(pageOf(rows, 9, 50).page).toBe(2);
    expect(pageOf([], 3, 50)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0, rows: [] });
  });

  it('reads the counts the importer stores with a batch, and nothing it cannot read', () => {
    expect(batchCounts({ inserted: 0, updated: 1, unchanged: 13 })).toEqual({ inserted: 0, updated: 1, unchanged: 13 });
    expect(batchCounts({ inserted: '1' })).toBeNull();
    expect(batchCounts(null)).toBeNull();
  });
});
