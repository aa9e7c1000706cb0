import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { classifyError, type LoadError } from '../lib/load-error.js';

export interface Loader<Q, R> {
  data: ShallowRef<R | null>;
  error: Ref<LoadError | null>;
  loading: Ref<boolean>;
  fetchedAt: Ref<Date | null>;
  load(q: Q): Promise<void>;
  retry(): Promise<void>;
}

/**
 * One kind of request: the last answer stays on screen while a new one loads
 * or when the server stops answering (with its time), and only the latest
 * request counts, so a slow answer never overwrites a newer question.
 * `forget()` drops the answers of requests under way.
 */
function createLoader<Q, R>(fetch: (q: Q) => Promise<R>): Loader<Q, R> & { forget(): void } {
  const data = shallowRef<R | null>(null);
  const error = ref<LoadError | null>(null);
  const loading = ref(false);
  const fetchedAt = ref<Date | null>(null);
  let last: { q: Q } | null = null;
  let latest = 0;

  async function load(q: Q): Promise<void> {
    last = { q };
    const mine = ++latest;
    loading.value = true;
    try {
      const result = await fetch(q);
      if (mine !== latest) return;
      data.value = result;
      fetchedAt.value = new Date();
      error.value = null;
    } catch (err) {
      if (mine !== latest) return;
      error.value = classifyError(err);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  return {
    data,
    error,
    loading,
    fetchedAt,
    load,
    retry: () => (last ? load(last.q) : Promise.resolve()),
    forget: () => {
      latest++;
    },
  };
}

/** A view's loader: answers arriving after the view is gone are dropped. */
export function useLoader<Q, R>(fetch: (q: Q) => Promise<R>): Loader<Q, R> {
  const { forget, ...loader } = createLoader(fetch);
  onBeforeUnmount(forget);
  return loader;
}
