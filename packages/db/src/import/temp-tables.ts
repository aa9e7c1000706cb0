/**
 * The import's TEMP tables as drizzle objects, so queries name their tables
 * and columns through them like every other table. They live outside
 * src/schema on purpose: drizzle-kit must not make migrations of them; each
 * import creates them in its own transaction (ON COMMIT DROP).
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { bigint, customType, doublePrecision, integer, pgTable, text, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A cell's place and value, as staged and as planned (fresh builders per table). */
const cellColumns = () => ({
  unitId: integer('unit_id').notNull(),
  month: text('month').notNull(),
  gender: text('gender').notNull(),
  ageBand: text('age_band').notNull(),
  n: doublePrecision('n').notNull(),
  d: doublePrecision('d'),
});

/** Validated cells in file order: seq is the order (rows restart per sheet of a workbook), line the row shown to the user. */
export const importStaging = pgTable('import_staging', {
  seq: integer('seq').notNull(),
  kpi: text('kpi').notNull(),
  unit: text('unit').notNull(),
  ...cellColumns(),
  sheet: text('sheet'),
  line: integer('line').notNull(),
  col: text('col').notNull(),
});

/** Staged cells that exist already, with what is stored: the plan's changed and unchanged cells. */
export const importMatch = pgTable('import_match', {
  seq: integer('seq').notNull(),
  obsId: bigint('obs_id', { mode: 'number' }).notNull(),
  oldN: doublePrecision('old_n').notNull(),
  oldD: doublePrecision('old_d'),
  oldOrigin: text('old_origin').notNull(),
  oldBatch: integer('old_batch'),
  kind: text('kind', { enum: ['changed', 'unchanged'] }).notNull(),
});

/** The new cells in the order of the unique cell index, numbered (ord) in that order. */
export const importNew = pgTable('import_new', {
  kpi: text('kpi').notNull(),
  ...cellColumns(),
  line: integer('line').notNull(),
  ord: integer('ord').notNull(),
});

/** The raw file in pieces, when it is too large for one parameter. */
export const importRaw = pgTable('import_raw', {
  seq: integer('seq').notNull(),
  part: bytea('part').notNull(),
});

/** A column list for INSERT … SELECT (drizzle's insert().select() wants every column, the serial id too). */
export const columnList = (...columns: AnyPgColumn[]): SQL =>
  sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );

/** "table as alias" for raw SQL: an aliased table renders as its alias alone there. */
export const tableAs = (table: PgTable, alias: PgTable): SQL => sql`${table} as ${alias}`;

/** Drops a TEMP table of this connection if an earlier import in the same outer transaction left it (never a real table). */
export const dropTemp = (table: PgTable): SQL => sql`drop table if exists pg_temp.${table}`;

/** CREATE TEMP TABLE from the drizzle definition, so the columns are written down once. */
export function createTemp(table: PgTable): SQL {
  const columns = Object.values(getTableColumns(table)).map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}${c.notNull ? sql` not null` : sql``}`);
  return sql`create temp table ${table} (${sql.join(columns, sql`, `)}) on commit drop`;
}
