import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { addMonths } from '@lagesbild/domain';
import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { trpc, type ApiClient } from '../api/trpc.js';
import { shownKey } from '../lib/hidden-text.js';
import { tryParsePeriod } from '../lib/period-nav.js';
import { useOverviewStore } from '../stores/overview.js';
import '../wall/live-marks.css';

type LiveOutput = inferRouterOutputs<AppRouter>['live']['events'] extends AsyncIterable<infer T> ? T : never;
type LiveStatus = Extract<LiveOutput, { type: 'status' }>;
export type LiveEvent = Exclude<LiveOutput, LiveStatus>['data'];

/** What a view shows, to tell whether an event concerns it. Absent fields match everything. */
export interface LiveView {
  unit?: string;
  kpis?: readonly string[];
  /** The first and last month the view shows (YYYY-MM). */
  months?: readonly [string, string];
}

/** Events that change no figure: a saved board, a goal's assessment, an åtgärd, uppdrag or risk. */
const NO_FIGURE: ReadonlySet<LiveEvent['kind']> = new Set<LiveEvent['kind']>(['board.saved', 'goal.assessed', 'follow_up.changed', 'report.changed']);

/** Whether an event changes something the view shows: unit, KPI and months must all overlap. */
export function eventTouches(e: LiveEvent, view: LiveView): boolean {
  if (NO_FIGURE.has(e.kind)) return false;
  if (view.unit && e.affectedUnits && !e.affectedUnits.includes(view.unit)) return false;
  if (view.kpis && e.affectedKpis && !e.affectedKpis.some((k) => view.kpis?.includes(k))) return false;
  const months = e.payload.months;
  if (view.months && months && months.length > 0) {
    const [start, end] = view.months;
    if (!months.some((m) => m >= start && m <= end)) return false;
  }
  return true;
}

export interface LiveEventsOptions {
  client?: ApiClient;
  onEvent: (e: LiveEvent) => void | Promise<void>;
  /** No message (the server sends a status every 15 s) for this long: the connection is dead; reconnect. */
  silenceMs?: number;
}

export interface LiveEvents {
  /** Subscribed, hearing from the server, and the server reaches its database. */
  healthy: Ref<boolean>;
  /** The last moment the screen was known to be up to date (connected, database reachable). */
  lastHealthyAt: Ref<Date | null>;
  /** The last event received. */
  lastEvent: Ref<LiveEvent | null>;
  stop(): void;
}

/**
 * Subscribes to live.events over SSE for as long as the calling component (or
 * effect scope) lives. A dropped connection resumes from the last event id
 * (the server sends what was missed, nothing twice); a connection that goes
 * silent is replaced. Call the view's own refetch from onEvent, after
 * checking eventTouches.
 */
export function useLiveEvents(opts: LiveEventsOptions): LiveEvents {
  const client = opts.client ?? trpc;
  const silenceMs = opts.silenceMs ?? 40_000;
  const healthy = ref(false);
  const lastHealthyAt = ref<Date | null>(null);
  const lastEvent = shallowRef<LiveEvent | null>(null);
  let lastEventId: string | null = null;
  let connected = false;
  let databaseOk = true;
  let heardAt = Date.now();
  let sub: { unsubscribe(): void } | null = null;
  let stopped = false;

  const update = () => {
    const now = connected && databaseOk;
    if (now) lastHealthyAt.value = new Date();
    healthy.value = now;
  };

  const start = () => {
    heardAt = Date.now();
    sub = client.live.events.subscribe(
      { lastEventId },
      {
        onData(d) {
          heardAt = Date.now();
          connected = true;
          if ('type' in d) {
            databaseOk = d.database === 'ok';
          } else {
            lastEventId = d.id;
            lastEvent.value = d.data;
            // A view's refetch handles its own errors; the stream does not wait for it.
            void opts.onEvent(d.data);
          }
          update();
        },
        onConnectionStateChange(s) {
          connected = s.state === 'pending';
          update();
        },
        onError() {
          // A non-retryable error ends the subscription: start again after a pause.
          connected = false;
          update();
          restartSoon();
        },
      },
    );
  };

  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  const restartSoon = () => {
    if (stopped || restartTimer) return;
    restartTimer = setTimeout(() => {
      restartTimer = null;
      sub?.unsubscribe();
      if (!stopped) start();
    }, 3000);
  };

  const watchdog = setInterval(() => {
    if (Date.now() - heardAt > silenceMs) {
      connected = false;
      update();
      sub?.unsubscribe();
      start();
    } else if (healthy.value) {
      lastHealthyAt.value = new Date();
    }
  }, 5000);

  const stop = () => {
    stopped = true;
    clearInterval(watchdog);
    if (restartTimer) clearTimeout(restartTimer);
    sub?.unsubscribe();
    sub = null;
  };
  start();
  if (getCurrentScope()) onScopeDispose(stop);
  return { healthy, lastHealthyAt, lastEvent, stop };
}

/**
 * Marks what an event changed (card keys) for a few seconds, for a CSS class,
 * and words it once for a polite live region, so a screen reader hears
 * "updated" without being interrupted.
 */
export function useChangeMarks(durationMs = 6000) {
  const changed = ref<ReadonlySet<string>>(new Set());
  const announcement = ref('');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const mark = (keys: Iterable<string>, message: string) => {
    const next = new Set(changed.value);
    for (const k of keys) {
      next.add(k);
      const old = timers.get(k);
      if (old) clearTimeout(old);
      timers.set(
        k,
        setTimeout(() => {
          timers.delete(k);
          const rest = new Set(changed.value);
          rest.delete(k);
          changed.value = rest;
        }, durationMs),
      );
    }
    changed.value = next;
    announcement.value = message;
  };
  if (getCurrentScope()) onScopeDispose(() => timers.forEach((t) => clearTimeout(t)));
  return { changed, announcement, mark };
}

/**
 * Live updates for the overview: when an event touches the unit and months on
 * screen, the overview store asks again, and the cards whose figure or status
 * changed are marked (class is-changed) and announced politely.
 */
export function useLiveOverview() {
  const store = useOverviewStore();
  const { t } = useI18n();
  const { changed, announcement, mark } = useChangeMarks();
  const live = useLiveEvents({
    onEvent: async (e) => {
      const d = store.data;
      if (!d || store.loading) return;
      const p = tryParsePeriod(d.period);
      // The cards compare with last year and draw 24 months: 36 months before the period's end matter.
      const view: LiveView = p ? { unit: d.unit, months: [addMonths(p.end, -35), p.end] } : { unit: d.unit };
      if (!eventTouches(e, view)) return;
      const before = new Map(d.cards.map((c) => [c.kpi, shownKey(c)]));
      await store.retry();
      const after = store.data?.cards ?? [];
      const keys = after.filter((c) => before.get(c.kpi) !== shownKey(c)).map((c) => c.kpi);
      if (keys.length > 0) mark(keys, t('live.changed', { n: keys.length }));
    },
  });
  return { changed, announcement, healthy: live.healthy };
}
