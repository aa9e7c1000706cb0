import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchOverview } from '../api/overview.js';
import { overview } from '../test/fixtures.js';
import { RETRY_DELAYS_MS, useOverviewStore } from './overview.js';

vi.mock('../api/overview.js', () => ({ fetchOverview: vi.fn() }));
const fetchMock = vi.mocked(fetchOverview);
const offline = () => Object.assign(new Error('fetch failed'), { data: null });
const notFound = () => Object.assign(new Error('Enheten "XYZ" finns inte.'), { data: { httpStatus: 404, zod: null } });

describe('overview store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2024, 10, 22, 14, 5));
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes from loading to data and notes the time', async () => {
    fetchMock.mockResolvedValueOnce(overview());
    const store = useOverviewStore();
    const done = store.load({ unit: 'SOC', period: '2022-T1' });
    expect(store.loading).toBe(true);
    await done;
    expect(store.loading).toBe(false);
    expect(store.data?.unitName).toBe('Socialförvaltningen');
    expect(store.fetchedAt).toEqual(new Date(2024, 10, 22, 14, 5));
    expect(store.error).toBeNull();
    expect(store.answers('SOC', '2022-T1')).toBe(true);
    expect(store.answers('SOC', '2022-T2')).toBe(false);
  });

  it('going back to the period on screen while another loads keeps it: the late answer for the other is dropped', async () => {
    fetchMock.mockResolvedValueOnce(overview());
    const store = useOverviewStore();
    await store.load({ unit: 'SOC', period: '2022-T1' });
    let answerT2: (o: ReturnType<typeof overview>) => void = () => undefined;
    fetchMock.mockReturnValueOnce(new Promise((ok) => (answerT2 = ok)));
    const t2 = store.load({ unit: 'SOC', period: '2022-T2' });
    await store.show({ unit: 'SOC', period: '2022-T1' });
    expect(store.loading).toBe(false);
    answerT2(overview({ period: '2022-T2', periodLabel: 'T2 2022' }));
    await t2;
    expect(store.data?.period).toBe('2022-T1');
    expect(store.query).toEqual({ unit: 'SOC', period: '2022-T1' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // A question the screen does not answer loads.
    fetchMock.mockResolvedValueOnce(overview({ period: '2022-T3', periodLabel: 'T3 2022' }));
    await store.show({ unit: 'SOC', period: '2022-T3' });
    expect(store.data?.period).toBe('2022-T3');
  });

  it('keeps the last data and its time when the server stops answering, and retries with back-off', async () => {
    fetchMock.mockResolvedValueOnce(overview());
    const store = useOverviewStore();
    await store.load({ unit: 'SOC', period: '2022-T1' });

    vi.setSystemTime(new Date(2024, 10, 22, 14, 20));
    fetchMock.mockRejectedValue(offline());
    await store.load({ unit: 'SOC', period: '2022-T2' });
    expect(store.error).toEqual({ kind: 'offline' });
    expect(store.stale).toBe(true);
    expect(store.data?.period).toBe('2022-T1');
    expect(store.fetchedAt).toEqual(new Date(2024, 10, 22, 14, 5));
    expect(fetchMock).toHaveBeenCalledTimes(2);

    // First retry after the first delay, the next one waits longer.
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] ?? 0);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock).toHaveBeenLastCalledWith({ unit: 'SOC', period: '2022-T2', eachAtLatest: true });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] ?? 0);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(store.failures).toBe(2);

    // The server is back: the retry brings the new period and clears the error.
    fetchMock.mockResolvedValueOnce(overview({ period: '2022-T2', periodLabel: 'T2 2022' }));
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1] ?? 0);
    expect(store.error).toBeNull();
    expect(store.stale).toBe(false);
    expect(store.data?.period).toBe('2022-T2');
    expect(store.failures).toBe(0);
    expect(store.retryAt).toBeNull();
  });

  it('does not retry a question the server says is wrong, and shows its message', async () => {
    fetchMock.mockRejectedValue(notFound());
    const store = useOverviewStore();
    await store.load({ unit: 'XYZ' });
    expect(store.error).toEqual({ kind: 'request', status: 404, message: 'Enheten "XYZ" finns inte.' });
    expect(store.retryAt).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('lets only the latest request win', async () => {
    let answerSlow: (o: ReturnType<typeof overview>) => void = () => {};
    fetchMock.mockImplementationOnce(() => new Promise((ok) => (answerSlow = ok)));
    fetchMock.mockResolvedValueOnce(overview({ period: '2022-T2' }));
    const store = useOverviewStore();
    const slow = store.load({ unit: 'SOC', period: '2022-T1' });
    await store.load({ unit: 'SOC', period: '2022-T2' });
    answerSlow(overview({ period: '2022-T1' }));
    await slow;
    expect(store.data?.period).toBe('2022-T2');
    expect(store.loading).toBe(false);
  });

  it('retries at once on request and stops retrying when told to', async () => {
    fetchMock.mockRejectedValue(offline());
    const store = useOverviewStore();
    await store.load({ unit: 'SOC' });
    expect(store.data).toBeNull();
    expect(store.stale).toBe(false);
    await store.retry();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    store.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('calls an answer without any value empty', async () => {
    const base = overview();
    fetchMock.mockResolvedValueOnce({ ...base, cards: base.cards.map((c) => ({ ...c, value: null, display: '–', status: 'none' as const })) });
    const store = useOverviewStore();
    await store.load({ unit: 'SOC', period: '2030-01' });
    expect(store.empty).toBe(true);
  });
});
