/**
 * Writes the XLSX files of the bad-file corpus (committed; run again only to
 * change them):  npx tsx packages/importer/test/make-xlsx-corpus.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workbook } from './xlsx.js';
import { zip } from './zip-writer.js';

const dir = resolve(import.meta.dirname, 'bad-files');
const HEADER = ['', 'Januari', 'Februari'];

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
// 200 MB of zeros: deflates to about 200 kB.
const zeros = Buffer.alloc(200 * 1024 * 1024);

async function main(): Promise<void> {
  writeFileSync(
    resolve(dir, 'zip-bomb.xlsx'),
    zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]),
  );
  // The same bomb, but its directory claims 1 kB: only inflating with a cap finds out.
  writeFileSync(
    resolve(dir, 'zip-bomb-lying.xlsx'),
    zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1024 },
    ]),
  );
  writeFileSync(resolve(dir, 'zip-not-xlsx.xlsx'), zip([{ name: 'readme.txt', data: Buffer.from('Det här är ingen arbetsbok.\n') }]));
  const good = await workbook({ Blad1: [HEADER, ['Utbetalt', 100, 200]] });
  writeFileSync(resolve(dir, 'truncated-2021.xlsx'), Buffer.from(good).subarray(0, Math.floor(good.length / 2)));
  writeFileSync(resolve(dir, 'formulas-2021.xlsx'), await workbook({ Formler: [HEADER, ['Utbetalt', { formula: 'SUM(C2:C9)' }, { formula: 'B2*2' }]] }));
  writeFileSync(
    resolve(dir, 'merged-header-2021.xlsx'),
    await workbook(
      {
        Rapport: [
          ['', 'Januari', '', 'Mars'],
          ['Utbetalt', 100, 200, 300],
        ],
      },
      (wb) => wb.getWorksheet('Rapport')?.mergeCells('B1:C1'),
    ),
  );
  writeFileSync(resolve(dir, 'empty-sheets.xlsx'), await workbook({ Blad1: [], Blad2: [] }));
  writeFileSync(resolve(dir, 'second-sheet-bad-2021.xlsx'), await workbook({ Januari: [HEADER, ['Utbetalt', 100, 200]], Februari: [HEADER, ['Utbetalt', 100, 'saknas']] }));
  writeFileSync(resolve(dir, 'junk.xlsx'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)));
}

await main();
