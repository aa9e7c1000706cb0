import type { ImportIssue } from '../api/import.js';

/** A test builder: the importer's error for a value that is not a number, as the server sends it; `over` changes what a test is about. */
export const importIssue = (over: Partial<ImportIssue>): ImportIssue => ({
  severity: 'error',
  file: 'statistik-forsorjningsstod-2022.csv',
  sheet: null,
  row: 20,
  column: 'Mars',
  found: '?',
  expected: 'ett tal',
  message: 'Värdet "?" i fil statistik-forsorjningsstod-2022.csv, rad 20, kolumn Mars är inte ett tal.',
  messageEn: 'The value "?" in file statistik-forsorjningsstod-2022.csv, row 20, column Mars is not a number.',
  ...over,
});
