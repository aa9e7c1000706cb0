import { index, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { kpiUnitColumns } from './cell-columns.js';
import { stampColumn } from './columns.js';

/** A short analysis per KPI, unit and period, as in the reports' Kommentar column. Plain text. */
export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    ...kpiUnitColumns(),
    /** Canonical period key, e.g. 2022-T1 (see periodKey in @lagesbild/domain). */
    period: text('period').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    createdAt: stampColumn('created_at'),
  },
  (t) => [index('comments_kpi_unit').on(t.orgId, t.kpiId, t.unitId, t.period)],
);
