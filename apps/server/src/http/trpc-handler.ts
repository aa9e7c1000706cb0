import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, bodyLimitFor, bodyTooLargeMessage, requestContext } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import { BODY_LIMIT_PUBLIC, MAX_BATCH_SIZE } from '@lagesbild/domain';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { HttpError, requestUrl, type Log } from './errors.js';
import { prepareEventStream } from './sse.js';

const BASE = '/trpc/';

/**
 * tRPC under /trpc/. Before tRPC reads a byte of the body, the request's size
 * and batch are checked against limits.ts: too many calls is 400, a body over
 * the procedure's and caller's limit is 413 (declared in Content-Length: at
 * once; sent chunked: as soon as it passes the limit, by tRPC's maxBodySize).
 */
export function trpcHandler(o: { db: Db; orgId: string; trustProxy: boolean; log: Log }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { url } = requestUrl(req);
    const path = url.pathname.slice(BASE.length).replace(/\/+$/, '');
    const procedures = url.searchParams.get('batch') === '1' ? path.split(',') : [path];
    if (procedures.length > MAX_BATCH_SIZE) {
      throw new HttpError(400, `För många anrop i en begäran: högst ${MAX_BATCH_SIZE}, här ${procedures.length}. Dela upp dem på flera begäranden.`);
    }
    const limit = req.method === 'POST' ? await bodyLimitFor(o.db, req, procedures, new Date()) : BODY_LIMIT_PUBLIC;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) throw new HttpError(413, bodyTooLargeMessage(limit));
    prepareEventStream(req, res);
    await nodeHTTPRequestHandler({
      router: appRouter,
      req,
      res,
      path,
      maxBodySize: limit,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ info }) => requestContext({ db: o.db, defaultOrgId: o.orgId, req, res, trustProxy: o.trustProxy, connectionParams: info.connectionParams }),
      onError: ({ error, path: procedure }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') o.log(`Serverfel 500 i ${procedure ?? 'tRPC'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
      },
    });
  };
}
