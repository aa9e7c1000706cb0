import type { Db } from '@lagesbild/db';
import type { Role } from '@lagesbild/domain';

export type { Role };

export interface SessionUser {
  /** The username, or "device:<id>" for a wall screen: what the audit log calls the actor. */
  id: string;
  /** The users row; null for a device. */
  userId: number | null;
  name: string;
  roles: Role[];
}

/** Which units a caller may read: everything, or the subtrees of some units (as the tree is in the period viewed). */
export type Scope = { kind: 'all' } | { kind: 'units'; units: string[] };

export interface RequestInfo {
  /** An HTTP request, or a caller inside the process (tests, the CLI). */
  via: 'http' | 'process';
  ip: string | null;
  userAgent: string | null;
  /** The x-csrf-token header, compared with the session's token on every mutation. */
  csrfHeader: string | null;
  /** Served over HTTPS: cookies get the Secure flag. */
  secure: boolean;
}

export interface Context {
  db: Db;
  orgId: string;
  user: SessionUser | null;
  scope: Scope;
  /** Hide small groups in every output (DESIGN.md, Privacy). Only roles with a need see exact small counts. */
  suppress: boolean;
  session: { tokenHash: string; csrfToken: string } | null;
  /** A wall screen: reads its board only, always suppressed. */
  device: { id: number; boardId: number } | null;
  request: RequestInfo;
  /** Adds a Set-Cookie header to the response (login, logout). */
  setCookie: (cookie: string) => void;
  now: () => Date;
}

/** The caller of a procedure as the audit log names her: who and from which address. */
export const actorOf = (ctx: { user: { id: string }; request: { ip: string | null } }): { id: string; ip: string | null } => ({ id: ctx.user.id, ip: ctx.request.ip });

/** Roles that see exact small counts unless the organisation says otherwise (organisations.exact_value_roles). */
export const DEFAULT_EXACT_VALUE_ROLES: readonly Role[] = ['admin'];

export function needsSuppression(user: SessionUser | null, exactValueRoles: readonly string[] = DEFAULT_EXACT_VALUE_ROLES): boolean {
  return !user || !user.roles.some((r) => exactValueRoles.includes(r));
}

const NO_REQUEST: RequestInfo = { via: 'process', ip: null, userAgent: null, csrfHeader: null, secure: false };

/**
 * A context for a caller inside the process (tests, the CLI): no cookies, no
 * CSRF. HTTP requests get theirs from access/request-context.ts.
 */
export function callerContext(db: Db, orgId: string, who: { user: SessionUser | null; scope: Scope; exactValueRoles?: readonly string[]; device?: Context['device'] }): Context {
  return {
    db,
    orgId,
    user: who.user,
    scope: who.scope,
    suppress: who.device ? true : needsSuppression(who.user, who.exactValueRoles),
    session: null,
    device: who.device ?? null,
    request: NO_REQUEST,
    setCookie: () => undefined,
    now: () => new Date(),
  };
}
