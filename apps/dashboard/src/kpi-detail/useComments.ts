import { useQueryCache } from '@pinia/colada';
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { fetchComments, type CommentItem } from '../api/comments.js';
import { setCached, useCachedQuery } from '../api/query-cache.js';
import { commentsKey } from '../api/query-keys.js';

/**
 * The comments on a KPI for a unit and period, through the query cache: a
 * comment written here or anywhere else (live, useLiveQueries in the KPI
 * view) shows without a reload. Another KPI, unit or period clears the list
 * until its own arrives.
 */
export function useComments(question: MaybeRefOrGetter<{ kpi: string; unit: string; period: string }>) {
  const cache = useQueryCache();
  const key = () => commentsKey(toValue(question));
  const list = useCachedQuery(key, () => fetchComments(toValue(question)), { keepPrevious: false });
  const items = computed<CommentItem[]>(() => list.data.value ?? []);
  const loaded = computed(() => list.data.value !== null || list.error.value !== null);
  /** A comment just saved: shown at once, and the list asked again. */
  function added(c: CommentItem): void {
    setCached(cache, key(), [c, ...items.value]);
    void cache.invalidateQueries({ key: key(), exact: true });
  }
  return { items, loaded, added };
}
