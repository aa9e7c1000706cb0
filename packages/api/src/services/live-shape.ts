import type { BusStatus, LiveEvent } from '@lagesbild/db';
import type { UnitTree } from '@lagesbild/domain';
import type { Scope } from '../context.js';
import { scopeGuard, type UnitAccess } from '../access/scope.js';
import type { EngineContext } from '../engine/engine-context.js';

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

type Guard = UnitAccess & { roots: readonly string[] | null };

/** The months an event names; one without months concerns the month it was made in. */
const eventMonths = (event: LiveEvent): string[] => (event.payload.months?.length ? event.payload.months : [event.createdAt.slice(0, 7)]);
/** The months an event touched a unit in: its own pairs when it has them, else every month it names. */
const unitMonthsOf = (event: LiveEvent, unit: string) => event.payload.unitMonths?.[unit] ?? eventMonths(event);

/**
 * Whether an event reaches a caller: someone who reads everything hears all;
 * a scoped caller only events that name a unit within her units in one of
 * the event's months (or name no unit, like a KPI definition changing every
 * unit). An event wholly outside her scope never reaches her.
 */
function touchesScope(event: LiveEvent, guard: Guard): boolean {
  const units = event.payload.units;
  if (guard.roots === null || !units || units.length === 0) return true;
  return units.some((u) => unitMonthsOf(event, u).some((m) => guard.allows(u, m)));
}

/**
 * For a scoped caller, an event names only her units and the months they
 * were hers. Its KPIs, file name, batch and note come along only when every
 * unit it names was hers in every month it names (so every row behind it
 * was); otherwise she learns that something changed in her units, not what
 * else the batch held.
 */
function narrowToScope(event: LiveEvent, guard: Guard): LiveEvent {
  // The pairs are for narrowing here; clients get units and months.
  const { unitMonths: _pairs, ...payload } = event.payload;
  if (guard.roots === null) return { ...event, payload };
  const { kpis, units, months: named } = payload;
  if (!units || units.length === 0) return { ...event, payload: { ...(kpis ? { kpis } : {}), ...(named ? { months: named } : {}) } };
  const whole = units.every((u) => unitMonthsOf(event, u).every((m) => guard.allows(u, m)));
  if (whole) return { ...event, payload };
  const pairs = units.map((u) => ({ u, months: unitMonthsOf(event, u).filter((m) => guard.allows(u, m)) })).filter((p) => p.months.length > 0);
  return { ...event, payload: { units: pairs.map((p) => p.u), months: [...new Set(pairs.flatMap((p) => p.months))].sort() } };
}

/** What a wall screen hears: changes to figures its slides show. It shows no comments, so it hears of none. */
const SCREEN_EVENT_KINDS: ReadonlySet<string> = new Set<LiveEvent['kind']>(['import.committed', 'import.rolled_back', 'target.set']);
/** Boards are the admins' to edit (a screen's own stream ends at its next heartbeat when its board changes units): only admins hear of a save. */
const ADMIN_EVENT_KINDS: ReadonlySet<string> = new Set<LiveEvent['kind']>(['board.saved']);

/** A screen needs what changed (KPIs, units, months) to refetch its slides; who, which file or batch is not on any slide. */
function forScreen(event: LiveEvent): LiveEvent {
  const { kpis, units, months } = event.payload;
  return { ...event, payload: { ...(kpis ? { kpis } : {}), ...(units ? { units } : {}), ...(months ? { months } : {}) } };
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

/** The units told (`told`, narrowed) and every unit above them in the months the event touched each, as far up as the caller's units reach. */
function affectedUnits(event: LiveEvent, told: LiveEvent, tree: UnitTree, guard: UnitAccess): string[] | null {
  const units = told.payload.units;
  if (!units || units.length === 0) return null;
  const out = new Set<string>(units);
  for (const u of units) for (const m of unitMonthsOf(event, u)) for (const a of tree.pathAt(u, m)) if (guard.allows(a, m)) out.add(a);
  return [...out].sort();
}

/** Who hears an event the same way: callers of one organisation with the same units, screen or not, admin or not. */
export function audienceKey(scope: Scope, screen: boolean, admin: boolean): string {
  return `${screen ? 'screen:' : ''}${admin ? 'admin:' : ''}${scope.kind === 'all' ? '*' : [...scope.units].sort().join(',')}`;
}

/** An audience: its units, whether it is a wall screen, and whether it may hear of admin-only changes. */
export interface Hearers {
  scope: Scope;
  screen: boolean;
  admin: boolean;
}

/**
 * The message an event becomes for an audience (its scope, and whether it is
 * a wall screen), or null when the event does not reach that audience.
 */
export function liveMessage(event: LiveEvent, { scope, screen, admin }: Hearers, engine: EngineContext): LiveEventMessage | null {
  if (screen && !SCREEN_EVENT_KINDS.has(event.kind)) return null;
  if (!admin && ADMIN_EVENT_KINDS.has(event.kind)) return null;
  const guard = scopeGuard(scope, engine.tree);
  if (!touchesScope(event, guard)) return null;
  const narrowed = narrowToScope(event, guard);
  const e = screen ? forScreen(narrowed) : narrowed;
  return { id: e.id, kind: e.kind, payload: e.payload, createdAt: e.createdAt, affectedUnits: affectedUnits(event, e, engine.tree, guard), affectedKpis: affectedKpis(e, engine) };
}

export const statusMessage = (s: BusStatus): LiveStatusMessage => ({ type: 'status', ...s, serverTime: new Date().toISOString() });

/**
 * tRPC's SSE framing (httpSubscriptionLink reads it): a tracked message
 * carries its id, which the client sends back as Last-Event-ID.
 */
export const trackedFrame = (id: number, json: string): string => `data: ${json}\nid: ${id}\n\n\n`;
