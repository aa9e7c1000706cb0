import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { eventFromNotify, latestEventId, readEventsAfter } from './read.js';
import { EVENTS_CHANNEL, type BusStatus, type LiveEvent } from './types.js';

export type BusMessage = { type: 'event'; event: LiveEvent } | { type: 'status'; status: BusStatus };
export type BusListener = (message: BusMessage) => void;

export interface EventBusOptions {
  /** How often the database and the LISTEN connection are checked (ms). */
  probeMs?: number;
  /** How long a check may take before the database counts as lost (ms). */
  probeTimeoutMs?: number;
}

export interface EventBus {
  readonly status: BusStatus;
  /** Resolves once the bus knows the newest event id; rejects while the database is unreachable. */
  ready(): Promise<void>;
  subscribe(listener: BusListener): () => void;
  /** The id up to which events have been delivered to subscribers. */
  lastId(): number;
  close(): Promise<void>;
}

type Unlisten = () => Promise<void>;
interface PostgresJsLike {
  listen(channel: string, onnotify: (payload: string) => void, onlisten?: () => void): Promise<{ unlisten(): Promise<void> }>;
}
interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ingen kontakt med databasen på ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One per process and database: listens on the events channel, reads new
 * rows from the events table in id order and hands them to subscribers.
 *
 * NOTIFY is only a wake-up call; the table is the truth. So a notification
 * lost while the LISTEN connection was down costs nothing: after every
 * reconnect (and on every probe) the bus reads "id > last delivered" again.
 * The probe is a NOTIFY to itself, so it checks the whole path (database up,
 * LISTEN connection alive), not just that a query runs: postgres.js re-listens
 * by itself after a drop, but gives up silently if the database is still down.
 */
class DatabaseEventBus implements EventBus {
  status: BusStatus = { database: 'ok', since: new Date().toISOString() };
  private readonly listeners = new Set<BusListener>();
  private readonly busId = randomUUID();
  private last: number | null = null;
  private unlisten: Unlisten | null = null;
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private probing = false;
  private pingSentAt: number | null = null;
  private pingSeq = 0;
  private closed = false;
  private starting: Promise<void> | null = null;
  private readonly probeMs: number;
  private readonly probeTimeoutMs: number;

  constructor(
    private readonly db: Db,
    opts: EventBusOptions,
  ) {
    this.probeMs = opts.probeMs ?? 2000;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? 1500;
    this.timer = setInterval(() => void this.probe(), this.probeMs);
    // Not a reason to keep a CLI process alive.
    this.timer.unref();
  }

  lastId(): number {
    return this.last ?? 0;
  }

  ready(): Promise<void> {
    if (this.last !== null && this.unlisten !== null) return Promise.resolve();
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
    await this.stopListening();
  }

  private async start(): Promise<void> {
    // Listen first, then read the newest id: an event committed in between is both notified and after `last`.
    await this.listen();
    if (this.last === null) this.last = await latestEventId(this.db);
    this.setStatus('ok');
  }

  private async listen(): Promise<void> {
    await this.stopListening();
    const client = (this.db as unknown as { $client: unknown }).$client;
    const onNotify = (payload: string) => this.onNotify(payload);
    const onListen = () => void this.scheduleFetch().catch(() => this.setStatus('down'));
    if (typeof client === 'function') {
      // postgres.js: a tagged-template function with its own LISTEN connection.
      const req = await (client as unknown as PostgresJsLike).listen(EVENTS_CHANNEL, onNotify, onListen);
      this.unlisten = () => req.unlisten();
    } else {
      const stop = await (client as PgliteLike).listen(EVENTS_CHANNEL, onNotify);
      this.unlisten = () => stop();
    }
    this.pingSentAt = null;
  }

  private async stopListening(): Promise<void> {
    const stop = this.unlisten;
    this.unlisten = null;
    if (stop) await stop().catch(() => {});
  }

  private onNotify(payload: string): void {
    if (payload.startsWith('ping:')) {
      if (payload.startsWith(`ping:${this.busId}:`)) this.pingSentAt = null;
      return;
    }
    const whole = eventFromNotify(payload);
    const id = whole ? whole.id : Number(payload.slice(payload.lastIndexOf(':') + 1));
    if (this.last !== null && Number.isFinite(id) && id <= this.last) return;
    // The next event in order, carried whole, with no read under way: deliver it without a round trip to the table.
    if (whole && this.last !== null && whole.id === this.last + 1 && !this.fetching) {
      this.last = whole.id;
      this.emit({ type: 'event', event: whole });
      return;
    }
    this.scheduleFetch().catch(() => this.setStatus('down'));
  }

  /** One read at a time; notifications during a read ask for one more read. */
  private scheduleFetch(): Promise<void> {
    // Rejects when the read fails, so the probe can tell the database is gone.
    if (this.last === null) return Promise.resolve();
    if (this.fetching) {
      this.fetchAgain = true;
      return this.fetching;
    }
    this.fetching = (async () => {
      do {
        this.fetchAgain = false;
        await this.fetchOnce();
      } while (this.fetchAgain && !this.closed);
    })().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchOnce(): Promise<void> {
    for (;;) {
      const after = this.last ?? 0;
      const events = await readEventsAfter(this.db, after);
      for (const event of events) {
        // A notification may have delivered it while this read was on its way.
        if (event.id <= (this.last ?? 0)) continue;
        this.last = event.id;
        this.emit({ type: 'event', event });
      }
      if (events.length < 500) return;
    }
  }

  private async probe(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      if (this.last === null || this.unlisten === null) {
        await withTimeout(this.ready(), this.probeTimeoutMs * 2);
      } else {
        const lostPing = this.pingSentAt !== null && Date.now() - this.pingSentAt > this.probeMs + this.probeTimeoutMs;
        if (this.status.database === 'down' || lostPing) await withTimeout(this.listen(), this.probeTimeoutMs);
        await withTimeout(this.db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`ping:${this.busId}:${++this.pingSeq}`})`), this.probeTimeoutMs);
        this.pingSentAt ??= Date.now();
      }
      // Catches up whatever a lost notification would have announced.
      await this.scheduleFetch();
      this.setStatus('ok');
    } catch {
      this.setStatus('down');
    } finally {
      this.probing = false;
    }
  }

  private setStatus(database: BusStatus['database']): void {
    if (this.status.database === database) return;
    this.status = { database, since: new Date().toISOString() };
    this.emit({ type: 'status', status: this.status });
  }

  private emit(message: BusMessage): void {
    for (const l of this.listeners) {
      try {
        l(message);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
  }
}

const buses = new WeakMap<Db, EventBus>();

/** The bus of this database connection, created on first use (one LISTEN connection per process). */
export function eventBusFor(db: Db, opts: EventBusOptions = {}): EventBus {
  let bus = buses.get(db);
  if (!bus) {
    bus = new DatabaseEventBus(db, opts);
    buses.set(db, bus);
  }
  return bus;
}

/** Stops the bus of a connection (before the connection closes). */
export async function closeEventBus(db: Db): Promise<void> {
  const bus = buses.get(db);
  buses.delete(db);
  if (bus) await bus.close();
}
