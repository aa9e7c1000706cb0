/**
 * Step 2 of the pipeline: checks SourceRows (from any format) against the
 * KPI catalogue and the unit tree as it was in each row's month, and turns
 * the good ones into typed cells. Pure: the catalogue is loaded beforehand.
 */
import { isMonth, monthIndex, type Gender, type Month } from '@lagesbild/domain';
import type { Catalogue } from './catalogue.js';
import type { ImportIssue, IssueList } from '../common/errors.js';
import type { FieldName, SourceRow } from '../parse/source-row.js';
import { nearest } from '../common/suggest.js';
import * as msg from './validate-messages.js';
import { checkPlausible, plausibilityIssue, readCellToken, readDenominator, readValue } from './value-check.js';
import { futureMonth } from './value-messages.js';

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

const WHAT: Record<FieldName, string> = {
  kpi: 'KPI-id',
  unit: 'enhetskod',
  period: 'månad (ÅÅÅÅ-MM)',
  gender: 'kön (K, M eller T)',
  value: 'värdet',
  denominator: 'nämnaren',
  ageBand: 'åldersgrupp',
};

/** A number as written in a cell, whole (see value-check.ts), its unit dropped; null when it is not one number. */
export function parseNumberCell(text: string): number | null {
  const t = readCellToken(text);
  return t.kind === 'number' ? t.value : null;
}

/** Dashes as printed in reports ("–29", "50–") become the catalogue's hyphen. */
const normaliseBand = (s: string): string => s.replace(/[\u2012-\u2015\u2212]/g, '-').replace(/\s+/g, '');

export const cellLabel = (r: { kpi: string; unit: string; month: string; gender: string; ageBand: string }): string =>
  `KPI "${r.kpi}", enhet "${r.unit}", ${r.month}, kön ${r.gender}${r.ageBand ? `, åldersgrupp ${r.ageBand}` : ''}`;

/** One row being checked: helpers live outside the loop, since closures made per row cost more than the checks on a million rows. */
interface RowCheck {
  r: SourceRow;
  failed: boolean;
  issues: IssueList;
}

const placeOf = (c: RowCheck, f: FieldName) => ({ file: c.r.file, sheet: c.r.sheet ?? null, row: c.r.row, column: c.r.cells[f]?.column ?? f });

function fail(c: RowCheck, i: ImportIssue): void {
  c.failed = true;
  c.issues.add(i);
}

function textOf(c: RowCheck, f: FieldName, required: boolean): string | null {
  const t = c.r.cells[f]?.text ?? '';
  if (t !== '') return t;
  if (required) fail(c, msg.emptyCell(placeOf(c, f), WHAT[f]));
  return null;
}

/**
 * The good cells of the rows, one at a time, with every problem of a single
 * row in issues. Checks across rows (the same cell twice) are the caller's:
 * the import does them in SQL on its staging table, validateRows in memory.
 */
