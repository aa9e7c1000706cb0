import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * An event stream's own headers, as tRPC sends them: reverse proxies (nginx)
 * buffer responses unless told not to, and no cache or transform may merge events.
 */
export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

/** No Nagle delay for small event frames; TCP keep-alive notices a peer that vanished without a FIN; no idle timeout. */
export function tuneEventSocket(socket: Socket): void {
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 30_000);
  socket.setTimeout(0);
}

/**
 * Subscriptions (tRPC over SSE, GET with Accept: text/event-stream) stay open
 * for hours: each event must leave at once, and nothing on the way may hold
 * it back or cut the idle stream. The heartbeat that keeps it busy comes from
 * the live router (a status message every 15 s).
 */
export function prepareEventStream(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/event-stream')) return;
  tuneEventSocket(req.socket);
  res.setHeader('x-accel-buffering', EVENT_STREAM_HEADERS['x-accel-buffering']);
  res.setHeader('cache-control', EVENT_STREAM_HEADERS['cache-control']);
}
