import { eventBusFor, readEventsAfter, type BusMessage, type BusStatus, type Db, type LiveEvent } from '@lagesbild/db';
import type { UnitTree } from '@lagesbild/domain';
import { TRPCError, tracked } from '@trpc/server';
import { z } from 'zod';
import { sessionStillValid } from '../access/sessions.js';
import type { Context, Scope } from '../context.js';
import { deviceStillValid } from '../services/boards.js';
import { loadEngineContext, type EngineContext } from '../services/index.js';
import { readProcedure, router } from '../trpc.js';

/**
 * A status message also goes out this often when nothing happens: it keeps
 * proxies from closing an idle stream, and a client that hears nothing for
 * much longer knows its connection is dead even when the socket says otherwise.
 */
export const LIVE_HEARTBEAT_MS = 15_000;
const CATCH_UP_PAGE = 500;

/**
 * An event as clients get it (the SSE id is the event id). `affectedUnits`
 * adds to the payload's leaf units every unit above them in the event's
 * months, so a screen showing an avdelning knows at once that an import on
 * one of its enheter concerns it; null means every unit.
 */
export type LiveEventMessage = Pick<LiveEvent, 'id' | 'kind' | 'payload' | 'createdAt'> & {
  affectedUnits: string[] | null;
  /** The payload's KPIs plus the ratio KPIs computed from them; null means every KPI. */
  affectedKpis: string[] | null;
};
/** Not tracked: it does not move the client's last event id. */
export interface LiveStatusMessage extends BusStatus {
  type: 'status';
  serverTime: string;
}

/** Whether an event is about units the caller may see: some unit in or above the scope's subtrees, or no unit named. */
function touchesScope(event: LiveEvent, scope: Scope, tree: UnitTree | null): boolean {
  if (scope.kind === 'all') return true;
  const units = event.payload.units;
  if (!units || units.length === 0 || !tree) return true;
  const months = event.payload.months?.length ? event.payload.months : [event.createdAt.slice(0, 7)];
  return units.some((u) =>
    scope.units.some((root) => months.some((m) => tree.isWithin(u, root, m) || tree.isWithin(root, u, m))),
  );
}

/**
 * For a scoped caller, an event names only the units she may know of (her
 * subtrees and the units above them): a target set on the förvaltning reaches
 * her screen, but not the list of every other enhet it touches.
 */
function narrowToScope(event: LiveEvent, scope: Scope, tree: UnitTree): LiveEvent {
  const units = event.payload.units;
  if (scope.kind === 'all' || !units || units.length === 0) return event;
  const months = event.payload.months?.length ? event.payload.months : [event.createdAt.slice(0, 7)];
  const related = (u: string) => scope.units.some((root) => months.some((m) => tree.isWithin(u, root, m) || tree.isWithin(root, u, m)));
  return { ...event, payload: { ...event.payload, units: units.filter(related) } };
}

/**
 * The message for an event as callers with this scope get it. The bus hands
 * every subscriber of a process the same event object, so with a thousand
 * screens on one board the message is worked out once, not a thousand times.
 */
const shaped = new WeakMap<LiveEvent, Map<string, LiveEventMessage>>();
function shape(event: LiveEvent, scope: Scope, engine: EngineContext): LiveEventMessage {
  const key = scope.kind === 'all' ? '*' : [...scope.units].sort().join(',');
  let byScope = shaped.get(event);
  if (!byScope) shaped.set(event, (byScope = new Map()));
  const hit = byScope.get(key);
  if (hit) return hit;
  const e = narrowToScope(event, scope, engine.tree);
  const message: LiveEventMessage = { id: e.id, kind: e.kind, payload: e.payload, createdAt: e.createdAt, affectedUnits: affectedUnits(e, engine.tree), affectedKpis: affectedKpis(e, engine) };
  byScope.set(key, message);
  return message;
}

/** Units and KPIs change rarely; one catalogue per organisation and minute serves every subscriber of a process. */
const ENGINE_TTL_MS = 60_000;
const engines = new WeakMap<Db, Map<string, { at: number; engine: Promise<EngineContext> }>>();
function engineFor(db: Db, orgId: string): Promise<EngineContext> {
  let byOrg = engines.get(db);
  if (!byOrg) engines.set(db, (byOrg = new Map()));
  const hit = byOrg.get(orgId);
  if (hit && Date.now() - hit.at < ENGINE_TTL_MS) return hit.engine;
  const engine = loadEngineContext(db, orgId);
  byOrg.set(orgId, { at: Date.now(), engine });
  engine.catch(() => byOrg.delete(orgId));
  return engine;
}

