import { monthRange, type Gender, type Month } from '@lagesbild/domain';
import { baselineSeries, cellObservation, DEMO_MONTHS, fitToConstraints, levelAt, SEASON_CASES, SEASON_FLAT, type SumConstraint, type SeriesCell } from './fit.js';
import { monthly, volumeConstraints, type MonthlyFigures, type VolumeAggregation } from './reported-lookup.js';
import type { DemoObservation } from './types.js';

/** One leaf unit (and gender) carrying part of a volume, with its printed months. */
interface Part {
  unit: string;
  gender: Gender;
  /** Share of the printed level before fitting. */
  share: number;
  reported?: MonthlyFigures;
}

const ca = (category: string, group: string) => monthly('monthly_children_adults', (r) => r.category === category && r.group === group);

/** A volume's monthly cells over its parts: printed months as printed, the rest fitted so every printed period figure holds. */
function volumeSeries(kpiId: string, labels: readonly string[], agg: VolumeAggregation, parts: Part[], firstMonth: Month = '2018-01'): DemoObservation[] {
  const constraints = volumeConstraints(labels, agg, firstMonth);
  const perMonth = (c: SumConstraint) => (agg === 'last' ? c.total : c.total / monthRange(c.start, c.end).length);
  const anchors = constraints.map((c): [Month, number] => [c.end, perMonth(c)]);
  const months = DEMO_MONTHS.filter((m) => m >= firstMonth);
  const cells: (SeriesCell & { gender: Gender })[] = [];
  for (const p of parts) {
    const base = baselineSeries(`${kpiId}-${p.unit}-${p.gender}`, months, (m) => levelAt(anchors, m) * p.share, agg === 'sum' ? SEASON_CASES : SEASON_FLAT, 0.1);
    months.forEach((month, i) => {
      const r = p.reported?.get(month);
      cells.push(
        r
          ? { month, unit: p.unit, gender: p.gender, value: r.value, fixed: true, source: r.source, line: r.line }
          : { month, unit: p.unit, gender: p.gender, value: Math.round(base[i] ?? 0), fixed: false },
      );
    });
  }
  fitToConstraints(cells, constraints, true);
  return cells.map((c) => cellObservation(kpiId, c, c.gender));
}

const t = (unit: string, share = 1, reported?: MonthlyFigures): Part => ({ unit, gender: 'T', share, reported });

/** The volymmått rows of demo-kpis-volumes.ts, each reproducing its printed utfall in every report. */
export function volumeObservations(): DemoObservation[] {
  const kontakt = 'Pågående insatser - Kontaktfamiljer/Komplementfamiljer/Kontaktpersoner';
  return [
    ...volumeSeries('ensamkommande', ['Antal ensamkommande barn och unga', 'Ensamkommande barn och unga'], 'mean', [t('BU')]),
    ...volumeSeries('kontaktfamiljer', ['Antal pågående insatser, kontaktfamiljer/kontaktpersoner', 'Pågående insatser, kontaktfamiljer/kontaktpersoner'], 'last', [
      { unit: 'BF', gender: 'K', share: 0.45, reported: ca(kontakt, 'Flickor') },
      { unit: 'BF', gender: 'M', share: 0.55, reported: ca(kontakt, 'Pojkar') },
    ]),
    ...volumeSeries('spelmissbruk', ['Antal ärenden spelmissbruk', 'Spelmissbruksärenden'], 'sum', [t('VUXEN')], '2019-01'),
    ...volumeSeries('kvinnofrid', ['Antal kvinnofridsärenden', 'Kvinnofridsärenden'], 'sum', [t('VUXEN', 0.6), t('BF', 0.4)]),
    ...volumeSeries('sociala-kontrakt', ['Antal sociala kontrakt', 'Sociala kontrakt'], 'last', [t('EKBIST')]),
    ...volumeSeries('serveringstillstand', ['Antal stadigvarande serveringstillstånd', 'Stadigvarande serveringstillstånd'], 'last', [t('VUXEN')]),
    ...volumeSeries('pagaende-utredningar', ['Antal pågående utredningar'], 'last', [
      t('BU', 0.85, ca('Pågående utredningar', 'Barn')),
      t('VUXEN', 0.15, ca('Pågående utredningar', 'Vuxna')),
    ]),
  ];
}
