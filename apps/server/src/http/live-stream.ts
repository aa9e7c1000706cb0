import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, LiveSubscription, refusedMessage, requestContext, type LiveMembership, type LiveOut } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import { TRPCError } from '@trpc/server';
import { getErrorShape, parseConnectionParamsFromString } from '@trpc/server/unstable-core-do-not-import';
import { tuneEventSocket } from './sse.js';

const PATH = 'live.events';
/** The stream's path on the server (tRPC's base and the procedure). */
export const LIVE_EVENTS_PATH = `/trpc/${PATH}`;
/** tRPC's first message on every SSE stream: its client options (reconnectAfterInactivityMs, set in the API's initTRPC). */
const CONNECTED = Buffer.from(`event: connected\ndata: ${JSON.stringify(appRouter._def._config.sse?.client ?? {})}\n\n\n`);
/** A client this far behind is cut off; it reconnects with its last event id and catches up from the table. */
const MAX_BUFFERED = 1 << 20;

/** A stream's end in tRPC's words, so httpSubscriptionLink raises the error (e.g. UNAUTHORIZED) to its caller. */
function errorFrame(error: TRPCError): string {
  const shape = getErrorShape({ config: appRouter._def._config, ctx: undefined, error, input: undefined, path: PATH, type: 'subscription' });
  return `event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`;
}

/**
 * One subscriber's response. Its state is the response, the last id it
 * was sent (for tRPC's restore-id after an untracked status message) and its
 * membership of the hub; event frames arrive as bytes shared by its whole audience.
 */
class SseOut implements LiveOut {
  /** Set once the catch-up is done; a response that closes before then leaves right after it. */
  membership: LiveMembership | null = null;

  constructor(
    private readonly res: ServerResponse,
    private lastId: string | number | null,
  ) {}

  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  event(message: { id: number }, frame: Buffer): void {
    if (this.closed) return;
    this.res.write(frame);
    this.lastId = message.id;
    if (this.res.writableLength > MAX_BUFFERED) this.res.destroy();
  }

  status(_message: unknown, json: string): void {
    if (this.closed) return;
    // As tRPC's producer does: an id-less message clears the client's last id, which restore-id sets back.
    this.res.write(this.lastId === null ? `data: ${json}\n\n\n` : `data: ${json}\nid: \n\n\nevent: restore-id\ndata: \nid: ${this.lastId}\n\n\n`);
  }

  refuse(device: boolean): void {
    if (!this.closed) this.res.end(errorFrame(new TRPCError({ code: 'UNAUTHORIZED', message: refusedMessage(device) })));
  }

  /** The response's 'close' listener (bound: one small function per stream, no closure over the request). */
  leave(): void {
    this.membership?.leave();
  }
}

/**
 * live.events over SSE without tRPC's per-stream pipeline (an async
 * generator, three web streams and a text encoder per subscriber): the
 * procedure still runs through tRPC (its middleware checks the caller and
 * returns the LiveSubscription), and the response speaks tRPC's SSE protocol,
 * but the hub writes each audience's bytes to the socket directly.
 * `headers` is every header of the response in one object shared by all
 * streams: written with writeHead on a response that has none set, node
 * keeps no copy of them per stream.
 * Returns false when tRPC should answer instead (any refusal or malformed
 * request, so those read exactly as tRPC words them).
 */
export async function serveLiveStream(
  o: { db: Db; orgId: string; trustProxy: boolean },
  req: IncomingMessage,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/event-stream')) return false;
  let url: URL;
  let input: unknown;
  let connectionParams: ReturnType<typeof parseConnectionParamsFromString> | null;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
    const raw = url.searchParams.get('input');
    input = raw === null ? undefined : JSON.parse(raw);
    const params = url.searchParams.get('connectionParams');
    connectionParams = params === null ? null : parseConnectionParamsFromString(params);
  } catch {
    return false;
  }
  // Where EventSource puts the id on a reconnect; tRPC reads it the same way.
  const header = req.headers['last-event-id'];
  const lastEventId = (typeof header === 'string' ? header : null) ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
  if (lastEventId) input = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input, lastEventId } : (input ?? { lastEventId });
  let subscription: unknown;
  try {
    const ctx = await requestContext({ db: o.db, defaultOrgId: o.orgId, req, res, trustProxy: o.trustProxy, connectionParams });
    subscription = await appRouter.createCaller(ctx).live.events(input as { lastEventId?: string | null });
  } catch {
    // tRPC builds the context again and answers; the cookie it may clear is set once.
    res.removeHeader('set-cookie');
    return false;
  }
  if (!(subscription instanceof LiveSubscription)) return false;
  tuneEventSocket(req.socket);
  res.writeHead(200, headers);
  res.write(CONNECTED);
  const out = new SseOut(res, lastEventId && !/[\0\n\r]/.test(lastEventId) ? lastEventId : null);
  res.on('close', out.leave.bind(out));
  try {
    out.membership = await subscription.attach(out);
  } catch (err) {
    if (!out.closed) res.end(errorFrame(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Händelserna kunde inte läsas ur databasen; anslutningen görs om.', cause: err })));
    return true;
  }
  if (out.closed) out.leave();
  return true;
}
