import { customType, index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { orgIdColumn, stampColumn } from './columns.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One import of one file. The raw file is kept so any figure can be traced back to its bytes. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: serial('id').primaryKey(),
    orgId: orgIdColumn(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    raw: bytea('raw'),
    status: text('status', { enum: ['committed', 'rolled_back'] })
      .notNull()
      .default('committed'),
    /** reported: the organisation's own figures; synthetic: generated demo data. */
    origin: text('origin', { enum: ['reported', 'synthetic'] }).notNull(),
    summary: jsonb('summary').$type<{ inserted: number; updated: number; unchanged: number }>(),
    rowCount: integer('row_count').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: stampColumn('created_at'),
  },
  (t) => [index('import_batches_org').on(t.orgId, t.createdAt)],
);
