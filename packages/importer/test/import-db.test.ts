import {
  createPlan,
  createStaging,
  importBatches,
  INSERT_CHUNK,
  loadCells,
  observationHistory,
  planSummary,
  queryRows,
  RAW_CHUNK_BYTES,
  StagingWriter,
  units,
  writeImportBatch,
} from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { useTestDatabase } from '@lagesbild/db/testing/vitest';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importFile, rollbackBatch, RollbackError } from '../src/index.js';
import { dumpAll } from './dump.js';
import { bytesOf, FIXTURE_KPIS, insertFixture, NOW_MONTH, ORG } from './fixture.js';

const HEADER = 'kpi,unit,period,gender,value,denominator\n';
const csv = (...rows: string[]) => bytesOf(HEADER + rows.join('\n') + '\n');
const opts = (fileName: string, bytes: Uint8Array, dryRun = false) => ({ orgId: ORG, fileName, bytes, dryRun, user: 'tester', currentMonth: NOW_MONTH });

describe.each(TEST_DB_KINDS)('importFile on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => insertFixture(opened.db));

  /** Every stored cell of one month with its provenance, in a stable order (KPI, unit, gender). */
  async function cellsOf(month: string) {
    const cells = await loadCells(database.db, { orgId: ORG, kpiIds: FIXTURE_KPIS.map((k) => k.id), start: month, end: month });
    const key = (c: { kpi: string; unit: string; gender: string }) => `${c.kpi}\t${c.unit}\t${c.gender}`;
    return cells
      .map(({ kpiId, unit, gender, numerator, denominator, origin, batchId, sourceFile, sourceRow }) => ({
        kpi: kpiId,
        unit,
        gender,
        numerator,
        denominator,
        origin,
        batchId,
        sourceFile,
        sourceRow,
      }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  it('commits a good file with batch, file and row provenance and keeps the raw bytes', async () => {
    const bytes = csv('hushall-utbetalt,E1,2021-01,K,12,', 'hushall-utbetalt,E1,2021-01,M,"8",', 'utbetalt-kr,E2,2021-01,T,"3 634 873,98",', 'sjukfranvaro,E1,2021-01,K,"6,8",100');
    const r = await importFile(database.db, opts('jan.csv', bytes));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, dryRun: false, alreadyImported: false, summary: { new: 4, changed: 0, unchanged: 0, rows: 4 } });
    expect(r.batchId).toEqual(expect.any(Number));
    const cells = await cellsOf('2021-01');
    const prov = { origin: 'reported', batchId: r.batchId, sourceFile: 'jan.csv' };
    expect(cells).toEqual([
      { kpi: 'hushall-utbetalt', unit: 'E1', gender: 'K', numerator: 12, denominator: null, sourceRow: 2, ...prov },
      { kpi: 'hushall-utbetalt', unit: 'E1', gender: 'M', numerator: 8, denominator: null, sourceRow: 3, ...prov },
      { kpi: 'sjukfranvaro', unit: 'E1', gender: 'K', numerator: 6.8, denominator: 100, sourceRow: 5, ...prov },
      { kpi: 'utbetalt-kr', unit: 'E2', gender: 'T', numerator: 3634873.98, denominator: null, sourceRow: 4, ...prov },
    ]);
    const [batch] = await database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, r.batchId ?? -1));
    expect(batch).toMatchObject({
      orgId: ORG,
      fileName: 'jan.csv',
      format: 'long-csv',
      status: 'committed',
      origin: 'reported',
      rowCount: 4,
      createdBy: 'tester',
      summary: { inserted: 4, updated: 0, unchanged: 0 },
    });
    expect(batch?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(batch?.raw ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a dry run shows the diff and writes nothing', async () => {
    await importFile(database.db, opts('feb.csv', csv('utbetalt-kr,E1,2021-02,T,100,')));
    const before = await dumpAll(database.db);
    const r = await importFile(database.db, opts('feb2.csv', csv('utbetalt-kr,E1,2021-02,T,150,', 'utbetalt-kr,E2,2021-02,T,50,'), true));
    expect(r).toMatchObject({ ok: true, dryRun: true, batchId: null, summary: { new: 1, changed: 1, unchanged: 0, rows: 2 } });
    expect(r.diff).toEqual([
      {
        kpi: 'utbetalt-kr',
        unit: 'E1',
        month: '2021-02',
        gender: 'T',
        ageBand: '',
        kind: 'changed',
        old: { numerator: 100, denominator: null },
        new: { numerator: 150, denominator: null },
        row: 2,
      },
      { kpi: 'utbetalt-kr', unit: 'E2', month: '2021-02', gender: 'T', ageBand: '', kind: 'new', old: null, new: { numerator: 50, denominator: null }, row: 3 },
    ]);
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('importing the same file twice changes nothing and says so', async () => {
    const bytes = csv('hushall-utbetalt,E1,2021-03,K,5,', 'hushall-utbetalt,E2,2021-03,M,7,');
    const first = await importFile(database.db, opts('mar.csv', bytes));
    expect(first.summary).toMatchObject({ new: 2, changed: 0 });
    const before = await dumpAll(database.db);
    const dry = await importFile(database.db, opts('mar.csv', bytes, true));
    const second = await importFile(database.db, opts('mar-igen.csv', bytes));
    expect(dry).toMatchObject({ ok: true, alreadyImported: true, summary: { new: 0, changed: 0, unchanged: 2 } });
    expect(second).toMatchObject({ ok: true, alreadyImported: true, batchId: null, summary: { new: 0, changed: 0, unchanged: 2 } });
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('keeps the replaced value in history, warns on a tenfold change, and re-imports a file whose cells changed since', async () => {
    const a = csv('utbetalt-kr,E1,2021-04,T,1000,', 'utbetalt-kr,E2,2021-04,T,2000,');
    const first = await importFile(database.db, opts('apr.csv', a));
    const fixed = csv('utbetalt-kr,E1,2021-04,T,1000,', 'utbetalt-kr,E2,2021-04,T,25000,');
    const unconfirmed = await importFile(database.db, opts('apr-rättad.csv', fixed));
    expect(unconfirmed).toMatchObject({ ok: true, needsConfirmation: true, batchId: null });
    expect(unconfirmed.notice).toContain('har 1 varningar och sparades inte');
    const second = await importFile(database.db, { ...opts('apr-rättad.csv', fixed), confirmWarnings: true });
    expect(second).toMatchObject({ ok: true, needsConfirmation: false, summary: { new: 0, changed: 1, unchanged: 1 } });
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toMatchObject({ severity: 'warning', row: 3, column: 'value' });
    expect(second.warnings[0]?.message).toBe(
      '1 sparat värde för KPI "utbetalt-kr", enhet "E2" ändras av filen (första i fil apr-rättad.csv, rad 3, kolumn value): 2021-04 kön T: 2 000 → 25 000 (rad 3). Ändringen är tio gånger eller mer: kontrollera att det inte är ett skrivfel (t.ex. kr i stället för tkr). Kontrollera ändringarna och bekräfta för att spara.',
    );
    expect(second.warnings[0]?.option).toBe('confirm');
    const history = await database.db.select().from(observationHistory).where(eq(observationHistory.month, '2021-04'));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kpiId: 'utbetalt-kr',
      numerator: 2000,
      origin: 'reported',
      batchId: first.batchId,
      sourceFile: 'apr.csv',
      sourceRow: 3,
      replacedByBatchId: second.batchId,
    });
    const e2 = (await cellsOf('2021-04')).find((c) => c.unit === 'E2');
    expect(e2).toMatchObject({ numerator: 25000, batchId: second.batchId, sourceFile: 'apr-rättad.csv', sourceRow: 3 });
    // Same bytes as the first import, but the data has changed since: a normal import that shows the change.
    const again = await importFile(database.db, { ...opts('apr.csv', a), confirmWarnings: true });
    expect(again).toMatchObject({ alreadyImported: false, summary: { changed: 1, unchanged: 1 } });
    expect(again.batchId).toEqual(expect.any(Number));
  });

  it('a re-import of an old month does not silently overwrite what a newer report said', async () => {
    const newer = await importFile(database.db, opts('nov.csv', csv('utbetalt-kr,E1,2021-10,T,500,', 'utbetalt-kr,E1,2021-11,T,600,')));
    expect(newer.batchId).toEqual(expect.any(Number));
    const before = await dumpAll(database.db);
    const older = csv('utbetalt-kr,E1,2021-09,T,400,', 'utbetalt-kr,E1,2021-10,T,450,');
    const held = await importFile(database.db, opts('okt.csv', older));
    expect(held).toMatchObject({ ok: true, needsConfirmation: true, batchId: null, summary: { new: 1, changed: 1 } });
    expect(held.diff.find((d) => d.kind === 'changed')).toMatchObject({ month: '2021-10', old: { numerator: 500 }, new: { numerator: 450 } });
    // The older-report warning, and the line every changed value gets.
    expect(held.warnings).toHaveLength(2);
    expect(held.warnings[1]?.message).toContain(
      '1 sparat värde för KPI "utbetalt-kr", enhet "E1" ändras av filen (första i fil okt.csv, rad 3, kolumn value): 2021-10 kön T: 500 → 450 (rad 3).',
    );
    expect(held.warnings[0]).toMatchObject({ severity: 'warning', row: 3, column: 'value' });
    expect(held.warnings[0]?.message).toBe(
      'Värdet för KPI "utbetalt-kr", enhet "E1", 2021-10, kön T i fil okt.csv, rad 3, kolumn value ändras från 500 till 450, men det sparade värdet kommer från en nyare rapport (med månader till och med 2021-11) än den här filen (till och med 2021-10). Bekräfta bara om den äldre rapporten verkligen ska gälla.',
    );
    expect(await dumpAll(database.db)).toEqual(before);
    const confirmed = await importFile(database.db, { ...opts('okt.csv', older), confirmWarnings: true });
    expect(confirmed).toMatchObject({ ok: true, needsConfirmation: false, summary: { new: 1, changed: 1 } });
    expect(confirmed.batchId).toEqual(expect.any(Number));
  });

  it('rollback restores exactly the previous values and deletes inserted cells', async () => {
    const first = await importFile(database.db, opts('maj.csv', csv('sjukfranvaro,E1,2021-05,K,"6,5",100', 'sjukfranvaro,E1,2021-05,M,3,50')));
    expect(first.ok).toBe(true);
    const before = await cellsOf('2021-05');
    const second = await importFile(database.db, {
      ...opts('maj2.csv', csv('sjukfranvaro,E1,2021-05,K,7,100', 'sjukfranvaro,E1,2021-05,M,3,50', 'sjukfranvaro,E2,2021-05,K,1,10')),
      confirmWarnings: true,
    });
    expect(second.summary).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    const result = await rollbackBatch(database.db, ORG, second.batchId ?? -1, 'admin');
    expect(result).toEqual({ batchId: second.batchId, restored: 1, deleted: 1 });
    expect(await cellsOf('2021-05')).toEqual(before);
    const [batch] = await database.db
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, second.batchId ?? -1));
    expect(batch?.status).toBe('rolled_back');
    expect(batch?.summary).toMatchObject({ rolledBackBy: 'admin' });
    // The values the batch wrote stay traceable, marked as removed by a rollback.
    const trace = await database.db
      .select()
      .from(observationHistory)
      .where(eq(observationHistory.batchId, second.batchId ?? -1));
    expect(trace.map((h) => [h.numerator, h.replacedByBatchId]).sort()).toEqual([
      [1, null],
      [7, null],
    ]);
    await expect(rollbackBatch(database.db, ORG, second.batchId ?? -1, 'admin')).rejects.toThrow(/redan återställd/);
    // A rolled-back file is not "already imported": importing it again applies it again.
    const redo = await importFile(database.db, {
      ...opts('maj2.csv', csv('sjukfranvaro,E1,2021-05,K,7,100', 'sjukfranvaro,E1,2021-05,M,3,50', 'sjukfranvaro,E2,2021-05,K,1,10')),
      confirmWarnings: true,
    });
    expect(redo).toMatchObject({ alreadyImported: false, summary: { new: 1, changed: 1 } });
  });

  it('refuses to roll back a batch whose cells a later import changed', async () => {
    const a = await importFile(database.db, opts('jun-a.csv', csv('utbetalt-kr,E1,2021-06,T,10,')));
    const b = await importFile(database.db, { ...opts('jun-b.csv', csv('utbetalt-kr,E1,2021-06,T,11,')), confirmWarnings: true });
    const before = await dumpAll(database.db);
    const err = await rollbackBatch(database.db, ORG, a.batchId ?? -1, 'admin').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RollbackError);
    expect((err as Error).message).toContain(`Importen ${a.batchId} (jun-a.csv) kan inte återställas: senare importer har ändrat samma värden: ${b.batchId} (jun-b.csv, 1 värden)`);
    expect(await dumpAll(database.db)).toEqual(before);
    // Newest first works, and then the older one too.
    await rollbackBatch(database.db, ORG, b.batchId ?? -1, 'admin');
    await rollbackBatch(database.db, ORG, a.batchId ?? -1, 'admin');
    expect(await cellsOf('2021-06')).toEqual([]);
  });

  it.each([
    ['unknown KPI', 'hushall-utbetal,E1,2021-07,K,1,', 2, 'kpi', 'Okänd KPI "hushall-utbetal" i fil bad.csv, rad 2, kolumn kpi. Menade du "hushall-utbetalt"?'],
    ['bad period', 'utbetalt-kr,E1,2021/07,T,1,', 2, 'period', 'Ogiltig period "2021/07" i fil bad.csv, rad 2, kolumn period.'],
    ['malformed number', 'utbetalt-kr,E1,2021-07,T,"3,4,5",', 2, 'value', 'Värdet "3,4,5" i fil bad.csv, rad 2, kolumn value är inte ett tal.'],
    ['question mark', 'utbetalt-kr,E1,2021-07,T,?,', 2, 'value', 'Värdet "?" i fil bad.csv, rad 2, kolumn value är inte ett tal.'],
  ])('a file with a %s fails, names row and column, and writes nothing', async (_name, badRow, row, column, message) => {
    const before = await dumpAll(database.db);
    const bytes = bytesOf(HEADER + badRow + '\nutbetalt-kr,E2,2021-07,T,5,\n');
    for (const dryRun of [true, false]) {
      const r = await importFile(database.db, opts('bad.csv', bytes, dryRun));
      expect(r).toMatchObject({ ok: false, batchId: null, diff: [] });
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ severity: 'error', file: 'bad.csv', row, column });
      expect(r.errors[0]?.message).toContain(message);
    }
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('a failure in the set-based write leaves nothing behind', async () => {
    const ok = await importFile(database.db, opts('aug.csv', csv('utbetalt-kr,E1,2021-08,T,1,', 'utbetalt-kr,E2,2021-08,T,2,', 'hushall-utbetalt,E1,2021-08,K,3,'), true));
    expect(ok.ok).toBe(true);
    const [e1] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, 'E1'));
    const cell = (kpi: string, unitId: number, row: number) => ({
      kpi,
      unit: 'E1',
      unitId,
      month: '2021-08',
      gender: 'T' as const,
      ageBand: '',
      numerator: row,
      denominator: null,
      file: 'aug.csv',
      row,
      valueColumn: 'value',
    });
    // Staged and inserted in pieces of two; the last cell (last in index order too) refers to a unit that does not exist and breaks a foreign key.
    const cells = [cell('utbetalt-kr', e1?.id ?? -1, 2), cell('gammal-kpi', e1?.id ?? -1, 3), cell('utbetalt-kr', 999_999, 4)];
    const before = await dumpAll(database.db);
    const input = {
      orgId: ORG,
      fileName: 'aug.csv',
      bytes: bytesOf('x'),
      sha256: 'f'.repeat(64),
      format: 'long-csv',
      origin: 'reported' as const,
      user: 't',
      summary: { new: 3, changed: 0, unchanged: 0, rows: 3 },
    };
    const write = database.db.transaction(async (tx) => {
      await createStaging(tx);
      const staging = new StagingWriter(tx, 2);
      for (const c of cells) await staging.add(c);
      await staging.flush();
      await createPlan(tx, ORG, 'reported');
      expect(await planSummary(tx)).toEqual({ new: 3, changed: 0, unchanged: 0, rows: 3 });
      await writeImportBatch(tx, input, { rawBytes: RAW_CHUNK_BYTES, insertRows: 2 });
    });
    await expect(write).rejects.toThrow();
    expect(await dumpAll(database.db)).toEqual(before);
  });

  it('keeps a raw file larger than one statement byte for byte', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7919) % 256);
    const input = {
      orgId: ORG,
      fileName: 'raw.csv',
      bytes,
      sha256: 'e'.repeat(64),
      format: 'long-csv',
      origin: 'reported' as const,
      user: 't',
      summary: { new: 0, changed: 0, unchanged: 0, rows: 0 },
    };
    let stored: Uint8Array | null = null;
    const write = database.db.transaction(async (tx) => {
      await createStaging(tx);
      await createPlan(tx, ORG, 'reported');
      // In pieces of 3 000 bytes: four statements, the last one short.
      const batchId = await writeImportBatch(tx, input, { rawBytes: 3000, insertRows: INSERT_CHUNK });
      const [batch] = await tx.select({ raw: importBatches.raw }).from(importBatches).where(eq(importBatches.id, batchId));
      stored = batch?.raw ?? null;
      tx.rollback();
    });
    await expect(write).rejects.toThrow();
    expect(Buffer.from(stored ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('stores synthetic data as synthetic, and updates and inserts across many chunks', async () => {
    const bands = ['-29', '30-49', '50-'];
    const rows = (bump: number) => {
      const out: string[] = [];
      for (let y = 2018; y <= 2020; y++)
        for (let m = 1; m <= 12; m++)
          for (const u of ['E1', 'E2'])
            for (const g of ['K', 'M', 'T']) for (const b of bands) out.push(`sjukfranvaro,${u},${y}-${String(m).padStart(2, '0')},${g},${m + bump},200,${b}`);
      return out;
    };
    const header = 'kpi,unit,period,gender,value,denominator,age_band\n';
    const first = await importFile(database.db, { ...opts('stor.csv', bytesOf(header + rows(0).join('\n'))), origin: 'synthetic' });
    expect(first.summary).toEqual({ new: 648, changed: 0, unchanged: 0, rows: 648 });
    const unconfirmed = await importFile(database.db, opts('stor2.csv', bytesOf(header + rows(1).join('\n'))));
    // One line per KPI and unit however many values change: 2 units here, 324 values each.
    expect(unconfirmed.warnings.map((w) => w.found)).toEqual(['324 ändrade', '324 ändrade']);
    const second = await importFile(database.db, { ...opts('stor2.csv', bytesOf(header + rows(1).join('\n'))), confirmWarnings: true });
    expect(second.summary).toEqual({ new: 0, changed: 648, unchanged: 0, rows: 648 });
    const [stats] = await queryRows<{ n: number; reported: number; hist: number }>(
      database.db,
      sql`select count(*)::int as n,
                 count(*) filter (where origin = 'reported' and batch_id = ${second.batchId})::int as reported,
                 (select count(*)::int from observation_history where replaced_by_batch_id = ${second.batchId} and origin = 'synthetic') as hist
          from observations where kpi_id = 'sjukfranvaro' and month between '2018-01' and '2020-12'`,
    );
    expect(stats).toEqual({ n: 648, reported: 648, hist: 648 });
  });

  it('refuses an organisation that does not exist', async () => {
    const r = await importFile(database.db, { ...opts('x.csv', csv('utbetalt-kr,E1,2021-09,T,1,')), orgId: 'nowhere' });
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toContain('Organisationen "nowhere" finns inte');
  });
});
