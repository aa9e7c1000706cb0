import { computed, onMounted, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { fetchEconomy, fetchEconomyPeriods } from '../api/economy.js';
import { useLoader } from '../composables/useLoader.js';
import { rememberedUnit } from '../lib/last-unit.js';
import { DEFAULT_UNIT } from '../overview/useOverviewQuery.js';

/** /ekonomi?enhet=SOC&period=2020-D: the question from the URL, the report periods to choose from, and the answer. */
export function useEconomy() {
  const route = useRoute();
  const router = useRouter();
  const periods = ref<string[]>([]);
  onMounted(async () => (periods.value = await fetchEconomyPeriods()));
  const unit = computed(() => (typeof route.query.enhet === 'string' && route.query.enhet !== '' ? route.query.enhet : (rememberedUnit() ?? DEFAULT_UNIT)));
  const period = computed(() => (typeof route.query.period === 'string' && route.query.period !== '' ? route.query.period : (periods.value[0] ?? null)));
  const loader = useLoader(fetchEconomy);
  watch(
    [unit, period],
    ([u, p]) => {
      if (p === null) return;
      if (route.query.enhet !== u || route.query.period !== p) void router.replace({ query: { ...route.query, enhet: u, period: p } });
      void loader.load({ unit: u, period: p });
    },
    { immediate: true },
  );
  const setPeriod = (p: string) => void router.push({ query: { ...route.query, period: p } });
  const setUnit = (u: string) => void router.push({ query: { ...route.query, enhet: u } });
  return { unit, period, periods, loader, setPeriod, setUnit };
}
