import { doublePrecision, integer, jsonb, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { kpis } from './kpis.js';
import { organisations } from './organisations.js';
import { units } from './units.js';

/** An annual target for a KPI and unit, optionally with twelve monthly values (budgets), and a yellow tolerance. */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    annual: doublePrecision('annual').notNull(),
    monthly: jsonb('monthly').$type<(number | null)[] | null>(),
    tolerance: doublePrecision('tolerance').notNull().default(0),
    toleranceKind: text('tolerance_kind', { enum: ['absolute', 'percent'] })
      .notNull()
      .default('percent'),
    /** reported: stated in the organisation's documents; demo: invented for the demo. */
    origin: text('origin', { enum: ['reported', 'demo', 'user'] }).notNull(),
    source: text('source'),
  },
  (t) => [unique('targets_kpi_unit_year').on(t.orgId, t.kpiId, t.unitId, t.year)],
);
