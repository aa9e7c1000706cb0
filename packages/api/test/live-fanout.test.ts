import { latestEventId, recordEvent } from '@lagesbild/db';
import { describe, expect, it } from 'vitest';
import { callerContext, type Scope } from '../src/context.js';
import { liveHubFor, type LiveOut } from '../src/services/live-hub.js';
import { demoCallers } from './demo-callers.js';

/** A subscriber that keeps the frames the hub hands it, as the SSE response would write them. */
function recorder() {
  const frames: Buffer[] = [];
  const out: LiveOut = { event: (_m, frame) => frames.push(frame), status: () => undefined, refuse: () => undefined, closed: false };
  return { out, frames, ids: () => frames.map((f) => (JSON.parse(/^data: (.*)$/m.exec(f.toString())?.[1] ?? 'null') as { id: number }).id) };
}

/**
 * The fan-out does an event's work once per audience: subscribers with the
 * same scope are handed the very same bytes (one serialisation), and a
 * scoped subscriber is never handed an event outside her units (demo data:
 * BU sat under MYN-BUF in March 2020, VUXEN under MYN-EBV in January 2021).
 */
describe('live fan-out (demo data, PGlite)', () => {
  const demo = demoCallers();
  const join = async (id: string, scope: Scope) => {
    const r = recorder();
    const ctx = callerContext(demo.db(), 'katrineholm', { user: { id, userId: null, name: id, roles: scope.kind === 'all' ? ['admin'] : ['enhetschef'] }, scope });
    const membership = await liveHubFor(demo.db()).join(ctx, await latestEventId(demo.db()), r.out);
    return { ...r, leave: () => membership.leave() };
  };

  it('hands two subscribers of one scope the same bytes, and no scoped subscriber an event outside her units', async () => {
    const anna = await join('anna', { kind: 'units', units: ['MYN-BUF'] });
    const bo = await join('bo', { kind: 'units', units: ['MYN-BUF'] });
    const eva = await join('eva', { kind: 'units', units: ['MYN-EBV'] });
    const admin = await join('admin', { kind: 'all' });

    const inBuf = await recordEvent(demo.db(), 'katrineholm', 'target.set', { kpis: ['arsarbetare'], units: ['BU'], months: ['2020-03'] });
    const inEbv = await recordEvent(demo.db(), 'katrineholm', 'target.set', { kpis: ['arsarbetare'], units: ['VUXEN'], months: ['2021-01'] });
    const both = await recordEvent(demo.db(), 'katrineholm', 'comment.added', {
      kpis: ['arsarbetare'],
      units: ['BU', 'VUXEN'],
      unitMonths: { BU: ['2020-03'], VUXEN: ['2021-01'] },
      months: ['2020-03', '2021-01'],
    });
    const deadline = Date.now() + 5000;
    while (admin.frames.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));

    expect(admin.ids()).toEqual([inBuf, inEbv, both]);
    expect(anna.ids()).toEqual([inBuf, both]);
    expect(eva.ids()).toEqual([inEbv, both]);
    // One serialisation per audience: the same Buffer object, so the same bytes.
    anna.frames.forEach((f, i) => expect(bo.frames[i]).toBe(f));
    expect(Buffer.concat(bo.frames).equals(Buffer.concat(anna.frames))).toBe(true);
    // Each audience its own shaping: neither manager is told the other's unit.
    expect(Buffer.concat(anna.frames).toString()).not.toContain('VUXEN');
    expect(Buffer.concat(eva.frames).toString()).not.toContain('"BU"');
    expect(anna.frames[0]).not.toBe(admin.frames[0]);
    // tRPC's SSE framing: the message as data, the event id as the SSE id.
    expect(anna.frames[0]?.toString()).toMatch(new RegExp(`^data: \\{.*\\}\\nid: ${inBuf}\\n\\n\\n$`));

    for (const s of [anna, bo, eva, admin]) s.leave();
  });
});
