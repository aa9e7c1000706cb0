import type { IncomingMessage, ServerResponse } from 'node:http';
import { redeemLoginLink, requestInfo, sessionCookie } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import { isSitePath } from '@lagesbild/domain';

/**
 * GET /auth/open?token=…: a one-time sign-in link (printed by the CLI) becomes
 * a session cookie, then the browser goes on to the dashboard. A used or
 * expired link lands on the login page with a message.
 */
export async function openLoginLink(db: Db, trustProxy: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token') ?? '';
  const info = requestInfo(req, trustProxy);
  const session = token ? await redeemLoginLink(db, token, { ip: info.ip, userAgent: info.userAgent, now: new Date() }) : null;
  if (!session) {
    res.writeHead(303, { location: '/logga-in?lank=ogiltig', 'cache-control': 'no-store' }).end();
    return;
  }
  // Only a path on this site, never an open redirect.
  const next = url.searchParams.get('next');
  const target = next && isSitePath(next) ? next : '/';
  res.writeHead(303, { location: target, 'set-cookie': sessionCookie(session.token, info.secure), 'cache-control': 'no-store' }).end();
}
