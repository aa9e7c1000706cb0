import { defineStore } from 'pinia';
import { ref } from 'vue';
import { trpc } from '../api/trpc.js';
import type { Overview } from '../api/types.js';

const RETRY_MS = 10_000;

/**
 * The overview of one unit and period. On failure it keeps the last data and
 * its time, says the server is away, and retries by itself.
 */
export const useOverviewStore = defineStore('overview', () => {
  const data = ref<Overview | null>(null);
  const loading = ref(false);
  const failed = ref(false);
  const errorMessage = ref<string | null>(null);
  const fetchedAt = ref<Date | null>(null);
  let retry: ReturnType<typeof setTimeout> | null = null;
  let request = 0;

  async function load(unit: string, period: string | undefined): Promise<void> {
    if (retry) clearTimeout(retry);
    const mine = ++request;
    loading.value = true;
    try {
      const result = await trpc.overview.get.query({ unit, period });
      if (mine !== request) return;
      data.value = result;
      fetchedAt.value = new Date();
      failed.value = false;
      errorMessage.value = null;
    } catch (err) {
      if (mine !== request) return;
      failed.value = true;
      errorMessage.value = err instanceof Error ? err.message : String(err);
      retry = setTimeout(() => void load(unit, period), RETRY_MS);
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  return { data, loading, failed, errorMessage, fetchedAt, load };
});
