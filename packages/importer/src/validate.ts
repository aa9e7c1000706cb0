/**
 * Step 2 of the pipeline: checks SourceRows (from any format) against the
 * KPI catalogue and the unit tree as it was in each row's month, and turns
 * the good ones into typed cells. Pure: the catalogue is loaded beforehand.
 */
import { isMonth, monthIndex, parseSwedishNumber, type Gender, type Month } from '@lagesbild/domain';
import type { Catalogue } from './catalogue.js';
import type { ImportIssue, IssueList } from './errors.js';
import type { FieldName, SourceRow } from './source-row.js';
import { nearest } from './suggest.js';
import * as msg from './validate-messages.js';

export interface ValidRow {
  kpi: string;
  unit: string;
  unitId: number;
  month: Month;
  gender: Gender;
  /** '' when the row has no age band. */
  ageBand: string;
  numerator: number;
  denominator: number | null;
  file: string;
  sheet?: string | null;
  row: number;
  /** Header of the value column, so later warnings can point at it. */
  valueColumn: string;
}

/** Measures that count people, cases, care days, staff or kronor paid: a negative figure is always a mistake. */
const NON_NEGATIVE = new Set(['count', 'kr', 'days', 'fte']);

const WHAT: Record<FieldName, string> = {
  kpi: 'KPI-id',
  unit: 'enhetskod',
  period: 'månad (ÅÅÅÅ-MM)',
  gender: 'kön (K, M eller T)',
  value: 'värdet',
  denominator: 'nämnaren',
  ageBand: 'åldersgrupp',
};

/**
 * A number as written in a file. Cells that start with =, + or @ are data
 * that a spreadsheet would take for a formula: never evaluated, never a
 * number. Only a leading minus before digits makes a negative number.
 */
export function parseNumberCell(text: string): number | null {
  if (/^[=+@]/.test(text)) return null;
  if (/^[-\u2212]/.test(text) && !/^[-\u2212]\s*\d/.test(text)) return null;
  return parseSwedishNumber(text);
}

/** Dashes as printed in reports ("–29", "50–") become the catalogue's hyphen. */
const normaliseBand = (s: string): string => s.replace(/[\u2012-\u2015\u2212]/g, '-').replace(/\s+/g, '');

export const cellLabel = (r: Pick<ValidRow, 'kpi' | 'unit' | 'month' | 'gender' | 'ageBand'>): string =>
  `KPI "${r.kpi}", enhet "${r.unit}", ${r.month}, kön ${r.gender}${r.ageBand ? `, åldersgrupp ${r.ageBand}` : ''}`;

