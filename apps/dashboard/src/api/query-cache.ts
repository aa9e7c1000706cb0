import { PiniaColada, useQuery, type useQueryCache, type PiniaColadaOptions, type PiniaColadaPlugin } from '@pinia/colada';
import { computed, shallowRef, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { classifyError, type LoadError } from '../lib/load-error.js';
import type { QueryKey } from './query-keys.js';

/** Waits before each automatic retry while the server does not answer; the last one repeats. */
const RETRY_DELAYS_MS: readonly number[] = [5_000, 10_000, 20_000, 30_000, 60_000];

/**
 * Retries a query whose server did not answer (offline, 5xx, 408, 429) with
 * back-off while a view shows it; a question the server refused is not asked
 * again. Any success resets the count.
 */
export function retryOffline(delays: readonly number[] = RETRY_DELAYS_MS): PiniaColadaPlugin {
  return ({ queryCache }) => {
    const failures = new Map<string, number>();
    queryCache.$onAction(({ name, args, after, onError }) => {
      if (name !== 'fetch') return;
      const [entry] = args;
      const id = JSON.stringify(entry.key);
      after(() => failures.delete(id));
      onError((error) => {
        if (classifyError(error).kind !== 'offline') return;
        const n = (failures.get(id) ?? 0) + 1;
        failures.set(id, n);
        const delay = delays[Math.min(n, delays.length) - 1] ?? 60_000;
        setTimeout(() => {
          if (entry.active && entry.state.value.status === 'error') void queryCache.fetch(entry).catch(() => undefined);
        }, delay);
      });
    });
  };
}

/**
 * The one place where loading behaves the same for every view: answers stay
 * fresh for half a minute (the live hook, composables/useLiveQueries.ts,
 * invalidates them when an event touches them), a view coming back online or
 * into sight asks again, and an unanswered request is retried with back-off.
 */
export const queryCacheOptions: PiniaColadaOptions = {
  queryOptions: { staleTime: 30_000, refetchOnReconnect: true, refetchOnWindowFocus: true },
  plugins: [retryOffline()],
};

export { PiniaColada };

/** An answer and when it arrived. */
interface Stamped<R> {
  result: R;
  at: Date;
}

export interface CachedQuery<R> {
  /** The last answer, kept on screen while the next question loads or the server is away. */
  data: ComputedRef<R | null>;
  error: ComputedRef<LoadError | null>;
  loading: ComputedRef<boolean>;
  fetchedAt: ComputedRef<Date | null>;
  /** The data answers the current key (not a previous answer kept on screen). */
  current: ComputedRef<boolean>;
  retry(): Promise<void>;
}

export interface CachedQueryOptions {
  /** False while the question is not complete (no period yet). */
  enabled?: MaybeRefOrGetter<boolean>;
  staleTime?: number;
  /** Keep the last answer on screen while another question loads (default); false clears it (it would stand under the wrong heading). */
  keepPrevious?: boolean;
}

/**
 * A view's query through the cache, shaped as the views read it (data,
 * error as offline or refused, loading, fetchedAt, retry).
 */
export function useCachedQuery<R>(key: MaybeRefOrGetter<QueryKey>, fetch: () => Promise<R>, opts: CachedQueryOptions = {}): CachedQuery<R> {
  const keep = opts.keepPrevious !== false;
  const q = useQuery<Stamped<R>>({
    key,
    query: async () => ({ result: await fetch(), at: new Date() }),
    enabled: opts.enabled ?? true,
    ...(opts.staleTime === undefined ? {} : { staleTime: opts.staleTime }),
    placeholderData: (previous) => (keep ? previous : undefined),
  });
  // Colada's placeholder lasts only while the new question is pending; when it fails (offline), the last answer still stays on screen.
  const last = shallowRef<Stamped<R> | null>(null);
  watch(
    () => q.data.value,
    (d) => {
      if (d) last.value = d;
    },
    { immediate: true },
  );
  const shown = computed(() => q.data.value ?? (keep ? last.value : null));
  return {
    data: computed(() => shown.value?.result ?? null),
    error: computed(() => (q.error.value ? classifyError(q.error.value) : null)),
    loading: computed(() => q.isLoading.value),
    fetchedAt: computed(() => shown.value?.at ?? null),
    current: computed(() => q.data.value !== undefined && !q.isPlaceholderData.value),
    retry: async () => {
      await q.refetch();
    },
  };
}

/** Puts an answer in the cache at once (a comment just saved), as if it had just arrived. */
export function setCached<R>(cache: ReturnType<typeof useQueryCache>, key: QueryKey, result: R): void {
  cache.setQueryData<Stamped<R>>(key, { result, at: new Date() });
}
