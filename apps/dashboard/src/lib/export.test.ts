import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { legendRows, plotTop } from '../kpi-detail/chart-option.js';
import { xlsxOf } from './download.js';
import { cellNumber, toCsv, type TableModel } from './table-model.js';

// Sick leave T1 2020 as the report prints it (women 7,1 %, men 5,5 %, total 6,8 %) and a placement cost in tkr.
const table: TableModel = {
  title: 'Sjukfrånvaro — Socialförvaltningen — 2020',
  headers: ['Period', 'Värde', 'Mål', 'Kostnad'],
  rows: [
    ['T1 2020', '6,8 %', '6,0 %', '17 567 tkr'],
    ['T2 2020', 'högst 10 anställda', '6,0 %', '–'],
  ],
  numbers: [
    [null, cellNumber(6.8, 'percent', 1), cellNumber(6, 'percent', 1), cellNumber(17567, 'tkr', 0)],
    [null, null, cellNumber(6, 'percent', 1), null],
  ],
  notes: ['Dolt för att skydda enskilda'],
};

async function readBack(t: TableModel): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await xlsxOf(t, 'Sjukfrånvaro'));
  const ws = wb.getWorksheet('Sjukfrånvaro');
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('the XLSX export', () => {
  it('holds figures as numbers with Excel number formats, and hidden values as their text', async () => {
    const ws = await readBack(table);
    // Title, an empty row, the header, then the rows.
    expect(ws.getRow(3).values).toEqual([undefined, 'Period', 'Värde', 'Mål', 'Kostnad']);
    const value = ws.getCell('B4');
    expect(value.type).toBe(ExcelJS.ValueType.Number);
    // A percentage is a fraction with a per cent format: a Swedish Excel shows "6,8 %".
    expect(value.value).toBeCloseTo(0.068);
    expect(value.numFmt).toBe('0.0 %');
    expect(ws.getCell('D4')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 17567, numFmt: '#,##0 "tkr"' });
    expect(ws.getCell('C5').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('B5')).toMatchObject({ type: ExcelJS.ValueType.String, value: 'högst 10 anställda' });
    expect(ws.getCell('A4')).toMatchObject({ type: ExcelJS.ValueType.String, value: 'T1 2020' });
    expect(ws.getCell('A7').value).toBe('Dolt för att skydda enskilda');
  });

  it('writes only text where the table has no figures', async () => {
    const ws = await readBack({ ...table, numbers: undefined });
    expect(ws.getCell('B4')).toMatchObject({ type: ExcelJS.ValueType.String, value: '6,8 %' });
  });
});

describe('number formats', () => {
  it('groups thousands, keeps the KPI’s decimals and names kr and tkr', () => {
    expect(cellNumber(3634874, 'kr', 0)).toEqual({ value: 3634874, numFmt: '#,##0 "kr"' });
    expect(cellNumber(4.1, 'score', 1)).toEqual({ value: 4.1, numFmt: '#,##0.0' });
    expect(cellNumber(431, 'count', 0)).toEqual({ value: 431, numFmt: '#,##0' });
    expect(cellNumber(null, 'count', 0)).toBeNull();
    expect(cellNumber(Number.NaN, 'count', 0)).toBeNull();
  });
});

describe('the CSV export', () => {
  it('starts with the header row', () => {
    const [first, second] = toCsv(table)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(first).toBe('Period;Värde;Mål;Kostnad');
    expect(second).toBe('T1 2020;6,8 %;6,0 %;17 567 tkr');
  });
});

describe('the PNG’s legend', () => {
  it('wraps into as many rows as the items need, and the plot starts below the last', () => {
    // Items of 100 px text take 130 px with their icon, plus 14 between: four fit in 600 px, five do not.
    expect(legendRows([100, 100, 100, 100], 600)).toBe(1);
    expect(legendRows([100, 100, 100, 100, 100], 600)).toBe(2);
    expect(legendRows([], 600)).toBe(0);
    expect(plotTop(1)).toBe(48);
    expect(plotTop(3)).toBe(86);
  });
});
