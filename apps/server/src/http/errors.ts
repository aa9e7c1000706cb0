import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer to a request outside tRPC that the client got wrong (4xx), with its Swedish message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type Log = (line: string) => void;

export const defaultLog: Log = (line) => process.stderr.write(`${line}\n`);

const BAD_ADDRESS = 'Adressen är felaktig (till exempel en trasig %-kodning). Kontrollera länken och försök igen.';
const INTERNAL = 'Ett oväntat fel inträffade på servern. Försök igen om en stund; kvarstår felet, kontakta en administratör.';

/**
 * The request's URL, parsed. A client may send any bytes as the request
 * target; one that is no URL, or whose path is not valid %-encoded UTF-8, is a
 * bad request, never an exception that reaches the process.
 */
export function requestUrl(req: IncomingMessage): { url: URL; path: string } {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    throw new HttpError(400, BAD_ADDRESS);
  }
}

/** How an error shows in the log: one line, without the query string (it may carry a sign-in token). */
function describe(req: IncomingMessage, err: unknown): string {
  const target = (req.url ?? '').split('?')[0]?.slice(0, 200) ?? '';
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `${req.method ?? '?'} ${JSON.stringify(target)}: ${detail}`;
}

/** tRPC's names and JSON-RPC numbers for the statuses, so a tRPC client reads these refusals as its own errors. */
const CODES: Record<number, [string, number]> = {
  400: ['BAD_REQUEST', -32600],
  405: ['METHOD_NOT_SUPPORTED', -32005],
  413: ['PAYLOAD_TOO_LARGE', -32013],
  500: ['INTERNAL_SERVER_ERROR', -32603],
};

/** The body of a refusal under /trpc/: tRPC's error envelope, one per call of a batch. */
function trpcBody(req: IncomingMessage, status: number, message: string): string {
  const [code, number] = CODES[status] ?? (status >= 500 ? CODES[500] : CODES[400]) ?? ['BAD_REQUEST', -32600];
  const one = { error: { message, code: number, data: { code, httpStatus: status } } };
  const url = req.url ?? '';
  if (!/[?&]batch=1(&|$)/.test(url)) return JSON.stringify(one);
  const calls = (url.split('?')[0] ?? '').slice('/trpc/'.length).split(',').length;
  return JSON.stringify(Array.from({ length: Math.min(calls, 100) }, () => one));
}

/**
 * The one handler for every error outside tRPC (tRPC answers its own): a
 * client's mistake becomes 400 (or the HttpError's status), anything else
 * 500, both in Swedish — as JSON to API callers, plain text to browsers — and
 * logged. A response already under way is cut off, since no status can follow.
 */
export function answerError(err: unknown, req: IncomingMessage, res: ServerResponse, log: Log): void {
  const status = err instanceof HttpError ? err.status : err instanceof URIError ? 400 : 500;
  const message = err instanceof HttpError ? err.message : status === 400 ? BAD_ADDRESS : INTERNAL;
  log(`${status >= 500 ? 'Serverfel' : 'Felaktig begäran'} ${status} ${describe(req, err)}`);
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const json = (req.url ?? '').startsWith('/trpc/') || (req.headers.accept ?? '').includes('application/json');
  const drain = !req.complete && discardBody(req);
  res.writeHead(status, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...(drain ? {} : { connection: 'close' }),
  });
  res.end(json ? trpcBody(req, status, message) : `${message}\n`);
}

/** The most of a refused body read (and thrown away) so that its sender gets to read the refusal. */
const DRAIN_MAX_BYTES = 128 * 1024 * 1024;

/**
 * A refused body may still be arriving. Closing the socket under it makes the
 * kernel reset the connection, and the sender then sees "fetch failed" instead
 * of the refusal (a lingering close, as nginx does). So read and discard what
 * comes, up to a bound; a sender of more than that is cut off.
 */
function discardBody(req: IncomingMessage): boolean {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > DRAIN_MAX_BYTES) return false;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_MAX_BYTES) req.socket.destroy();
  });
  req.on('error', () => req.socket.destroy());
  return true;
}
