/**
 * What each role may do, in one table shared by the server (which enforces it
 * on every procedure, see packages/api/src/trpc.ts) and the dashboard (which
 * only offers what the server will allow). A permission no role grants is
 * refused, so a procedure without a declared rule cannot be reached (default deny).
 */
export type Role = 'admin' | 'forvaltningschef' | 'enhetschef' | 'analytiker';

export type Permission =
  /** Read KPI values within one's scope. */
  | 'read'
  /** Write comments on units within one's scope. */
  | 'comment'
  /** Set targets. */
  | 'target'
  /** Decide a goal's målbedömning (status and prognos) for goals of units within one's scope. */
  | 'assess'
  /** Import files and roll back batches. */
  | 'import'
  /** Users, roles, units, KPI definitions, mappings, boards, device tokens, audit log. */
  | 'admin';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['read', 'comment', 'target', 'assess', 'import', 'admin'],
  forvaltningschef: ['read', 'comment', 'target', 'assess'],
  enhetschef: ['read', 'comment', 'assess'],
  analytiker: ['read'],
};

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => (GRANTS as Record<string, readonly Permission[] | undefined>)[r]?.includes(permission) ?? false);
}
