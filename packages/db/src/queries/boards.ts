import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { boards, deviceTokens, type BoardSlide } from '../schema/index.js';
import { firstOrNull, idInOrg } from './rows.js';

export type BoardRow = typeof boards.$inferSelect;
export type DeviceTokenRow = typeof deviceTokens.$inferSelect;

/** The slides of the board an unrevoked device shows; null when the device is unknown or revoked. */
export async function slidesOfDevice(db: Db, deviceId: number): Promise<BoardSlide[] | null> {
  const [d] = await db
    .select({ slides: boards.slides })
    .from(deviceTokens)
    .innerJoin(boards, eq(boards.id, deviceTokens.boardId))
    .where(and(eq(deviceTokens.id, deviceId), isNull(deviceTokens.revokedAt)));
  return d?.slides ?? null;
}

/** The unrevoked device with this token hash and its board's slides, or null. */
export function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<{ d: DeviceTokenRow; slides: BoardSlide[] } | null> {
  return firstOrNull(
    db
      .select({ d: deviceTokens, slides: boards.slides })
      .from(deviceTokens)
      .innerJoin(boards, eq(boards.id, deviceTokens.boardId))
      .where(and(eq(deviceTokens.tokenHash, tokenHash), isNull(deviceTokens.revokedAt))),
  );
}

/** Records that a device was seen now, unless that was recorded after `since` already. */
export async function touchDeviceToken(db: Db, deviceId: number, now: Date, since: Date): Promise<void> {
  await db
    .update(deviceTokens)
    .set({ lastSeenAt: now })
    .where(and(eq(deviceTokens.id, deviceId), or(isNull(deviceTokens.lastSeenAt), lt(deviceTokens.lastSeenAt, since))));
}

/** An organisation's boards by name. */
export async function listBoardRows(db: Db, orgId: string): Promise<BoardRow[]> {
  return db.select().from(boards).where(eq(boards.orgId, orgId)).orderBy(asc(boards.name), asc(boards.id));
}

/** An organisation's devices (revoked ones too) in the order they were made. */
export async function listDeviceTokenRows(db: Db, orgId: string): Promise<DeviceTokenRow[]> {
  return db.select().from(deviceTokens).where(eq(deviceTokens.orgId, orgId)).orderBy(asc(deviceTokens.id));
}

export function findBoardRow(db: Db, orgId: string, id: number): Promise<BoardRow | null> {
  return firstOrNull(db.select().from(boards).where(idInOrg(boards, { orgId, id })));
}

export interface BoardContent {
  name: string;
  slides: BoardSlide[];
}

/** A new board; returns its id. */
export async function insertBoard(db: Db, orgId: string, b: BoardContent, createdBy: string): Promise<number> {
  const [row] = await db.insert(boards).values({ orgId, name: b.name, slides: b.slides, createdBy }).returning({ id: boards.id });
  if (!row) throw new Error('boards: insert returned no row');
  return row.id;
}

/** Replaces a board's name and slides; false when the organisation has no such board. */
export async function updateBoard(db: Db, orgId: string, id: number, b: BoardContent, now: Date): Promise<boolean> {
  const [row] = await db.update(boards).set({ name: b.name, slides: b.slides, updatedAt: now }).where(idInOrg(boards, { orgId, id })).returning({ id: boards.id });
  return row !== undefined;
}

/** A new device for a board; only the token's hash is stored. Returns its id. */
export async function insertDeviceToken(db: Db, d: { orgId: string; boardId: number; name: string; tokenHash: string; createdBy: string }): Promise<number> {
  const [row] = await db.insert(deviceTokens).values(d).returning({ id: deviceTokens.id });
  if (!row) throw new Error('device_tokens: insert returned no row');
  return row.id;
}

export function findDeviceTokenRow(db: Db, orgId: string, id: number): Promise<DeviceTokenRow | null> {
  return firstOrNull(db.select().from(deviceTokens).where(idInOrg(deviceTokens, { orgId, id })));
}

export async function revokeDeviceTokenRow(db: Db, id: number, now: Date): Promise<void> {
  await db.update(deviceTokens).set({ revokedAt: now }).where(eq(deviceTokens.id, id));
}
