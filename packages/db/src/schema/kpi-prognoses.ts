import { doublePrecision, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { kpiUnitColumns } from './cell-columns.js';
import { provenanceColumns } from './columns.js';

/**
 * The förvaltning's prognos of a KPI's value for a year, made at a report period (the volymmått tables' "Prognos 2020",
 * printed in Delårsrapport 2020: period '2020-D'). Not a target (targets.ts: what the nämnd aims for) and not a budget
 * (economy.ts): what the förvaltning expects, with where it came from (reported, user, demo).
 */
export const kpiPrognoses = pgTable(
  'kpi_prognoses',
  {
    id: serial('id').primaryKey(),
    ...kpiUnitColumns(),
    year: integer('year').notNull(),
    /** The report period the prognos was made at ('2020-D', '2022-T1'). */
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    ...provenanceColumns(),
  },
  (t) => [unique('kpi_prognoses_key').on(t.orgId, t.kpiId, t.unitId, t.year, t.period)],
);
