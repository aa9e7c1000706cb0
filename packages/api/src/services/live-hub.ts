import { eventBusFor, readEventsAfter, type BusMessage, type Db, type LiveEvent } from '@lagesbild/db';
import { can } from '@lagesbild/domain';
import { sessionStillValid } from '../access/sessions.js';
import type { Context, Scope } from '../context.js';
import { deviceStillValid } from './boards.js';
import { loadEngineContext, type EngineContext } from '../engine/engine-context.js';
import { audienceKey, liveMessage, statusMessage, trackedFrame, type LiveEventMessage, type LiveStatusMessage } from './live-shape.js';

/**
 * A status message also goes out this often when nothing happens: it keeps
 * proxies from closing an idle stream, and a client that hears nothing for
 * much longer knows its connection is dead even when the socket says otherwise.
 */
export const LIVE_HEARTBEAT_MS = 15_000;
const CATCH_UP_PAGE = 500;
/** Events after which an organisation's units or KPIs may differ: the one cached catalogue is read again. */
const CATALOGUE_EVENTS: ReadonlySet<string> = new Set<LiveEvent['kind']>(['import.committed', 'import.rolled_back']);

/** Where one subscriber's messages go: an SSE response, or the queue of an in-process iterator. */
export interface LiveOut {
  /** `frame` is the message as SSE bytes, made once for every subscriber of the audience. */
  event(message: LiveEventMessage, frame: Buffer): void;
  status(message: LiveStatusMessage, json: string): void;
  /** The stream's credential is gone: say so and end. */
  refuse(device: boolean): void;
  /** The client has gone (the hub stops a catch-up for it). */
  readonly closed: boolean;
}

/**
 * One subscriber: where its messages go, how far it has got, and what it must
 * still be allowed (a device id or a session's token hash; a device's units
 * are its audience's). A class with a method, not closures: with thousands of
 * wall screens open, each one's state is this object and its response.
 */
export class LiveMembership {
  /** The id of the newest event it has been sent or skipped. */
  last: number;
  /** False while it catches up from the table: the hub does not write to it yet. */
  live = false;

  constructor(
    readonly out: LiveOut,
    readonly device: number | null,
    readonly session: string | null,
    readonly audience: Audience,
    private readonly hub: LiveHub,
    last: number,
  ) {
    this.last = last;
  }

  /** Stops its messages (the client has gone); calling it again does nothing. */
  leave(): void {
    const { audience } = this;
    if (!audience.members.delete(this)) return;
    if (audience.members.size === 0) audience.org.audiences.delete(audience.key);
    this.hub.left();
  }
}

interface Audience {
  key: string;
  org: Organisation;
  scope: Scope;
  screen: boolean;
  admin: boolean;
  members: Set<LiveMembership>;
}
interface Organisation {
  id: string;
  audiences: Map<string, Audience>;
  /** The organisation's units and KPIs, shared by every audience until an event changes them. */
  engine: Promise<EngineContext> | null;
}

/**
 * The live side of one process and database. Each event is shaped and
 * serialised once per audience (organisation, scope, screen or not) and the
 * same bytes are written to every subscriber of it; one timer sends the
 * heartbeat and checks each distinct credential once.
 */
export class LiveHub {
  private readonly orgs = new Map<string, Organisation>();
  private members = 0;
  private unsubscribe: (() => void) | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  /** The newest event every live member has been handed (or that reached no one). */
  private delivered = 0;
  private chain: Promise<void> = Promise.resolve();
  /** A beat whose checks outlast the interval is not overlapped by the next. */
  private beating = false;

  constructor(private readonly db: Db) {}

  /** Adds a subscriber: from `lastEventId` on (or from now), first from the table, then live. Its `leave()` removes it. */
  async join(ctx: Context, lastEventId: number | null, out: LiveOut): Promise<LiveMembership> {
    const bus = eventBusFor(this.db);
    await bus.ready();
    const screen = ctx.device !== null;
    const org = this.orgs.get(ctx.orgId) ?? this.orgs.set(ctx.orgId, { id: ctx.orgId, audiences: new Map(), engine: null }).get(ctx.orgId);
    if (!org) throw new Error('unreachable');
    const admin = ctx.user !== null && can(ctx.user.roles, 'admin');
    const key = audienceKey(ctx.scope, screen, admin);
    const audience = org.audiences.get(key) ?? org.audiences.set(key, { key, org, scope: ctx.scope, screen, admin, members: new Set() }).get(key);
    if (!audience) throw new Error('unreachable');
    const member = new LiveMembership(out, ctx.device?.id ?? null, ctx.device ? null : (ctx.session?.tokenHash ?? null), audience, this, lastEventId ?? bus.lastId());
    // Listen first, then read what was missed: nothing falls between the two.
    if (this.members++ === 0) this.start();
    audience.members.add(member);
    const first = statusMessage(bus.status);
    out.status(first, JSON.stringify(first));
    try {
      await this.catchUp(org, audience, member);
    } catch (err) {
      member.leave();
      throw err;
    }
    return member;
  }

