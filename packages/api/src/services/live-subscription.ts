import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import type { Context } from '../context.js';
import { liveHubFor, type LiveMembership, type LiveOut } from './live-hub.js';
import type { LiveEventMessage, LiveStatusMessage } from './live-shape.js';

export { LIVE_HEARTBEAT_MS, type LiveMembership, type LiveOut } from './live-hub.js';

type LiveItem = TrackedEnvelope<LiveEventMessage> | LiveStatusMessage;

/** The words a refused stream ends with: its client reconnects, or asks its user to log in. */
export const refusedMessage = (device: boolean): string =>
  device ? 'Skärmens nyckel har dragits in eller dess tavla har ändrats; skärmen ansluter på nytt.' : 'Sessionen har upphört. Logga in igen.';

/** Event ids are the events table's; anything else from a client means "from now". */
export function parseEventId(id: string | null | undefined): number | null {
  if (!id || !/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}

/**
 * One caller's live stream, after the procedure's checks. The HTTP server
 * attaches it straight to the response (`attach`), so the per-audience bytes
 * are written as they are; anyone else (tests, other transports) iterates it
 * as tRPC subscriptions do, with tracked() ids.
 */
export class LiveSubscription implements AsyncIterable<LiveItem> {
  constructor(
    private readonly ctx: Context,
    private readonly lastEventId: number | null,
    private readonly signal?: AbortSignal,
  ) {}

  /** Joins the hub with `out`; resolves after the catch-up with the membership, whose leave() ends it. */
  attach(out: LiveOut): Promise<LiveMembership> {
    return liveHubFor(this.ctx.db).join(this.ctx, this.lastEventId, out);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<LiveItem, void> {
    const queue: (LiveItem | TRPCError)[] = [];
    let wake: (() => void) | null = null;
    const push = (item: LiveItem | TRPCError) => {
      queue.push(item);
      wake?.();
    };
    const signal = this.signal;
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    const membership = await this.attach({
      event: (m) => push(tracked(String(m.id), m)),
      status: (m) => push(m),
      refuse: (device) => push(new TRPCError({ code: 'UNAUTHORIZED', message: refusedMessage(device) })),
      get closed() {
        return signal?.aborted ?? false;
      },
    });
    try {
      while (!signal?.aborted) {
        const item = queue.shift();
        if (item instanceof TRPCError) throw item;
        if (item) yield item;
        else await new Promise<void>((ok) => (wake = ok));
      }
    } finally {
      membership.leave();
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
