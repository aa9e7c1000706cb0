/**
 * Checks an XLSX (a zip file) before any library inflates it, so that a zip
 * bomb (a few kB that inflate to gigabytes) is refused with bounded memory:
 * the central directory's declared sizes and ratios are checked first, and
 * then every entry is inflated with a hard output cap, because the declared
 * sizes can lie.
 */
import { inflateRawSync } from 'node:zlib';
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';

/**
 * The inflated workbook; real monthly reports are well below 1 MB. exceljs
 * holds a workbook as objects about 20 times its XML (a sheet of 7 MB and
 * 250 000 cells, the wide-report limit, takes 260 MB), so this bounds memory.
 */
const MAX_XLSX_INFLATED = 16 * 1024 * 1024;
/** XML compresses well, but not a thousandfold; bombs do. */
const MAX_ZIP_RATIO = 200;
const MAX_ENTRIES = 10_000;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

function centralDirectory(b: Buffer): Entry[] | string {
  const from = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'ingen innehållsförteckning (filen är avkortad eller inte en zip-fil)';
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) return `${count} delar i arkivet`;
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return 'trasig innehållsförteckning';
    const nameLength = b.readUInt16LE(at + 28);
    const entry: Entry = {
      method: b.readUInt16LE(at + 10),
      compressed: b.readUInt32LE(at + 20),
      size: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
    };
    out.push(entry);
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return out;
}

function refuse(file: string, found: string, sv: string, en: string): ImportIssue {
  const p = { file, row: 1, column: null };
  return issue('error', p, found, `en XLSX-fil på högst ${MAX_XLSX_INFLATED / 1024 / 1024} MB uppackad`, `${sv} (${whereSv(p)}).`, `${en} (${whereEn(p)}).`);
}

/** Null when the zip is safe to hand to exceljs; else the error to report. */
export function checkZip(file: string, bytes: Uint8Array): ImportIssue | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(b);
  if (typeof entries === 'string') {
    return refuse(
      file,
      entries,
      `Filen ${file} går inte att öppna som Excel-arbetsbok: ${entries}. Spara om den i Excel som .xlsx`,
      `File ${file} cannot be opened as a workbook: broken zip`,
    );
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const ratio = e.compressed === 0 ? (e.size === 0 ? 0 : Infinity) : e.size / e.compressed;
    if (e.size === 0xffffffff || (e.size > 1024 * 1024 && ratio > MAX_ZIP_RATIO)) return bomb(file, e.name, e.size, ratio);
  }
  // Large but not a bomb: told as too large, with what to do, rather than as an attack.
  if (total > MAX_XLSX_INFLATED) return tooLargeWorkbook(file, total);
  // The declared sizes may lie: inflate each part once, with a cap, before exceljs sees it.
  for (const e of entries) {
    if (e.method === 0) continue;
    if (e.method !== 8)
      return refuse(
        file,
        `komprimering ${e.method}`,
        `Filen ${file} använder en komprimering som Excel-filer inte har (del ${e.name}). Spara om den i Excel som .xlsx`,
        `Unsupported zip compression in ${file}`,
      );
    const local = e.localOffset;
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50)
      return refuse(file, 'trasig zip', `Filen ${file} är trasig (del ${e.name}). Spara om den i Excel som .xlsx`, `Broken zip entry in ${file}`);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    try {
      inflateRawSync(b.subarray(start, start + e.compressed), { maxOutputLength: Math.max(e.size, 1) });
    } catch (err) {
      if (err instanceof RangeError) return bomb(file, e.name, e.size, Infinity);
      return refuse(file, 'trasig zip', `Filen ${file} är trasig (del ${e.name} går inte att packa upp). Spara om den i Excel som .xlsx`, `Broken zip entry in ${file}`);
    }
  }
  return null;
}

function tooLargeWorkbook(file: string, size: number): ImportIssue {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return refuse(
    file,
    `${mb(size)} uppackad`,
    `Filen ${file} är ${mb(size)} uppackad, men högst ${mb(MAX_XLSX_INFLATED)} kan läsas (en månadsrapport är under 1 MB). Dela upp arbetsboken, till exempel ett år per fil, eller spara bladen som CSV UTF-8, som kan vara upp till 40 MB`,
    `File ${file} is ${mb(size)} inflated; at most ${mb(MAX_XLSX_INFLATED)} can be read. Split it or save as CSV`,
  );
}

function bomb(file: string, part: string, size: number, ratio: number): ImportIssue {
  const mb = size === 0xffffffff ? 'mer än 4 GB' : `${Math.round(size / 1024 / 1024)} MB`;
  const why = Number.isFinite(ratio) ? `${mb}, ${Math.round(ratio)} gånger mer än packat` : 'mer än den uppger';
  return refuse(
    file,
    `${part}: ${why}`,
    `Filen ${file} avvisas: delen ${part} packas upp till ${why}. Det ser ut som en zip-bomb, inte en Excel-rapport, och öppnas inte. Spara rapporten på nytt i Excel, eller som CSV`,
    `File ${file} is refused: part ${part} inflates to ${why}, like a zip bomb`,
  );
}
