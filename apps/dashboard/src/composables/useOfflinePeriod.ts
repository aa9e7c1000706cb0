import type { Period } from '@lagesbild/domain';
import { computed, ref, watch, type ComputedRef } from 'vue';
import type { LoadError } from '../lib/load-error.js';
import { tryParsePeriod } from '../lib/period-nav.js';
import { useOnline } from './useOnline.js';
import { useReconnect } from './useReconnect.js';

export interface OfflinePeriodSource {
  /** Why the view's data last failed to load; null while it did not. */
  error: () => LoadError | null;
  /** The data on screen answers the question asked now (not one kept from before). */
  current: () => boolean;
  /** The period key of the data on screen; undefined while nothing is shown. */
  shown: () => string | undefined;
  /** The period key the URL asks for; undefined means the latest, which is whatever is shown. */
  asked: () => string | undefined;
  /** Asks again (the browser came back online or the tab into sight). */
  retry: () => unknown;
}

export interface OfflinePeriod {
  /** The browser has no network, or the server last failed to answer (until an answer arrives). */
  offline: ComputedRef<boolean>;
  /** Offline with data on screen: the pickers follow the data, not the URL. */
  following: ComputedRef<boolean>;
  /** The period of the data on screen. */
  shownPeriod: ComputedRef<Period | null>;
  /** What the period picker shows: offline the data's period; online the URL's at once (the data follows when loaded). */
  pickerPeriod: ComputedRef<Period | null>;
  /** A period chosen while offline, not yet shown: it loads when the server answers. */
  waitingPeriod: ComputedRef<Period | null>;
}

/**
 * The one offline behaviour of the overview, the KPI view and the drill-down:
 * while the server does not answer, the screen keeps the last data and the
 * period picker shows that data's period, so the two never disagree; a
 * period chosen meanwhile stays in the URL, is said to wait, and is asked for
 * as soon as the connection is back.
 */
export function useOfflinePeriod(src: OfflinePeriodSource): OfflinePeriod {
  const online = useOnline();
  // Stays set while the retries run (the error is cleared while a retry is pending), until an answer arrives.
  const unanswered = ref(false);
  watch([src.error, src.current], ([e, current]) => {
    if (e?.kind === 'offline') unanswered.value = true;
    else if (e === null && current) unanswered.value = false;
  });
  const offline = computed(() => !online.value || unanswered.value);
  useReconnect(() => {
    if (src.error()?.kind === 'offline') void src.retry();
  });

  const shownPeriod = computed(() => tryParsePeriod(src.shown()));
  const following = computed(() => offline.value && src.shown() !== undefined);
  const askedPeriod = computed(() => tryParsePeriod(src.asked()));
  const pickerPeriod = computed(() => (following.value ? shownPeriod.value : (askedPeriod.value ?? shownPeriod.value)));
  const waitingPeriod = computed(() => {
    const asked = src.asked();
    return following.value && asked !== undefined && asked !== src.shown() ? askedPeriod.value : null;
  });
  return { offline, following, shownPeriod, pickerPeriod, waitingPeriod };
}
