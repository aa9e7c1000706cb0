import { bigint, boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Observations pre-aggregated for every parent unit along the tree as it was in
 * each month: a unit's row holds the sum over every leaf below it that month, so a
 * dashboard read touches a few rows per KPI and month instead of every leaf.
 * Gender T is the effective total (K + M where the split is stored, else the
 * T row), so a read takes exactly the rows of the gender it asks for. Age bands
 * are summed. Rebuilt from observations by refreshRollups; never edited by hand.
 * No foreign keys: it is derived data, and must not stop a tenant's rows from being replaced.
 */
export const observationRollups = pgTable(
  'observation_rollups',
  {
    orgId: text('org_id').notNull(),
    kpiId: text('kpi_id').notNull(),
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
    gender: text('gender', { enum: ['K', 'M', 'T'] }).notNull(),
    numerator: doublePrecision('numerator').notNull(),
    /** Null when no cell below had a denominator, as the engine's Σ den. */
    denominator: doublePrecision('denominator'),
    cells: integer('cells').notNull(),
    /** Provenance of every cell of the unit, KPI and month (all genders), for the value's origin and batches. */
    reported: boolean('reported').notNull(),
    synthetic: boolean('synthetic').notNull(),
    /** The newest 20 distinct batches: the newest 20 of a union are the newest 20 of the parts' newest 20. */
    batchIds: integer('batch_ids').array().notNull(),
  },
  (t) => [primaryKey({ name: 'observation_rollups_pk', columns: [t.orgId, t.kpiId, t.unitId, t.month, t.gender] })],
);

/**
 * When an organisation's roll-ups were built and from which committed batches.
 * A read uses the roll-ups only while the batches still match, so an import
 * that did not refresh them falls back to raw cells instead of stale sums.
 */
export const rollupState = pgTable('rollup_state', {
  orgId: text('org_id').primaryKey(),
  batchMax: integer('batch_max'),
  batchCommitted: integer('batch_committed').notNull(),
  batchSum: bigint('batch_sum', { mode: 'number' }).notNull(),
  /** latestDataMonth as of the build, so the overview need not scan observations for it. */
  latestMonth: text('latest_month'),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
