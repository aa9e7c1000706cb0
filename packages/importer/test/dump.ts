import { queryRows, type Db } from '@lagesbild/db';
import { sql } from 'drizzle-orm';

/** Count and md5 of the ordered rows of every table: equal dumps mean nothing at all was written. */
export async function dumpAll(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`),
    );
    out[name] = `${row?.n ?? '?'} ${row?.h ?? '?'}`;
  }
  return out;
}
