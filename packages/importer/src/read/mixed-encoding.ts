/**
 * A text file that is part UTF-8 and part Windows-1252, as when rows from two
 * files are pasted together: read as either, half of its å, ä and ö become
 * nonsense ("HushÃ¥ll"), which then shows as unknown rows and false
 * duplicates. Found from the bytes, and told as one problem.
 */
import { issue, whereEn, whereSv, type ImportIssue } from '../common/errors.js';

/** Byte offsets of the first UTF-8 character of two or more bytes and of the first byte that is not UTF-8; null unless both exist. */
function firstOfEach(b: Uint8Array): { utf8: number; other: number } | null {
  let utf8 = -1;
  let other = -1;
  for (let i = 0; i < b.length && (utf8 < 0 || other < 0);) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const tail = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let ok = tail > 0;
    for (let k = 1; ok && k <= tail; k++) ok = ((b[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      if (utf8 < 0) utf8 = i;
      i += tail + 1;
    } else {
      if (other < 0) other = i;
      i++;
    }
  }
  return utf8 >= 0 && other >= 0 ? { utf8, other } : null;
}

/** 1-based line of a byte offset. */
export function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** One error naming both encodings and the lines where each first occurs, or null when the file is in one encoding. */
export function mixedEncoding(file: string, bytes: Uint8Array): ImportIssue | null {
  const at = firstOfEach(bytes);
  if (at === null) return null;
  const utf8Line = lineAt(bytes, at.utf8);
  const otherLine = lineAt(bytes, at.other);
  const p = { file, row: Math.max(utf8Line, otherLine), column: null };
  return issue(
    'error',
    p,
    `UTF-8 (rad ${utf8Line}) och Windows-1252 (rad ${otherLine})`,
    'en teckenkodning, UTF-8',
    `Filen ${file} blandar två teckenkodningar (${whereSv(p)}): rad ${utf8Line} är sparad som UTF-8 men rad ${otherLine} som Windows-1252 (ANSI), så å, ä och ö skulle bli fel på en del av raderna. Det händer när rader från olika filer klistras ihop. Öppna filen i en textredigerare (t.ex. Anteckningar), rätta å, ä och ö där de ser fel ut och spara den som UTF-8, eller gör om filen från början i Excel och spara som "CSV UTF-8 (kommaavgränsad)".`,
    `File ${file} mixes two encodings (${whereEn(p)}): line ${utf8Line} is UTF-8 but line ${otherLine} is Windows-1252. Save it as UTF-8 throughout.`,
  );
}
