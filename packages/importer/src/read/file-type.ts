/**
 * What a file really is, from its first bytes rather than its name: a PDF
 * renamed .xlsx, an old .xls or a screenshot is told as what it is, with
 * what to do instead, rather than read as CSV and reported row by row.
 */
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';

interface Kind {
  /** "en PDF-fil" */
  sv: string;
  en: string;
  advice: string;
}

const ASK_FOR_EXCEL = 'Hämta rapporten som Excel-arbetsbok (.xlsx) eller CSV ur systemet den kommer från, eller för in värdena i en sådan fil.';

const startsWith = (b: Uint8Array, magic: readonly number[]): boolean => magic.every((m, i) => b[i] === m);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const KINDS: { magic: readonly number[]; kind: Kind }[] = [
  { magic: ascii('%PDF-'), kind: { sv: 'en PDF-fil', en: 'a PDF file', advice: `Siffror i en PDF kan inte importeras. ${ASK_FOR_EXCEL}` } },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    kind: {
      sv: 'en Excel-arbetsbok i det gamla formatet (.xls, Excel 97–2003) eller en annan gammal Office-fil',
      en: 'an old Office file (.xls, Excel 97-2003)',
      advice: 'Öppna den i Excel och spara som "Excel-arbetsbok (.xlsx)" eller "CSV UTF-8 (kommaavgränsad)".',
    },
  },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: image('PNG') },
  { magic: [0xff, 0xd8, 0xff], kind: image('JPEG') },
  { magic: ascii('GIF8'), kind: image('GIF') },
  { magic: [0x49, 0x49, 0x2a, 0x00], kind: image('TIFF') },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], kind: image('TIFF') },
  { magic: [0x1f, 0x8b], kind: { sv: 'en gzip-komprimerad fil', en: 'a gzip file', advice: 'Packa upp den och importera filen som ligger i den.' } },
  { magic: ascii('Rar!'), kind: { sv: 'ett RAR-arkiv', en: 'a RAR archive', advice: 'Packa upp det och importera filen som ligger i det.' } },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], kind: { sv: 'ett 7-Zip-arkiv', en: 'a 7-Zip archive', advice: 'Packa upp det och importera filen som ligger i det.' } },
];

function image(format: string): Kind {
  return { sv: `en bild (${format})`, en: `an image (${format})`, advice: `En bild av en tabell kan inte importeras. ${ASK_FOR_EXCEL}` };
}

/** Names that promise a file the importer reads. */
const READABLE_NAMES = new Set(['csv', 'xlsx', 'xlsm', 'txt', 'tsv']);

/** "(fast namnet slutar på .xlsx)" when the name promises what the bytes are not, since that is what confuses. */
function nameHint(file: string): string {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(file)?.[1]?.toLowerCase();
  return ext !== undefined && READABLE_NAMES.has(ext) ? ` (fast namnet slutar på .${ext})` : '';
}

/** One error when the bytes are a kind of file the importer cannot read (PDF, .xls, image, archive); null for text and XLSX. */
export function refusedFileType(file: string, bytes: Uint8Array): ImportIssue | null {
  const hit = KINDS.find((k) => startsWith(bytes, k.magic));
  if (hit === undefined) return null;
  const p = { file, row: 1, column: null };
  const { sv, en, advice } = hit.kind;
  return issue(
    'error',
    p,
    sv,
    'en Excel-arbetsbok (.xlsx) eller en CSV-fil',
    `Filen ${file} är ${sv}${nameHint(file)}, inte en Excel-arbetsbok (.xlsx) eller CSV-fil, och kan inte importeras (${whereSv(p)}). ${advice}`,
    `File ${file} is ${en}, not an XLSX workbook or CSV file (${whereEn(p)}). Save it as .xlsx or CSV UTF-8.`,
  );
}

/** What a zip that is no Excel workbook is, from the names of its parts (stored uncompressed in the zip). */
export function notWorkbook(file: string, bytes: Uint8Array): ImportIssue | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.includes('xl/workbook.xml') || b.includes('xl/workbook.bin')) return null;
  // OpenDocument files start with a part named "mimetype"; its content (".spreadsheet", ".text") is stored unpacked by LibreOffice.
  const openDocument = b.includes('opendocument.spreadsheet') || (b.includes('mimetype') && b.includes('content.xml') && !b.includes('opendocument.text'));
  const what = openDocument
    ? { sv: 'ett kalkylark från LibreOffice eller OpenOffice (.ods)', advice: 'Öppna den där och spara som "Excel 2007-365 (.xlsx)" eller som CSV (UTF-8).' }
    : b.includes('word/document.xml') || b.includes('opendocument.text')
      ? { sv: 'ett textdokument (Word eller liknande)', advice: `Tabeller i ett textdokument kan inte importeras. ${ASK_FOR_EXCEL}` }
      : b.includes('ppt/presentation.xml')
        ? { sv: 'en PowerPoint-presentation', advice: `Tabeller i en presentation kan inte importeras. ${ASK_FOR_EXCEL}` }
        : { sv: 'en zip-fil', advice: 'Det finns ingen arbetsbok i den: packa upp den och importera arbetsboken eller CSV-filen som ligger i den.' };
  const p = { file, row: 1, column: null };
  return issue(
    'error',
    p,
    what.sv,
    'en Excel-arbetsbok (.xlsx)',
    `Filen ${file} är ${what.sv}${nameHint(file)}, inte en Excel-arbetsbok, och kan inte importeras (${whereSv(p)}). ${what.advice}`,
    `File ${file} is a zip file but no Excel workbook (${whereEn(p)}).`,
  );
}
