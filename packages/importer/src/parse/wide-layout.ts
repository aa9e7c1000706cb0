/**
 * Reads the layout of a wide monthly report: a header row with months, one
 * row per measure, optional section and sub-label columns to the left, and
 * sub-rows ("Varav 18-24år", "Män", "Kvinnor") under the row they belong to.
 * Pure: a Grid in, labelled rows of cell texts out; numbers are read later.
 */
import { isBlankRow, type Grid, type GridRow } from '../read/grid.js';
import type { ImportIssue, Place } from '../common/errors.js';
import { findHeaderRow, headerMonth, type HeaderRow } from './header-row.js';
import { columnLetter, isoMonth, isSumHeader, SWEDISH_MONTHS } from './month-headers.js';
import { nearest } from '../common/suggest.js';
import * as msg from './wide-messages.js';

interface WideColumn {
  index: number;
  /** As in messages: the header text ("Mars"), or the letter when the header is empty. */
  name: string;
  /** YYYY-MM for month columns; null for a sum column. */
  month: string | null;
}

export interface WideCell {
  column: WideColumn;
  text: string;
}

type SubRowKind = 'main' | 'age' | 'women' | 'men';

export interface WideRow {
  line: number;
  section: string;
  /** Path of the rows this one is printed under ("Varav antal med utbet. under månaden / Varav 18-24år"); '' for none. */
  parent: string;
  label: string;
  /** The column the label is in, for messages. */
  labelColumn: string;
  kind: SubRowKind;
  /** Non-empty month cells. */
  values: WideCell[];
  /** The printed sum of the months, if the report has such a column and it is filled in. */
  sum: WideCell | null;
}

export interface WideTable {
  file: string;
  sheet: string | null;
  headerLine: number;
  months: WideColumn[];
  rows: WideRow[];
}

const AGE = /^varav\s+\d{1,2}\s*[-–]\s*\d{1,2}\s*år$/i;
const WOMEN = /^(varav\s+)?(kvinnor|flickor)$/i;
const MEN = /^(varav\s+)?(män|pojkar)$/i;

function subRowKind(label: string): SubRowKind {
  const l = label.normalize('NFC').trim();
  if (AGE.test(l)) return 'age';
  if (WOMEN.test(l)) return 'women';
  if (MEN.test(l)) return 'men';
  return 'main';
}

/** True when the rows have a month header (see findHeaderRow): then the file is a wide report, not the long CSV. */
export const looksWide = (rows: readonly GridRow[]): boolean => findHeaderRow(rows) !== null;

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

interface Columns {
  labelCount: number;
  months: WideColumn[];
  sum: WideColumn | null;
  empty: WideColumn[];
}

function readColumns(grid: Grid, { row: header, serialDates }: HeaderRow, year: number | null, issues: ImportIssue[]): Columns | null {
  const place = (index: number, name: string): Place => ({ file: grid.file, sheet: grid.sheet, row: header.line, column: name || columnLetter(index) });
  const parseMonthHeader = (text: string) => headerMonth(text, serialDates);
  const first = header.cells.findIndex((c) => parseMonthHeader(c) !== null);
  if (first === 0) {
    issues.push(msg.noLabelColumn(place(0, clean(header.cells[0] ?? ''))));
    return null;
  }
  const out: Columns = { labelCount: first, months: [], sum: null, empty: [] };
  const seen = new Map<string, string>();
  let yearMissing = false;
  for (let i = first; i < header.cells.length; i++) {
    const text = clean(header.cells[i] ?? '');
    const col: WideColumn = { index: i, name: text || columnLetter(i), month: null };
    if (text === '') {
      out.empty.push(col);
      continue;
    }
    const m = parseMonthHeader(text);
    if (m === null) {
      if (isSumHeader(text) && out.sum === null) out.sum = col;
      else issues.push(msg.unknownHeader(place(i, text), text, nearest(text, SWEDISH_MONTHS)));
      continue;
    }
    if (m.year !== null && year !== null && m.year !== year) issues.push(msg.yearConflict(place(i, text), text, m.year, year));
    const y = m.year ?? year;
    if (y === null) {
      if (!yearMissing) issues.push(msg.noYear(place(i, text), text));
      yearMissing = true;
      continue;
    }
    col.month = isoMonth(y, m.month);
    const firstCol = seen.get(col.month);
    if (firstCol !== undefined) issues.push(msg.duplicateMonth(place(i, text), text, firstCol));
    else {
      seen.set(col.month, text);
      out.months.push(col);
    }
  }
  return out;
}

