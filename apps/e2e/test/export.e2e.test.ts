import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/app.js';
import { parseCsv } from './support/csv.js';
import { useChromium } from './support/fixture.js';
import { tableCells } from './support/views.js';

/** What the export promises: a cell a spreadsheet would run as a formula starts with an apostrophe. */
const escaped = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('exports in Chromium', () => {
  const e2e = useChromium();
  const open = (path: string, token?: string) => e2e.open(path, { downloads: true, token });

  it('downloads the table under the chart as CSV and XLSX with exactly the cells on screen', async () => {
    const scripts: string[] = [];
    const page = await e2e.open('/kpi/placeringskostnad?enhet=SOC&period=2022-T1&grain=tertial', {
      downloads: true,
      prepare: (p) => p.on('request', (r) => scripts.push(r.url())),
    });
    await page.getByTestId('detail-table').waitFor();
    // exceljs is large: it is fetched on the first XLSX click, not with the view.
    expect(scripts.filter((u) => u.includes('exceljs'))).toEqual([]);
    const screen = await tableCells(page, 'detail-table');
    expect(screen[0]).toEqual(['Period', 'Värde', 'Mål', 'Status', 'Föregående år']);

    const csv = await download(page, 'export-csv');
    expect(csv.name).toBe('placeringskostnad_soc_2022-t1_tertial_none.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = parseCsv(text.slice(1), ';');
    // Data only: the header row first, then exactly the rows on screen.
    expect(lines).toEqual(screen.map((r) => r.map(escaped)));
    expect(lines[1]?.[1]).toMatch(/^\d{1,3}( \d{3})* tkr$/);

    const xlsx = await download(page, 'export-xlsx');
    expect(scripts.filter((u) => u.includes('exceljs'))).toHaveLength(1);
    expect(xlsx.name).toBe('placeringskostnad_soc_2022-t1_tertial_none.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('Placeringskostnad');
    const rows: string[][] = [];
    // A number cell is read back in Swedish with its format's unit ("17 567 tkr"), as a Swedish Excel shows it.
    const shown = (cell: ExcelJS.Cell): string =>
      cell.type === ExcelJS.ValueType.Number && typeof cell.value === 'number'
        ? `${cell.value.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')}${cell.numFmt.endsWith('"tkr"') ? ' tkr' : ''}`
        : cell.text;
    ws?.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let i = 1; i <= (screen[0]?.length ?? 0); i++) cells.push(shown(row.getCell(i)));
      rows.push(cells);
    });
    expect(rows[0]?.[0]).toBe('Placeringskostnad — Socialförvaltningen — 2022, per tertial');
    expect(rows.slice(2, 2 + screen.length)).toEqual(screen.map((r) => r.map(escaped)));
    // The figures are numbers with an Excel number format, not text.
    const value = ws?.getCell('B4');
    expect(value?.type).toBe(ExcelJS.ValueType.Number);
    expect(value?.numFmt).toBe('#,##0 "tkr"');
  });

  it('saves the chart as a PNG image at twice the screen resolution, with its title, unit, period and source drawn in', async () => {
    const page = await open('/kpi/sjukfranvaro?enhet=SOC&period=2022-T1&split=gender');
    await page.getByTestId('kpi-chart').locator('canvas').first().waitFor();
    const png = await download(page, 'export-png');
    expect(png.name).toBe('sjukfranvaro_soc_2022-t1_month_gender.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    const box = await page.getByTestId('kpi-chart').boundingBox();
    expect(width).toBe(Math.round((box?.width ?? 0) * 2));
    // Taller than the chart on screen: a header (title, unit and period) above it and the source below.
    expect(height).toBeGreaterThan(Math.round((box?.height ?? 0) * 2) + 150);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    await writeFile(join(ARTIFACTS, 'export-chart.png'), png.bytes);
  });

  it('exports the drill-down with the same suppression as the screen', async () => {
    const token = await e2e.app.signInAs('e2e-export', [{ role: 'forvaltningschef' }]);
    const page = await open('/kpi/avslutade-utredningar/enheter?enhet=BOU&period=2022-03', token);
    await page.getByTestId('drilldown-table').waitFor();
    const screen = (await tableCells(page, 'drilldown-table')).slice(1);
    const csv = parseCsv((await download(page, 'export-csv')).bytes.toString('utf8').slice(1), ';');
    expect(csv[0]).toEqual(['Enhet', 'Värde', 'Mål', 'Status', 'Omorganisation', 'Föregående år']);
    const body = csv.slice(1);
    // The rows and nothing else: a hidden value says so in its own cell.
    expect(body.map((r) => r.slice(0, 4))).toEqual(screen.map((r) => r.slice(0, 4).map(escaped)));
    expect(body.map((r) => r[1])).toEqual(expect.arrayContaining(['färre än 5 ärenden', '..']));
  });
});
