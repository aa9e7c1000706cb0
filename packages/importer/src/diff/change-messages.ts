/** Swedish (and English) warnings for stored values a file changes and values far from their unit's history. */
import { formatNumber } from '@lagesbild/domain';
import { issue, whereEn, whereSv, type ImportIssue, type Place } from '../common/errors.js';
import type { CellValue } from './diff.js';
import { showNumber } from '../validate/validate-messages.js';

export interface Example {
  month: string;
  gender: string;
  ageBand: string;
  row: number;
  sheet: string | null;
  old: CellValue | null;
  new: CellValue;
  median?: number;
}

const value = (v: CellValue): string => (v.denominator === null ? showNumber(v.numerator) : `${showNumber(v.numerator)}/${showNumber(v.denominator)}`);
const cellOf = (e: Example): string => `${e.month} kön ${e.gender}${e.ageBand ? ` ${e.ageBand}` : ''}`;
const rowOf = (e: Example, sheet: string | null): string => (e.sheet !== sheet && e.sheet ? `blad ${e.sheet}, rad ${e.row}` : `rad ${e.row}`);
/** A median is often a half: one decimal, none for a whole number. */
const showMedian = (m: number): string => formatNumber(m, Number.isInteger(m) ? 0 : 1);
const values = (n: number): string => (n === 1 ? '1 sparat värde' : `${showNumber(n)} sparade värden`);

const warn = (p: Place, found: string, expected: string, sv: string, en: string): ImportIssue => ({ ...issue('warning', p, found, expected, sv, en), option: 'confirm' });

export function changedValues(p: Place, kpi: string, unit: string, total: number, big: number, examples: readonly Example[]): ImportIssue {
  const list = examples.map((e) => `${cellOf(e)}: ${e.old === null ? '–' : value(e.old)} → ${value(e.new)} (${rowOf(e, p.sheet ?? null)})`).join('; ');
  const more = total > examples.length ? ` och ${showNumber(total - examples.length)} till` : '';
  const tenfold =
    big > 0
      ? ` ${big === total && total === 1 ? 'Ändringen är' : `${showNumber(big)} av ändringarna är`} tio gånger eller mer: kontrollera att det inte är ett skrivfel (t.ex. kr i stället för tkr).`
      : '';
  return warn(
    p,
    `${showNumber(total)} ändrade`,
    'sparade värden oförändrade',
    `${values(total)} för KPI "${kpi}", enhet "${unit}" ändras av filen (första ${whereSv(p)}): ${list}${more}.${tenfold} Kontrollera ändringarna och bekräfta för att spara.`,
    `${total} stored values of KPI "${kpi}", unit "${unit}" change (first ${whereEn(p)}). Check them and confirm to save.`,
  );
}

export function jumps(p: Place, kpi: string, unit: string, total: number, examples: readonly Example[]): ImportIssue {
  const list = examples.map((e) => `${cellOf(e)}: ${value(e.new)} mot median ${showMedian(e.median ?? 0)} (${rowOf(e, p.sheet ?? null)})`).join('; ');
  const more = total > examples.length ? ` och ${showNumber(total - examples.length)} till` : '';
  const n = total === 1 ? '1 värde' : `${showNumber(total)} värden`;
  return warn(
    p,
    `${showNumber(total)} avvikande`,
    'nära enhetens tidigare värden',
    `${n} för KPI "${kpi}", enhet "${unit}" är tio gånger större eller mindre än enhetens median för de tolv månaderna före (första ${whereSv(p)}): ${list}${more}. Kontrollera att det inte är ett skrivfel (t.ex. en siffra för mycket, kr i stället för tkr) och bekräfta för att spara.`,
    `${total} values of KPI "${kpi}", unit "${unit}" are ten times or more off the unit's median of the previous twelve months (first ${whereEn(p)}).`,
  );
}

export function groupsMore(file: string, n: number, kind: 'changed' | 'jump'): ImportIssue {
  const p = { file, row: 1, column: null };
  const what = kind === 'changed' ? 'ändrade sparade värden' : 'värden långt från enhetens tidigare värden';
  return warn(
    p,
    `${n} till`,
    '',
    `Ytterligare ${showNumber(n)} kombinationer av KPI och enhet har ${what} i ${file} (${whereSv(p)}); se ändringarna i förhandsgranskningen.`,
    `${n} more KPI and unit combinations have ${kind === 'changed' ? 'changed values' : 'jumps'} in ${file}.`,
  );
}
