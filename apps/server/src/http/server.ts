import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { appRouter, requestContext, requestInfo } from '@lagesbild/api';
import { closeEventBus, type Database } from '@lagesbild/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { openLoginLink } from './auth-routes.js';
import { buildIdReader } from './build-id.js';
import { prepareEventStream } from './sse.js';
import { serveStatic } from './static.js';

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

/** One HTTP host: tRPC under /trpc, GET /health, and the dashboard for everything else. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res, info }) =>
      requestContext({ db: opts.database.db, defaultOrgId: opts.orgId, req, res, trustProxy: opts.trustProxy ?? false, connectionParams: info.connectionParams }),
    // Imports arrive as base64 in the body; anything larger is refused before parsing.
    maxBodySize: 70 * 1024 * 1024,
    maxBatchSize: 20,
  });
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  const buildId = buildIdReader(staticDir);
  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // Once reached over HTTPS, browsers should never fall back to plain HTTP.
    if (requestInfo(req, opts.trustProxy ?? false).secure) res.setHeader('strict-transport-security', 'max-age=31536000');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health') {
      // The build id travels as a header so the body stays the documented {"status":"ok",…}.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-lagesbild-build': buildId() ?? 'none' });
      res.end(JSON.stringify({ status: 'ok', database: opts.database.kind }));
      return;
    }
    if (path === '/auth/open' && req.method === 'GET') {
      openLoginLink(opts.database.db, opts.trustProxy ?? false, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (path.startsWith('/trpc/')) {
      prepareEventStream(req, res);
      trpc(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(staticDir, req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }).then(() => closeEventBus(opts.database.db)),
  };
}
