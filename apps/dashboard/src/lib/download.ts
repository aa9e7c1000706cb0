import { escapeFormula, toCsv, type TableModel } from './table-model.js';

/** Hands a file to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A data URL (the chart's getDataURL) as a Blob. Decoded by hand: fetch(dataUrl)
 * would be refused by the server's Content-Security-Policy (connect-src 'self').
 */
export function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream';
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function downloadCsv(t: TableModel, name: string): void {
  saveBlob(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }), name);
}

export async function downloadXlsx(t: TableModel, name: string, sheetName: string): Promise<void> {
  const buffer = await xlsxOf(t, sheetName);
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
}

/**
 * XLSX through exceljs, imported only here and only on click: it is a large
 * library, and most visits never export. A figure is a number cell with an
 * Excel number format (table-model's cellNumber); everything else is the
 * displayed text, so a hidden value stays "<5" or "..".
 */
export async function xlsxOf(t: TableModel, sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lägesbild';
  // Excel allows 31 characters and no []:*?/\ in a sheet name.
  const ws = wb.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Data');
  ws.addRow([escapeFormula(t.title)]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(t.headers.map(escapeFormula)).font = { bold: true };
  t.rows.forEach((r, i) => {
    const figures = t.numbers?.[i];
    const row = ws.addRow(r.map((text, j) => figures?.[j]?.value ?? escapeFormula(text)));
    figures?.forEach((f, j) => {
      if (f) row.getCell(j + 1).numFmt = f.numFmt;
    });
  });
  if (t.notes.length > 0) {
    ws.addRow([]);
    for (const n of t.notes) ws.addRow([escapeFormula(n)]);
  }
  ws.columns.forEach((c, i) => {
    const longest = Math.max(10, ...[t.headers[i] ?? '', ...t.rows.map((r) => r[i] ?? '')].map((s) => s.length));
    c.width = Math.min(48, longest + 2);
  });
  return wb.xlsx.writeBuffer();
}
