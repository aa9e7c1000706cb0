import { boards, comments, deviceTokens, eventBusFor, closeEventBus, events, importBatches, importMappings, organisations, targets, type Db, type LiveEvent } from '@lagesbild/db';
import { openTestDatabase, TEST_DB_KINDS, type TestDatabase } from '@lagesbild/db/testing';
import { parsePeriod } from '@lagesbild/domain';
import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerContext } from '../src/context.js';
import { appRouter } from '../src/root.js';
import { addComment } from '../src/services/comments.js';
import { createDeviceToken, revokeDeviceToken, saveBoard } from '../src/services/boards.js';
import { commitImport, deleteMapping, rollbackImport, saveMapping } from '../src/services/import.js';
import { loadEngineContext } from '../src/engine/engine-context.js';
import { createOrganisation } from '../src/services/organisations.js';
import { setTarget } from '../src/services/targets.js';
import { insertFixture } from './fixture.js';
import { expectOneTransaction } from './write-harness.js';

const ORG = 'test-org';
const ADMIN = { id: 'admin', ip: '10.0.0.9' };
const SLIDES = [{ kind: 'overview' as const, unit: 'B', period: 'latest', seconds: 20 }];
const csv = (rows: string[]) => Buffer.from(['kpi,unit,period,gender,value', ...rows].join('\n'));

