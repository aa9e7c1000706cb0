import type { KpiRecord } from '@lagesbild/db';
import { isKpiBand } from '@lagesbild/domain';
import { InputError } from '../errors.js';

/** Why a suppressed audience gets no age band. */
export const BANDS_NOT_RELEASED = 'Åldersgrupper finns inte i den skyddade sammanställningen som den här visningen läser; välj totalt.';

/**
 * The age band a request asks of a KPI: undefined for the total (no band, or
 * ''), else one of the KPI's own bands. A band is computed from leaf cells for
 * the roles that see exact values; the protected release a suppressed audience
 * reads holds totals only, so there a band is refused rather than computed.
 */
export function requestedBand(k: KpiRecord, band: string | undefined, suppress: boolean): string | undefined {
  if (band === undefined || band === '') return undefined;
  if (!isKpiBand(k, band)) {
    throw new InputError(`Åldersgruppen "${band}" finns inte för "${k.id}"${k.ageBands.length ? ` (${k.ageBands.join(', ')})` : '; nyckeltalet har inga åldersgrupper'}.`);
  }
  if (suppress) throw new InputError(BANDS_NOT_RELEASED);
  return band;
}
