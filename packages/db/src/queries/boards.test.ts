import { describe, expect, it } from 'vitest';
import { units, type BoardSlide } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import * as boardQueries from './boards.js';
import { insertComment, listCommentRows } from './comments.js';
import { deleteImportMapping, listImportMappings, upsertImportMapping, type ImportMappingValues } from './imports.js';
import { findKpiRow } from './kpis.js';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 2, 8, minute));
const slide = (unit: string): BoardSlide => ({ kind: 'overview', unit, period: 'latest', seconds: 20 });

describe.each(TEST_DB_KINDS)('board and device queries on %s', (kind) => {
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    await insertOrganisation(db, 'b');
  });

  it('adds, lists and replaces boards within their organisation', async () => {
    const db = database.db;
    const hall = await boardQueries.insertBoard(db, 'a', { name: 'Hall', slides: [slide('SOC')] }, 'anna');
    const entre = await boardQueries.insertBoard(db, 'a', { name: 'Entré', slides: [slide('IFO')] }, 'anna');
    await boardQueries.insertBoard(db, 'b', { name: 'Annan', slides: [slide('SOC')] }, 'bo');
    expect((await boardQueries.listBoardRows(db, 'a')).map((b) => b.id)).toEqual([entre, hall]);
    expect(await boardQueries.updateBoard(db, 'b', hall, { name: 'Stulen', slides: [] }, at(1))).toBe(false);
    expect(await boardQueries.updateBoard(db, 'a', hall, { name: 'Hallen', slides: [slide('SOC'), slide('IFO')] }, at(2))).toBe(true);
    expect(await boardQueries.findBoardRow(db, 'a', hall)).toMatchObject({ name: 'Hallen', updatedAt: at(2), createdBy: 'anna' });
    expect(await boardQueries.findBoardRow(db, 'b', hall)).toBeNull();
  });

  it('finds an unrevoked device by its hash with the slides of its board, touches it at most once a window, and revokes it', async () => {
    const db = database.db;
    const [hall] = await boardQueries.listBoardRows(db, 'a').then((rows) => rows.filter((b) => b.name === 'Hallen'));
    if (!hall) throw new Error('no board');
    const id = await boardQueries.insertDeviceToken(db, { orgId: 'a', boardId: hall.id, name: 'Skärm 1', tokenHash: 'h1', createdBy: 'anna' });
    const found = await boardQueries.findDeviceByTokenHash(db, 'h1');
    expect(found?.d).toMatchObject({ id, orgId: 'a', boardId: hall.id, name: 'Skärm 1', lastSeenAt: null, revokedAt: null });
    expect(found?.slides.map((s) => s.unit)).toEqual(['SOC', 'IFO']);
    expect(await boardQueries.slidesOfDevice(db, id)).toEqual(hall.slides);
    await boardQueries.touchDeviceToken(db, id, at(10), at(9));
    await boardQueries.touchDeviceToken(db, id, at(11), at(10)); // seen at 10, not before it: left alone
    expect((await boardQueries.findDeviceTokenRow(db, 'a', id))?.lastSeenAt).toEqual(at(10));
    await boardQueries.touchDeviceToken(db, id, at(12), at(11));
    expect((await boardQueries.findDeviceTokenRow(db, 'a', id))?.lastSeenAt).toEqual(at(12));
    expect(await boardQueries.findDeviceTokenRow(db, 'b', id)).toBeNull();
    await boardQueries.revokeDeviceTokenRow(db, id, at(13));
    expect(await boardQueries.findDeviceByTokenHash(db, 'h1')).toBeNull();
    expect(await boardQueries.slidesOfDevice(db, id)).toBeNull();
    expect((await boardQueries.listDeviceTokenRows(db, 'a')).map((d) => [d.id, d.revokedAt])).toEqual([[id, at(13)]]);
    expect(await boardQueries.listDeviceTokenRows(db, 'b')).toEqual([]);
  });
});

describe.each(TEST_DB_KINDS)('comment, mapping and KPI queries on %s', (kind) => {
  let unitA = 0;
  const database = useTestDatabase(kind, async ({ db }) => {
    await insertOrganisation(db, 'a');
    await insertOrganisation(db, 'b');
    await insertKpis(db, [testKpi({ id: 'hushall', name: 'Hushåll', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: true, privacyClass: 'small-count' })]);
    const [u] = await db.insert(units).values({ orgId: 'a', code: 'SOC', name: 'Soc', kind: 'forvaltning', validFrom: '2022-01' }).returning({ id: units.id });
    unitA = u?.id ?? 0;
  });

  it('reads one KPI as stored, or null', async () => {
    expect(await findKpiRow(database.db, 'hushall')).toMatchObject({ id: 'hushall', genderSplit: true, ratioNumerator: null, ageBands: [] });
    expect(await findKpiRow(database.db, 'saknas')).toBeNull();
  });

  it('lists the comments of exactly one KPI, unit and period, newest first', async () => {
    const db = database.db;
    const key = { orgId: 'a', kpiId: 'hushall', unitId: unitA, period: '2022-T1' };
    const first = await insertComment(db, { ...key, body: 'Första', author: 'Anna', createdAt: at(1) });
    const second = await insertComment(db, { ...key, body: 'Andra', author: 'Bo', createdAt: at(2) });
    const same = await insertComment(db, { ...key, body: 'Samtidigt', author: 'Bo', createdAt: at(2) });
    await insertComment(db, { ...key, period: '2022-03', body: 'Annan period', author: 'Anna' });
    expect(first).toMatchObject({ body: 'Första', author: 'Anna', createdAt: at(1) });
    expect((await listCommentRows(db, key)).map((c) => c.id)).toEqual([same.id, second.id, first.id]);
    expect(await listCommentRows(db, { ...key, orgId: 'b' })).toEqual([]);
  });

  it('adds a mapping, replaces the one with the same section, parent and label, and deletes it within its organisation', async () => {
    const db = database.db;
    const mapping = (m: Partial<ImportMappingValues>): ImportMappingValues => ({
      orgId: 'a',
      section: 'Försörjningsstöd',
      parentLabel: '',
      label: 'Antal hushåll',
      kpiId: 'hushall',
      gender: 'T',
      ageBand: '',
      unitCode: null,
      updatedBy: 'anna',
      updatedAt: at(1),
      ...m,
    });
    const row = await upsertImportMapping(db, mapping({}));
    const replaced = await upsertImportMapping(db, mapping({ gender: 'K', updatedBy: 'bo', updatedAt: at(2) }));
    expect(replaced).toMatchObject({ id: row.id, gender: 'K', updatedBy: 'bo', updatedAt: at(2) });
    const other = await upsertImportMapping(db, mapping({ section: '', label: 'Hoppa över', kpiId: null }));
    expect((await listImportMappings(db, 'a')).map((m) => m.id)).toEqual([other.id, row.id]);
    expect(await deleteImportMapping(db, 'b', row.id)).toBeNull();
    expect((await deleteImportMapping(db, 'a', row.id))?.label).toBe('Antal hushåll');
    expect((await listImportMappings(db, 'a')).map((m) => m.id)).toEqual([other.id]);
  });
});
