import { boolean, doublePrecision, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { provenanceColumns } from './columns.js';
import { unitRowColumns } from './units.js';

/*
 * The economy as the nämnd's reports print it (tkr), apart from goal targets (targets.ts):
 * a budget is what the nämnd was given, a target what it aims for, a prognos what the
 * förvaltning expects. Each row says where it came from (origin reported/user/demo, source).
 *
 * `line` is what the amount is of: 'netto' (a unit's own net result in the driftsredovisning),
 * a cost type of the split by kind (economy/lines.ts in the domain: 'intakter', 'placeringar', …)
 * or a KPI id (a KPI's budget, e.g. 'placeringskostnad', 'utbetalt-forsorjningsstod').
 * Driftsredovisning lines are signed as printed (net result: costs negative, income positive);
 * a KPI's budget has the KPI's own sign (a cost positive), in tkr.
 */

/** An amount in tkr, always given. */
const tkrColumn = (name: string) => doublePrecision(name).notNull();

/** One month's utfall or budget of a line on a unit (the unit the report prints it for, at any level). */
export const economyAmounts = pgTable(
  'economy_amounts',
  {
    ...unitRowColumns(),
    line: text('line').notNull(),
    month: text('month').notNull(),
    kind: text('kind', { enum: ['utfall', 'budget'] }).notNull(),
    amountTkr: tkrColumn('amount_tkr'),
    ...provenanceColumns(),
  },
  (t) => [unique('economy_amounts_key').on(t.orgId, t.unitId, t.line, t.month, t.kind), index('economy_amounts_org_month').on(t.orgId, t.month)],
);

/** The förvaltning's prognos for the full year, made at a report period ('2022-T1', '2020-D'): the expected deviation from budget. */
export const economyPrognoses = pgTable(
  'economy_prognoses',
  {
    ...unitRowColumns(),
    line: text('line').notNull(),
    period: text('period').notNull(),
    deviationTkr: tkrColumn('deviation_tkr'),
    /** The column header as printed ("Prognos avvikelse helår 2022"), or null. */
    label: text('label'),
    ...provenanceColumns(),
  },
  (t) => [unique('economy_prognoses_key').on(t.orgId, t.unitId, t.line, t.period)],
);

/** One project row of an investeringsredovisning, as printed for a report period (the columns differ between years; absent ones are null). */
export const investments = pgTable(
  'investments',
  {
    ...unitRowColumns(),
    period: text('period').notNull(),
    project: text('project').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    utfallTkr: tkrColumn('utfall_tkr'),
    budgetTkr: tkrColumn('budget_tkr'),
    /** "Budget per 31/8 2018", "Budget helår 2022", … */
    budgetLabel: text('budget_label').notNull(),
    /** The printed deviation (or "Kvar av årets budget"). */
    deviationTkr: tkrColumn('deviation_tkr'),
    prognosTkr: doublePrecision('prognos_tkr'),
    /** "Prognos helår 2018" (a deviation), "Prognos utfall per 31/12" (an outturn), … */
    prognosLabel: text('prognos_label'),
    totalBudgetTkr: doublePrecision('total_budget_tkr'),
    accumulatedTkr: doublePrecision('accumulated_tkr'),
    completes: boolean('completes'),
    ...provenanceColumns(),
  },
  (t) => [index('investments_org_period').on(t.orgId, t.period)],
);
