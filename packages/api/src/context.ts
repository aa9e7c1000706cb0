import type { Db } from '@lagesbild/db';

export type Role = 'admin' | 'forvaltningschef' | 'enhetschef' | 'analytiker';

export interface SessionUser {
  id: string;
  name: string;
  roles: Role[];
}

/** Which units a caller may read: everything, or the subtrees of some units. */
export type Scope = { kind: 'all' } | { kind: 'units'; units: string[] };

export interface Context {
  db: Db;
  orgId: string;
  user: SessionUser | null;
  scope: Scope;
  /** Hide small groups in every output (DESIGN.md, Privacy). Only roles with a need see exact small counts. */
  suppress: boolean;
}

/** Roles that may see exact small counts; everyone else, and every wall screen, gets suppressed data. */
export const EXACT_VALUE_ROLES: readonly Role[] = ['admin'];

export function needsSuppression(user: SessionUser | null): boolean {
  return !user || !user.roles.some((r) => EXACT_VALUE_ROLES.includes(r));
}

/**
 * Until login exists (the access issue) every request runs as a development
 * user with full scope. Access control plugs in here, not in the procedures.
 */
export const DEV_USER: SessionUser = { id: 'dev', name: 'Utvecklare', roles: ['admin'] };

export function createContext(db: Db, orgId: string): Context {
  return { db, orgId, user: DEV_USER, scope: { kind: 'all' }, suppress: needsSuppression(DEV_USER) };
}
