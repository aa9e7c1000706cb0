import ExcelJS from 'exceljs';

export type Cell = ExcelJS.CellValue;

/** A workbook from sheets of rows, as bytes; what a unit manager's Excel would save. */
export async function workbook(sheets: Record<string, Cell[][]>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  edit?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
