import type { EconomyKpiBudget, EconomyView } from '../api/economy.js';

export interface DriftTableRow {
  key: string;
  label: string;
  depth: number;
  utfall: number;
  budget: number;
  avvikelse: number;
  prognosAvvikelse: number | null;
  total?: boolean;
}

/** The unit rows, indented under the asked unit, and the Summa. */
export function unitRows(view: EconomyView, totalLabel: string): DriftTableRow[] {
  const rows: DriftTableRow[] = view.units.map((u) => ({
    key: u.unit,
    label: u.name,
    depth: u.depth,
    utfall: u.utfall,
    budget: u.budget,
    avvikelse: u.avvikelse,
    prognosAvvikelse: u.prognosAvvikelse,
  }));
  if (view.total) rows.push({ key: 'summa', label: totalLabel, depth: 0, ...view.total, total: true });
  return rows;
}

/** The split by cost type, with its printed labels (Swedish) or the English ones. */
export function costTypeRows(view: EconomyView, english: boolean): DriftTableRow[] {
  return view.costTypes.map((c) => ({
    key: c.line,
    label: english ? c.en : c.sv,
    depth: c.line === 'intakter' || c.line === 'kostnader' || c.line === 'summa' ? 0 : 1,
    utfall: c.utfall,
    budget: c.budget,
    avvikelse: c.avvikelse,
    prognosAvvikelse: c.prognosAvvikelse,
    total: c.line === 'summa',
  }));
}

/** A KPI budget's chart data: months with utfall and budget in tkr. */
export function budgetSeries(b: EconomyKpiBudget): { months: string[]; utfall: (number | null)[]; budget: number[] } {
  return { months: b.months.map((m) => m.month), utfall: b.months.map((m) => m.utfall), budget: b.months.map((m) => m.budget) };
}
