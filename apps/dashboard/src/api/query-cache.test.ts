// @vitest-environment happy-dom
import { PiniaColada } from '@pinia/colada';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { retryOffline, useCachedQuery, type CachedQuery } from './query-cache.js';
import { overviewKey } from './query-keys.js';

const offline = () => Object.assign(new Error('fetch failed'), { data: null });
const refused = () => Object.assign(new Error('Enheten "XYZ" finns inte.'), { data: { httpStatus: 404, zod: null } });

/** A view that shows one cached query, in an app with the cache and a retry plugin of short delays. */
function view(fetch: () => Promise<string>, period = ref('2022-T1')): CachedQuery<string> {
  let q: CachedQuery<string> | null = null;
  const View = defineComponent({
    setup() {
      q = useCachedQuery(() => overviewKey({ org: 'demo', unit: 'SOC', period: period.value, eachAtLatest: true }), fetch);
      return () => h('p', q?.data.value ?? '');
    },
  });
  mount(View, { global: { plugins: [createPinia(), [PiniaColada, { plugins: [retryOffline([100, 200])] }]] } });
  if (!q) throw new Error('not mounted');
  return q;
}

describe('the query cache retries what the server did not answer, and only that', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('an offline failure is retried after the first delay, and the view gets the answer', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn<() => Promise<string>>().mockRejectedValueOnce(offline()).mockResolvedValueOnce('svar');
    const q = view(fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.error.value).toEqual({ kind: 'offline', cause: 'network' });
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    await nextTick();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(q.data.value).toBe('svar');
    expect(q.error.value).toBeNull();
  });

  it('a question the server refused is not asked again', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn<() => Promise<string>>().mockRejectedValue(refused());
    const q = view(fetch);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(q.error.value?.kind).toBe('request');
  });

  it('keeps the last answer on screen when the next question fails offline, until it is answered', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2024, 10, 22, 14, 5));
    const period = ref('2022-T1');
    const fetch = vi.fn<() => Promise<string>>().mockResolvedValueOnce('T1').mockRejectedValueOnce(offline()).mockResolvedValueOnce('T2');
    const q = view(fetch, period);
    await vi.advanceTimersByTimeAsync(0);
    expect(q.data.value).toBe('T1');
    vi.setSystemTime(new Date(2024, 10, 22, 14, 30));
    period.value = '2022-T2';
    await vi.advanceTimersByTimeAsync(0);
    expect(q.error.value).toEqual({ kind: 'offline', cause: 'network' });
    expect(q.data.value).toBe('T1');
    // Its time is the old answer's, so the screen can say how old the figures are.
    expect(q.fetchedAt.value).toEqual(new Date(2024, 10, 22, 14, 5));
    await vi.advanceTimersByTimeAsync(100);
    await nextTick();
    expect(q.data.value).toBe('T2');
    expect(q.error.value).toBeNull();
  });
});
