import type { KpiRecord } from '@lagesbild/db';
import { isKpiBand } from '@lagesbild/domain';
import { InputError } from '../errors.js';

/**
 * The age band a request asks of a KPI: undefined for the total (no band, or
 * ''), else one of the KPI's own bands. A band is computed from leaf cells for
 * the roles that see exact values; a suppressed audience reads it from the
 * protected release, which holds every band beside the totals (docs/privacy.md).
 */
export function requestedBand(k: KpiRecord, band: string | undefined): string | undefined {
  if (band === undefined || band === '') return undefined;
  if (!isKpiBand(k, band)) {
    throw new InputError(`Åldersgruppen "${band}" finns inte för "${k.id}"${k.ageBands.length ? ` (${k.ageBands.join(', ')})` : '; nyckeltalet har inga åldersgrupper'}.`);
  }
  return band;
}
