/** Swedish (and English) messages about a workbook's sheets and about what the XLSX reader could not read. */
import { clip, issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';

export function hiddenSheet(file: string, sheet: string, state: 'hidden' | 'veryHidden'): ImportIssue {
  const p = { file, sheet, row: 1, column: null };
  const how =
    state === 'hidden'
      ? 'Om det ska importeras: visa bladet i Excel (högerklicka på en bladflik → Ta fram) och importera igen.'
      : 'Det är "mycket dolt" och syns inte ens under Ta fram i Excel; om värdena ska importeras, kopiera dem till ett synligt blad och importera igen.';
  return issue(
    'warning',
    p,
    state === 'hidden' ? 'dolt blad' : 'mycket dolt blad',
    'ett synligt blad',
    `Bladet ${sheet} är dolt och importeras inte (${whereSv(p)}): dolda blad har ofta gamla eller överblivna värden. ${how}`,
    `Sheet ${sheet} is ${state === 'hidden' ? 'hidden' : 'very hidden'} and is not imported (${whereEn(p)}).`,
  );
}

/** At row 1, like hiddenSheet: a note about the whole sheet, which the preview must not pin on a data row of another sheet. */
export function sheetWithoutMonths(file: string, sheet: string): ImportIssue {
  const p = { file, sheet, row: 1, column: null };
  return issue(
    'warning',
    p,
    'ingen rubrikrad med månader',
    'en rubrikrad med månader (Januari … December eller 2022-01)',
    `Bladet ${sheet} har ingen rubrikrad med månader och importeras inte (${whereSv(p)}); det ser ut som ett försättsblad eller en kommentar. Om det har värden som ska importeras: skriv månaderna (Januari … December eller 2022-01) i raden ovanför värdena.`,
    `Sheet ${sheet} has no header row with months and is not imported (${whereEn(p)}).`,
  );
}

/** A wide report with its month header and nothing under it: not the long CSV's advice about its header. */
export function noReportRows(file: string, sheet: string | null, line: number): ImportIssue {
  const p = { file, sheet, row: line, column: null };
  return issue(
    'error',
    p,
    'bara rubrikraden',
    'rader med värden under månaderna',
    `Rapporten har en rubrikrad med månader men inga rader med värden under den (${whereSv(p)}). Fyll i en rad per mått, med radens rubrik i första kolumnen och värdena under månaderna.`,
    `The report has a header row with months but no rows of values below it (${whereEn(p)}).`,
  );
}

export function mergedValueCells(p: Place, range: string): ImportIssue {
  return issue(
    'error',
    p,
    `sammanfogade celler ${range}`,
    'ett värde i varje cell',
    `Cellerna ${range} är sammanfogade (${whereSv(p)}): värdet står bara i den första cellen, men Excel visar det i alla, så en månad skulle få en annan månads värde. Dela upp cellerna (Start → Sammanfoga och centrera → Dela upp celler) och skriv varje månads värde i sin egen cell.`,
    `Cells ${range} are merged (${whereEn(p)}): the value is in the first cell only. Unmerge them and give each month its own value.`,
  );
}

export function mergedHeaderCells(p: Place, range: string): ImportIssue {
  return issue(
    'error',
    p,
    `sammanfogade rubrikceller ${range}`,
    'en månad i varje kolumn',
    `Rubrikcellerna ${range} är sammanfogade (${whereSv(p)}), så det går inte att se vilken månad kolumnerna under dem gäller. Dela upp cellerna (Start → Sammanfoga och centrera → Dela upp celler) och skriv en månad över varje kolumn.`,
    `Header cells ${range} are merged (${whereEn(p)}): unmerge them and give each column its month.`,
  );
}

/** What an exception from the XLSX library means, in words a user can act on. */
function reasonOf(detail: string): string {
  if (/invalid column letter|out of bounds|address/i.test(detail)) return 'en cell har en adress utanför det Excel tillåter';
  if (/entity|tag|attribute|xml|unexpected|unclosed|text data outside/i.test(detail)) return 'innehållet (XML) i arbetsboken är trasigt';
  if (/richText|sharedString|reading '/i.test(detail)) return 'arbetsboken hänvisar till text som inte finns i den';
  return 'arbetsboken har innehåll som inte går att tolka';
}

/** An error from exceljs as one Swedish sentence that says what to do; the library's own words only in `found` and the English text. */
export function unreadableWorkbook(file: string, err: unknown, sheet: string | null = null): ImportIssue {
  const detail = clip((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '');
  const p = { file, sheet, row: 1, column: null };
  const reason = reasonOf(detail);
  return issue(
    'error',
    p,
    detail,
    'en Excel-arbetsbok (.xlsx)',
    `Filen ${file} går inte att läsa som Excel-arbetsbok (${whereSv(p)}): ${reason}. Den kan vara skadad eller sparad av ett program som inte följer Excel-formatet. Öppna den i Excel och spara den på nytt som "Excel-arbetsbok (.xlsx)", eller som "CSV UTF-8 (kommaavgränsad)".`,
    `File ${file} cannot be read as an XLSX workbook (${whereEn(p)}): ${detail}. Save it again from Excel.`,
  );
}
