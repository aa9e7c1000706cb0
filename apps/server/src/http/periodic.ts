/** A job the server runs at start and then every `everyMs`, until stopped. */
export interface Periodic {
  /** Stops the timer and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs `job` now and then every `everyMs`; runs never overlap, and a run that
 * fails is handed to `failed` (logged), the next one tries again. The timer
 * is no reason to keep a process alive.
 */
export function startPeriodic(everyMs: number, job: () => Promise<void>, failed: (err: unknown) => void): Periodic {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= job()
      .catch(failed)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

export const minutes = (ms: number): number => Math.max(1, Math.round(ms / 60_000));
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
