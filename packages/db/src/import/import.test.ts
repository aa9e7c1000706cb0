import { and, asc, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../client.js';
import { importBatches, importMappings, observationHistory, observations, units } from '../schema/index.js';
import { insertKpis, insertOrganisation, testKpi, TEST_DB_KINDS } from '../testing/index.js';
import { useTestDatabase } from '../testing/vitest.js';
import {
  changedValueRows,
  createPlan,
  createStaging,
  diffRows,
  importCommittedBefore,
  importMappingRows,
  lockOrganisationImports,
  monthCellsByCode,
  organisationExists,
  planSummary,
  rollbackBlockers,
  rollbackCounts,
  stagedDuplicates,
  StagingWriter,
  startImportTransaction,
  touchedCells,
  undoImportBatch,
  writeImportBatch,
  type ImportBatchInput,
  type ImportDiffSummary,
  type StagedCell,
} from './index.js';

const ORG = 'imp';

async function fill(db: Db): Promise<void> {
  await insertOrganisation(db, ORG);
  await insertKpis(db, [
    testKpi({ id: 'k1', name: 'K1', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: true, privacyClass: 'none' }),
    testKpi({ id: 'k2', name: 'K2', unit: 'count', direction: 'lower', timeAggregation: 'sum', genderSplit: false, privacyClass: 'none' }),
  ]);
  await db.insert(units).values([
    { orgId: ORG, code: 'E1', name: 'E1', kind: 'enhet', validFrom: '2020-01' },
    { orgId: ORG, code: 'E2', name: 'E2', kind: 'enhet', validFrom: '2020-01', validTo: '2021-01' },
  ]);
}

describe.each(TEST_DB_KINDS)('import queries on %s', (kind) => {
  const database = useTestDatabase(kind, (opened) => fill(opened.db));

  async function unitId(code: string): Promise<number> {
    const [u] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  }

  /** Staged in batches of two, so the writer's hand-over between batches is crossed. */
  async function stage(tx: Db, cells: StagedCell[]): Promise<void> {
    await createStaging(tx);
    const writer = new StagingWriter(tx, 2);
    for (const c of cells) await writer.add(c);
    await writer.flush();
    expect(writer.count).toBe(cells.length);
  }

  const cell = async (kpi: string, unit: string, gender: 'K' | 'M' | 'T', numerator: number, row: number): Promise<StagedCell> => ({
    kpi,
    unit,
    unitId: await unitId(unit),
    month: '2021-01',
    gender,
    ageBand: '',
    numerator,
    denominator: null,
    row,
    valueColumn: 'value',
  });

  /** Stages, plans and writes one import as the importer does; returns the plan's summary and the batch id. */
  async function importCells(fileName: string, cells: StagedCell[], bytes: Uint8Array): Promise<{ summary: ImportDiffSummary; batchId: number }> {
    return database.db.transaction(async (tx) => {
      await startImportTransaction(tx);
      await lockOrganisationImports(tx, ORG);
      await stage(tx, cells);
      await createPlan(tx, ORG, 'reported');
      const summary = await planSummary(tx);
      const input: ImportBatchInput = { orgId: ORG, fileName, bytes, sha256: fileName.padEnd(64, '0'), format: 'long-csv', origin: 'reported', user: 'tester', summary };
      // Pieces of four bytes and one row: every piece of the writer runs more than once.
      return { summary, batchId: await writeImportBatch(tx, input, { rawBytes: 4, insertRows: 1 }) };
    });
  }

  const cellsOfMonth = () =>
    database.db
      .select({
        kpi: observations.kpiId,
        gender: observations.gender,
        n: observations.numerator,
        batchId: observations.batchId,
        sourceFile: observations.sourceFile,
        sourceRow: observations.sourceRow,
      })
      .from(observations)
      .where(and(eq(observations.orgId, ORG), eq(observations.month, '2021-01')))
      .orderBy(asc(observations.kpiId), asc(observations.gender));

  it('stages cells in batches and finds every repeated cell at its later rows, capped but counted', async () => {
    // Built before the transaction: PGlite's one connection would wait for it to end.
    const cells = [await cell('k1', 'E1', 'K', 1, 2), await cell('k1', 'E1', 'M', 2, 3), await cell('k1', 'E1', 'K', 3, 4), await cell('k1', 'E1', 'K', 4, 5)];
    const run = database.db.transaction(async (tx) => {
      await stage(tx, cells);
      const all = await stagedDuplicates(tx, 10);
      expect(all.map((d) => [d.line, d.first_line, d.kpi, d.unit, d.gender, d.total])).toEqual([
        [4, 2, 'k1', 'E1', 'K', 2],
        [5, 2, 'k1', 'E1', 'K', 2],
      ]);
      expect(await stagedDuplicates(tx, 1)).toHaveLength(1);
      tx.rollback();
    });
    await expect(run).rejects.toBeInstanceOf(TransactionRollbackError);
  });

  it('plans, writes and rolls back imports: history, provenance, raw bytes in pieces, what blocks a rollback', async () => {
    const bytes = new TextEncoder().encode('kpi,unit,period\n0123456789');
    const first = await importCells('a.csv', [await cell('k1', 'E1', 'K', 10, 2), await cell('k1', 'E1', 'M', 5, 3)], bytes);
    expect(first.summary).toEqual({ new: 2, changed: 0, unchanged: 0, rows: 2 });
    const [batch] = await database.db.select().from(importBatches).where(eq(importBatches.id, first.batchId));
    expect(Buffer.from(batch?.raw ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);
    expect(batch).toMatchObject({ status: 'committed', rowCount: 2, summary: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(await importCommittedBefore(database.db, ORG, 'a.csv'.padEnd(64, '0'))).toBe(true);
    expect(await importCommittedBefore(database.db, ORG, 'b.csv'.padEnd(64, '0'))).toBe(false);
    const before = await cellsOfMonth();

    // Before writing the second: what the plan says.
    const second = [await cell('k1', 'E1', 'K', 12, 2), await cell('k1', 'E1', 'M', 5, 3), await cell('k2', 'E1', 'T', 7, 4)];
    const planned = database.db.transaction(async (tx) => {
      await stage(tx, second);
      await createPlan(tx, ORG, 'reported');
      expect(await planSummary(tx)).toEqual({ new: 1, changed: 1, unchanged: 1, rows: 3 });
      expect((await diffRows(tx, 2)).map((d) => [d.kind, d.row, d.old?.numerator ?? null, d.new.numerator])).toEqual([
        ['changed', 2, 10, 12],
        ['unchanged', 3, 5, 5],
      ]);
      expect(await touchedCells(tx)).toEqual({ kpis: ['k1', 'k2'], units: ['E1'], months: ['2021-01'], unitMonths: { E1: ['2021-01'] } });
      expect((await changedValueRows(tx, { groups: 10, examples: 3 })).map((r) => [r.kpi, r.old_n, r.n, r.total, r.groups])).toEqual([['k1', 10, 12, 1, 1]]);
      tx.rollback();
    });
    await expect(planned).rejects.toBeInstanceOf(TransactionRollbackError);

    const b = await importCells('b.csv', second, new TextEncoder().encode('b'));
    const history = await database.db.select().from(observationHistory).where(eq(observationHistory.replacedByBatchId, b.batchId));
    expect(history.map((h) => [h.kpiId, h.gender, h.numerator, h.batchId, h.sourceFile])).toEqual([['k1', 'K', 10, first.batchId, 'a.csv']]);
    expect(await cellsOfMonth()).toEqual([
      { kpi: 'k1', gender: 'K', n: 12, batchId: b.batchId, sourceFile: 'b.csv', sourceRow: 2 },
      { kpi: 'k1', gender: 'M', n: 5, batchId: first.batchId, sourceFile: 'a.csv', sourceRow: 3 },
      { kpi: 'k2', gender: 'T', n: 7, batchId: b.batchId, sourceFile: 'b.csv', sourceRow: 4 },
    ]);

    expect(await rollbackBlockers(database.db, ORG, first.batchId)).toEqual({
      batch: { status: 'committed', fileName: 'a.csv' },
      later: [{ batchId: b.batchId, fileName: 'b.csv', cells: 1 }],
      drifted: 0,
    });
    expect(await rollbackBlockers(database.db, ORG, 999_999)).toEqual({ batch: null, later: [], drifted: 0 });
    expect(await rollbackCounts(database.db, ORG, b.batchId)).toEqual({ values: 2, restored: 1, kpis: ['k1', 'k2'], firstMonth: '2021-01', lastMonth: '2021-01', months: 1 });

    const undone = await database.db.transaction(async (tx) => {
      await lockOrganisationImports(tx, ORG);
      return undoImportBatch(tx, ORG, b.batchId, 'admin');
    });
    expect(undone).toEqual({ restored: 1, deleted: 1 });
    expect(await cellsOfMonth()).toEqual(before);
    const [rolled] = await database.db.select().from(importBatches).where(eq(importBatches.id, b.batchId));
    expect(rolled?.status).toBe('rolled_back');
    expect(rolled?.summary).toMatchObject({ inserted: 1, updated: 1, rolledBackBy: 'admin' });
    expect((await rollbackBlockers(database.db, ORG, b.batchId)).batch?.status).toBe('rolled_back');
    expect((await rollbackBlockers(database.db, ORG, first.batchId)).later).toEqual([]);
  });

  it('reads the organisation, its mappings in order and a month of cells by code on units that still exist', async () => {
    expect(await organisationExists(database.db, ORG)).toBe(true);
    expect(await organisationExists(database.db, 'nowhere')).toBe(false);
    await database.db.insert(importMappings).values([
      { orgId: ORG, label: 'Hushåll', kpiId: 'k1', gender: 'K', updatedBy: 't' },
      { orgId: ORG, label: 'Annat', kpiId: null, updatedBy: 't', unitCode: 'E1' },
    ]);
    expect(await importMappingRows(database.db, ORG)).toEqual([
      { section: '', parentLabel: '', label: 'Hushåll', kpiId: 'k1', gender: 'K', ageBand: '', unitCode: null },
      { section: '', parentLabel: '', label: 'Annat', kpiId: null, gender: 'T', ageBand: '', unitCode: 'E1' },
    ]);
    const e2 = await unitId('E2');
    await database.db.insert(observations).values({ orgId: ORG, kpiId: 'k2', unitId: e2, month: '2020-06', gender: 'T', numerator: 3, origin: 'synthetic' });
    await database.db
      .insert(observations)
      .values({ orgId: ORG, kpiId: 'k2', unitId: await unitId('E1'), month: '2020-06', gender: 'T', numerator: 4, denominator: 8, origin: 'synthetic' });
    expect(await monthCellsByCode(database.db, ORG, '2020-06', '2020-12')).toEqual([
      { kpi: 'k2', unit: 'E1', gender: 'T', ageBand: '', numerator: 4, denominator: 8 },
      { kpi: 'k2', unit: 'E2', gender: 'T', ageBand: '', numerator: 3, denominator: null },
    ]);
    // E2 ends before 2021-01.
    expect((await monthCellsByCode(database.db, ORG, '2020-06', '2021-01')).map((c) => c.unit)).toEqual(['E1']);
  });

  it('holds the organisation import lock until the transaction ends', async () => {
    const advisory = (db: Db) => queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`);
    const inside = await database.db.transaction(async (tx) => {
      await lockOrganisationImports(tx, ORG);
      return advisory(tx);
    });
    expect(inside).toEqual([{ n: 1 }]);
    expect(await advisory(database.db)).toEqual([{ n: 0 }]);
  });

  it("refuses a cell whose unit is another organisation's, and a unit that does not exist (one key over tenant and unit)", async () => {
    await insertOrganisation(database.db, 'other');
    const [foreign] = await database.db.insert(units).values({ orgId: 'other', code: 'X1', name: 'X1', kind: 'enhet', validFrom: '2020-01' }).returning({ id: units.id });
    const cell = { orgId: ORG, kpiId: 'k2', month: '2020-07', gender: 'T' as const, numerator: 1, origin: 'reported' as const };
    const fkError = (unitId: number) =>
      database.db
        .insert(observations)
        .values({ ...cell, unitId })
        .then(
          () => 'inserted',
          (e: unknown) => String(e instanceof Error && 'cause' in e ? e.cause : e),
        );
    expect(await fkError(foreign?.id ?? -1)).toMatch(/observations_org_unit_fk/);
    expect(await fkError(999_999)).toMatch(/observations_org_unit_fk/);
    expect(await fkError(await unitId('E1'))).toBe('inserted');
  });
});
