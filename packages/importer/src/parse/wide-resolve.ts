/**
 * Turns the rows of a wide report into SourceRows for the shared pipeline:
 * each row through its mapping (KPI, gender, age band, unit), each filled
 * month cell one figure. Also checks what only the report itself can tell:
 * cells that are not numbers, kvinnor + män against the printed total, and
 * the printed sum column. Pure.
 */
import type { ImportIssue, Place } from '../common/errors.js';
import type { LabelMapping, MappingIndex } from './mappings.js';
import type { SourceRow } from './source-row.js';
import { MISSING_MARKS } from './missing-marks.js';
import { parseNumberCell } from '../validate/validate.js';
import { numberIssue, readCellToken } from '../validate/value-check.js';
import type { WideCell, WideRow, WideTable } from './wide-layout.js';
import * as msg from './wide-messages.js';

export interface ResolveOptions {
  /** Unit for mappings without one of their own. */
  unitCode: string | null;
  /** Cells like "?" (uppgift saknas) are skipped with a warning instead of stopping the import. */
  skipMissingMarks: boolean;
}

/** Printed sums are rounded: a difference within this is not a contradiction. */
const tolerance = (printed: number): number => Math.max(1, Math.abs(printed) * 0.0005);

const pathOf = (r: WideRow): string => (r.parent ? `${r.parent} / ${r.label}` : r.label);

export function resolveWideTable(table: WideTable, index: MappingIndex, opts: ResolveOptions): { rows: SourceRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const place = (line: number, column: string): Place => ({ file: table.file, sheet: table.sheet, row: line, column });

  // Numbers first, for every row (mapped or not): a report with a "?" is reported, whatever the row.
  const numbers = new Map<WideRow, Map<string, number>>();
  const good = new Map<WideRow, WideCell[]>();
  for (const r of table.rows) {
    const byMonth = new Map<string, number>();
    const kept: WideCell[] = [];
    for (const c of r.values) {
      const n = parseNumberCell(c.text);
      if (n !== null) {
        byMonth.set(c.column.month ?? '', n);
        kept.push(c);
      } else if (opts.skipMissingMarks && MISSING_MARKS.has(c.text)) issues.push(msg.missingMarkSkipped(place(r.line, c.column.name), c.text));
      else issues.push(numberIssue(place(r.line, c.column.name), c.text, readCellToken(c.text)));
    }
    numbers.set(r, byMonth);
    good.set(r, kept);
    if (r.sum !== null) {
      const printed = parseNumberCell(r.sum.text);
      if (printed === null) issues.push(numberIssue(place(r.line, r.sum.column.name), r.sum.text, readCellToken(r.sum.text)));
      else {
        const total = [...byMonth.values()].reduce((a, b) => a + b, 0);
        if (Math.abs(total - printed) > tolerance(printed)) issues.push(msg.sumMismatch(place(r.line, r.sum.column.name), r.label, printed, total));
      }
    }
  }

  const mappingOf = new Map<WideRow, LabelMapping>();
  for (const r of table.rows) {
    const m = index.find(r.section, r.parent, r.label);
    if (m !== null) mappingOf.set(r, m);
    else if (r.values.length > 0) issues.push(msg.unknownLabel(place(r.line, r.labelColumn), r.label, r.parent, r.section, index.suggest(r.section, r.parent, r.label)));
  }

  // A printed total with its kvinnor and män rows: check the sum; store only the split when the rows map to the same KPI.
  const totalOnly = new Set<WideRow>();
  // Rows by section and parent, so finding a row's sub-rows is not a pass over every row (quadratic on 12 000 rows).
  const under = new Map<string, WideRow[]>();
  for (const c of table.rows) {
    const k = `${c.section}\u0000${c.parent}`;
    const list = under.get(k);
    if (list === undefined) under.set(k, [c]);
    else list.push(c);
  }
  for (const p of table.rows) {
    if (p.kind === 'women' || p.kind === 'men') continue;
    const children = under.get(`${p.section}\u0000${pathOf(p)}`) ?? [];
    const women = children.filter((c) => c.kind === 'women');
    const men = children.filter((c) => c.kind === 'men');
    const [w] = women;
    const [m] = men;
    if (w !== undefined && m !== undefined && women.length === 1 && men.length === 1) checkTotal(p, w, m);
    const pm = mappingOf.get(p);
    if (pm?.kpiId == null || pm.gender !== 'T') continue;
    const sameKpi = (c: WideRow | undefined) => {
      const cm = c === undefined ? undefined : mappingOf.get(c);
      return cm !== undefined && cm.kpiId === pm.kpiId && cm.ageBand === pm.ageBand && cm.unitCode === pm.unitCode;
    };
    if (sameKpi(w) && sameKpi(m)) totalOnly.add(p);
    else if (sameKpi(w) !== sameKpi(m)) {
      const [present, missing] = sameKpi(w) ? ['kvinnor', 'män'] : ['män', 'kvinnor'];
      issues.push(msg.halfSplit(place(p.line, p.labelColumn), p.label, present, missing));
    }
  }

  function checkTotal(p: WideRow, w: WideRow, m: WideRow): void {
    const tv = numbers.get(p);
    const wv = numbers.get(w);
    const mv = numbers.get(m);
    const wrong: string[] = [];
    for (const col of table.months) {
      const month = col.month ?? '';
      const t = tv?.get(month);
      const a = wv?.get(month);
      const b = mv?.get(month);
      if (t !== undefined && a !== undefined && b !== undefined && Math.abs(a + b - t) > 1e-9) wrong.push(month);
    }
    const first = wrong[0];
    if (first === undefined) return;
    const col = table.months.find((c) => c.month === first);
    issues.push(
      msg.totalMismatch(
        place(p.line, col?.name ?? first),
        { label: p.label, row: p.line, value: tv?.get(first) ?? 0 },
        { label: w.label, row: w.line, value: wv?.get(first) ?? 0 },
        { label: m.label, row: m.line, value: mv?.get(first) ?? 0 },
        col?.name ?? first,
        wrong.length - 1,
      ),
    );
  }

  const rows: SourceRow[] = [];
  for (const r of table.rows) {
    const m = mappingOf.get(r);
    if (m === undefined || m.kpiId === null || totalOnly.has(r)) continue;
    const cells = good.get(r) ?? [];
    if (cells.length === 0) continue;
    const unit = m.unitCode ?? opts.unitCode;
    if (unit === null) {
      issues.push(msg.noUnit(place(r.line, r.labelColumn), r.label));
      continue;
    }
    const label = (text: string) => ({ text, column: r.labelColumn });
    for (const c of cells) {
      rows.push({
        file: table.file,
        sheet: table.sheet,
        row: r.line,
        cells: {
          kpi: label(m.kpiId),
          unit: label(unit),
          gender: label(m.gender),
          period: { text: c.column.month ?? '', column: c.column.name },
          value: { text: c.text, column: c.column.name },
          ...(m.ageBand ? { ageBand: label(m.ageBand) } : {}),
        },
      });
    }
  }
  return { rows, issues };
}
