import type { Driftsredovisning } from '../economy/table.js';
import { formatNumber } from '../format.js';
import { formatWindow, measurementWindow } from '../measurement-window.js';
import { yearOf, type Month } from '../month.js';
import { monthPeriod, type Period } from '../period.js';

type Locale = 'sv' | 'en';

/** One row of the report's driftsredovisning: a unit's own net result in tkr, signed as printed (costs negative). */
export interface ReportDriftRow {
  unit: string;
  name: string;
  /** Levels below the report's unit in the tree of the period (0: the unit itself). */
  depth: number;
  utfall: number;
  budget: number;
  /** utfall − budget: a cost above budget is negative. */
  avvikelse: number;
  /** The förvaltning's prognos of the full year's deviation from budget, or null when none was reported. */
  prognos: number | null;
}

/** The Ekonomi section's driftsredovisning: net cost per unit in the tree of the period, over the economy window. */
export interface ReportDriftsredovisning {
  /** The last month of the economy window (the table is "per 31/8 2020"). */
  through: Month;
  /** The printed header of the prognos column ("Prognos avvikelse per 31/12 2020"), or null. */
  prognosLabel: string | null;
  rows: ReportDriftRow[];
  /** "Summa" of the rows, or null when there are none. */
  total: Omit<ReportDriftRow, 'unit' | 'name' | 'depth'> | null;
}

/** The report's table from the domain's driftsredovisning of the report period's economy window. */
export function reportDrift(period: Period, table: Pick<Driftsredovisning, 'units' | 'total'>, prognosLabel: string | null): ReportDriftsredovisning {
  const pick = (r: Driftsredovisning['units'][number] | NonNullable<Driftsredovisning['total']>) => ({
    utfall: r.utfall,
    budget: r.budget,
    avvikelse: r.avvikelse,
    prognos: r.prognosAvvikelse,
  });
  return {
    through: measurementWindow(period, 'economy').end,
    prognosLabel,
    rows: table.units.map((u) => ({ unit: u.unit, name: u.name, depth: u.depth, ...pick(u) })),
    total: table.total ? pick(table.total) : null,
  };
}

/** "31/8 2020" (sv) or "31 Aug 2020" (en): the day the table is made up to, written as a headcount's date. */
const perDay = (m: Month, locale: Locale): string => formatWindow(monthPeriod(m), 'headcount', locale);

/** The table's column headers as the reports print them (004 l.249): "Utfall per 31/8 2020", … */
export function driftHead(d: Pick<ReportDriftsredovisning, 'through' | 'prognosLabel'>, locale: Locale = 'sv'): string[] {
  const per = perDay(d.through, locale);
  const year = yearOf(d.through);
  if (locale === 'sv') {
    return ['Enhet (tkr)', `Utfall per ${per}`, `Budget per ${per}`, `Avvikelse per ${per}`, d.prognosLabel ?? `Prognos avvikelse helår ${year}`];
  }
  return ['Unit (SEK thousands)', `Outturn to ${per}`, `Budget to ${per}`, `Deviation to ${per}`, `Forecast deviation full year ${year}`];
}

/** A printed row: its name (indented by depth where shown), whether it is the Summa, and the four figures as text. */
export interface DriftTextRow {
  key: string;
  name: string;
  depth: number;
  total: boolean;
  cells: [string, string, string, string];
}

/** The rows of the driftsredovisning as the dashboard, the PDF and the Word file print them: tkr, whole, "–" for no prognos. */
export function driftTextRows(d: Pick<ReportDriftsredovisning, 'rows' | 'total'>, locale: Locale = 'sv'): DriftTextRow[] {
  const n = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v), 0, locale));
  const cells = (r: Omit<ReportDriftRow, 'unit' | 'name' | 'depth'>): DriftTextRow['cells'] => [n(r.utfall), n(r.budget), n(r.avvikelse), n(r.prognos)];
  const rows = d.rows.map((r) => ({ key: r.unit, name: r.name, depth: r.depth, total: false, cells: cells(r) }));
  return d.total ? [...rows, { key: 'summa', name: locale === 'sv' ? 'Summa' : 'Total', depth: 0, total: true, cells: cells(d.total) }] : rows;
}
