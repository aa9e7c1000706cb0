import { issue, whereEn, whereSv, type ImportIssue } from './errors.js';

export interface DecodedText {
  text: string;
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

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
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
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    const p = { file, row: 1, column: null };
    return {
      text: '',
      issues: [
        issue(
          'error',
          p,
          'UTF-16 (Unicode-text)',
          'CSV-text (UTF-8)',
          `Filen ${file} är sparad som UTF-16 ("Unicode-text") (${whereSv(p)}). Spara om den i Excel som "CSV UTF-8 (kommaavgränsad)".`,
          `File ${file} is saved as UTF-16 (${whereEn(p)}). Save it as CSV UTF-8.`,
        ),
      ],
    };
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const nul = bytes.indexOf(0);
  if (isZip || nul >= 0) {
    const row = isZip ? 1 : lineAt(bytes, nul);
    const what = isZip ? 'en Excel-arbetsbok (XLSX) eller annan zip-fil' : 'en binärfil, inte text';
    return {
      text: '',
      issues: [
        issue(
          'error',
          { file, row, column: null },
          isZip ? 'zip/XLSX' : 'binära data',
          'CSV-text (UTF-8)',
          `Filen ${file} är ${what}, och kan inte läsas som CSV (${whereSv({ file, row, column: null })}). Öppna den i Excel och spara som "CSV UTF-8 (kommaavgränsad)".`,
          `File ${file} is ${isZip ? 'an XLSX workbook or other zip file' : 'binary, not text'} (${whereEn({ file, row, column: null })}). Save it as CSV UTF-8.`,
        ),
      ],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), issues: [] };
  } catch {
    // Excel's "CSV (semikolonavgränsad)" saves Windows-1252 (ANSI); such a file is read as that, not refused.
    if (looksLikeWindows1252(bytes)) return { text: new TextDecoder('windows-1252').decode(bytes), issues: [] };
    const at = Math.max(firstInvalidUtf8(bytes), 0);
    const row = lineAt(bytes, at);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      text: '',
      issues: [
        issue(
          'error',
          { file, row, column: null },
          `byte 0x${byte}`,
          'UTF-8',
          `Filen ${file} är varken UTF-8 eller Windows-1252 (första felaktiga tecknet ${whereSv({ file, row, column: null })}), så å, ä och ö kan inte läsas. Spara om den i Excel som "CSV UTF-8 (kommaavgränsad)".`,
          `File ${file} is neither UTF-8 nor Windows-1252 (first bad byte 0x${byte} ${whereEn({ file, row, column: null })}). Save it as CSV UTF-8.`,
        ),
      ],
    };
  }
}
