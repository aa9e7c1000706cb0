import { listOrganisations, refreshKolada } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import type { Log } from './errors.js';
import { errorText, minutes, startPeriodic, type Periodic } from './periodic.js';

/**
 * The scheduled Kolada fetch (Kolada publishes yearly: LAGESBILD_KOLADA_REFRESH_HOURS, default
 * once a day, 0 turns it off): for every organisation that has mapped a KPI,
 * its comparison figures; one that has mapped nothing asks Kolada nothing. A
 * server without internet logs the failure, with the file import as the way
 * round, and tries again next time; nothing half-fetched is stored.
 */
export function startKoladaRefresh(db: Db, everyMs: number, baseUrl: string | undefined, log: Log): Periodic {
  return startPeriodic(
    everyMs,
    async () => {
      for (const org of await listOrganisations(db)) {
        const r = await refreshKolada(db, org.id, new Date(), baseUrl ? { baseUrl } : {}, { id: 'system:kolada', ip: null });
        if (r && r.valuesNew + r.valuesRevised > 0) log(`Kolada (${org.id}): ${r.valuesNew} nya och ${r.valuesRevised} reviderade värden.`);
      }
    },
    (err) => log(`Kolada kunde inte hämtas; nytt försök om ${minutes(everyMs)} min: ${errorText(err)}`),
  );
}
