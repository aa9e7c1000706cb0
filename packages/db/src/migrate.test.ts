import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './client.js';
import { kpiPrognoses, targets } from './schema/index.js';
import { HOUSEHOLDS_SHAPE, insertKpis, insertOrganisation, insertUnits, TEST_DB_KINDS, testKpi, testUnit } from './testing/index.js';
import { useTestDatabase } from './testing/vitest.js';

describe.each(TEST_DB_KINDS)('migrations on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('creates every table of the domain model', async () => {
    const rows = await queryRows<{ table_name: string }>(database.db, sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(['organisations', 'units', 'unit_links', 'unit_names', 'kpis', 'observations', 'observation_history', 'targets', 'comments', 'import_batches']),
    );
  });

  it('running the migrations twice is a no-op', async () => {
    await expect(database.migrate()).resolves.toBeUndefined();
  });

  it('0014 moves a volume prognos stored as a target (a database seeded before kpi_prognoses) to kpi_prognoses', async () => {
    const db = database.db;
    await insertOrganisation(db, 'm14');
    await insertKpis(db, [testKpi({ id: 'm14-hh', name: 'Hushåll', ...HOUSEHOLDS_SHAPE })]);
    const ids = await insertUnits(db, 'm14', [testUnit('M14', 'forvaltning', [], { validFrom: '2018-01' })]);
    const unitId = ids.get('M14') ?? NaN;
    const row = { orgId: 'm14', kpiId: 'm14-hh', unitId, annual: 600, tolerance: 3, toleranceKind: 'percent' as const };
    await db.insert(targets).values([
      { ...row, year: 2020, origin: 'reported', source: 'Prognos 2020, 004_3da22e8ba1cc22ba.txt rad 80' },
      { ...row, year: 2022, annual: 420, origin: 'reported', source: 'Prognos 2022, 001_a6b4f7c84ad1bf86.txt rad 427' },
      { ...row, year: 2021, annual: 500, origin: 'reported', source: 'Mål i rapporterna' },
    ]);
    const file = readFileSync(join(import.meta.dirname, '..', 'drizzle', '0014_move_volume_prognoses.sql'), 'utf8');
    for (const statement of file.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
    const moved = await db
      .select()
      .from(kpiPrognoses)
      .where(sql`${kpiPrognoses.orgId} = 'm14'`);
    expect(moved.map((p) => [p.year, p.period, p.value, p.origin]).sort()).toEqual([
      [2020, '2020-D', 600, 'reported'],
      [2022, '2022-T1', 420, 'reported'],
    ]);
    const left = await db
      .select()
      .from(targets)
      .where(sql`${targets.orgId} = 'm14'`);
    expect(left.map((t) => t.source)).toEqual(['Mål i rapporterna']);
  });
});