export function* validCells(rows: Iterable<SourceRow>, cat: Catalogue, issues: IssueList): Generator<ValidRow> {
  // childrenAt scans the whole tree, and exists parses months: once per unit × month, and no scan for a unit that is never anyone's parent.
  const everParent = new Set(cat.tree.all().flatMap((u) => u.parents.map((l) => l.parentCode)));
  const unitCache = new Map<string, { exists: boolean; children: string[] }>();
  const unitAt = (unit: string, month: Month) => {
    const key = `${unit}\u0000${month}`;
    let u = unitCache.get(key);
    if (u === undefined) unitCache.set(key, (u = { exists: cat.tree.exists(unit, month), children: everParent.has(unit) ? cat.tree.childrenAt(unit, month) : [] }));
    return u;
  };
  // A file has few distinct months and KPIs; parsing "YYYY-MM" once per row each is most of the time on a million rows.
  const indexCache = new Map<string, number>();
  const indexOf = (m: Month): number => {
    let i = indexCache.get(m);
    if (i === undefined) indexCache.set(m, (i = monthIndex(m)));
    return i;
  };
  const nowIndex = monthIndex(cat.currentMonth);
  const monthOk = new Map<string, boolean>();
  const isMonthCached = (p: string): boolean => {
    let ok = monthOk.get(p);
    if (ok === undefined) {
      ok = isMonth(p);
      // Only months: a file full of distinct bad periods must not grow the cache.
      if (ok) monthOk.set(p, ok);
    }
    return ok;
  };
  const c: RowCheck = { r: { file: '', row: 0, cells: {} }, failed: false, issues };
  for (const r of rows) {
    c.r = r;
    c.failed = false;

    const kpiId = textOf(c, 'kpi', true);
    let kpi = kpiId === null ? undefined : cat.kpis.get(kpiId);
    if (kpiId !== null && kpi === undefined) fail(c, msg.unknownKpi(placeOf(c, 'kpi'), kpiId, nearest(kpiId, cat.kpis.keys())));
    if (kpi?.ratioOf) {
      fail(c, msg.ratioKpi(placeOf(c, 'kpi'), kpi.id, kpi.ratioOf.numerator, kpi.ratioOf.denominator));
      kpi = undefined;
    }

    const period = textOf(c, 'period', true);
    let month: Month | null = null;
    if (period !== null && !isMonthCached(period)) fail(c, msg.badPeriod(placeOf(c, 'period'), period));
    else if (period !== null) month = period;
    // As isFutureMonth, with the month's index cached: a million rows have few months.
    if (month !== null && indexOf(month) > nowIndex) fail(c, futureMonth(placeOf(c, 'period'), month, cat.currentMonth));
    else if (month !== null && kpi !== undefined) {
      const i = indexOf(month);
      const tooLate = kpi.validTo !== null && isMonthCached(kpi.validTo) && i > indexOf(kpi.validTo);
      if ((isMonthCached(kpi.validFrom) && i < indexOf(kpi.validFrom)) || tooLate) {
        fail(c, msg.periodOutsideKpi(placeOf(c, 'period'), month, kpi.id, kpi.validFrom, kpi.validTo));
      }
    }

    const unit = textOf(c, 'unit', true);
    const unitId = unit === null ? undefined : cat.unitIds.get(unit);
    if (unit !== null && unitId === undefined) fail(c, msg.unknownUnit(placeOf(c, 'unit'), unit, nearest(unit, cat.unitIds.keys())));
    if (unit !== null && unitId !== undefined && month !== null) {
      const node = cat.tree.get(unit);
      const at = unitAt(unit, month);
      if (node && !at.exists) fail(c, msg.unitNotValid(placeOf(c, 'unit'), unit, month, node.validFrom, node.validTo));
      else if (at.children.length > 0) fail(c, msg.unitNotLeaf(placeOf(c, 'unit'), unit, month, at.children));
    }

    const genderText = textOf(c, 'gender', true);
    let gender: Gender | null = null;
    const g = genderText?.toUpperCase();
    if (genderText !== null && g !== 'K' && g !== 'M' && g !== 'T') fail(c, msg.badGender(placeOf(c, 'gender'), genderText));
    else if (g === 'K' || g === 'M' || g === 'T') gender = g;
    if (gender !== null && gender !== 'T' && kpi !== undefined && !kpi.genderSplit) fail(c, msg.genderNotSplit(placeOf(c, 'gender'), genderText ?? '', kpi.id));

    const valueText = textOf(c, 'value', true);
    const value = valueText === null ? null : readValue(valueText, kpi);
    if (value?.issue) fail(c, value.issue(placeOf(c, 'value')));
    const numerator = value?.value ?? null;

    const denText = textOf(c, 'denominator', false);
    const den = denText === null ? null : readDenominator(denText);
    if (den?.issue) fail(c, den.issue(placeOf(c, 'denominator')));
    const denominator = den?.value ?? null;
    const problem = kpi !== undefined && numerator !== null && !den?.issue ? checkPlausible(kpi, numerator, denominator) : null;
    if (problem !== null && kpi !== undefined && numerator !== null) {
      const at = { value: placeOf(c, 'value'), denominator: placeOf(c, 'denominator') };
      fail(c, plausibilityIssue(kpi, problem, at, numerator, denominator, { value: valueText ?? '', denominator: denText ?? '' }));
    }

    const bandText = textOf(c, 'ageBand', false);
    const ageBand = bandText === null ? '' : normaliseBand(bandText);
    if (bandText !== null && kpi !== undefined && !kpi.ageBands.includes(ageBand)) {
      fail(c, msg.badAgeBand(placeOf(c, 'ageBand'), bandText, kpi.id, kpi.ageBands));
    }

    if (c.failed || kpi === undefined || unit === null || unitId === undefined || month === null || gender === null || numerator === null) continue;
    yield {
      kpi: kpi.id,
      unit,
      unitId,
      month,
      gender,
      ageBand,
      numerator,
      denominator,
      file: r.file,
      sheet: r.sheet ?? null,
      row: r.row,
      valueColumn: r.cells.value?.column ?? 'value',
    };
  }
}

/** All good cells at once, a cell given twice reported at its second row: for small inputs and tests. */
export function validateRows(rows: Iterable<SourceRow>, cat: Catalogue, issues: IssueList): ValidRow[] {
  const out: ValidRow[] = [];
  const firstOf = new Map<string, ValidRow>();
  for (const cell of validCells(rows, cat, issues)) {
    const key = `${cell.kpi}\u0000${cell.unit}\u0000${cell.month}\u0000${cell.gender}\u0000${cell.ageBand}`;
    const first = firstOf.get(key);
    if (first !== undefined) {
      issues.add(msg.duplicateCell({ file: cell.file, sheet: cell.sheet ?? null, row: cell.row, column: null }, first.row, cellLabel(cell), first.sheet ?? null));
      continue;
    }
    firstOf.set(key, cell);
    out.push(cell);
  }
  return out;
}
