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
}

/**
 * Until login exists (the access issue) every request runs as a development
 * user with full scope. Access control plugs in here, not in the procedures.
 */
export const DEV_USER: SessionUser = { id: 'dev', name: 'Utvecklare', roles: ['admin'] };

export function createContext(db: Db, orgId: string): Context {
  return { db, orgId, user: DEV_USER, scope: { kind: 'all' } };
}
