import { isUtf8 } from 'node:buffer';
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';
import { lineAt, mixedEncoding } from './mixed-encoding.js';

export interface DecodedText {
  text: string;
  issues: ImportIssue[];
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/** How a text file is to be decoded, found from its bytes alone: null with one error when it is not text in either encoding. */
export interface CheckedText {
  encoding: TextEncoding | null;
  issues: ImportIssue[];
}

/** Index of the first byte that breaks UTF-8, to point at the line; -1 when none is found. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const tail = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (tail < 0) return i;
    for (let k = 1; k <= tail; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += tail + 1;
  }
  return -1;
}

/** Bytes that Windows-1252 leaves undefined, and control characters no text file has. */
const NOT_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function looksLikeWindows1252(b: Uint8Array): boolean {
  for (const c of b) if (NOT_1252.has(c) || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return false;
  return true;
}

/**
 * Decodes a text file as UTF-8 (a BOM is dropped), or as Windows-1252 when
 * it is not UTF-8. Binary files (XLSX renamed to .csv, images, junk) and
 * text in neither encoding give one error that
 * says how to save the file instead of a cascade of nonsense rows.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): DecodedText {
  const checked = checkText(file, bytes);
  if (checked.encoding === null) return { text: '', issues: checked.issues };
  return { text: new TextDecoder(checked.encoding).decode(bytes), issues: [] };
}

/**
 * The text of the bytes a piece at a time (pieces of about `size` bytes;
 * a character split between two is decoded whole), so a large file is never
 * one string. A BOM is dropped.
 */
export function* textChunks(bytes: Uint8Array, encoding: TextEncoding, size = 64 * 1024): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let at = 0; at < bytes.length; at += size) yield decoder.decode(bytes.subarray(at, at + size), { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The start of the text (for the header row), without decoding the rest. */
export function textHead(bytes: Uint8Array, encoding: TextEncoding, size: number): string {
  return new TextDecoder(encoding).decode(bytes.subarray(0, size));
}

/** The one error of a file that is no text we read: what was found, what was expected, and the fix in both languages. */
function notText(file: string, row: number, found: string, expected: string, sv: (where: string) => string, en: (where: string) => string): CheckedText {
  const p = { file, row, column: null };
  return { encoding: null, issues: [issue('error', p, found, expected, sv(whereSv(p)), en(whereEn(p)))] };
}

/** Which encoding the file is in, or the one error that says why it is not text. */
export function checkText(file: string, bytes: Uint8Array): CheckedText {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    return notText(
      file,
      1,
      'UTF-16 (Unicode-text)',
      'CSV-text (UTF-8)',
      (where) => `Filen ${file} är sparad som UTF-16 ("Unicode-text") (${where}). Spara om den i Excel som "CSV UTF-8 (kommaavgränsad)".`,
      (where) => `File ${file} is saved as UTF-16 (${where}). Save it as CSV UTF-8.`,
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const nul = bytes.indexOf(0);
  if (isZip || nul >= 0) {
    const row = isZip ? 1 : lineAt(bytes, nul);
    const what = isZip ? 'en Excel-arbetsbok (XLSX) eller annan zip-fil' : 'en binärfil, inte text';
    return notText(
      file,
      row,
      isZip ? 'zip/XLSX' : 'binära data',
      'CSV-text (UTF-8)',
      (where) => `Filen ${file} är ${what}, och kan inte läsas som CSV (${where}). Öppna den i Excel och spara som "CSV UTF-8 (kommaavgränsad)".`,
      (where) => `File ${file} is ${isZip ? 'an XLSX workbook or other zip file' : 'binary, not text'} (${where}). Save it as CSV UTF-8.`,
    );
  }
  // Checked on the bytes: decoding a 40 MB file only to see whether it decodes would hold it as a string.
  if (isUtf8(bytes)) return { encoding: 'utf-8', issues: [] };
  // Excel's "CSV (semikolonavgränsad)" saves Windows-1252 (ANSI); such a file is read as that, not refused.
  if (looksLikeWindows1252(bytes)) {
    // Unless part of it is UTF-8: read as either, half the file's å, ä and ö would be nonsense.
    const mixed = mixedEncoding(file, bytes);
    return mixed === null ? { encoding: 'windows-1252', issues: [] } : { encoding: null, issues: [mixed] };
  }
  const at = Math.max(firstInvalidUtf8(bytes), 0);
  const row = lineAt(bytes, at);
  const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return notText(
    file,
    row,
    `byte 0x${byte}`,
    'UTF-8',
    (where) =>
      `Filen ${file} är varken UTF-8 eller Windows-1252 (första felaktiga tecknet ${where}), så å, ä och ö kan inte läsas. Spara om den i Excel som "CSV UTF-8 (kommaavgränsad)".`,
    (where) => `File ${file} is neither UTF-8 nor Windows-1252 (first bad byte 0x${byte} ${where}). Save it as CSV UTF-8.`,
  );
}