  /** A member has left (LiveMembership.leave). */
  left(): void {
    if (--this.members === 0) this.stop();
  }

  /** Sends what the table holds after `member.last`, until nothing is left that the hub has not also seen; then hands the member to the hub. */
  private async catchUp(org: Organisation, audience: Audience, member: LiveMembership): Promise<void> {
    for (;;) {
      const upTo = this.delivered;
      for (;;) {
        const missed = await readEventsAfter(this.db, member.last, { orgId: org.id, limit: CATCH_UP_PAGE });
        if (member.out.closed) return;
        const engine = await this.engineOf(org);
        for (const e of missed) {
          member.last = e.id;
          const message = liveMessage(e, audience, engine);
          if (message) member.out.event(message, Buffer.from(trackedFrame(e.id, JSON.stringify(message))));
        }
        if (missed.length < CATCH_UP_PAGE) break;
      }
      // Every event up to upTo was in the table when it was read.
      member.last = Math.max(member.last, upTo);
      // Synchronously with that check: from here on the hub hands it every event after member.last.
      if (this.delivered === upTo) {
        member.live = true;
        return;
      }
    }
  }

  private start(): void {
    const bus = eventBusFor(this.db);
    this.delivered = bus.lastId();
    this.unsubscribe = bus.subscribe((m) => this.onBus(m));
    this.heartbeat = setInterval(() => {
      if (this.beating) return;
      this.beating = true;
      void this.beat().finally(() => (this.beating = false));
    }, LIVE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.orgs.clear();
  }

  private onBus(m: BusMessage): void {
    if (m.type === 'status') return this.broadcast(statusMessage(m.status));
    const event = m.event;
    // In id order, one at a time: an event may wait for its organisation's catalogue.
    this.chain = this.chain.then(() => this.deliver(event)).catch(() => undefined);
  }

  private async deliver(event: LiveEvent): Promise<void> {
    const org = this.orgs.get(event.orgId);
    if (org) {
      if (CATALOGUE_EVENTS.has(event.kind)) org.engine = null;
      const engine = await this.engineOf(org);
      for (const audience of org.audiences.values()) {
        const message = liveMessage(event, audience, engine);
        let frame: Buffer | null = null;
        for (const member of audience.members) {
          if (!member.live || member.last >= event.id) continue;
          member.last = event.id;
          if (message) member.out.event(message, (frame ??= Buffer.from(trackedFrame(event.id, JSON.stringify(message)))));
        }
      }
    }
    this.delivered = Math.max(this.delivered, event.id);
  }

  private engineOf(org: Organisation): Promise<EngineContext> {
    const engine = (org.engine ??= loadEngineContext(this.db, org.id));
    engine.catch(() => {
      if (org.engine === engine) org.engine = null;
    });
    return engine;
  }

  private broadcast(message: LiveStatusMessage): void {
    const json = JSON.stringify(message);
    for (const org of this.orgs.values()) for (const a of org.audiences.values()) for (const m of a.members) m.out.status(message, json);
  }

  /** The heartbeat: each distinct credential checked once, refused streams ended, a status to the rest. */
  private async beat(): Promise<void> {
    const checks = new Map<string, Promise<boolean>>();
    const now = new Date();
    const check = ({ device, session, audience }: LiveMembership): Promise<boolean> => {
      const units = audience.scope.kind === 'units' ? audience.scope.units : [];
      const key = device !== null ? `d:${device}:${audience.key}` : session !== null ? `s:${session}` : 'p';
      let p = checks.get(key);
      if (!p) {
        p = device !== null ? deviceStillValid(this.db, device, units) : session !== null ? sessionStillValid(this.db, session, now) : Promise.resolve(true);
        // A database that cannot answer now is not a revoked credential; the bus reports it as down.
        checks.set(key, (p = p.catch(() => true)));
      }
      return p;
    };
    const all = [...this.orgs.values()].flatMap((o) => [...o.audiences.values()].flatMap((a) => [...a.members]));
    const allowed = await Promise.all(all.map(check));
    const message = statusMessage(eventBusFor(this.db).status);
    const json = JSON.stringify(message);
    all.forEach((m, i) => (allowed[i] ? m.out.status(message, json) : m.out.refuse(m.device !== null)));
  }
}

const hubs = new WeakMap<Db, LiveHub>();
/** The hub of this database connection (one per process, like its event bus). */
export function liveHubFor(db: Db): LiveHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new LiveHub(db)));
  return hub;
}
