/**
 * Writes the XLSX files of the bad-file corpus (committed; run again only to
 * change them):  npx tsx packages/importer/test/make-xlsx-corpus.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { workbook } from './xlsx.js';

const dir = resolve(import.meta.dirname, 'bad-files');
const HEADER = ['', 'Januari', 'Februari'];

/** A zip with the given entries, written by hand so that the declared sizes can lie. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
// 200 MB of zeros: deflates to about 200 kB.
const zeros = Buffer.alloc(200 * 1024 * 1024);

async function main(): Promise<void> {
  writeFileSync(resolve(dir, 'zip-bomb.xlsx'), zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/worksheets/sheet1.xml', data: zeros }]));
  // The same bomb, but its directory claims 1 kB: only inflating with a cap finds out.
  writeFileSync(resolve(dir, 'zip-bomb-lying.xlsx'), zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 1024 }]));
  writeFileSync(resolve(dir, 'zip-not-xlsx.xlsx'), zip([{ name: 'readme.txt', data: Buffer.from('Det här är ingen arbetsbok.\n') }]));
  const good = await workbook({ Blad1: [HEADER, ['Utbetalt', 100, 200]] });
  writeFileSync(resolve(dir, 'truncated-2021.xlsx'), Buffer.from(good).subarray(0, Math.floor(good.length / 2)));
  writeFileSync(resolve(dir, 'formulas-2021.xlsx'), await workbook({ Formler: [HEADER, ['Utbetalt', { formula: 'SUM(C2:C9)' }, { formula: 'B2*2' }]] }));
  writeFileSync(
    resolve(dir, 'merged-header-2021.xlsx'),
    await workbook({ Rapport: [['', 'Januari', '', 'Mars'], ['Utbetalt', 100, 200, 300]] }, (wb) => wb.getWorksheet('Rapport')?.mergeCells('B1:C1')),
  );
  writeFileSync(resolve(dir, 'empty-sheets.xlsx'), await workbook({ Blad1: [], Blad2: [] }));
  writeFileSync(resolve(dir, 'second-sheet-bad-2021.xlsx'), await workbook({ Januari: [HEADER, ['Utbetalt', 100, 200]], Februari: [HEADER, ['Utbetalt', 100, 'saknas']] }));
  writeFileSync(resolve(dir, 'junk.xlsx'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)));
}

await main();
