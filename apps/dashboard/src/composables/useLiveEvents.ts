import type { AppRouter } from '@lagesbild/api';
import type { inferRouterOutputs } from '@trpc/server';
import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref } from 'vue';
import { trpc, type ApiClient } from '../api/trpc.js';
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
 * effect scope) lives. tRPC reconnects: a connection that goes silent is
 * replaced after the server's reconnectAfterInactivityMs (it sends a status
 * every 15 s), and one that fails is retried (retryLink, api/trpc.ts), both
 * resuming from the last event id (the server sends what was missed, nothing
 * twice). Call the view's own refetch from onEvent, after checking
 * eventTouches, or use useLiveQueries for cached queries.
 */
export function useLiveEvents(opts: LiveEventsOptions): LiveEvents {
  const client = opts.client ?? trpc;
  const healthy = ref(false);
  const lastHealthyAt = ref<Date | null>(null);
  const lastEvent = shallowRef<LiveEvent | null>(null);
  let connected = false;
  let databaseOk = true;

  const update = () => {
    const now = connected && databaseOk;
    if (now) lastHealthyAt.value = new Date();
    healthy.value = now;
  };

  const sub = client.live.events.subscribe(
    { lastEventId: null },
    {
      onData(d) {
        connected = true;
        if ('type' in d) {
          databaseOk = d.database === 'ok';
        } else {
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
        // Only an error the retry link gave up on ends here.
        connected = false;
        update();
      },
    },
  );
  // While healthy, the screen is up to date now.
  const clock = setInterval(update, 5000);
  const stop = () => {
    clearInterval(clock);
    sub.unsubscribe();
  };
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
