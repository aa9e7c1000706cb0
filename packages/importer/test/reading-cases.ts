/**
 * The bad-file corpus's cases about reading a file right (issue 16): what a
 * file really is, its encoding, its sheets and its header row. Run by
 * bad-files.test.ts with the rest of the corpus.
 */

/** Refused: the file, the place of the first error (sheet, row, column), and the Swedish words that must be in it. */
// One case a line (prettier would fold the long ones).
// prettier-ignore
export const READING_CASES: [file: string, sheet: string | null, row: number, column: string | null, message: string][] = [
  ['pdf-renamed.xlsx', null, 1, null, 'Filen pdf-renamed.xlsx är en PDF-fil (fast namnet slutar på .xlsx), inte en Excel-arbetsbok (.xlsx) eller CSV-fil, och kan inte importeras (i fil pdf-renamed.xlsx, rad 1). Siffror i en PDF kan inte importeras.'],
  ['old-excel.xlsx', null, 1, null, 'Filen old-excel.xlsx är en Excel-arbetsbok i det gamla formatet (.xls, Excel 97–2003)'],
  ['screenshot.xlsx', null, 1, null, 'Filen screenshot.xlsx är en bild (PNG) (fast namnet slutar på .xlsx)'],
  ['calc-sheet.xlsx', null, 1, null, 'Filen calc-sheet.xlsx är ett kalkylark från LibreOffice eller OpenOffice (.ods)'],
  ['mixed-encoding-2021.csv', null, 4, null, 'Filen mixed-encoding-2021.csv blandar två teckenkodningar (i fil mixed-encoding-2021.csv, rad 4): rad 2 är sparad som UTF-8 men rad 4 som Windows-1252 (ANSI)'],
  ['broken-xml-2021.xlsx', null, 1, null, 'Filen broken-xml-2021.xlsx går inte att läsa som Excel-arbetsbok (i fil broken-xml-2021.xlsx, rad 1): innehållet (XML) i arbetsboken är trasigt.'],
  ['bad-cell-address-2021.xlsx', null, 1, null, 'Filen bad-cell-address-2021.xlsx går inte att läsa som Excel-arbetsbok (i fil bad-cell-address-2021.xlsx, rad 1): en cell har en adress utanför det Excel tillåter.'],
  ['missing-shared-string-2021.xlsx', null, 1, null, 'arbetsboken hänvisar till text som inte finns i den. Den kan vara skadad'],
  ['merged-value-2021.xlsx', 'Rapport', 2, 'Maj', 'Cellerna F2:G2 är sammanfogade (i fil merged-value-2021.xlsx, blad Rapport, rad 2, kolumn Maj)'],
  ['wide-header-only-2021.csv', null, 3, null, 'Rapporten har en rubrikrad med månader men inga rader med värden under den (i fil wide-header-only-2021.csv, rad 3).'],
  ['wide-header-only-2021.xlsx', 'Mars', 2, null, 'Rapporten har en rubrikrad med månader men inga rader med värden under den (i fil wide-header-only-2021.xlsx, blad Mars, rad 2).'],
  ['long-sheet.xlsx', 'Data', 1, 'datum', 'Okänd kolumn "datum" i rubrikraden i fil long-sheet.xlsx, blad Data, rad 1, kolumn datum.'],
];

/** What most of these files hold: utbetalt-kr for January and February 2021. */
const JAN_FEB_2021: [kpi: string, month: string, value: number][] = [
  ['utbetalt-kr', '2021-01', 100],
  ['utbetalt-kr', '2021-02', 200],
];

/**
 * Read right, and so not refused: the file, the sheets that must be named in
 * a warning (skipped), and the values that are imported (kpi, month, value).
 */
export const READ_RIGHT_CASES: [file: string, skippedSheets: string[], values: [kpi: string, month: string, value: number][]][] = [
  ['hidden-sheets-2021.xlsx', ['Gammal', 'Arkiv'], JAN_FEB_2021],
  ['merged-heading-2021.xlsx', [], JAN_FEB_2021],
  ['cover-sheet-2021.xlsx', ['Försättsblad'], JAN_FEB_2021],
  ['title-rows-2021.xlsx', [], JAN_FEB_2021],
  ['title-row-2021.csv', [], JAN_FEB_2021],
  ['date-headers-2021.xlsx', [], JAN_FEB_2021],
  ['serial-headers-2021.xlsx', [], JAN_FEB_2021],
  ['month-end-headers-2021.csv', [], JAN_FEB_2021],
  ['swedish-date-headers-2021.csv', [], JAN_FEB_2021],
  ['title-with-date-2021.csv', [], JAN_FEB_2021],
  ['long-title-rows.csv', [], [['utbetalt-kr', '2021-01', 5]]],
  ['title-with-comma-2021.csv', [], JAN_FEB_2021],
];

/** What a library says in English; none of it may reach a Swedish message. */
export const LIBRARY_TEXT = /undefined|Cannot read|Out of bounds|Invalid column|entity|Maximum call stack|Oväntat fel/;
