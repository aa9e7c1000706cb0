import { purgeExpiredSessions } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import type { Log } from './errors.js';
import { errorText, minutes, startPeriodic, type Periodic } from './periodic.js';

/** How often expired sessions are purged unless LAGESBILD_SESSION_PURGE_MINUTES says otherwise. */
export const DEFAULT_SESSION_PURGE_MS = 60 * 60_000;

/**
 * Deletes sessions and sign-in links past their end, at start and then every
 * `everyMs`. They are refused already (resolveSession); this keeps the table
 * from growing with every sign-in. A run that fails (the database away) is
 * logged, and the next one tries again.
 */
export function startSessionPurge(db: Db, everyMs: number, log: Log): Periodic {
  return startPeriodic(
    everyMs,
    async () => {
      await purgeExpiredSessions(db, new Date());
    },
    (err) => log(`Utgångna sessioner kunde inte rensas; nytt försök om ${minutes(everyMs)} min: ${errorText(err)}`),
  );
}
