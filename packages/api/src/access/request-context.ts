import type { IncomingMessage, ServerResponse } from 'node:http';
import { exactValueRolesOf, type Db } from '@lagesbild/db';
import { parse, serialize, type SerializeOptions } from 'cookie';
import { needsSuppression, type Context, type RequestInfo } from '../context.js';
import { resolveDeviceToken } from '../services/boards.js';
import { resolveSession, SESSION_ABSOLUTE_MS } from './sessions.js';

export const SESSION_COOKIE = 'lb_session';
export const DEVICE_COOKIE = 'lb_device';

export interface RequestContextOptions {
  db: Db;
  /** The tenant of a caller who is not signed in (the login page); a session or screen brings its own. */
  defaultOrgId: string;
  req: IncomingMessage;
  res: ServerResponse;
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy in front. */
  trustProxy: boolean;
  /** tRPC's connectionParams (an SSE subscription cannot send headers). */
  connectionParams?: Record<string, string | undefined> | null;
  now?: () => Date;
}

export function requestInfo(req: IncomingMessage, trustProxy: boolean): RequestInfo {
  const header = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  // The proxy appends the address it saw; anything left of that came from the client and can be forged.
  const forwardedFor = trustProxy ? header('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  return {
    via: 'http',
    ip: forwardedFor || req.socket.remoteAddress || null,
    userAgent: header('user-agent'),
    csrfHeader: header('x-csrf-token'),
    secure: encrypted || (trustProxy && header('x-forwarded-proto') === 'https'),
  };
}

export function cookieOptions(secure: boolean, maxAgeMs: number): SerializeOptions {
  return { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: Math.floor(maxAgeMs / 1000) };
}

export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, cookieOptions(secure, SESSION_ABSOLUTE_MS));
}

export function clearedCookie(name: string, secure: boolean): string {
  return serialize(name, '', { ...cookieOptions(secure, 0), expires: new Date(0) });
}

/**
 * The context of one HTTP request: who is calling (a session cookie, or a wall
 * screen's device cookie), which organisation (tenant) that caller belongs to,
 * what they may read, and whether small counts are hidden. Nobody is signed in
 * by default: every procedure then refuses.
 */
export async function requestContext(o: RequestContextOptions): Promise<Context> {
  const now = o.now ?? (() => new Date());
  const request = requestInfo(o.req, o.trustProxy);
  const cookies = parse(o.req.headers.cookie ?? '');
  const setCookie = (c: string) => {
    const prev = o.res.getHeader('set-cookie');
    o.res.setHeader('set-cookie', [...(Array.isArray(prev) ? prev : typeof prev === 'string' ? [prev] : []), c]);
  };
  const base = { db: o.db, orgId: o.defaultOrgId, request, setCookie, now };
  const token = cookies[SESSION_COOKIE];
  if (token) {
    const s = await resolveSession(o.db, token, now());
    if (s) {
      const exact = await exactValueRolesOf(o.db, s.orgId);
      return {
        ...base,
        orgId: s.orgId,
        user: s.user,
        scope: s.scope,
        suppress: needsSuppression(s.user, exact),
        session: { tokenHash: s.tokenHash, csrfToken: s.csrfToken },
        device: null,
      };
    }
    setCookie(clearedCookie(SESSION_COOKIE, request.secure));
  }
  // A wall screen sends its token as a cookie, a header, or (for SSE) a connection parameter.
  const header = o.req.headers['x-device-token'];
  const deviceToken = cookies[DEVICE_COOKIE] ?? (typeof header === 'string' ? header : undefined) ?? o.connectionParams?.deviceToken;
  if (deviceToken) {
    const d = await resolveDeviceToken(o.db, deviceToken, now());
    if (d) {
      return {
        ...base,
        orgId: d.orgId,
        user: { id: `device:${d.id}`, userId: null, name: d.name, roles: [] },
        scope: { kind: 'units', units: d.units },
        suppress: true,
        session: null,
        device: { id: d.id, boardId: d.boardId },
      };
    }
  }
  return { ...base, user: null, scope: { kind: 'units', units: [] }, suppress: true, session: null, device: null };
}
