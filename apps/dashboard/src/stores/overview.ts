import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { createLoader } from '../composables/useLoader.js';
import { fetchOverview } from '../api/overview.js';
import { RETRY_DELAYS_MS } from '../api/query-cache.js';
import type { OverviewQuery } from '../api/types.js';

// The same back-off as every cached query (one place: api/query-cache.ts).
export { RETRY_DELAYS_MS };

/**
 * The overview of one unit and period.
 *
 * - `data` is the last answer and `fetchedAt` its time; both survive a failed
 *   request, so the screen keeps the last figures and can say how old they are.
 * - `error` tells "the server does not answer" (retried by itself, with back-off)
 *   from "the server says the question is wrong" (not retried).
 * - Only the latest request counts: a slow answer to an earlier period never
 *   overwrites a newer one.
 */
export const useOverviewStore = defineStore('overview', () => {
  /** The question asked last; differs from the data's while a new period loads or after a failure. */
  const query = ref<OverviewQuery | null>(null);
  /** Failed attempts in a row (0 after a success). */
  const failures = ref(0);
  /** When the next automatic retry happens, if one is planned. */
  const retryAt = ref<Date | null>(null);

  let timer: ReturnType<typeof setTimeout> | null = null;

  // On the latest month, a KPI not yet reported for it is shown at its own latest month (the card says which).
  const loader = createLoader((q: OverviewQuery) => fetchOverview({ ...q, eachAtLatest: true }), {
    started: (q) => {
      cancelRetry();
      query.value = q;
    },
    succeeded: () => {
      failures.value = 0;
    },
    failed: (e, q) => {
      failures.value++;
      if (e.kind !== 'offline') return;
      const delay = RETRY_DELAYS_MS[Math.min(failures.value, RETRY_DELAYS_MS.length) - 1] ?? 60_000;
      retryAt.value = new Date(Date.now() + delay);
      timer = setTimeout(() => void load(q), delay);
    },
  });
  const { data, fetchedAt, loading, error, load } = loader;

  /** Old data on screen while the server does not answer. */
  const stale = computed(() => error.value?.kind === 'offline' && data.value !== null);
  /** An answer in which no KPI has a value for the period. */
  const empty = computed(() => data.value !== null && data.value.cards.every((c) => c.value === null));

  function cancelRetry(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    retryAt.value = null;
  }

  /** Ask the last question again now (the retry button, the browser coming back online). */
  function retry(): Promise<void> {
    return query.value ? load(query.value) : Promise.resolve();
  }

  /** Stop retrying and forget pending answers (leaving the page). */
  function stop(): void {
    cancelRetry();
    loader.forget();
    loading.value = false;
  }

  /**
   * Show this question: keep the data on screen when it already answers it
   * (going back to the period just left), and forget a request still under way
   * for another one, whose late answer would otherwise replace it; else load.
   */
  function show(q: OverviewQuery): Promise<void> {
    if (error.value !== null || q.unit === undefined || !answers(q.unit, q.period)) return load(q);
    stop();
    query.value = q;
    return Promise.resolve();
  }

  /** Whether the data on screen answers this unit and (canonical) period. */
  function answers(unit: string, period: string | undefined): boolean {
    return data.value !== null && data.value.unit === unit && (period === undefined || data.value.period === period);
  }

  return { data, fetchedAt, loading, error, query, failures, retryAt, stale, empty, load, show, retry, stop, answers };
});
