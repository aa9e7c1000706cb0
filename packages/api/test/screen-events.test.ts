import { boards } from '@lagesbild/db';
import { eq } from 'drizzle-orm';
import { LIVE_HEARTBEAT_MS } from '../src/routers/live.js';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';
import { eventsHeard, lastEventId } from './live-events.js';

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
    const { caller: screen } = await demo.screen('Diagram', [{ kind: 'chart', unit: 'BU', kpi: 'arsarbetare', period: 'latest', seconds: 20 }]);
    expect((await screen.kpi.list()).map((k) => [k.id, k.inUse])).toEqual([['arsarbetare', true]]);
    // A unit manager of the same unit gets the whole catalogue, marked by her units' use.
    expect((await demo.manager(['BU']).kpi.list()).filter((k) => k.inUse).length).toBeGreaterThan(1);
  });

  it('carry units, months and KPIs only, and no comment', async () => {
    const { caller: screen } = await demo.screen('Förvaltningen', [{ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 20 }]);
    const start = await lastEventId(demo.db());

    await demo.admin().comment.add({ kpi: 'arsarbetare', unit: 'BU', period: '2022-06', body: 'Två sjukskrivna' });
    await demo.admin().import.commit({ fileName: 'hemlig-fil.csv', contentBase64: csv(['arsarbetare,BU,2022-11,K,21']), confirmWarnings: true });

    const got = await eventsHeard(screen, start);
    expect(got).toEqual([expect.objectContaining({ kind: 'import.committed', payload: { kpis: ['arsarbetare'], units: ['BU'], months: ['2022-11'] } })]);
    expect(JSON.stringify(got)).not.toContain('hemlig');
    expect(JSON.stringify(got)).not.toContain('admin');
  });

  it('ends its stream when its board no longer shows the units it was opened for, so it reconnects within the new board', { timeout: LIVE_HEARTBEAT_MS + 20_000 }, async () => {
    const { caller: screen, boardId } = await demo.screen('BU', [{ kind: 'overview', unit: 'BU', period: 'latest', seconds: 20 }]);
    const stream = (await screen.live.events({}))[Symbol.asyncIterator]();
    await stream.next(); // the first status
    await demo
      .db()
      .update(boards)
      .set({ slides: [{ kind: 'overview', unit: 'BF', period: 'latest', seconds: 20 }] })
      .where(eq(boards.id, boardId));
    const ended = (async () => {
      for (;;) if ((await stream.next()).done) return 'ended';
    })().catch((err: unknown) => (err as { code?: string }).code ?? 'error');
    await expect(ended).resolves.toBe('UNAUTHORIZED');
  });
});
