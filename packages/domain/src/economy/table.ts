import { monthsOf, type Period } from '../period.js';
import type { Month } from '../month.js';
import type { UnitTree } from '../unit-tree.js';
import { accumulated, type AccumulatedPoint, type MonthAmounts } from './accumulated.js';
import { COST_TYPE_LINES, NET_LINE } from './lines.js';
import { driftRow, sumRows, type DriftRow } from './row.js';

export interface EconomyAmount {
  unit: string;
  line: string;
  month: Month;
  kind: 'utfall' | 'budget';
  amount: number;
}

export interface EconomyPrognos {
  unit: string;
  line: string;
  deviation: number;
}

export interface DriftUnitRow extends DriftRow {
  unit: string;
  name: string;
  /** Levels below the asked unit in the tree of the period's last month (0: the unit itself). */
  depth: number;
}

export interface CostTypeRow extends DriftRow {
  /** A cost-type line id, or 'kostnader' (the sum of the cost lines) or 'summa'. */
  line: string;
  sv: string;
  en: string;
}

export interface Driftsredovisning {
  /** Every unit at or below the asked one with its own net result in the period, in tree order, as the reports print them. */
  units: DriftUnitRow[];
  /** "Summa" of the unit rows, or null when there are none. */
  total: DriftRow | null;
  /** The split by income and cost type (empty when the period has none). */
  costTypes: CostTypeRow[];
  /** The accumulated net result of the unit (its own and everything below) month by month. */
  accumulated: AccumulatedPoint[];
}

export interface DriftInput {
  tree: UnitTree;
  unit: string;
  period: Period;
  amounts: readonly EconomyAmount[];
  prognoses: readonly EconomyPrognos[];
}

type Sums = { utfall: number; budget: number };

function add(map: Map<string, Sums>, key: string, a: EconomyAmount): void {
  const s = map.get(key) ?? { utfall: 0, budget: 0 };
  s[a.kind] += a.amount;
  map.set(key, s);
}

/** Depth-first order of the tree below `root` in month m. */
function treeOrder(tree: UnitTree, root: string, m: Month): string[] {
  const out: string[] = [];
  const walk = (code: string) => {
    out.push(code);
    for (const c of tree.childrenAt(code, m)) walk(c);
  };
  if (tree.exists(root, m)) walk(root);
  return out;
}

function costTypeRows(sums: Map<string, Sums>, prognosOf: (line: string) => number | null): CostTypeRow[] {
  const rows = COST_TYPE_LINES.filter((l) => sums.has(l.id)).map((l) => {
    const s = sums.get(l.id) ?? { utfall: 0, budget: 0 };
    return { line: l.id, sv: l.sv, en: l.en, income: l.income, ...driftRow(s.utfall, s.budget, prognosOf(l.id)) };
  });
  if (rows.length === 0) return [];
  const costs = rows.filter((r) => !r.income);
  const income = rows.filter((r) => r.income);
  const kostnader = { line: 'kostnader', sv: 'Verksamhetens kostnader', en: 'Operating costs', ...sumRows(costs) };
  const summa = { line: 'summa', sv: 'Summa', en: 'Total', ...sumRows([...income, ...costs]) };
  const strip = ({ income: _income, ...r }: CostTypeRow & { income: boolean }): CostTypeRow => r;
  return [...income.map(strip), kostnader, ...costs.map(strip), summa];
}

/** The driftsredovisning of a unit over a period, from amounts on the units the reports print them for. */
export function driftsredovisning(input: DriftInput): Driftsredovisning {
  const { tree, unit, period } = input;
  const months = new Set(monthsOf(period));
  const inside = input.amounts.filter((a) => months.has(a.month) && tree.isWithin(a.unit, unit, a.month));
  const own = new Map<string, Sums>();
  const byLine = new Map<string, Sums>();
  const byMonth = new Map<Month, Sums>();
  for (const a of inside) {
    if (a.line === NET_LINE) {
      add(own, a.unit, a);
      add(byMonth, a.month, a);
    } else add(byLine, a.line, a);
  }
  const units = new Set(input.prognoses.filter((p) => tree.isWithin(p.unit, unit, period.end)).map((p) => p.unit));
  const prognos = (u: string, line: string) => {
    const hits = input.prognoses.filter((p) => p.line === line && (u === '*' ? units.has(p.unit) : p.unit === u));
    return hits.length ? hits.reduce((a, p) => a + p.deviation, 0) : null;
  };
  const order = treeOrder(tree, unit, period.end);
  const rank = (u: string) => (order.includes(u) ? order.indexOf(u) : order.length);
  const baseDepth = tree.pathAt(unit, period.end).length;
  const rows: DriftUnitRow[] = [...own.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((u) => {
      const s = own.get(u) ?? { utfall: 0, budget: 0 };
      return {
        unit: u,
        name: tree.nameAt(u, period.end),
        depth: Math.max(0, tree.pathAt(u, period.end).length - baseDepth),
        ...driftRow(s.utfall, s.budget, prognos(u, NET_LINE)),
      };
    });
  const monthly: MonthAmounts[] = [...byMonth.entries()].map(([month, s]) => ({ month, ...s }));
  return {
    units: rows,
    total: rows.length ? sumRows(rows) : null,
    costTypes: costTypeRows(byLine, (line) => prognos('*', line)),
    accumulated: accumulated(monthly),
  };
}
