/**
 * Writes the files of the bad-file corpus about reading files right (issue
 * 16): hidden sheets, merged value cells, cover sheets, title rows, date
 * headers, files that are something else than their name says, mixed
 * encodings and workbooks that the XLSX library chokes on. Committed; run
 * again only to change them:  npx tsx packages/importer/test/make-reading-corpus.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rawWorkbook } from './raw-xlsx.js';
import { workbook } from './xlsx.js';
import { zip } from './zip-writer.js';

const dir = resolve(import.meta.dirname, 'bad-files');
const write = (name: string, bytes: Uint8Array | string) => writeFileSync(resolve(dir, name), bytes);
const HEADER = ['', 'Januari', 'Februari'];

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;
const RAW_HEADER = row(1, str('B1', 'Januari') + str('C1', 'Februari'));

async function main(): Promise<void> {
  // Wrong data committed silently until now: a hidden sheet's old figures, a merged cell's value in two months.
  write(
    'hidden-sheets-2021.xlsx',
    await workbook({ Rapport: [HEADER, ['Utbetalt', 100, 200]], Gammal: [HEADER, ['Utbetalt', 90, 190], ['Hushåll', 3, 4]], Arkiv: [HEADER, ['Utbetalt E2', 1, 2]] }, (wb) => {
      const gammal = wb.getWorksheet('Gammal');
      const arkiv = wb.getWorksheet('Arkiv');
      if (gammal) gammal.state = 'hidden';
      if (arkiv) arkiv.state = 'veryHidden';
    }),
  );
  const months = ['', 'Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni'];
  write('merged-value-2021.xlsx', await workbook({ Rapport: [months, ['Utbetalt', 1, 2, 3, 4, 5, null]] }, (wb) => wb.getWorksheet('Rapport')?.mergeCells('F2:G2')));

  // A heading merged across the row is a heading, not a value in every month.
  write('merged-heading-2021.xlsx', await workbook({ Rapport: [HEADER, ['Ekonomiskt bistånd'], ['Utbetalt', 100, 200]] }, (wb) => wb.getWorksheet('Rapport')?.mergeCells('A2:C2')));

  // Wide reports whose first row is not the month header.
  write(
    'cover-sheet-2021.xlsx',
    await workbook({ Försättsblad: [['Månadsrapport ekonomiskt bistånd'], ['Enhet E1'], ['Upprättad av', 'Anna']], Rapport: [HEADER, ['Utbetalt', 100, 200]] }),
  );
  write(
    'title-rows-2021.xlsx',
    await workbook({ Rapport: [['Ekonomiskt bistånd, månadsrapport 2021'], ['Enhet E1', 'Utskriven 2022-01-10'], [], HEADER, ['Utbetalt', 100, 200]] }),
  );
  write('title-row-2021.csv', 'Ekonomiskt bistånd 2021;Enhet E1\n\n;Januari;Februari\nUtbetalt;100;200\n');
  const monthEnd = [new Date(Date.UTC(2021, 0, 31)), new Date(Date.UTC(2021, 1, 28))];
  write(
    'date-headers-2021.xlsx',
    await workbook({
      Rapport: [
        ['', ...monthEnd],
        ['Utbetalt', 100, 200],
      ],
    }),
  );
  // The same dates without a date format: Excel's day numbers 44227 and 44255.
  write('serial-headers-2021.xlsx', await workbook({ Rapport: [['Ekonomiskt bistånd'], ['', 44227, 44255], ['Utbetalt', 100, 200]] }));
  write('month-end-headers-2021.csv', ',2021-01-31,2021-02-28\nUtbetalt,100,200\n');
  write('swedish-date-headers-2021.csv', 'Utbetalt per månad;;\n;31.01.2021;28.02.2021\nUtbetalt;100;200\n');
  // The title has a comma, the table semicolons: the delimiter is not the title's.
  write('title-with-comma-2021.csv', 'Ekonomiskt bistånd, januari–februari 2021\n\n;Januari;Februari\nUtbetalt;100;200\n');

  // A title with a date above the month header: the header has more months.
  write('title-with-date-2021.csv', 'Ekonomiskt bistånd,2021-06-30\n,Januari,Februari\nUtbetalt,100,200\n');

  // The long layout below a title row, as some systems export it.
  write('long-title-rows.csv', 'Export från verksamhetssystemet, 2022-05-01\n\nkpi,unit,period,gender,value\nutbetalt-kr,E1,2021-01,T,5\n');

  // A month header and nothing under it: a report's message, not the long CSV's.
  write('wide-header-only-2021.csv', 'Rapport 2021\n,Januari,Februari\n');
  write('wide-header-only-2021.xlsx', await workbook({ Mars: [HEADER] }));

  // Files that are something else than their name says.
  write('pdf-renamed.xlsx', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  write('old-excel.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]));
  write('screenshot.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0)]));
  write(
    'calc-sheet.xlsx',
    zip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]),
  );

  // Rows pasted from a Windows-1252 file into a UTF-8 one.
  write('mixed-encoding-2021.csv', Buffer.concat([Buffer.from(',Januari,Februari\nHushåll,10,11\nKvinnor,4,5\n', 'utf8'), Buffer.from('Män,6,6\n', 'latin1')]));

  // Workbooks the XLSX library throws on, in its own English.
  write('broken-xml-2021.xlsx', rawWorkbook([{ name: 'Rapport', data: RAW_HEADER + row(2, str('A2', 'Utbetalt &foo;') + num('B2', 1)) }]));
  write('bad-cell-address-2021.xlsx', rawWorkbook([{ name: 'Rapport', data: RAW_HEADER + row(2, str('A2', 'Utbetalt') + num('ZZZZ2', 1)) }]));
  write(
    'missing-shared-string-2021.xlsx',
    rawWorkbook([{ name: 'Rapport', data: RAW_HEADER + row(2, '<c r="A2" t="s"><v>7</v></c>' + num('B2', 1)) }], '<si><t>Utbetalt</t></si>'),
  );

  // The long layout in a workbook: its messages name the sheet too.
  write(
    'long-sheet.xlsx',
    await workbook({
      Data: [
        ['kpi', 'unit', 'datum', 'gender', 'value'],
        ['utbetalt-kr', 'E1', '2021-01', 'T', 5],
      ],
    }),
  );
}

await main();
