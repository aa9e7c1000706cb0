import { customType, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdColumns, tenantRowColumns } from './columns.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One import of one file. The raw file is kept so any figure can be traced back to its bytes. */
export const importBatches = pgTable(
  'import_batches',
  {
    ...tenantRowColumns(),
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
    ...createdColumns(),
  },
  (t) => [index('import_batches_org').on(t.orgId, t.createdAt)],
);