function affectedKpis(event: LiveEvent, engine: EngineContext): string[] | null {
  const kpis = event.payload.kpis;
  if (!kpis || kpis.length === 0) return null;
  const out = new Set(kpis);
  for (const k of engine.kpis.values()) {
    if (k.ratioOf && (out.has(k.ratioOf.numerator) || out.has(k.ratioOf.denominator))) out.add(k.id);
  }
  return [...out].sort();
}

function affectedUnits(event: LiveEvent, tree: UnitTree): string[] | null {
  const units = event.payload.units;
  if (!units || units.length === 0) return null;
  const months = event.payload.months?.length ? event.payload.months : [event.createdAt.slice(0, 7)];
  const out = new Set<string>();
  for (const u of units) {
    out.add(u);
    for (const m of months) for (const a of tree.pathAt(u, m)) out.add(a);
  }
  return [...out].sort();
}

function parseEventId(id: string | null | undefined): number | null {
  if (!id || !/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}

/** The stream's credential, checked again at each heartbeat: a stream must not outlive its session or screen token. */
async function stillAllowed(ctx: Context): Promise<boolean> {
  if (ctx.device) return deviceStillValid(ctx.db, ctx.device.id);
  if (ctx.session) return sessionStillValid(ctx.db, ctx.session.tokenHash, ctx.now());
  return ctx.request.via === 'process';
}

const status = (s: BusStatus): LiveStatusMessage => ({ type: 'status', ...s, serverTime: new Date().toISOString() });

export const liveRouter = router({
  /**
   * Every change in the caller's organisation and scope, over SSE. Subscribes
   * to the bus first and only then reads what the client missed (id >
   * lastEventId) from the table, so nothing falls between the two; ids only
   * ever increase on the way out, so nothing arrives twice.
   */
  events: readProcedure.input(z.object({ lastEventId: z.string().max(20).nullish() })).subscription(async function* ({ ctx, input, signal }) {
    const bus = eventBusFor(ctx.db);
    await bus.ready();
    const queue: (BusMessage | { type: 'heartbeat' })[] = [];
    let wake: (() => void) | null = null;
    const push = (m: BusMessage | { type: 'heartbeat' }) => {
      queue.push(m);
      wake?.();
    };
    const unsubscribe = bus.subscribe(push);
    const heartbeat = setInterval(() => push({ type: 'heartbeat' }), LIVE_HEARTBEAT_MS);
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      // A new client starts from now; its first query answers everything before.
      let last = parseEventId(input.lastEventId) ?? bus.lastId();
      let engine = await engineFor(ctx.db, ctx.orgId);
      const visible = (e: LiveEvent) => e.orgId === ctx.orgId && touchesScope(e, ctx.scope, engine.tree);
      const out = (event: LiveEvent) => tracked(String(event.id), shape(event, ctx.scope, engine));
      yield status(bus.status);
      for (;;) {
        const missed = await readEventsAfter(ctx.db, last, { orgId: ctx.orgId, limit: CATCH_UP_PAGE });
        for (const e of missed) {
          last = e.id;
          if (visible(e)) yield out(e);
        }
        if (missed.length < CATCH_UP_PAGE) break;
      }
      while (!signal?.aborted) {
        const m = queue.shift();
        if (!m) {
          await new Promise<void>((ok) => {
            wake = ok;
          });
          wake = null;
          continue;
        }
        if (m.type === 'status') {
          yield status(m.status);
        } else if (m.type === 'heartbeat') {
          if (!(await stillAllowed(ctx))) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sessionen har upphört. Logga in igen.' });
          yield status(bus.status);
        } else if (m.event.id > last) {
          last = m.event.id;
          if (m.event.orgId === ctx.orgId) engine = await engineFor(ctx.db, ctx.orgId);
          if (visible(m.event)) yield out(m.event);
        }
      }
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
    }
  }),
});
