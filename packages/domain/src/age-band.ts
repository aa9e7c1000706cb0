import type { KpiDefinition } from './kpi.js';

/**
 * How a KPI's age bands relate to its total. 'partition': the bands make up
 * the total (sick leave -29, 30-49, 50-), so the total is the sum of every
 * band. 'subset': each band is a "varav" of the total (households paid,
 * varav 18–24): the total is stored beside the bands with band '', and the
 * bands never count towards it.
 */
export type AgeBandKind = 'partition' | 'subset';

/** The band of a request: undefined or '' asks for the total. */
export type BandRequest = string | undefined;

/** Whether a stored cell of band `cellBand` counts in a value asked for band `band` of this KPI. */
export function countsInBand(kpi: Pick<KpiDefinition, 'ageBandKind'>, cellBand: string, band: BandRequest): boolean {
  if (band !== undefined && band !== '') return cellBand === band;
  return kpi.ageBandKind !== 'subset' || cellBand === '';
}

/** The cells that make up a KPI's value for a band (the total when none is asked for). */
export function cellsOfBand<C extends { ageBand: string }>(kpi: Pick<KpiDefinition, 'ageBandKind'>, cells: readonly C[], band: BandRequest): C[] {
  return cells.filter((c) => countsInBand(kpi, c.ageBand, band));
}

/** Whether a band can be asked of the KPI: the total always, else one of its bands. */
export function isKpiBand(kpi: Pick<KpiDefinition, 'ageBands'>, band: BandRequest): boolean {
  return band === undefined || band === '' || kpi.ageBands.includes(band);
}
