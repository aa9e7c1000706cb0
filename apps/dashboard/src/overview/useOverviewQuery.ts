import { periodKey } from '@lagesbild/domain';
import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { homeUnit } from '../api/session.js';
import { useSessionStore } from '../stores/session.js';
import { rememberedUnit } from '../lib/last-unit.js';
import { replaceQueryWhileOn } from '../lib/late-replace.js';
import { tryParsePeriod } from '../lib/period-nav.js';

/** The whole förvaltning, when no unit is in the URL or remembered. */
export const DEFAULT_UNIT = 'SOC';

/** A non-empty text parameter of the URL. */
export const text = (q: LocationQuery, name: string): string | undefined => {
  const v = q[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/**
 * Every overview is a URL: /?enhet=SOC&period=2022-T1, so a view can be
 * bookmarked, shared and put on a wall screen. The period is canonical
 * ("2022-t1" becomes "2022-T1"); text that is no period passes through for
 * the server to explain.
 */
export function useOverviewQuery() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();

  // Without a unit in the URL, the one chosen last in this browser (see router.ts).
  // A unit manager starts on her own unit (a remembered unit outside her units is ignored).
  const unit = computed(() => text(route.query, 'enhet') ?? homeUnit(session.me, rememberedUnit()) ?? DEFAULT_UNIT);
  const rawPeriod = computed(() => text(route.query, 'period'));
  const parsedPeriod = computed(() => tryParsePeriod(rawPeriod.value));
  const period = computed(() => (parsedPeriod.value ? periodKey(parsedPeriod.value) : rawPeriod.value));

  /** A new period is a new history entry, so the browser's back button goes to the previous one. */
  function setPeriod(key: string): Promise<unknown> {
    return router.push({ query: { ...route.query, enhet: unit.value, period: key } });
  }

  /** Another unit keeps the period and the status filter; a new history entry, like a new period. */
  function setUnit(code: string): Promise<unknown> {
    return router.push({ query: { ...route.query, enhet: code, period: period.value } });
  }

  /** Back to a unit and period (leaving one chosen while offline). */
  function show(code: string, key: string): Promise<unknown> {
    return router.push({ query: { ...route.query, enhet: code, period: key } });
  }

  // An answer that arrives after the user has gone (or is going) to another page leaves the URL alone.
  const own = route.name;
  /** Fill in what the server chose (the latest month) without adding a history entry. */
  function completeUrl(key: string): Promise<unknown> {
    return replaceQueryWhileOn(router, own, { ...route.query, enhet: unit.value, period: key });
  }

  return { unit, period, parsedPeriod, setPeriod, setUnit, show, completeUrl };
}
