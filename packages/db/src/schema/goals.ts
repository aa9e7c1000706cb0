import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { kpis } from './kpis.js';
import { units } from './units.js';
import { provenanceColumns, refColumn, tenantRowColumns } from './columns.js';

const ASSESSMENT = ['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-bedomd'] as const;

/**
 * A goal of the nämnd's plan: an area (kommunplan), a nämndmål or resultatmål
 * under it, or a sub-goal. It belongs to the unit that answers for it, which
 * decides who may read and assess it (the unit scope), for its validity months.
 */
export const goals = pgTable(
  'goals',
  {
    ...tenantRowColumns(),
    parentId: integer('parent_id').references((): AnyPgColumn => goals.id),
    kind: text('kind', { enum: ['area', 'namndmal', 'resultatmal', 'delmal'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The responsible committees as printed, e.g. ["SOCN", "VIAN"]. */
    committees: jsonb('committees').$type<string[]>().notNull().default([]),
    unitId: refColumn('unit_id', () => units.id),
    /** First month the goal applies (YYYY-MM). */
    validFrom: text('valid_from').notNull(),
    /** First month it no longer applies, or null while it does. */
    validTo: text('valid_to'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...provenanceColumns(),
  },
  (t) => [index('goals_org_unit').on(t.orgId, t.unitId), index('goals_parent').on(t.parentId)],
);

/** What a goal is followed by: a KPI of the product (judged against its target) or an indicator assessed by hand. */
export const goalIndicators = pgTable(
  'goal_indicators',
  {
    ...tenantRowColumns(),
    goalId: refColumn('goal_id', () => goals.id),
    kind: text('kind', { enum: ['kpi', 'manual'] }).notNull(),
    kpiId: text('kpi_id').references(() => kpis.id),
    /** The indicator's name as printed (manual), or empty for a KPI (its own name is shown). */
    name: text('name').notNull().default(''),
    /** percent, count, kr, … as printed, for a manual indicator. */
    unit: text('unit'),
    /** The Kolada KPI the indicator is compared with (its Riket figure in the annex), or null. */
    koladaKpi: text('kolada_kpi'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('goal_indicators_goal').on(t.orgId, t.goalId), check('goal_indicators_kpi', sql`(${t.kind} = 'kpi') = (${t.kpiId} is not null)`)],
);

/** A manual indicator's value for a period: the outcome, the national figure, by gender, and its assessment. */
export const goalIndicatorValues = pgTable(
  'goal_indicator_values',
  {
    ...tenantRowColumns(),
    indicatorId: refColumn('indicator_id', () => goalIndicators.id),
    /** Canonical period key, e.g. 2020-D. */
    period: text('period').notNull(),
    total: doublePrecision('total'),
    riket: doublePrecision('riket'),
    women: doublePrecision('women'),
    men: doublePrecision('men'),
    assessment: text('assessment', { enum: ASSESSMENT }).notNull().default('ej-bedomd'),
    comment: text('comment').notNull().default(''),
    ...provenanceColumns(),
  },
  (t) => [index('goal_indicator_values_key').on(t.orgId, t.indicatorId, t.period)],
);

/**
 * The målbedömning history, append-only: each decision is a new row saying who
 * decided, when, from what to what, with what the indicators proposed. A goal's
 * assessment for a period is its latest row.
 */
export const goalAssessments = pgTable(
  'goal_assessments',
  {
    ...tenantRowColumns(),
    goalId: refColumn('goal_id', () => goals.id),
    /** Canonical period key of a follow-up period: 2020-T1, 2020-D or 2020. */
    period: text('period').notNull(),
    status: text('status', { enum: ASSESSMENT }).notNull(),
    prognos: text('prognos', { enum: ASSESSMENT }).notNull(),
    /** The decision before this one for the same goal and period (null: the first). */
    previousStatus: text('previous_status', { enum: ASSESSMENT }),
    previousPrognos: text('previous_prognos', { enum: ASSESSMENT }),
    proposedStatus: text('proposed_status', { enum: ASSESSMENT }).notNull(),
    proposedPrognos: text('proposed_prognos', { enum: ASSESSMENT }).notNull(),
    /** The proposal's explanation when it was decided, e.g. "2 av 3 indikatorer uppfyllda". */
    proposal: text('proposal').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    ...provenanceColumns(),
  },
  (t) => [index('goal_assessments_key').on(t.orgId, t.goalId, t.period, t.id)],
);
