import type { ReportDocument } from '@lagesbild/domain';
import { integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdColumns, orgIdColumn, refColumn, stampColumn } from './columns.js';
import { unitRowColumns, units } from './units.js';

/**
 * The nämnd's report for a unit and follow-up period. The live report is made
 * from today's data on every read; what people write into it (the sammantagen
 * bedömning) is kept as a draft until the report is fastställd.
 */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    orgId: orgIdColumn(),
    unitId: refColumn('unit_id', () => units.id),
    /** Canonical period key: 2020-T1, 2020-D, 2020. */
    period: text('period').notNull(),
    summary: text('summary').notNull().default(''),
    updatedBy: text('updated_by').notNull(),
    updatedAt: stampColumn('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.unitId, t.period] })],
);

/**
 * A fastställd report: the whole document as it was printed, frozen, so later
 * imports do not change it. Versions are appended, never edited: fastställa
 * again makes version n + 1 and the earlier ones stay readable.
 */
export const reportVersions = pgTable(
  'report_versions',
  {
    ...unitRowColumns(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').$type<ReportDocument>().notNull(),
    ...createdColumns(),
  },
  (t) => [unique('report_versions_key').on(t.orgId, t.unitId, t.period, t.version)],
);
