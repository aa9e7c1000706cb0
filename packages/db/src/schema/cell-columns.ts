import { text } from 'drizzle-orm/pg-core';
import { orgIdColumn, refColumn } from './columns.js';
import { kpis } from './kpis.js';
import { units } from './units.js';

/** What a per-KPI-and-unit row (a cell, a target, a comment) is about. Apart from columns.ts because units.ts imports that. */
export const kpiUnitColumns = () => ({
  orgId: orgIdColumn(),
  kpiId: text('kpi_id')
    .notNull()
    .references(() => kpis.id),
  unitId: refColumn('unit_id', () => units.id),
});
