import { bigserial, doublePrecision, foreignKey, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { stampColumn } from './columns.js';
import { importBatches } from './import-batches.js';
import { kpis } from './kpis.js';
import { units } from './units.js';

/**
 * One cell: numerator with optional denominator, for a leaf unit, month,
 * gender and age band. Totals for avdelningar and the förvaltning are computed,
 * never stored.
 *
 * Tenant and unit are checked by one composite key into units (org_id, id)
 * rather than one key each: PostgreSQL checks every key of every inserted
 * row on its own (about 3 µs each here), and the unit's row already
 * requires its organisation. It is also stricter: a cell's unit must be
 * one of its own organisation's.
 */
export const observations = pgTable(
  'observations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id').notNull(),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id),
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
    gender: text('gender', { enum: ['K', 'M', 'T'] }).notNull(),
    /** '' when the KPI has no age bands. */
    ageBand: text('age_band').notNull().default(''),
    numerator: doublePrecision('numerator').notNull(),
    denominator: doublePrecision('denominator'),
    origin: text('origin', { enum: ['reported', 'synthetic'] }).notNull(),
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceFile: text('source_file'),
    sourceRow: integer('source_row'),
    updatedAt: stampColumn('updated_at'),
  },
  (t) => [
    unique('observations_cell').on(t.orgId, t.kpiId, t.unitId, t.month, t.gender, t.ageBand),
    index('observations_kpi_month').on(t.orgId, t.kpiId, t.month),
    foreignKey({ name: 'observations_org_unit_fk', columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
  ],
);

/** Every earlier version of a cell that an import replaced or removed; nothing is overwritten without a trace. */
export const observationHistory = pgTable(
  'observation_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    observationId: integer('observation_id').notNull(),
    orgId: text('org_id').notNull(),
    kpiId: text('kpi_id').notNull(),
    unitId: integer('unit_id').notNull(),
    month: text('month').notNull(),
    gender: text('gender').notNull(),
    ageBand: text('age_band').notNull(),
    numerator: doublePrecision('numerator').notNull(),
    denominator: doublePrecision('denominator'),
    origin: text('origin').notNull(),
    batchId: integer('batch_id'),
    sourceFile: text('source_file'),
    sourceRow: integer('source_row'),
    /** The batch whose import replaced this version (null when a rollback removed it). */
    replacedByBatchId: integer('replaced_by_batch_id'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('observation_history_batch').on(t.replacedByBatchId), index('observation_history_obs').on(t.observationId)],
);
