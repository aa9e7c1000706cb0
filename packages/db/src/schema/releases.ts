import type { ReleasedKpi } from '@lagesbild/domain';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The protected release of an organisation (docs/privacy.md): what every
 * suppressed audience reads, one row per KPI with all its cells, rebuilt from
 * observations whenever data moves. Derived data, no foreign keys, like the roll-ups.
 */
export const releaseKpis = pgTable(
  'release_kpis',
  {
    orgId: text('org_id').notNull(),
    kpiId: text('kpi_id').notNull(),
    buildId: integer('build_id').notNull(),
    cells: jsonb('cells').$type<ReleasedKpi>().notNull(),
  },
  (t) => [primaryKey({ name: 'release_kpis_pk', columns: [t.orgId, t.kpiId] })],
);

/** Which build an organisation's release is, its periods, and the committed batches it was built from. */
export const releaseState = pgTable('release_state', {
  orgId: text('org_id').primaryKey(),
  buildId: integer('build_id').notNull(),
  periods: jsonb('periods').$type<{ keys: string[]; first: string | null; last: string | null }>().notNull(),
  batchMax: integer('batch_max'),
  batchCommitted: integer('batch_committed').notNull(),
  batchSum: bigint('batch_sum', { mode: 'number' }).notNull(),
  buildMs: integer('build_ms').notNull(),
  /** Hash of what every cell depends on besides the cells (catalogue, unit tree, rules): a partial build needs it unchanged. Null: rebuild whole. */
  inputs: text('inputs_fingerprint'),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
