import { auditLog, events, observations, rollupStatus, units } from '@lagesbild/db';
import { parsePeriod } from '@lagesbild/domain';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { MAX_FILE_BYTES } from '@lagesbild/importer';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { loadEngineContext } from '../src/engine/index.js';
import { buildOverview } from '../src/services/index.js';
import { useFixture } from './fixture.js';
import { ALL_UNITS } from '../src/access/scope.js';

const user = (id: string, roles: SessionUser['roles']): SessionUser => ({ id, userId: null, name: id, roles });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A wide monthly report: households with their split, and kr paid, for Jan–Feb of the year in the file name. */
const REPORT = ';Januari;Februari;Mars\nHushåll;10;11;\nKvinnor;4;5;\nMän;6;6;\nUtbetalt;1 000;2 000,50;\n';

describe.each(TEST_DB_KINDS)('import procedures on %s', (kind) => {
  const { database, caller } = useFixture(kind);
  const admin = () => caller(user('admin', ['admin']));

  async function cell(kpi: string, unit: string, month: string, gender: 'K' | 'M' | 'T') {
    const [row] = await database.db
      .select({ v: observations.numerator, batchId: observations.batchId })
      .from(observations)
      .innerJoin(units, eq(units.id, observations.unitId))
      .where(and(eq(observations.kpiId, kpi), eq(units.code, unit), eq(observations.month, month), eq(observations.gender, gender)));
    return row;
  }

  it('edits the mappings, with checks against the catalogue, and audits every change', async () => {
    const api = admin();
    await api.import.saveMapping({ label: 'Hushåll', kpiId: 'hh' });
    await api.import.saveMapping({ label: 'Kvinnor', parentLabel: 'Hushåll', kpiId: 'hh', gender: 'K' });
    await api.import.saveMapping({ label: 'Män', parentLabel: 'Hushåll', kpiId: 'hh', gender: 'M' });
    const saved = await api.import.saveMapping({ label: '  Utbetalt  ', kpiId: 'hh' });
    // Same row again: the mapping is changed, not duplicated.
    const fixed = await api.import.saveMapping({ label: 'Utbetalt', kpiId: 'kr', unitCode: 'C' });
    expect(fixed).toMatchObject({ id: saved.id, label: 'Utbetalt', kpiId: 'kr', unitCode: 'C', updatedBy: 'admin' });
    const list = await api.import.mappings();
    expect(list.map((m) => [m.parentLabel, m.label, m.kpiId, m.gender, m.unitCode])).toEqual([
      ['', 'Hushåll', 'hh', 'T', null],
      ['', 'Utbetalt', 'kr', 'T', 'C'],
      ['Hushåll', 'Kvinnor', 'hh', 'K', null],
      ['Hushåll', 'Män', 'hh', 'M', null],
    ]);
    await expect(api.import.saveMapping({ label: 'X', kpiId: 'finns-inte' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Nyckeltalet "finns-inte" finns inte.' });
    await expect(api.import.saveMapping({ label: 'X', kpiId: 'kr', gender: 'K' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Nyckeltalet "kr" är inte könsuppdelat; använd kön T.',
    });
    // A ratio KPI may be mapped: the import checks a printed ratio row ("Genomsnitt per hushåll") against its parts, never stores it.
    await expect(api.import.saveMapping({ label: 'X', kpiId: 'kr-per-hh' })).resolves.toMatchObject({ label: 'X', kpiId: 'kr-per-hh' });
    await expect(api.import.saveMapping({ label: 'X', kpiId: 'kr', unitCode: 'ZZ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Enheten "ZZ" finns inte'),
    });
    const extra = await api.import.saveMapping({ label: 'Tillfällig', kpiId: null });
    await api.import.deleteMapping({ id: extra.id });
    await expect(api.import.deleteMapping({ id: extra.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'mapping.changed'));
    expect(audits).toHaveLength(8); // seven changes above and the ratio mapping
  });

  it('previews without writing, commits with an audit entry and one live event, and a second commit changes nothing', async () => {
    const api = admin();
    const input = { fileName: 'rapport-2022.csv', contentBase64: b64(REPORT), unitCode: 'B' };
    const preview = await api.import.preview(input);
    expect(preview).toMatchObject({ ok: true, dryRun: true, batchId: null, format: 'wide-csv', summary: { new: 6, changed: 0, unchanged: 0, rows: 6 }, diffTotal: 6 });
    expect(preview.warnings).toEqual([]);
    expect(await cell('hh', 'B', '2022-01', 'K')).toBeUndefined();

    const committed = await api.import.commit(input);
    expect(committed).toMatchObject({ ok: true, summary: { new: 6 } });
    expect(await cell('hh', 'B', '2022-02', 'M')).toMatchObject({ v: 6, batchId: committed.batchId });
    expect(await cell('kr', 'C', '2022-02', 'T')).toMatchObject({ v: 2000.5 });

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'import.committed'));
    expect(audit).toMatchObject({ actor: 'admin', target: `batch:${committed.batchId}` });
    const [event] = await database.db.select().from(events).orderBy(desc(events.id)).limit(1);
    expect(event).toMatchObject({ kind: 'import.committed', payload: { batchId: committed.batchId, kpis: ['hh', 'kr'], units: ['B', 'C'], months: ['2022-01', '2022-02'] } });

    const again = await api.import.commit(input);
    expect(again).toMatchObject({ ok: true, alreadyImported: true, batchId: null, notice: 'Filen rapport-2022.csv är redan importerad; inget ändras.' });
    const batches = await api.import.batches();
    expect(batches[0]).toMatchObject({ id: committed.batchId, fileName: 'rapport-2022.csv', format: 'wide-csv', status: 'committed', createdBy: 'admin', rowCount: 6 });
  });

  it('holds a file with warnings until they are confirmed, and rolls a batch back', async () => {
    const api = admin();
    const wrongTotal = REPORT.replace('Hushåll;10;11;', 'Hushåll;10;12;').replace('Utbetalt;1 000;2 000,50;', 'Utbetalt;1 000;2 000,50;3 000');
    const input = { fileName: 'rättad-2022.csv', contentBase64: b64(wrongTotal), unitCode: 'B' };
    const held = await api.import.commit(input);
    expect(held).toMatchObject({ ok: true, needsConfirmation: true, batchId: null });
    expect(held.warnings[0]?.message).toContain('"Kvinnor" (rad 3) + "Män" (rad 4) är 11 för Februari, men totalen "Hushåll" i fil rättad-2022.csv, rad 2, kolumn Februari är 12.');
    const done = await api.import.commit({ ...input, confirmWarnings: true });
    expect(done).toMatchObject({ ok: true, summary: { new: 1, changed: 0, unchanged: 6 } });

    // What it will change first; without the confirmation nothing changes.
    expect(await api.import.rollbackPreview({ batchId: done.batchId ?? -1 })).toEqual({
      batchId: done.batchId,
      fileName: 'rättad-2022.csv',
      values: 1,
      restored: 0,
      deleted: 1,
      kpis: ['kr'],
      firstMonth: '2022-03',
      lastMonth: '2022-03',
      months: 1,
    });
    await expect(api.import.rollback({ batchId: done.batchId ?? -1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('är inte bekräftad; inget har ändrats'),
    });
    expect(await cell('kr', 'C', '2022-03', 'T')).toBeDefined();
    const rolled = await api.import.rollback({ batchId: done.batchId ?? -1, confirmed: true });
    expect(rolled).toEqual({ batchId: done.batchId, restored: 0, deleted: 1 });
    expect(await cell('kr', 'C', '2022-03', 'T')).toBeUndefined();
    const [event] = await database.db.select().from(events).orderBy(desc(events.id)).limit(1);
    expect(event).toMatchObject({ kind: 'import.rolled_back', payload: { batchId: done.batchId, kpis: ['kr'], units: ['C'], months: ['2022-03'] } });
    await expect(api.import.rollback({ batchId: done.batchId ?? -1, confirmed: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('är redan återställd'),
    });
  });

  it('answers bad files with clear errors and stays up; refuses oversized input before decoding it', async () => {
    const api = admin();
    const bad = await api.import.preview({ fileName: 'x-2022.csv', contentBase64: b64(';Januari\nUtbetalt;?\n'), unitCode: 'B' });
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]?.message).toContain('Värdet "?" i fil x-2022.csv, rad 2, kolumn Januari är inte ett tal.');
    const junk = await api.import.preview({ fileName: 'junk.xlsx', contentBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).toString('base64') });
    expect(junk.errors[0]?.message).toContain('går inte att öppna som Excel-arbetsbok');
    const tooBig = 'A'.repeat(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4);
    await expect(api.import.preview({ fileName: 'stor.csv', contentBase64: tooBig })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Filen är för stor'),
    });
    await expect(api.import.preview({ fileName: 'x.csv', contentBase64: 'inte base64!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Still answering.
    await expect(api.import.batches()).resolves.toEqual(expect.any(Array));
  });

  it('lets only roles with the import permission write, and nobody in without signing in', async () => {
    const analyst = caller(user('analys', ['analytiker']));
    const input = { fileName: 'r-2022.csv', contentBase64: b64(REPORT), unitCode: 'B' };
    await expect(analyst.import.preview(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.import.commit(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.import.rollback({ batchId: 1, confirmed: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.import.mappings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.import.saveMapping({ label: 'X', kpiId: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Who imported what, for which units, is for importers too.
    await expect(analyst.import.batches()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(null).import.batches()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
  it('keeps the roll-ups fresh through an import and its rollback, giving what raw cells give', async () => {
    const same = async () => {
      const period = parsePeriod('2022-01:2022-02');
      const viaRollups = await loadEngineContext(database.db, 'test-org');
      const viaRaw = await loadEngineContext(database.db, 'test-org', { rollups: false });
      expect(viaRollups.rollups).toBe(true);
      expect(await buildOverview(database.db, viaRollups, 'SOC', period, '2022-02', false, ALL_UNITS)).toEqual(
        await buildOverview(database.db, viaRaw, 'SOC', period, '2022-02', false, ALL_UNITS),
      );
    };
    const committed = await admin().import.commit({
      fileName: 'rollups-2022.csv',
      contentBase64: b64(REPORT.replace('Hushåll;10;11;', 'Hushåll;12;11;').replace('Kvinnor;4;5;', 'Kvinnor;6;5;')),
      unitCode: 'C',
      confirmWarnings: true,
    });
    expect(committed.ok).toBe(true);
    expect(await rollupStatus(database.db, 'test-org')).toMatchObject({ fresh: true });
    await same();
    await admin().import.rollback({ batchId: committed.batchId ?? 0, confirmed: true });
    expect(await rollupStatus(database.db, 'test-org')).toMatchObject({ fresh: true });
    await same();
  });
});
