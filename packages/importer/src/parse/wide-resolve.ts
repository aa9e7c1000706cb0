/**
 * Turns the rows of a wide report into SourceRows for the shared pipeline:
 * each row through its mapping (KPI, gender, age band, unit), each filled
 * month cell one figure. Also checks what only the report itself can tell:
 * cells that are not numbers, kvinnor + män against the printed total, a
 * ratio row against its parts, and the printed sum column. Pure.
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

  // A row of a ratio KPI (Genomsnitt per hushåll: kr / paying households) is checked against its parts, never stored.
  for (const r of table.rows) {
    const m = mappingOf.get(r);
    const parts = m?.kpiId ? index.ratios.get(m.kpiId) : undefined;
    if (m?.kpiId && parts) checkRatio(r, m, m.kpiId, parts);
  }

  function partOf(kpiId: string, like: LabelMapping): WideRow[] {
    const mapped = table.rows.filter((c) => {
      const cm = mappingOf.get(c);
      return cm?.kpiId === kpiId && cm.ageBand === like.ageBand && cm.unitCode === like.unitCode;
    });
    const total = mapped.filter((c) => mappingOf.get(c)?.gender === like.gender);
    return total.length === 1 ? total : like.gender === 'T' ? mapped.filter((c) => mappingOf.get(c)?.gender !== 'T') : [];
  }

  function checkRatio(r: WideRow, m: LabelMapping, kpiId: string, parts: { numerator: string; denominator: string }): void {
    const num = partOf(parts.numerator, m);
    const den = partOf(parts.denominator, m);
    const [numRow] = num;
    const [denRow] = den;
    if (numRow === undefined || denRow === undefined) {
      issues.push(msg.ratioPartsMissing(place(r.line, r.labelColumn), r.label, kpiId, parts));
      return;
    }
    const sumOf = (rs: WideRow[], month: string) => {
      const vs = rs.map((x) => numbers.get(x)?.get(month));
      return vs.every((v) => v !== undefined) ? vs.reduce((a: number, b) => a + (b ?? 0), 0) : undefined;
    };
    const wrong: { month: string; column: string; printed: number; num: number; den: number }[] = [];
    for (const c of r.values) {
      const month = c.column.month ?? '';
      const printed = numbers.get(r)?.get(month);
      const n = sumOf(num, month);
      const d = sumOf(den, month);
      if (printed === undefined || n === undefined || d === undefined || d === 0) continue;
      if (Math.abs(n / d - printed) > tolerance(printed)) wrong.push({ month, column: c.column.name, printed, num: n, den: d });
    }
    const [first] = wrong;
    if (first === undefined) return;
    issues.push(msg.ratioMismatch(place(r.line, first.column), r.label, first.printed, { ...first, numRow: numRow.line, denRow: denRow.line }, wrong.length - 1));
  }

  const rows: SourceRow[] = [];
  for (const r of table.rows) {
    const m = mappingOf.get(r);
    if (m === undefined || m.kpiId === null || totalOnly.has(r) || index.ratios.has(m.kpiId)) continue;
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
