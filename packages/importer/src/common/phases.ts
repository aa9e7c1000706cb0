/**
 * Where an import's time goes, for the throughput benchmark: each phase's
 * milliseconds are handed to the caller's clock as it ends. Parsing and
 * staging overlap (one batch is written while the next is read), so `stage`
 * is only the time the reader waited for the database.
 */
export type ImportPhase = 'parse' | 'stage' | 'check' | 'plan' | 'write';

export type PhaseClock = (phase: ImportPhase, ms: number) => void;

/** Laps since the last one; `wait` adds time spent waiting inside the current lap to another phase instead. */
export function phaseTimer(clock: PhaseClock | undefined) {
  let last = performance.now();
  let waited = 0;
  return {
    lap(phase: ImportPhase): void {
      const now = performance.now();
      clock?.(phase, now - last - waited);
      last = now;
      waited = 0;
    },
    async wait<T>(phase: ImportPhase, work: Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await work;
      } finally {
        const ms = performance.now() - started;
        waited += ms;
        clock?.(phase, ms);
      }
    },
  };
}