export function validateRows(rows: readonly SourceRow[], cat: Catalogue, issues: IssueList): ValidRow[] {
  const out: ValidRow[] = [];
  const firstRowOf = new Map<string, { row: number; sheet: string | null }>();
  // childrenAt scans the whole tree; a file has few distinct unit × month pairs but may have 100 000 rows.
  const childCache = new Map<string, string[]>();
  const childrenAt = (unit: string, month: Month): string[] => {
    const key = `${unit}\u0000${month}`;
    let c = childCache.get(key);
    if (c === undefined) childCache.set(key, (c = cat.tree.childrenAt(unit, month)));
    return c;
  };
  for (const r of rows) {
    let failed = false;
    const place = (f: FieldName) => ({ file: r.file, sheet: r.sheet ?? null, row: r.row, column: r.cells[f]?.column ?? f });
    const fail = (i: ImportIssue) => {
      failed = true;
      issues.add(i);
    };
    const text = (f: FieldName, required: boolean): string | null => {
      const t = r.cells[f]?.text ?? '';
      if (t !== '') return t;
      if (required) fail(msg.emptyCell(place(f), WHAT[f]));
      return null;
    };

    const kpiId = text('kpi', true);
    let kpi = kpiId === null ? undefined : cat.kpis.get(kpiId);
    if (kpiId !== null && kpi === undefined) fail(msg.unknownKpi(place('kpi'), kpiId, nearest(kpiId, cat.kpis.keys())));
    if (kpi?.ratioOf) {
      fail(msg.ratioKpi(place('kpi'), kpi.id, kpi.ratioOf.numerator, kpi.ratioOf.denominator));
      kpi = undefined;
    }

    const period = text('period', true);
    let month: Month | null = null;
    if (period !== null && !isMonth(period)) fail(msg.badPeriod(place('period'), period));
    else if (period !== null) month = period;
    if (month !== null && kpi !== undefined) {
      const i = monthIndex(month);
      const tooLate = kpi.validTo !== null && isMonth(kpi.validTo) && i > monthIndex(kpi.validTo);
      if ((isMonth(kpi.validFrom) && i < monthIndex(kpi.validFrom)) || tooLate) {
        fail(msg.periodOutsideKpi(place('period'), month, kpi.id, kpi.validFrom, kpi.validTo));
      }
    }

    const unit = text('unit', true);
    const unitId = unit === null ? undefined : cat.unitIds.get(unit);
    if (unit !== null && unitId === undefined) fail(msg.unknownUnit(place('unit'), unit, nearest(unit, cat.unitIds.keys())));
    if (unit !== null && unitId !== undefined && month !== null) {
      const node = cat.tree.get(unit);
      const children = childrenAt(unit, month);
      if (node && !cat.tree.exists(unit, month)) fail(msg.unitNotValid(place('unit'), unit, month, node.validFrom, node.validTo));
      else if (children.length > 0) fail(msg.unitNotLeaf(place('unit'), unit, month, children));
    }

    const genderText = text('gender', true);
    let gender: Gender | null = null;
    const g = genderText?.toUpperCase();
    if (genderText !== null && g !== 'K' && g !== 'M' && g !== 'T') fail(msg.badGender(place('gender'), genderText));
    else if (g === 'K' || g === 'M' || g === 'T') gender = g;
    if (gender !== null && gender !== 'T' && kpi !== undefined && !kpi.genderSplit) fail(msg.genderNotSplit(place('gender'), genderText ?? '', kpi.id));

    const valueText = text('value', true);
    const numerator = valueText === null ? null : parseNumberCell(valueText);
    if (valueText !== null && numerator === null) fail(msg.notNumber(place('value'), valueText));
    if (numerator !== null && numerator < 0 && kpi !== undefined && NON_NEGATIVE.has(kpi.unit)) {
      fail(msg.negativeValue(place('value'), valueText ?? '', kpi.id));
    }

    const denText = text('denominator', false);
    const denominator = denText === null ? null : parseNumberCell(denText);
    if (denText !== null && denominator === null) fail(msg.notNumber(place('denominator'), denText));
    if (denText !== null && denominator !== null && denominator <= 0) fail(msg.badDenominator(place('denominator'), denText));

    const bandText = text('ageBand', false);
    const ageBand = bandText === null ? '' : normaliseBand(bandText);
    if (bandText !== null && kpi !== undefined && !kpi.ageBands.includes(ageBand)) {
      fail(msg.badAgeBand(place('ageBand'), bandText, kpi.id, kpi.ageBands));
    }

    if (failed || kpi === undefined || unit === null || unitId === undefined || month === null || gender === null || numerator === null) continue;
    const cell: Omit<ValidRow, 'numerator' | 'denominator' | 'file' | 'sheet' | 'row' | 'valueColumn'> = { kpi: kpi.id, unit, unitId, month, gender, ageBand };
    const key = [cell.kpi, cell.unit, cell.month, cell.gender, cell.ageBand].join('\u0000');
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.add(msg.duplicateCell({ file: r.file, sheet: r.sheet ?? null, row: r.row, column: null }, first.row, cellLabel(cell), first.sheet));
      continue;
    }
    firstRowOf.set(key, { row: r.row, sheet: r.sheet ?? null });
    out.push({ ...cell, numerator, denominator, file: r.file, sheet: r.sheet ?? null, row: r.row, valueColumn: r.cells.value?.column ?? 'value' });
  }
  return out;
}
