import { useQueryCache } from '@pinia/colada';
import { invalidates } from './live-invalidation.js';
import { useLiveEvents, type LiveEvent, type LiveEvents } from './useLiveEvents.js';

type QueryCache = ReturnType<typeof useQueryCache>;

/** Marks the cached answers the event touches as stale; those on screen are asked again at once. */
export function invalidateFor(cache: QueryCache, e: LiveEvent): Promise<unknown> {
  return cache.invalidateQueries({ predicate: (entry) => invalidates(e, entry.key) });
}

/**
 * The one live hook for cached queries: while the calling view lives, every
 * live event invalidates the cached answers it touches (the mapping is
 * live-invalidation.ts).
 */
export function useLiveQueries(): LiveEvents {
  const cache = useQueryCache();
  return useLiveEvents({
    onEvent: async (e) => {
      await invalidateFor(cache, e);
    },
  });
}
