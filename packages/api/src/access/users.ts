import { units, userRoles, users, type Db, type Role } from '@lagesbild/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { InputError, NotFoundError } from '../services/errors.js';
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

export async function createUser(
  db: Db,
  orgId: string,
  u: { username: string; displayName: string; email?: string | null; password: string | null; roles: RoleGrant[] },
): Promise<UserView> {
  const username = normaliseUsername(u.username);
  if (u.password !== null) {
    const problem = passwordProblem(u.password, username);
    if (problem) throw new InputError(problem);
  }
  const ids = await unitIds(db, orgId, u.roles);
  const passwordHash = u.password === null ? null : await hashPassword(u.password);
  const [existing] = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.username, username)));
  if (existing) throw new InputError(`Användaren "${username}" finns redan.`);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ orgId, username, displayName: u.displayName.trim() || username, email: u.email ?? null, passwordHash }).returning({ id: users.id });
    if (!row) throw new Error('user insert returned nothing');
    if (u.roles.length) await tx.insert(userRoles).values(u.roles.map((g) => ({ userId: row.id, role: g.role, unitId: g.role === 'enhetschef' && g.unit ? (ids.get(g.unit) ?? null) : null })));
    return row.id;
  });
  return getUser(db, orgId, id);
}

/** Replaces a user's roles; her sessions end so the new rights apply at once. */
export async function setRoles(db: Db, orgId: string, userId: number, grants: RoleGrant[]): Promise<UserView> {
  await getUser(db, orgId, userId);
  const ids = await unitIds(db, orgId, grants);
  await db.transaction(async (tx) => {
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (grants.length) await tx.insert(userRoles).values(grants.map((g) => ({ userId, role: g.role, unitId: g.role === 'enhetschef' && g.unit ? (ids.get(g.unit) ?? null) : null })));
  });
  await deleteUserSessions(db, userId);
  return getUser(db, orgId, userId);
}

export async function setDisabled(db: Db, orgId: string, userId: number, disabled: boolean): Promise<UserView> {
  await getUser(db, orgId, userId);
  await db.update(users).set({ disabled, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  if (disabled) await deleteUserSessions(db, userId);
  return getUser(db, orgId, userId);
}

export async function setPassword(db: Db, orgId: string, userId: number, password: string): Promise<void> {
  const u = await getUser(db, orgId, userId);
  const problem = passwordProblem(password, u.username);
  if (problem) throw new InputError(problem);
  await db.update(users).set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  await deleteUserSessions(db, userId);
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