/**
 * The rows of the table with their section and parent. With one label column
 * a row with a label and no values is a heading that starts a section; with
 * two or more, the first is the section (blank = same as above, as merged
 * cells read) and the rest name the row.
 */
export function readWideTable(grid: Grid, year: number | null): { table: WideTable | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const found = findHeaderRow(grid.rows);
  if (found === null) return { table: null, issues };
  const header = found.row;
  // Title rows above the header say what the report is; they hold no values.
  const data = grid.rows.filter((r) => r.line > header.line && !isBlankRow(r));
  const cols = readColumns(grid, found, year, issues);
  if (cols === null) return { table: null, issues };
  const out: WideRow[] = [];
  let section = '';
  let lastMain = '';
  let lastAge = '';
  const labelsSeen = new Map<string, number>();
  for (const r of data) {
    const cell = (c: WideColumn): WideCell => ({ column: c, text: clean(r.cells[c.index] ?? '') });
    const values = cols.months.map(cell).filter((c) => c.text !== '');
    const sumCell = cols.sum === null ? null : cell(cols.sum);
    const sum = sumCell && sumCell.text !== '' ? sumCell : null;
    for (const e of cols.empty) {
      if (clean(r.cells[e.index] ?? '') !== '') issues.push(msg.valuesWithoutHeader({ file: grid.file, sheet: grid.sheet, row: r.line, column: e.name }));
    }
    const labels = r.cells.slice(0, cols.labelCount).map(clean);
    const hasValues = values.length > 0 || sum !== null;
    let parent = '';
    let labelIndex = cols.labelCount - 1;
    if (cols.labelCount >= 2) {
      const sec = labels[0] ?? '';
      if (sec !== '' && sec !== section) {
        section = sec;
        lastMain = '';
        lastAge = '';
      }
      const named = labels
        .slice(1)
        .map((l, i) => ({ l, i: i + 1 }))
        .filter((x) => x.l !== '');
      const last = named[named.length - 1];
      if (last === undefined) {
        if (hasValues) issues.push(msg.valuesWithoutLabel({ file: grid.file, sheet: grid.sheet, row: r.line, column: columnLetter(1) }));
        continue;
      }
      labelIndex = last.i;
      parent = named
        .slice(0, -1)
        .map((x) => x.l)
        .join(' / ');
    }
    const label = labels[labelIndex] ?? '';
    const labelColumn = clean(header.cells[labelIndex] ?? '') || columnLetter(labelIndex);
    if (label === '') {
      if (hasValues) issues.push(msg.valuesWithoutLabel({ file: grid.file, sheet: grid.sheet, row: r.line, column: labelColumn }));
      continue;
    }
    if (cols.labelCount === 1 && !hasValues) {
      // A heading such as "Orsak": the rows below belong to it.
      section = label;
      lastMain = '';
      lastAge = '';
      continue;
    }
    const kind = subRowKind(label);
    if (parent === '') {
      if (kind === 'age') {
        parent = lastMain;
        lastAge = label;
      } else if (kind === 'women' || kind === 'men') {
        parent = [lastMain, lastAge].filter(Boolean).join(' / ');
      } else {
        lastMain = label;
        lastAge = '';
      }
    }
    const key = [section, parent, label].map((s) => s.toLowerCase()).join('\u0000');
    const firstRow = labelsSeen.get(key);
    if (firstRow !== undefined) issues.push(msg.duplicateLabel({ file: grid.file, sheet: grid.sheet, row: r.line, column: labelColumn }, label, firstRow));
    else labelsSeen.set(key, r.line);
    out.push({ line: r.line, section, parent, label, labelColumn, kind, values, sum });
  }
  return { table: { file: grid.file, sheet: grid.sheet, headerLine: header.line, months: cols.months, rows: out }, issues };
}
