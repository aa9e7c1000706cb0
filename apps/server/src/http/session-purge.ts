import { purgeExpiredSessions } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import type { Log } from './errors.js';

/** How often expired sessions are purged unless LAGESBILD_SESSION_PURGE_MINUTES says otherwise. */
export const DEFAULT_SESSION_PURGE_MS = 60 * 60_000;

export interface SessionPurge {
  /** Stops the timer and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Deletes sessions and sign-in links past their end, at start and then every
 * `everyMs`. They are refused already (resolveSession); this keeps the table
 * from growing with every sign-in. A run that fails (the database away) is
 * logged, and the next one tries again; runs never overlap.
 */
export function startSessionPurge(db: Db, everyMs: number, log: Log): SessionPurge {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= purgeExpiredSessions(db, new Date())
      .then(
        () => undefined,
        (err: unknown) =>
          log(`Utgångna sessioner kunde inte rensas; nytt försök om ${Math.max(1, Math.round(everyMs / 60_000))} min: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  // Not a reason to keep a process alive.
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
