import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { goals } from './goals.js';
import { kpis } from './kpis.js';
import { unitRowColumns } from './units.js';
import { createdColumns, refColumn, stampColumn, tenantRowColumns } from './columns.js';

/** What every follow-up row starts with: its organisation, the unit it belongs to (the scope) and the goal it concerns, if any. */
const planColumns = () => ({
  ...unitRowColumns(),
  goalId: integer('goal_id').references(() => goals.id),
});

/** An uppdrag given to the förvaltning (the reports' ✓ list), under a goal or on its own. */
export const uppdrag = pgTable(
  'uppdrag',
  {
    ...planColumns(),
    title: text('title').notNull(),
    status: text('status', { enum: ['ej-paborjat', 'pagar', 'klart', 'avslutat'] })
      .notNull()
      .default('ej-paborjat'),
    ...createdColumns(),
  },
  (t) => [index('uppdrag_org_unit').on(t.orgId, t.unitId)],
);

/** A dated comment on an uppdrag ("2019-04-30: Genomfört enligt plan"); appended, never edited. */
export const uppdragComments = pgTable(
  'uppdrag_comments',
  {
    ...tenantRowColumns(),
    uppdragId: refColumn('uppdrag_id', () => uppdrag.id),
    /** The date the comment speaks for (YYYY-MM-DD). */
    date: text('date').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    createdAt: stampColumn('created_at'),
  },
  (t) => [index('uppdrag_comments_uppdrag').on(t.orgId, t.uppdragId)],
);

/** An åtgärd in the åtgärdsplan: avvikelse → åtgärd → förväntad effekt, for a goal or a KPI. */
export const atgarder = pgTable(
  'atgarder',
  {
    ...planColumns(),
    kpiId: text('kpi_id').references(() => kpis.id),
    /** The deviation it answers. */
    avvikelse: text('avvikelse').notNull().default(''),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    /** YYYY-MM-DD. */
    dueDate: text('due_date'),
    status: text('status', { enum: ['planerad', 'pagar', 'klar', 'avbruten'] })
      .notNull()
      .default('planerad'),
    expectedEffect: text('expected_effect').notNull().default(''),
    ...createdColumns(),
  },
  (t) => [index('atgarder_org_unit').on(t.orgId, t.unitId), check('atgarder_goal_or_kpi', sql`${t.goalId} is not null or ${t.kpiId} is not null`)],
);

/** A risk as in the reports' table: Risk | Orsak | Konsekvenser | Hantering. */
export const risks = pgTable(
  'risks',
  {
    ...planColumns(),
    /** Canonical period key of the follow-up it was reported in, e.g. 2020-D. */
    period: text('period').notNull(),
    risk: text('risk').notNull(),
    orsak: text('orsak').notNull().default(''),
    konsekvenser: text('konsekvenser').notNull().default(''),
    hantering: text('hantering').notNull().default(''),
    ...createdColumns(),
  },
  (t) => [index('risks_org_unit').on(t.orgId, t.unitId, t.period)],
);
