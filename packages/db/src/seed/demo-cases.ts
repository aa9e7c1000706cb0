import type { Month } from '@lagesbild/domain';
import { baselineSeries, cellObservation, DEMO_MONTHS, fitToConstraints, SEASON_CASES, type SeriesCell } from './fit.js';
import type { ReportedFigure } from './reference-csv.js';
import { monthly, volumeConstraints, type MonthlyFigures } from './reported-lookup.js';
import type { DemoObservation } from './types.js';

/** One leaf unit's share of a förvaltning-wide case volume, with its printed months. */
interface Source {
  unit: string;
  /** Typical monthly level before fitting to the printed totals. */
  level: number;
  reported: MonthlyFigures;
}

const ca = (category: string, group: string) => monthly('monthly_children_adults', (r) => r.category === category && r.group === group);
const eb = (label: string) => monthly('monthly_economic_assistance', (r) => r.row_label === label);

/**
 * A case volume counted on several enheter and printed as one förvaltning
 * total per period: printed months stay as printed, the rest is spread over
 * the enheter and scaled so every printed total comes out exactly.
 */
function caseVolume(kpiId: string, label: string, sources: Source[]): DemoObservation[] {
  const cells: SeriesCell[] = [];
  for (const s of sources) {
    const base = baselineSeries(`${kpiId}-${s.unit}`, DEMO_MONTHS, () => s.level, SEASON_CASES, 0.12);
    DEMO_MONTHS.forEach((month: Month, i) => {
      const r: ReportedFigure | undefined = s.reported.get(month);
      cells.push(r ? { month, unit: s.unit, value: r.value, fixed: true, source: r.source, line: r.line } : { month, unit: s.unit, value: Math.round(base[i] ?? 0), fixed: false });
    });
  }
  fitToConstraints(cells, volumeConstraints([label], 'sum'), true);
  return cells.map((c) => cellObservation(kpiId, c));
}

export function caseObservations(): DemoObservation[] {
  return [
    ...caseVolume('aktualiseringar', 'Antal inkomna aktualiseringar', [
      { unit: 'BU', level: 200, reported: ca('Aktualiseringar', 'Barn') },
      { unit: 'VUXEN', level: 60, reported: ca('Aktualiseringar', 'Vuxna') },
      { unit: 'EKBIST', level: 120, reported: eb('Aktualiseringar') },
      { unit: 'BF', level: 50, reported: ca('Familjerätten', 'Aktualiseringar') },
    ]),
    ...caseVolume('startade-utredningar', 'Antal startade utredningar', [
      { unit: 'BU', level: 60, reported: ca('Nystartade utredningar', 'Barn') },
      { unit: 'VUXEN', level: 12, reported: ca('Nystartade utredningar', 'Vuxna') },
      { unit: 'EKBIST', level: 55, reported: eb('Startade utredningar') },
      { unit: 'BF', level: 5, reported: ca('Familjerätten', 'Nystartade utredningar') },
    ]),
    ...caseVolume('avslutade-utredningar', 'Antal avslutade utredningar', [
      { unit: 'BU', level: 60, reported: ca('Avslutade utredningar', 'Barn') },
      { unit: 'VUXEN', level: 10, reported: ca('Avslutade utredningar', 'Vuxna') },
      { unit: 'EKBIST', level: 55, reported: new Map() },
      { unit: 'BF', level: 4, reported: ca('Familjerätten', 'Avslutade utredningar') },
    ]),
  ];
}
