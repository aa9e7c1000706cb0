import { doublePrecision, integer, jsonb, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { kpiUnitColumns } from './cell-columns.js';
import { provenanceColumns } from './columns.js';

/** An annual target for a KPI and unit, optionally with twelve monthly values (budgets), and a yellow tolerance. */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    ...kpiUnitColumns(),
    year: integer('year').notNull(),
    annual: doublePrecision('annual').notNull(),
    monthly: jsonb('monthly').$type<(number | null)[] | null>(),
    tolerance: doublePrecision('tolerance').notNull().default(0),
    toleranceKind: text('tolerance_kind', { enum: ['absolute', 'percent'] })
      .notNull()
      .default('percent'),
    ...provenanceColumns(),
  },
  (t) => [unique('targets_kpi_unit_year').on(t.orgId, t.kpiId, t.unitId, t.year)],
);