describe.each(TEST_DB_KINDS)('data writes are one transaction each, with their event, on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const delivered: LiveEvent[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    await insertFixture(db);
    const bus = eventBusFor(db, { probeMs: 200 });
    bus.subscribe((m) => {
      if (m.type === 'event') delivered.push(m.event);
    });
    await bus.ready();
  });
  afterAll(async () => {
    await closeEventBus(db);
    await database.dispose();
  });
  const boardNamed = async (name: string) => (await db.select().from(boards).where(eq(boards.name, name)))[0];

  it('saves a new board and changes it, each with a board.saved event', async () => {
    await expectOneTransaction(db, {
      run: () => saveBoard(db, ORG, { name: 'Entrén', slides: SLIDES }, ADMIN),
      done: async () => (await boardNamed('Entrén')) !== undefined,
      audit: { action: 'board.saved', target: /^board:\d+$/, actor: 'admin', ip: ADMIN.ip },
      event: 'board.saved',
    });
    const id = (await boardNamed('Entrén'))?.id ?? 0;
    await expectOneTransaction(db, {
      run: () => saveBoard(db, ORG, { id, name: 'Entrén', slides: [{ kind: 'overview', unit: 'C', period: 'latest', seconds: 20 }] }, ADMIN),
      done: async () => (await boardNamed('Entrén'))?.slides[0]?.unit === 'C',
      audit: { action: 'board.saved', target: `board:${id}`, actor: 'admin', ip: ADMIN.ip },
      event: 'board.saved',
    });
    const saved = await db.select().from(events).where(eq(events.kind, 'board.saved'));
    expect(saved.map((e) => e.payload)).toEqual([
      { boardId: id, note: 'Entrén' },
      { boardId: id, note: 'Entrén' },
    ]);
  });

  it('creates and revokes a screen', async () => {
    const boardId = (await boardNamed('Entrén'))?.id ?? 0;
    const device = async () => (await db.select().from(deviceTokens).where(eq(deviceTokens.name, 'Skärm 1')))[0];
    await expectOneTransaction(db, {
      run: () => createDeviceToken(db, ORG, boardId, 'Skärm 1', ADMIN),
      done: async () => (await device()) !== undefined,
      audit: { action: 'device_token.created', target: /^device:\d+$/, actor: 'admin', ip: ADMIN.ip },
    });
    const id = (await device())?.id ?? 0;
    await expectOneTransaction(db, {
      run: () => revokeDeviceToken(db, ORG, id, ADMIN),
      done: async () => (await device())?.revokedAt != null,
      audit: { action: 'device_token.revoked', target: `device:${id}`, actor: 'admin', ip: ADMIN.ip },
    });
  });

  it('adds a comment', async () => {
    await expectOneTransaction(db, {
      run: () => addComment(db, ORG, { kpi: 'kr', unit: 'B', period: parsePeriod('2021-03'), body: 'Ny rutin', author: 'Anna', actor: 'anna', ip: '10.0.0.5' }),
      done: async () => (await db.select().from(comments).where(eq(comments.body, 'Ny rutin'))).length > 0,
      audit: { action: 'comment.added', target: /^comment:\d+$/, actor: 'anna', ip: '10.0.0.5' },
      event: 'comment.added',
    });
  });

  it('sets a target', async () => {
    const engine = await loadEngineContext(db, ORG);
    await expectOneTransaction(db, {
      run: () => setTarget(db, engine, { kpi: 'kr', unit: 'B', year: 2022, annual: 5000, monthly: null, tolerance: 5, toleranceKind: 'percent' }, ADMIN),
      done: async () =>
        (
          await db
            .select()
            .from(targets)
            .where(and(eq(targets.kpiId, 'kr'), eq(targets.year, 2022)))
        ).length > 0,
      audit: { action: 'target.set', target: 'target:kr:B:2022', actor: 'admin', ip: ADMIN.ip },
      event: 'target.set',
    });
  });

  it('commits an import and rolls it back', async () => {
    const batch = async () => (await db.select().from(importBatches).where(eq(importBatches.fileName, 'januari.csv')))[0];
    await expectOneTransaction(db, {
      run: () => commitImport(db, ORG, { fileName: 'januari.csv', bytes: csv(['kr,B,2022-01,T,500', 'kr,C,2022-01,T,700']), confirmWarnings: true }, ADMIN),
      done: async () => (await batch()) !== undefined,
      audit: { action: 'import.committed', target: /^batch:\d+$/, actor: 'admin', ip: ADMIN.ip },
      event: 'import.committed',
    });
    const id = (await batch())?.id ?? 0;
    await expectOneTransaction(db, {
      run: () => rollbackImport(db, ORG, id, ADMIN, true),
      done: async () => (await batch())?.status === 'rolled_back',
      audit: { action: 'import.rolled_back', target: `batch:${id}`, actor: 'admin', ip: ADMIN.ip },
      event: 'import.rolled_back',
    });
  });

  it('saves and deletes a report-row mapping', async () => {
    const mapping = async () => (await db.select().from(importMappings).where(eq(importMappings.label, 'Utbetalt')))[0];
    await expectOneTransaction(db, {
      run: () => saveMapping(db, ORG, { section: '', parentLabel: '', label: 'Utbetalt', kpiId: 'kr', gender: 'T', ageBand: '', unitCode: null }, ADMIN),
      done: async () => (await mapping()) !== undefined,
      audit: { action: 'mapping.changed', target: /^mapping:\d+$/, actor: 'admin', ip: ADMIN.ip },
    });
    const id = (await mapping())?.id ?? 0;
    await expectOneTransaction(db, {
      run: () => deleteMapping(db, ORG, id, ADMIN),
      done: async () => (await mapping()) === undefined,
      audit: { action: 'mapping.changed', target: `mapping:${id}`, actor: 'admin', ip: ADMIN.ip },
    });
  });

  it('creates an organisation', async () => {
    await expectOneTransaction(db, {
      run: () => createOrganisation(db, { id: 'flen', name: 'Flens kommun' }, 'cli:greta'),
      done: async () => (await db.select().from(organisations).where(eq(organisations.id, 'flen'))).length > 0,
      audit: { action: 'organisation.created', target: 'org:flen', actor: 'cli:greta' },
    });
  });

  it('the event bus delivered exactly the events that committed, in order (NOTIFY at commit, none on rollback)', async () => {
    const stored = await db.select({ id: events.id, kind: events.kind }).from(events).orderBy(asc(events.id));
    expect(stored.map((e) => e.kind)).toEqual(['board.saved', 'board.saved', 'comment.added', 'target.set', 'import.committed', 'import.rolled_back']);
    const end = Date.now() + 3000;
    while (delivered.length < stored.length && Date.now() < end) await new Promise((ok) => setTimeout(ok, 20));
    expect(delivered.map((e) => [e.id, e.kind])).toEqual(stored.map((e) => [e.id, e.kind]));
  });

  it('tells admins of a saved board; no other role, and no wall screen (its stream ends at its heartbeat instead)', async () => {
    const [start] = await db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
    const boardId = await saveBoard(db, ORG, { name: 'Korridoren', slides: SLIDES }, ADMIN);
    const [device] = await db
      .insert(deviceTokens)
      .values({ orgId: ORG, boardId, name: 'Skärm 2', tokenHash: 'f'.repeat(64), createdBy: 'test' })
      .returning();
    const heard = async (who: Parameters<typeof callerContext>[2]) => {
      // Aborted at the end, so the stream stops at once rather than at its next heartbeat.
      const stop = new AbortController();
      const stream = (await appRouter.createCaller(callerContext(db, ORG, who), { signal: stop.signal }).live.events({ lastEventId: String(start?.id ?? 0) }))[
        Symbol.asyncIterator
      ]();
      const kinds: string[] = [];
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline) {
        const next = await Promise.race([stream.next(), new Promise<null>((ok) => setTimeout(() => ok(null), deadline - Date.now()))]);
        if (next === null || next.done) break;
        if (Array.isArray(next.value)) kinds.push((next.value[1] as { kind: string }).kind);
      }
      stop.abort();
      await stream.return?.();
      return kinds;
    };
    expect(await heard({ user: { id: 'admin', userId: null, name: 'Admin', roles: ['admin'] }, scope: { kind: 'all' } })).toEqual(['board.saved']);
    expect(await heard({ user: { id: 'cia', userId: null, name: 'Cia', roles: ['forvaltningschef'] }, scope: { kind: 'all' } })).toEqual([]);
    const screen = { id: `device:${device?.id ?? 0}`, userId: null, name: 'Skärm', roles: [] };
    expect(await heard({ user: screen, scope: { kind: 'units', units: ['B'] }, device: { id: device?.id ?? 0, boardId } })).toEqual([]);
  });
});
