import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, createUser, SESSION_COOKIE, type AppRouter } from '@lagesbild/api';
import { boards, deviceTokens, type Db } from '@lagesbild/db';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';

/** A static folder with an index.html, so /health has a build id. */
export function fakeDashboard(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lägesbild</title>');
  return dir;
}

/** A Katrineholm admin and a password session of hers: the cookie and CSRF token a signed-in browser sends. */
export async function adminSession(db: Db, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const admin = await createUser(db, 'katrineholm', { username, displayName: 'Admin', password: null, roles: [{ role: 'admin' }] }, { id: 'test', ip: null });
  const session = await createSession(db, admin.id, { method: 'password', ip: null, userAgent: null, now: new Date() });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, csrfToken: session.csrfToken };
}

/** A board showing the whole förvaltning and a device token for it, written as the admin procedures do. */
export async function createWallDevice(db: Db, orgId: string, unit = 'SOC'): Promise<{ boardId: number; token: string }> {
  const [board] = await db
    .insert(boards)
    .values({ orgId, name: 'Test', createdBy: 'test', slides: [{ kind: 'overview', unit, period: 'latest', seconds: 10 }] })
    .returning({ id: boards.id });
  if (!board) throw new Error('no board');
  const token = randomBytes(32).toString('base64url');
  await db.insert(deviceTokens).values({ orgId, boardId: board.id, name: 'Testskärm', createdBy: 'test', tokenHash: createHash('sha256').update(token).digest('hex') });
  return { boardId: board.id, token };
}

/** A Node tRPC client as a wall screen is one: device token as header, and as a connection parameter for SSE. */
export function deviceClient(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: `${baseUrl}/trpc`, EventSource, connectionParams: { deviceToken: token } }),
        false: httpBatchLink({ url: `${baseUrl}/trpc`, headers: { 'x-device-token': token } }),
      }),
    ],
  });
}

export interface Received {
  id: number;
  kind: string;
  at: number;
  months: string[];
}

/** Subscribes and records every event (with its arrival time) and status message. */
export function listen(client: ReturnType<typeof deviceClient>, lastEventId: string | null = null) {
  const events: Received[] = [];
  const statuses: string[] = [];
  /** Error codes that ended the stream (e.g. UNAUTHORIZED once its token is revoked). */
  const errors: string[] = [];
  let started = 0;
  const sub = client.live.events.subscribe(
    { lastEventId },
    {
      onStarted: () => started++,
      onError: (e) => errors.push(e.data?.code ?? e.message),
      onData(d) {
        if ('type' in d) statuses.push(d.database);
        else events.push({ id: d.data.id, kind: d.data.kind, at: performance.now(), months: d.data.payload.months ?? [] });
      },
    },
  );
  const until = async (ok: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out; events ${events.map((e) => e.id).join(',')}, statuses ${statuses.join(',')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { events, statuses, errors, until, started: () => started, stop: () => sub.unsubscribe() };
}
