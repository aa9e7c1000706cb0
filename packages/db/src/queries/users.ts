import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { units, userRoles, users, type Role } from '../schema/index.js';
import { firstOrNull, idInOrg } from './rows.js';

export type UserRow = typeof users.$inferSelect;

export interface UserRoleRow {
  userId: number;
  role: Role;
  /** The unit code of an enhetschef's role; null for the others. */
  unit: string | null;
}

export function findUserById(db: Db, userId: number): Promise<UserRow | null> {
  return firstOrNull(db.select().from(users).where(eq(users.id, userId)));
}

/** Usernames are unique within an organisation only. */
export function findUserByUsername(db: Db, orgId: string, username: string): Promise<UserRow | null> {
  return firstOrNull(
    db
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.username, username))),
  );
}

/** An organisation's users by username. */
export async function listUserRows(db: Db, orgId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.username));
}

/** Every role of every user of an organisation. */
export async function listUserRoleRows(db: Db, orgId: string): Promise<UserRoleRow[]> {
  return db
    .select({ userId: userRoles.userId, role: userRoles.role, unit: units.code })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(users.orgId, orgId));
}

/** One user's roles. */
export async function rolesOfUser(db: Db, userId: number): Promise<Omit<UserRoleRow, 'userId'>[]> {
  return db.select({ role: userRoles.role, unit: units.code }).from(userRoles).leftJoin(units, eq(units.id, userRoles.unitId)).where(eq(userRoles.userId, userId));
}

export async function insertUser(db: Db, u: { orgId: string; username: string; displayName: string; email: string | null; passwordHash: string | null }): Promise<number> {
  const [row] = await db.insert(users).values(u).returning({ id: users.id });
  if (!row) throw new Error('user insert returned nothing');
  return row.id;
}

/** Adds roles to a user (unitId: an enhetschef's unit, else null). */
export async function insertUserRoles(db: Db, rows: readonly { userId: number; role: Role; unitId: number | null }[]): Promise<void> {
  if (rows.length) await db.insert(userRoles).values([...rows]);
}

export async function deleteUserRoles(db: Db, userId: number): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
}

/** Disables or enables a user; either way her failed-login count and lock are cleared. */
export async function updateUserDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db.update(users).set({ disabled, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** A new password hash, clearing the lock; false when the organisation has no such user. */
export async function updateUserPassword(db: Db, orgId: string, userId: number, passwordHash: string): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null })
    .where(idInOrg(users, { orgId, id: userId }))
    .returning({ id: users.id });
  return row !== undefined;
}

/** The failed-login counter and lock of a user; an id no user has changes nothing. */
export async function updateFailedLogins(db: Db, userId: number, set: { failedLogins: number; lockedUntil?: Date | null }): Promise<void> {
  await db.update(users).set(set).where(eq(users.id, userId));
}
