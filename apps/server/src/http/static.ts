import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { requestUrl } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The path of `file` inside `base`, or null when it is base itself or lies
 * outside: compared by path segments, so "/srv/dist-old" is not inside "/srv/dist".
 */
function pathInside(base: string, file: string): string | null {
  const rel = relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The built dashboard: files from dist, and index.html for every client-side route. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const base = resolve(root);
  // A malformed %-escape is a 400 from requestUrl, answered by the server's one error handler.
  const { path } = requestUrl(req);
  const candidate = path.includes('\0') ? null : resolve(base, `.${sep}${path}`);
  const rel = candidate ? pathInside(base, candidate) : null;
  const file = candidate && rel !== null && (await isFile(candidate)) ? candidate : join(base, 'index.html');
  if (!(await isFile(file))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Dashboarden är inte byggd. Kör "pnpm build" (eller "pnpm start") först.\n');
    return;
  }
  // Hashed assets never change; index.html must always be fresh so a new deployment is picked up.
  const immutable = rel !== null && file === candidate && rel.startsWith(`assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A read error (the file replaced by a deployment midway) rejects here and reaches the error handler;
  // a browser that went away midway is no error.
  await pipeline(createReadStream(file), res).catch((err: unknown) => {
    if ((err as { code?: unknown }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
  });
}
