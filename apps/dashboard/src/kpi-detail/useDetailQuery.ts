import { periodKey } from '@lagesbild/domain';
import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import type { Grain, Split } from '../api/types.js';
import { GRAINS, pick, SPLITS } from './detail-range.js';
import { rememberedUnit } from '../lib/last-unit.js';
import { replaceQueryWhileOn } from '../lib/late-replace.js';
import { tryParsePeriod } from '../lib/period-nav.js';
import { DEFAULT_UNIT, text } from '../overview/useOverviewQuery.js';
import { homeUnit } from '../api/session.js';
import { useSessionStore } from '../stores/session.js';

/**
 * The state of a KPI view in its URL, so a link in an e-mail opens the same
 * view: /kpi/sjukfranvaro?enhet=SOC&period=2022-T1&grain=month&split=gender.
 * Every change is a new history entry, so the back button undoes it.
 */
export function useDetailQuery() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const kpi = computed(() => (typeof route.params.kpi === 'string' ? route.params.kpi : ''));
  const unit = computed(() => text(route.query, 'enhet') ?? homeUnit(session.me, rememberedUnit()) ?? DEFAULT_UNIT);
  const rawPeriod = computed(() => text(route.query, 'period'));
  const parsedPeriod = computed(() => tryParsePeriod(rawPeriod.value));
  const period = computed(() => (parsedPeriod.value ? periodKey(parsedPeriod.value) : rawPeriod.value));
  const grain = computed<Grain>(() => pick(route.query.grain, GRAINS, 'month'));
  const split = computed<Split>(() => pick(route.query.split, SPLITS, 'none'));
  const gender = computed(() => pick(route.query.kon, ['T', 'K', 'M'] as const, 'T'));
  /** An age band (?alder=18-24) the drill-down shows; '' every age. */
  const ageBand = computed(() => text(route.query, 'alder') ?? '');

  function update(patch: LocationQueryRaw): Promise<unknown> {
    return router.push({ query: { ...route.query, enhet: unit.value, ...patch } });
  }
  // As in useOverviewQuery: a late answer must not add this view's query to the page the user went on to.
  const own = route.name;
  /** Fill in what the server chose (the latest month) without a history entry. */
  function complete(patch: LocationQueryRaw): Promise<unknown> {
    return replaceQueryWhileOn(router, own, { ...route.query, enhet: unit.value, ...patch });
  }

  return { route, kpi, unit, period, parsedPeriod, grain, split, gender, ageBand, update, complete };
}
