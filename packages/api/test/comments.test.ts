import { auditLog, events } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { parsePeriod } from '@lagesbild/domain';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { addComment, COMMENT_MAX_LENGTH, listComments, normaliseCommentBody } from '../src/services/comments.js';
import { useFixture } from './fixture.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: `${id[0]?.toUpperCase()}${id.slice(1)} Testsson`, roles });

describe.each(TEST_DB_KINDS)('comments on %s', (kind) => {
  const { database, caller } = useFixture(kind);

  it('keeps a comment with author and time, lists the period newest first, and audits it with a live event', async () => {
    const anna = caller(user('anna', ['enhetschef']), { kind: 'units', units: ['A1'] });
    const first = await anna.comment.add({ kpi: 'hh', unit: 'C', period: '2021-t1', body: '  Fler hushåll\r\nefter årsskiftet.  ' });
    expect(first).toMatchObject({ kpi: 'hh', unit: 'C', period: '2021-T1', body: 'Fler hushåll\nefter årsskiftet.', author: 'Anna Testsson' });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    await addComment(database.db, 'test-org', {
      kpi: 'hh',
      unit: 'C',
      period: parsePeriod('2021-T1'),
      body: 'Senare',
      author: 'Bo',
      actor: 'bo',
      now: new Date(Date.parse(first.createdAt) + 60_000),
    });
    await addComment(database.db, 'test-org', { kpi: 'hh', unit: 'C', period: parsePeriod('2021-T2'), body: 'Annan period', author: 'Bo', actor: 'bo' });

    const list = await anna.comment.list({ kpi: 'hh', unit: 'C', period: '2021-T1' });
    expect(list.map((c) => c.body)).toEqual(['Senare', 'Fler hushåll\nefter årsskiftet.']);
    expect(await listComments(database.db, 'test-org', { kpi: 'kr', unit: 'C', period: parsePeriod('2021-T1') })).toEqual([]);

    const [audit] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'comment.added', actor: 'bo' });
    const kinds = await database.db.select().from(events).orderBy(desc(events.id));
    expect(kinds.map((e) => e.kind)).toEqual(['comment.added', 'comment.added', 'comment.added']);
    expect(kinds[2]?.payload).toMatchObject({ kpis: ['hh'], units: ['C'], months: ['2021-01', '2021-02', '2021-03', '2021-04'] });
  });

  it('stores text as text: markup is kept verbatim, control characters go, and the length is capped', async () => {
    const admin = caller(user('admin', ['admin']));
    const html = await admin.comment.add({ kpi: 'kr', unit: 'SOC', period: '2021', body: '<img src=x onerror=alert(1)> & "citat"' });
    expect(html.body).toBe('<img src=x onerror=alert(1)> & "citat"');
    expect(normaliseCommentBody('a\u0000b\u202Ec\td')).toBe('abc\td');
    expect(normaliseCommentBody('å'.repeat(COMMENT_MAX_LENGTH))).toHaveLength(COMMENT_MAX_LENGTH);
    await expect(admin.comment.add({ kpi: 'kr', unit: 'SOC', period: '2021', body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `Kommentaren är för lång: ${COMMENT_MAX_LENGTH + 1} tecken, högst ${COMMENT_MAX_LENGTH}.`,
    });
    await expect(admin.comment.add({ kpi: 'kr', unit: 'SOC', period: '2021', body: ' \n\t ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Kommentaren är tom.' });
    await expect(admin.comment.add({ kpi: 'kr', unit: 'XYZ', period: '2021', body: 'hej' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.comment.add({ kpi: 'finns-inte', unit: 'SOC', period: '2021', body: 'hej' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.comment.list({ kpi: 'kr', unit: 'SOC', period: 'nästa år' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lets only roles with the right write, only within their units, and nobody read without signing in', async () => {
    const analyst = caller(user('analys', ['analytiker']));
    await expect(analyst.comment.add({ kpi: 'kr', unit: 'SOC', period: '2021', body: 'hej' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.comment.list({ kpi: 'kr', unit: 'SOC', period: '2021' })).resolves.toHaveLength(1);

    // B moved from A1 to A2 in June 2021: an A1 manager may comment on B for T1, not for T3.
    const a1 = caller(user('anna', ['enhetschef']), { kind: 'units', units: ['A1'] });
    await expect(a1.comment.add({ kpi: 'hh', unit: 'B', period: '2021-T1', body: 'Före flytten' })).resolves.toMatchObject({ unit: 'B' });
    await expect(a1.comment.add({ kpi: 'hh', unit: 'B', period: '2021-T3', body: 'Efter flytten' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(a1.comment.list({ kpi: 'hh', unit: 'SOC', period: '2021' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(null).comment.list({ kpi: 'kr', unit: 'SOC', period: '2021' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
