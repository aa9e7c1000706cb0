import { createHash, randomBytes } from 'node:crypto';
import {
  findBoardRow,
  findDeviceByTokenHash,
  findDeviceTokenRow,
  insertBoard,
  insertDeviceToken,
  listBoardRows,
  listDeviceTokenRows,
  recordEvent,
  revokeDeviceTokenRow,
  slidesOfDevice,
  touchDeviceToken,
  updateBoard,
  type BoardSlide,
  type Db,
} from '@lagesbild/db';
import { isBoardPeriodRule, parsePeriod } from '@lagesbild/domain';
import { z } from 'zod';
import { auditAs, type Actor } from '../access/audit.js';
import { NotFoundError } from '../errors.js';

/** A slide as admins write it; a rule ("latest", "ytd", "tertial") follows the newest month with data (board-period.ts). */
const boardSlideSchema = z
  .object({
    kind: z.enum(['overview', 'chart', 'drilldown', 'redlist']),
    unit: z.string().min(1).max(64),
    kpi: z.string().min(1).max(64).optional(),
    period: z
      .string()
      .max(32)
      .refine((p) => isBoardPeriodRule(p) || isPeriod(p), 'Perioden ska vara "latest", "ytd", "tertial" eller t.ex. 2022-03, 2022-T1, 2022'),
    seconds: z.number().int().min(5).max(600),
  })
  .refine((s) => (s.kind === 'chart' || s.kind === 'drilldown' ? s.kpi !== undefined : true), 'Diagram och nedbrytning behöver en KPI');

export const boardInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(100),
  slides: z.array(boardSlideSchema).min(1).max(30),
});

function isPeriod(p: string): boolean {
  try {
    parsePeriod(p);
    return true;
  } catch {
    return false;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** lastSeenAt is written at most this often, so a screen's reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

export interface DeviceIdentity {
  id: number;
  orgId: string;
  boardId: number;
  name: string;
  /** The units the board's slides show: the device's whole scope. */
  units: string[];
}

/**
 * Whether a wall screen's token is still good and its board still shows
 * exactly `units`, the scope its stream was opened with (an admin may have
 * revoked the token or edited the board while the stream is open).
 */
export async function deviceStillValid(db: Db, id: number, units: readonly string[]): Promise<boolean> {
  const slides = await slidesOfDevice(db, id);
  return slides !== null && slideUnits(slides).join(',') === [...units].sort().join(',');
}

/** The units a board's slides show: a screen's whole scope. */
const slideUnits = (slides: readonly { unit: string }[]) => [...new Set(slides.map((s) => s.unit))].sort();

/** The device behind a token, or null when it is unknown or revoked. Only the hash is compared. */
export async function resolveDeviceToken(db: Db, token: string, now = new Date()): Promise<DeviceIdentity | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const row = await findDeviceByTokenHash(db, tokenHash);
  if (!row) return null;
  await touchDeviceToken(db, row.d.id, now, new Date(now.getTime() - TOUCH_EVERY_MS));
  return { id: row.d.id, orgId: row.d.orgId, boardId: row.d.boardId, name: row.d.name, units: slideUnits(row.slides) };
}

export interface BoardSummary {
  id: number;
  name: string;
  slides: BoardSlide[];
  updatedAt: string;
  devices: { id: number; name: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null }[];
}

export async function listBoards(db: Db, orgId: string): Promise<BoardSummary[]> {
  const rows = await listBoardRows(db, orgId);
  const devices = await listDeviceTokenRows(db, orgId);
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    slides: b.slides,
    updatedAt: b.updatedAt.toISOString(),
    devices: devices
      .filter((d) => d.boardId === b.id)
      .map((d) => ({
        id: d.id,
        name: d.name,
        createdAt: d.createdAt.toISOString(),
        lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        revokedAt: d.revokedAt?.toISOString() ?? null,
      })),
  }));
}

export async function getBoard(db: Db, orgId: string, id: number): Promise<{ id: number; name: string; slides: BoardSlide[]; updatedAt: string }> {
  const b = await findBoardRow(db, orgId, id);
  if (!b) throw new NotFoundError(`Tavlan ${id} finns inte.`);
  return { id: b.id, name: b.name, slides: b.slides, updatedAt: b.updatedAt.toISOString() };
}

/**
 * Creates a board, or replaces the name and slides of an existing one; the
 * audit entry and the board.saved event are written in the same transaction.
 * A wall screen's open stream ends at its next heartbeat when its board now
 * shows other units (deviceStillValid), as before; the event is for admins.
 */
export async function saveBoard(db: Db, orgId: string, input: z.infer<typeof boardInputSchema>, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const id = await writeBoard(tx, orgId, input, actor.id);
    await auditAs(tx, actor, { orgId, action: 'board.saved', target: `board:${id}`, detail: { name: input.name, slides: input.slides.length } });
    await recordEvent(tx, orgId, 'board.saved', { boardId: id, note: input.name });
    return id;
  });
}

async function writeBoard(tx: Db, orgId: string, input: z.infer<typeof boardInputSchema>, user: string): Promise<number> {
  const content = { name: input.name, slides: input.slides };
  if (input.id !== undefined) {
    if (!(await updateBoard(tx, orgId, input.id, content, new Date()))) throw new NotFoundError(`Tavlan ${input.id} finns inte.`);
    return input.id;
  }
  return insertBoard(tx, orgId, content, user);
}

/** A new device token for a board, audited in the same transaction. The token is returned once; only its SHA-256 is stored. */
export async function createDeviceToken(db: Db, orgId: string, boardId: number, name: string, actor: Actor): Promise<{ id: number; token: string }> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    await getBoard(tx, orgId, boardId);
    const id = await insertDeviceToken(tx, { orgId, boardId, name, tokenHash: hashToken(token), createdBy: actor.id });
    await auditAs(tx, actor, { orgId, action: 'device_token.created', target: `device:${id}`, detail: { boardId, name } });
    return { id, token };
  });
}

/** Revokes a device at once: its next request is refused. Revoking twice changes nothing but is audited again. */
export async function revokeDeviceToken(db: Db, orgId: string, id: number, actor: Actor, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const d = await findDeviceTokenRow(tx, orgId, id);
    if (!d) throw new NotFoundError(`Skärmen ${id} finns inte.`);
    if (!d.revokedAt) await revokeDeviceTokenRow(tx, id, now);
    await auditAs(tx, actor, { orgId, action: 'device_token.revoked', target: `device:${id}` });
  });
}
