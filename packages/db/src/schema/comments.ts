import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { kpis } from './kpis.js';
import { organisations } from './organisations.js';
import { units } from './units.js';

/** A short analysis per KPI, unit and period, as in the reports' Kommentar column. Plain text. */
export const comments = pgTable(
  'comments',
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
    /** Canonical period key, e.g. 2022-T1 (see periodKey in @lagesbild/domain). */
    period: text('period').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_kpi_unit').on(t.orgId, t.kpiId, t.unitId, t.period)],
);
