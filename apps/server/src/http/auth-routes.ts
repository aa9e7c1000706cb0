import type { IncomingMessage, ServerResponse } from 'node:http';
import { redeemLoginLink, requestInfo, sessionCookie } from '@lagesbild/api';
import type { Db } from '@lagesbild/db';
import { isSitePath } from '@lagesbild/domain';
import { requestUrl } from './errors.js';

/** Sign-in link tokens are base64url of 32 bytes; anything else cannot be one. */
const TOKEN_RE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Where to go after sign-in: a path on this site, never an open redirect, and
 * written %-encoded, so that any text ("/€") makes a valid Location header.
 */
function nextTarget(next: string | null): string {
  if (!next || !isSitePath(next)) return '/';
  try {
    const u = new URL(next, 'http://localhost');
    const target = `${u.pathname}${u.search}${u.hash}`;
    return u.host === 'localhost' && isSitePath(target) ? target : '/';
  } catch {
    return '/';
  }
}

/**
 * GET /auth/open?token=…: a one-time sign-in link (printed by the CLI, or
 * given by an admin at /admin/anvandare) becomes a session cookie, then the
 * browser goes on to the dashboard. A used or expired link lands on the login
 * page with a message. Everything in the request is checked before the link
 * is redeemed, so nothing after can fail and waste it.
 */
export async function openLoginLink(db: Db, trustProxy: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { url } = requestUrl(req);
  const token = url.searchParams.get('token') ?? '';
  const target = nextTarget(url.searchParams.get('next'));
  const info = requestInfo(req, trustProxy);
  const session = TOKEN_RE.test(token) ? await redeemLoginLink(db, token, { ip: info.ip, userAgent: info.userAgent, now: new Date() }) : null;
  if (!session) {
    res.writeHead(303, { location: '/logga-in?lank=ogiltig', 'cache-control': 'no-store' }).end();
    return;
  }
  res.writeHead(303, { location: target, 'set-cookie': sessionCookie(session.token, info.secure), 'cache-control': 'no-store' }).end();
}
