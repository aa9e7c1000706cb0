import { boards, deviceTokens } from '@lagesbild/db';
import { eq } from 'drizzle-orm';
import { LIVE_HEARTBEAT_MS } from '../src/routers/live.js';
import { describe, expect, it } from 'vitest';
import { callerContext } from '../src/context.js';
import { appRouter } from '../src/root.js';
import { demoCallers } from './demo-callers.js';

/**
 * A wall screen hears that its slides' units changed, and nothing its slides
 * do not show: no comment (not even that one was written, nor by whom), no
 * import's file name or batch. Its board here covers the whole förvaltning,
 * so every event is within its units.
 */
const csv = (rows: string[]) => Buffer.from(['kpi,unit,period,gender,value', ...rows].join('\n')).toString('base64');

describe('a wall screen hears and lists only what its slides show (demo data, PGlite)', () => {
  const demo = demoCallers();

  it('lists only the KPIs of its slides: a chart screen learns nothing of other KPIs of its unit', async () => {
    const [board] = await demo
      .db()
      .insert(boards)
      .values({ orgId: 'katrineholm', name: 'Diagram', slides: [{ kind: 'chart', unit: 'BU', kpi: 'arsarbetare', period: 'latest', seconds: 20 }], createdBy: 'test' })
      .returning();
    const [device] = await demo
      .db()
      .insert(deviceTokens)
      .values({ orgId: 'katrineholm', boardId: board?.id ?? 0, name: 'Skärm', tokenHash: 'd'.repeat(64), createdBy: 'test' })
      .returning();
    const screen = appRouter.createCaller(
      callerContext(demo.db(), 'katrineholm', {
        user: { id: `device:${device?.id}`, userId: null, name: 'Skärm', roles: [] },
        scope: { kind: 'units', units: ['BU'] },
        device: { id: device?.id ?? 0, boardId: board?.id ?? 0 },
      }),
    );
    expect((await screen.kpi.list()).map((k) => [k.id, k.inUse])).toEqual([['arsarbetare', true]]);
    // A unit manager of the same unit gets the whole catalogue, marked by her units' use.
    expect((await demo.manager(['BU']).kpi.list()).filter((k) => k.inUse).length).toBeGreaterThan(1);
  });

  it('carry units, months and KPIs only, and no comment', async () => {
    const [board] = await demo
      .db()
      .insert(boards)
      .values({ orgId: 'katrineholm', name: 'Förvaltningen', slides: [{ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 20 }], createdBy: 'test' })
      .returning();
    const [device] = await demo
      .db()
      .insert(deviceTokens)
      .values({ orgId: 'katrineholm', boardId: board?.id ?? 0, name: 'Skärm', tokenHash: 'c'.repeat(64), createdBy: 'test' })
      .returning();
    const screen = appRouter.createCaller(
      callerContext(demo.db(), 'katrineholm', {
        user: { id: `device:${device?.id}`, userId: null, name: 'Skärm', roles: [] },
        scope: { kind: 'units', units: ['SOC'] },
        device: { id: device?.id ?? 0, boardId: board?.id ?? 0 },
      }),
    );
    const rows = await demo.db().execute<{ id: number }>('select coalesce(max(id), 0) as id from events');
    const list = Array.isArray(rows) ? rows : (rows as { rows: { id: number }[] }).rows;
    const start = String(list[0]?.id ?? 0);

    await demo.admin().comment.add({ kpi: 'arsarbetare', unit: 'BU', period: '2022-06', body: 'Två sjukskrivna' });
    await demo.admin().import.commit({ fileName: 'hemlig-fil.csv', contentBase64: csv(['arsarbetare,BU,2022-11,K,21']), confirmWarnings: true });

    const stream = (await screen.live.events({ lastEventId: start }))[Symbol.asyncIterator]();
    const got: unknown[] = [];
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline) {
      const next = await Promise.race([stream.next(), new Promise<null>((ok) => setTimeout(() => ok(null), deadline - Date.now()))]);
      if (next === null || next.done) break;
      if (Array.isArray(next.value)) got.push(next.value[1]);
    }
    await stream.return?.();
    expect(got).toEqual([expect.objectContaining({ kind: 'import.committed', payload: { kpis: ['arsarbetare'], units: ['BU'], months: ['2022-11'] } })]);
    expect(JSON.stringify(got)).not.toContain('hemlig');
    expect(JSON.stringify(got)).not.toContain('admin');
  });

  it('ends its stream when its board no longer shows the units it was opened for, so it reconnects within the new board', { timeout: LIVE_HEARTBEAT_MS + 20_000 }, async () => {
    const [board] = await demo
      .db()
      .insert(boards)
      .values({ orgId: 'katrineholm', name: 'BU', slides: [{ kind: 'overview', unit: 'BU', period: 'latest', seconds: 20 }], createdBy: 'test' })
      .returning();
    const [device] = await demo
      .db()
      .insert(deviceTokens)
      .values({ orgId: 'katrineholm', boardId: board?.id ?? 0, name: 'Skärm', tokenHash: 'e'.repeat(64), createdBy: 'test' })
      .returning();
    const screen = appRouter.createCaller(
      callerContext(demo.db(), 'katrineholm', {
        user: { id: `device:${device?.id}`, userId: null, name: 'Skärm', roles: [] },
        scope: { kind: 'units', units: ['BU'] },
        device: { id: device?.id ?? 0, boardId: board?.id ?? 0 },
      }),
    );
    const stream = (await screen.live.events({}))[Symbol.asyncIterator]();
    await stream.next(); // the first status
    await demo
      .db()
      .update(boards)
      .set({ slides: [{ kind: 'overview', unit: 'BF', period: 'latest', seconds: 20 }] })
      .where(eq(boards.id, board?.id ?? 0));
    const ended = (async () => {
      for (;;) if ((await stream.next()).done) return 'ended';
    })().catch((err: unknown) => (err as { code?: string }).code ?? 'error');
    await expect(ended).resolves.toBe('UNAUTHORIZED');
  });
});
