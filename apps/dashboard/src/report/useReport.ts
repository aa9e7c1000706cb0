import { addMonths } from '@lagesbild/domain';
import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { fetchReport } from '../api/report.js';
import { eventTouches, useLiveEvents, type LiveEvent } from '../composables/useLiveEvents.js';
import { useLoader } from '../composables/useLoader.js';
import { rememberedUnit } from '../lib/last-unit.js';
import { tryParsePeriod } from '../lib/period-nav.js';
import { DEFAULT_UNIT } from '../overview/useOverviewQuery.js';
import { defaultGoalPeriod, parseGoalPeriod } from '../goals/goal-tree.js';

/** Goals and follow-ups are in the report too, so their events reload it; a board or a comment is not. */
const NOT_IN_REPORT: ReadonlySet<LiveEvent['kind']> = new Set<LiveEvent['kind']>(['board.saved', 'comment.added']);
const FIGURES: ReadonlySet<LiveEvent['kind']> = new Set<LiveEvent['kind']>(['import.committed', 'import.rolled_back', 'target.set']);

const positive = (v: unknown): number | undefined => (typeof v === 'string' && /^[1-9]\d*$/.test(v) ? Number(v) : undefined);

/** Whether a live event changes what the live report of a unit and period shows (its figures compare with a year earlier). */
export function reportTouched(e: LiveEvent, unit: string, period: string): boolean {
  if (NOT_IN_REPORT.has(e.kind)) return false;
  if (!FIGURES.has(e.kind)) return !e.affectedUnits || e.affectedUnits.includes(unit);
  const p = tryParsePeriod(period);
  return eventTouches(e, p ? { unit, months: [addMonths(p.start, -12), p.end] } : { unit });
}

/**
 * The report view's question from the URL (?enhet=SOC&period=2020-D&version=2)
 * and its answer. A missing or unreadable period is replaced by the last delår
 * or helår that has ended. The live report reloads when an event touches it; a
 * fastställd version never changes, so it ignores events.
 */
export function useReport() {
  const route = useRoute();
  const router = useRouter();
  // ?unit= is read too, for links written with the API's own word.
  const asked = computed(() => [route.query.enhet, route.query.unit].find((v): v is string => typeof v === 'string' && v !== ''));
  const unit = computed(() => asked.value ?? rememberedUnit() ?? DEFAULT_UNIT);
  const parsed = computed(() => parseGoalPeriod(route.query.period));
  const period = computed(() => (typeof route.query.period === 'string' && parsed.value ? route.query.period : defaultGoalPeriod(new Date())));
  const version = computed(() => positive(route.query.version));
  const loader = useLoader(fetchReport);

  watch(
    [unit, period, version],
    ([u, p, v]) => {
      if (!parsed.value || route.query.enhet !== u) {
        const { unit: _unit, ...rest } = route.query;
        void router.replace({ query: { ...rest, enhet: u, period: p } });
      }
      void loader.load({ unit: u, period: p, ...(v === undefined ? {} : { version: v }) });
    },
    { immediate: true },
  );

  useLiveEvents({
    onEvent: async (e) => {
      const d = loader.data.value;
      if (!d || d.version !== null || loader.loading.value) return;
      if (reportTouched(e, d.document.unit, d.document.period)) await loader.retry();
    },
  });

  /** A new unit or period opens on the live report: versions belong to one unit and period. */
  const go = (q: Record<string, string | undefined>) => {
    const { version: _v, ...rest } = route.query;
    void router.push({ query: { ...rest, ...q } });
  };
  const setPeriod = (p: string) => go({ period: p });
  const setUnit = (u: string) => go({ enhet: u });
  const setVersion = (v: number | null) => void router.push({ query: { ...route.query, version: v === null ? undefined : String(v) } });

  return { unit, parsed, loader, setPeriod, setUnit, setVersion };
}
