import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { requestInfo } from '@lagesbild/api';
import { closeEventBus, type Database } from '@lagesbild/db';
import { openLoginLink } from './auth-routes.js';
import { buildIdReader } from './build-id.js';
import { answerError, defaultLog, HttpError, type Log } from './errors.js';
import { startKoladaRefresh } from './kolada-refresh.js';
import { LIVE_EVENTS_PATH, serveLiveStream } from './live-stream.js';
import type { Periodic } from './periodic.js';
import { DEFAULT_SESSION_PURGE_MS, startSessionPurge } from './session-purge.js';
import { EVENT_STREAM_HEADERS } from './sse.js';
import { serveStatic } from './static.js';
import { trpcHandler } from './trpc-handler.js';

export interface ServerOptions {
  database: Database;
  /**
   * The organisation a sign-in without ?org= logs into. A signed-in request
   * reads its session's organisation and a wall screen its token's, so one
   * server serves every tenant in the database.
   */
  orgId: string;
  port: number;
  host?: string;
  /** The built dashboard (apps/dashboard/dist). */
  staticDir?: string;
  /** Behind a reverse proxy: trust its X-Forwarded-Proto/For. */
  trustProxy?: boolean;
  /** Where refused and failed requests are logged (default: stderr). */
  log?: Log;
  /** How often expired sessions are purged (ms; default hourly, LAGESBILD_SESSION_PURGE_MINUTES). */
  sessionPurgeMs?: number;
  /** How often Kolada's comparison figures are fetched (ms; 0 or absent: never, LAGESBILD_KOLADA_REFRESH_HOURS via serve). */
  koladaRefreshMs?: number;
  /** Kolada's API (default https://api.kolada.se/v2). */
  koladaUrl?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = resolve(import.meta.dirname, '../../../dashboard/dist');

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'",
};
/** Once reached over HTTPS, browsers should never fall back to plain HTTP. */
const HSTS = { 'strict-transport-security': 'max-age=31536000' };
/** A live stream's headers, one object for all of them (over HTTP and over HTTPS). */
const LIVE_HEADERS = { ...SECURITY_HEADERS, ...EVENT_STREAM_HEADERS };
const LIVE_HEADERS_SECURE = { ...LIVE_HEADERS, ...HSTS };

/** One HTTP host: tRPC under /trpc, GET /health, and the dashboard for everything else. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const trustProxy = opts.trustProxy ?? false;
  const log = opts.log ?? defaultLog;
  const trpc = trpcHandler({ db: opts.database.db, orgId: opts.orgId, trustProxy, log });
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  const buildId = buildIdReader(staticDir);
  const live = { db: opts.database.db, orgId: opts.orgId, trustProxy };
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const secure = requestInfo(req, trustProxy).secure;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Before any header is set: a live stream's go out from one shared object (thousands of screens stay connected for hours).
    if (path.replace(/\/+$/, '') === LIVE_EVENTS_PATH && (await serveLiveStream(live, req, res, secure ? LIVE_HEADERS_SECURE : LIVE_HEADERS))) return;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (secure) for (const [k, v] of Object.entries(HSTS)) res.setHeader(k, v);
    if (path === '/health') {
      // The build id travels as a header so the body stays the documented {"status":"ok",…}.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-lagesbild-build': buildId() ?? 'none' });
      res.end(JSON.stringify({ status: 'ok', database: opts.database.kind }));
      return;
    }
    if (path === '/auth/open' && req.method === 'GET') return openLoginLink(opts.database.db, trustProxy, req, res);
    if (path.startsWith('/trpc/')) return trpc(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Metoden stöds inte här: sidorna läses med GET.');
    return serveStatic(staticDir, req, res);
  };
  // Every request's errors, thrown or rejected, end in the one handler: no request can end the process.
  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => answerError(err, req, res, log));
  });
  // Bytes that are not HTTP at all: Node's parser refuses them; answer 400 in Swedish and log, as for any bad request.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    log(`Felaktig begäran ${tooLarge ? 431 : 400} (${err.code ?? 'okänt'}): ${err.message}`);
    const body = tooLarge
      ? 'Begärans huvuden är för stora (ofta för många eller för långa kakor). Rensa kakorna för sidan och försök igen.\n'
      : 'Begäran kunde inte läsas (felaktig HTTP).\n';
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => ok());
  });
  const jobs: Periodic[] = [startSessionPurge(opts.database.db, opts.sessionPurgeMs ?? DEFAULT_SESSION_PURGE_MS, log)];
  if (opts.koladaRefreshMs) jobs.push(startKoladaRefresh(opts.database.db, opts.koladaRefreshMs, opts.koladaUrl, log));
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      })
        .then(() => Promise.all(jobs.map((j) => j.stop())))
        .then(() => closeEventBus(opts.database.db)),
  };
}
