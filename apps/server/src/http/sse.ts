import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Subscriptions (tRPC over SSE, GET with Accept: text/event-stream) stay open
 * for hours: each event must leave at once, and nothing on the way may hold
 * it back or cut the idle stream. The heartbeat that keeps it busy comes from
 * the live router (a status message every 15 s).
 */
export function prepareEventStream(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/event-stream')) return;
  // No Nagle delay for small event frames; TCP keep-alive notices a peer that vanished without a FIN.
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true, 30_000);
  req.socket.setTimeout(0);
  // Reverse proxies (nginx) buffer responses unless told not to; no cache or transform may merge events.
  res.setHeader('x-accel-buffering', 'no');
  res.setHeader('cache-control', 'no-cache, no-transform');
}
