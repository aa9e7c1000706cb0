import {
  deleteUserRoles,
  findUserByUsername,
  insertUser,
  insertUserRoles,
  listUserRoleRows,
  listUserRows,
  unitIdsByCode,
  updateUserDisabled,
  updateUserPassword,
  type Db,
  type Role,
} from '@lagesbild/db';
import { InputError, NotFoundError } from '../errors.js';
import { auditAs, type Actor } from './audit.js';
import { hashPassword, passwordProblem } from './password.js';
import { deleteUserSessions } from './sessions.js';

export interface RoleGrant {
  role: Role;
  /** Required for enhetschef (the unit she is assigned), ignored otherwise. */
  unit?: string | null;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  locked: boolean;
  hasPassword: boolean;
  roles: { role: Role; unit: string | null }[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function normaliseUsername(raw: string): string {
  const u = raw.trim().toLowerCase();
  if (!USERNAME.test(u)) throw new InputError(`Ogiltigt användarnamn "${raw}": använd 2–64 tecken a–z, 0–9, punkt, bindestreck eller understreck.`);
  return u;
}

async function unitIds(db: Db, orgId: string, grants: readonly RoleGrant[]): Promise<Map<string, number>> {
  const codes = [...new Set(grants.flatMap((g) => (g.role === 'enhetschef' && g.unit ? [g.unit] : [])))];
  for (const g of grants) if (g.role === 'enhetschef' && !g.unit) throw new InputError('En enhetschef måste tilldelas minst en enhet.');
  if (codes.length === 0) return new Map();
  const found = await unitIdsByCode(db, orgId, codes);
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length) throw new InputError(`Enheten ${missing.map((m) => `"${m}"`).join(', ')} finns inte. Se "pnpm lagesbild units".`);
  return found;
}

/** The role rows of some grants: an enhetschef's with her unit's id, the others with none. */
function roleRows(userId: number, grants: readonly RoleGrant[], ids: ReadonlyMap<string, number>) {
  return grants.map((g) => ({ userId, role: g.role, unitId: g.role === 'enhetschef' && g.unit ? (ids.get(g.unit) ?? null) : null }));
}

/** A new user with her roles; the audit entry (user.created) is written in the same transaction. */
export async function createUser(
  db: Db,
  orgId: string,
  u: { username: string; displayName: string; email?: string | null; password: string | null; roles: RoleGrant[] },
  actor: Actor,
): Promise<UserView> {
  const username = normaliseUsername(u.username);
  if (u.password !== null) {
    const problem = passwordProblem(u.password, username);
    if (problem) throw new InputError(problem);
  }
  const ids = await unitIds(db, orgId, u.roles);
  // Hashed before the transaction: scrypt takes a while, and a transaction should not.
  const passwordHash = u.password === null ? null : await hashPassword(u.password);
  return db.transaction(async (tx) => {
    if (await findUserByUsername(tx, orgId, username)) throw new InputError(`Användaren "${username}" finns redan.`);
    const userId = await insertUser(tx, { orgId, username, displayName: u.displayName.trim() || username, email: u.email ?? null, passwordHash });
    await insertUserRoles(tx, roleRows(userId, u.roles, ids));
    const view = await getUser(tx, orgId, userId);
    await auditAs(tx, actor, { orgId, action: 'user.created', target: `user:${view.username}`, detail: { roles: view.roles } });
    return view;
  });
}

/** Replaces a user's roles; her sessions end so the new rights apply at once. Audited in the same transaction. */
export async function setRoles(db: Db, orgId: string, userId: number, grants: RoleGrant[], actor: Actor): Promise<UserView> {
  return db.transaction(async (tx) => {
    await getUser(tx, orgId, userId);
    const ids = await unitIds(tx, orgId, grants);
    await deleteUserRoles(tx, userId);
    await insertUserRoles(tx, roleRows(userId, grants, ids));
    await deleteUserSessions(tx, userId);
    const view = await getUser(tx, orgId, userId);
    await auditAs(tx, actor, { orgId, action: 'user.roles_changed', target: `user:${view.username}`, detail: { roles: view.roles } });
    return view;
  });
}

/** Disables (ending her sessions) or re-enables a user, which also lifts a lock; audited in the same transaction. */
export async function setDisabled(db: Db, orgId: string, userId: number, disabled: boolean, actor: Actor): Promise<UserView> {
  return db.transaction(async (tx) => {
    await getUser(tx, orgId, userId);
    await updateUserDisabled(tx, userId, disabled);
    if (disabled) await deleteUserSessions(tx, userId);
    const view = await getUser(tx, orgId, userId);
    await auditAs(tx, actor, { orgId, action: disabled ? 'user.disabled' : 'user.enabled', target: `user:${view.username}` });
    return view;
  });
}

/**
 * Sets a new password and ends her sessions; returns the username. The audit
 * entry is named by username, like every other entry about a user: login.ts
 * reads it as the end of a lock.
 */
export async function setPassword(db: Db, orgId: string, userId: number, password: string, actor: Actor): Promise<string> {
  const u = await getUser(db, orgId, userId);
  const problem = passwordProblem(password, u.username);
  if (problem) throw new InputError(problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if (!(await updateUserPassword(tx, orgId, userId, passwordHash))) throw new NotFoundError(`Användaren med id ${userId} finns inte.`);
    await deleteUserSessions(tx, userId);
    await auditAs(tx, actor, { orgId, action: 'user.password_changed', target: `user:${u.username}` });
  });
  return u.username;
}

export async function listUsers(db: Db, orgId: string, now = new Date()): Promise<UserView[]> {
  const rows = await listUserRows(db, orgId);
  const roles = await listUserRoleRows(db, orgId);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    disabled: u.disabled,
    locked: u.lockedUntil !== null && u.lockedUntil.getTime() > now.getTime(),
    hasPassword: u.passwordHash !== null,
    roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, unit: r.unit })),
  }));
}

export async function getUser(db: Db, orgId: string, userId: number): Promise<UserView> {
  const u = (await listUsers(db, orgId)).find((x) => x.id === userId);
  if (!u) throw new NotFoundError(`Användaren med id ${userId} finns inte.`);
  return u;
}
