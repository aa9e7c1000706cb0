import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { fetchGoals, type GoalItem } from '../api/goals.js';
import { useLoader } from '../composables/useLoader.js';
import { rememberedUnit } from '../lib/last-unit.js';
import { DEFAULT_UNIT } from '../overview/useOverviewQuery.js';
import { defaultGoalPeriod, goalTree, parseGoalPeriod } from './goal-tree.js';

/**
 * The goals view's question from the URL (?enhet=SOC&period=2020-D) and its
 * answer: the goals as a tree. A missing or unreadable period is replaced in
 * the URL by the last delår or helår that has ended.
 */
export function useGoals() {
  const route = useRoute();
  const router = useRouter();
  const unit = computed(() => (typeof route.query.enhet === 'string' && route.query.enhet !== '' ? route.query.enhet : (rememberedUnit() ?? DEFAULT_UNIT)));
  const parsed = computed(() => parseGoalPeriod(route.query.period));
  const period = computed(() => (typeof route.query.period === 'string' && parsed.value ? route.query.period : defaultGoalPeriod(new Date())));
  const loader = useLoader(fetchGoals);

  watch(
    [unit, period],
    ([u, p]) => {
      if (!parsed.value || route.query.enhet !== u) void router.replace({ query: { ...route.query, enhet: u, period: p } });
      void loader.load({ unit: u, period: p });
    },
    { immediate: true },
  );

  const tree = computed(() => goalTree(loader.data.value ?? []));
  const setPeriod = (p: string) => void router.push({ query: { ...route.query, period: p } });
  const setUnit = (u: string) => void router.push({ query: { ...route.query, enhet: u } });
  /** A decision's answer replaces that goal in place, so the page keeps its place and open panels. */
  function replaceGoal(g: GoalItem): void {
    const list = loader.data.value;
    if (list) loader.data.value = list.map((x) => (x.id === g.id ? g : x));
  }

  return { unit, period, parsed, tree, loader, setPeriod, setUnit, replaceGoal };
}
