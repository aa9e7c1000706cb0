import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './client.js';
import { TEST_DB_KINDS } from './testing/index.js';
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
});
