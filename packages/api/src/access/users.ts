import { units, userRoles, users, type Db, type Role } from '@lagesbild/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
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
  const rows = await db.select({ id: units.id, code: units.code }).from(units).where(and(eq(units.orgId, orgId), inArray(units.code, codes)));
  const found = new Map(rows.map((r) => [r.code, r.id]));
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length) throw new InputError(`Enheten ${missing.map((m) => `"${m}"`).join(', ')} finns inte. Se "pnpm lagesbild units".`);
  return found;
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
    const [existing] = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.username, username)));
    if (existing) throw new InputError(`Användaren "${username}" finns redan.`);
    const [row] = await tx.insert(users).values({ orgId, username, displayName: u.displayName.trim() || username, email: u.email ?? null, passwordHash }).returning({ id: users.id });
    if (!row) throw new Error('user insert returned nothing');
    if (u.roles.length) await tx.insert(userRoles).values(u.roles.map((g) => ({ userId: row.id, role: g.role, unitId: g.role === 'enhetschef' && g.unit ? (ids.get(g.unit) ?? null) : null })));
    const view = await getUser(tx, orgId, row.id);
    await auditAs(tx, actor, { orgId, action: 'user.created', target: `user:${view.username}`, detail: { roles: view.roles } });
    return view;
  });
}

/** Replaces a user's roles; her sessions end so the new rights apply at once. Audited in the same transaction. */
export async function setRoles(db: Db, orgId: string, userId: number, grants: RoleGrant[], actor: Actor): Promise<UserView> {
  return db.transaction(async (tx) => {
    await getUser(tx, orgId, userId);
    const ids = await unitIds(tx, orgId, grants);
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (grants.length) await tx.insert(userRoles).values(grants.map((g) => ({ userId, role: g.role, unitId: g.role === 'enhetschef' && g.unit ? (ids.get(g.unit) ?? null) : null })));
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
    await tx.update(users).set({ disabled, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
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
    const [row] = await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(and(eq(users.id, userId), eq(users.orgId, orgId))).returning({ id: users.id });
    if (!row) throw new NotFoundError(`Användaren med id ${userId} finns inte.`);
    await deleteUserSessions(tx, userId);
    await auditAs(tx, actor, { orgId, action: 'user.password_changed', target: `user:${u.username}` });
  });
  return u.username;
}

export async function listUsers(db: Db, orgId: string, now = new Date()): Promise<UserView[]> {
  const rows = await db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.username));
  const roles = await db
    .select({ userId: userRoles.userId, role: userRoles.role, unit: units.code })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(users.orgId, orgId));
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
