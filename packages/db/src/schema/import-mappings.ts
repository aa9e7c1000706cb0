import { index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { stampColumn, tenantRowColumns } from './columns.js';
import { kpis } from './kpis.js';

/**
 * How a row of the administration's wide monthly reports becomes observations:
 * the row, named by its section, the rows it is printed under and its own
 * label, is a KPI with a gender and age band on a unit. Editable by admins.
 *
 * kpi_id null: a known row that is deliberately not imported (e.g. a measure
 * with no KPI yet), so it is not reported as unknown. unit_code null: the unit
 * given with the import. Labels are stored as printed; matching ignores case
 * and repeated spaces. Units are referred to by their stable code (not id), so
 * mappings survive a re-seed of the unit tree.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...tenantRowColumns(),
    section: text('section').notNull().default(''),
    parentLabel: text('parent_label').notNull().default(''),
    label: text('label').notNull(),
    kpiId: text('kpi_id').references(() => kpis.id),
    gender: text('gender', { enum: ['K', 'M', 'T'] })
      .notNull()
      .default('T'),
    ageBand: text('age_band').notNull().default(''),
    unitCode: text('unit_code'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: stampColumn('updated_at'),
  },
  (t) => [unique('import_mappings_row').on(t.orgId, t.section, t.parentLabel, t.label), index('import_mappings_kpi').on(t.kpiId)],
);
