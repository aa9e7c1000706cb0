/** Swedish (and English) messages for problems found while reading a file, before any value is checked. */
import { issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';

const LONG_HEADER = 'kpi,unit,period,gender,value[,denominator]';

export function noDataRows(file: string, headerOnly: boolean, sheet: string | null = null): ImportIssue {
  const p = { file, sheet, row: headerOnly ? 2 : 1, column: null };
  return issue(
    'error',
    p,
    headerOnly ? 'bara rubrikraden' : 'tom fil',
    'minst en datarad',
    `Filen innehåller inga datarader (${whereSv(p)}). Lägg till en rad per värde under rubrikraden ${LONG_HEADER}.`,
    `The file has no data rows (${whereEn(p)}). Add one row per value below the header ${LONG_HEADER}.`,
  );
}

export function csvSyntax(p: Place, reason: string): ImportIssue {
  return issue(
    'error',
    p,
    reason,
    'korrekt CSV',
    `Raden går inte att läsa som CSV ${whereSv(p)}: citattecknen (") går inte ihop, t.ex. ett citattecken som öppnas men aldrig stängs. Rätta citattecknen på raden.`,
    `The row cannot be read as CSV ${whereEn(p)}: ${reason}. Check the quotes on the row.`,
  );
}

export function fieldCount(p: Place, found: number, expected: number, delimiter: string): ImportIssue {
  const hint =
    delimiter === ','
      ? ' Decimaltal med komma (t.ex. 6,8) måste stå inom citattecken ("6,8") i en kommaavgränsad fil, eller använd semikolon som avgränsare.'
      : ' Kontrollera att raden har lika många semikolon som rubrikraden.';
  return issue(
    'error',
    p,
    `${found} fält`,
    `${expected} fält`,
    `Fel antal fält ${whereSv(p)}: raden har ${found} fält men rubrikraden har ${expected}.${hint}`,
    `Wrong number of fields ${whereEn(p)}: the row has ${found} fields but the header has ${expected}.`,
  );
}

export function unknownColumn(p: Place, name: string, suggestion: string | null, allowed: string): ImportIssue {
  const sv = suggestion ? ` Menade du "${suggestion}"?` : '';
  const en = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return issue(
    'error',
    p,
    name,
    allowed,
    `Okänd kolumn "${name}" i rubrikraden ${whereSv(p)}.${sv} Tillåtna kolumner: ${allowed}.`,
    `Unknown column "${name}" in the header ${whereEn(p)}.${en} Allowed columns: ${allowed}.`,
  );
}

export function duplicateColumn(p: Place, name: string, first: string): ImportIssue {
  return issue(
    'error',
    p,
    name,
    'varje kolumn en gång',
    `Kolumnen "${name}" ${whereSv(p)} betyder samma sak som "${first}", som redan finns i rubrikraden. Ta bort den ena.`,
    `Column "${name}" ${whereEn(p)} means the same as "${first}", already in the header. Remove one of them.`,
  );
}

export function missingColumn(p: Place, name: string, swedish: string, found: string): ImportIssue {
  return issue(
    'error',
    p,
    found,
    LONG_HEADER,
    `Kolumnen "${name}" (eller "${swedish}") saknas i rubrikraden ${whereSv(p)}. Första raden ska vara rubrikraden ${LONG_HEADER}.`,
    `Column "${name}" is missing from the header ${whereEn(p)}. The first row must be the header ${LONG_HEADER}.`,
  );
}
