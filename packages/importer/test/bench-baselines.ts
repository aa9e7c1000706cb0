/**
 * The libraries alone, for bench/import-file-limits.ts to measure the
 * importer against in the same run (the bench package does not depend on
 * them itself): csv-parse over the whole text, and exceljs loading a workbook
 * and visiting every cell.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export function csvParseAlone(bytes: Uint8Array): number {
  const records = parse(Buffer.from(bytes), { relax_column_count: true }) as unknown[];
  return records.length;
}

export async function exceljsAlone(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  let cells = 0;
  wb.eachSheet((s) => s.eachRow((r) => r.eachCell(() => cells++)));
  return cells;
}

/** A workbook of one sheet of rows, written as a stream so that a large one is not held twice. */
export async function bigWorkbook(rows: Iterable<(string | number)[]>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Rapport');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
