import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { kpis } from './kpis.js';
import { organisations } from './organisations.js';
import { orgIdColumn, refColumn, stampColumn } from './columns.js';

/**
 * Kolada (RKA) comparison figures. They are public and yearly, so they are
 * stored once for every organisation, like the KPI catalogue, and never mixed
 * into our own observations: which of our KPIs they compare with is each
 * organisation's mapping.
 */

/** One fetch from the API or one file read: where the figures came from and when. */
export const koladaFetches = pgTable('kolada_fetches', {
  id: serial('id').primaryKey(),
  source: text('source', { enum: ['api', 'file', 'demo'] }).notNull(),
  /** The first URL fetched, or the file's name. */
  origin: text('origin').notNull(),
  fetchedBy: text('fetched_by').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  valuesNew: integer('values_new').notNull(),
  valuesRevised: integer('values_revised').notNull(),
  valuesSame: integer('values_same').notNull(),
});

/** Kolada's KPI definitions as last fetched. */
export const koladaKpis = pgTable('kolada_kpis', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  dividedByGender: boolean('divided_by_gender').notNull().default(false),
  operatingArea: text('operating_area').notNull().default(''),
  publicationDate: text('publication_date'),
  fetchId: refColumn('fetch_id', () => koladaFetches.id),
});

/** Municipalities (0000 is Riket) and municipality groups (kommungrupper), with their members. */
export const koladaMunicipalities = pgTable('kolada_municipalities', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  /** K kommun, L region, G group. */
  type: text('type').notNull().default('K'),
  members: jsonb('members').$type<string[]>().notNull().default([]),
});

/**
 * A figure per Kolada KPI × municipality × year × gender. Kolada revises its
 * figures: a changed value supersedes the current row (kept as history), an
 * unchanged one is not written again, so a refetch is idempotent.
 */
export const koladaValues = pgTable(
  'kolada_values',
  {
    id: serial('id').primaryKey(),
    koladaKpi: text('kolada_kpi').notNull(),
    municipality: text('municipality').notNull(),
    year: integer('year').notNull(),
    gender: text('gender', { enum: ['T', 'K', 'M'] }).notNull(),
    value: doublePrecision('value'),
    count: integer('count'),
    /** "" when published; Kolada's words otherwise. */
    status: text('status').notNull().default(''),
    fetchId: refColumn('fetch_id', () => koladaFetches.id),
    supersededBy: integer('superseded_by').references(() => koladaFetches.id),
  },
  (t) => [
    uniqueIndex('kolada_values_current')
      .on(t.koladaKpi, t.municipality, t.year, t.gender)
      .where(sql`${t.supersededBy} IS NULL`),
    index('kolada_values_history').on(t.koladaKpi, t.municipality, t.year),
  ],
);

/** Which Kolada KPI an organisation compares one of its KPIs with, and how their definitions differ. */
export const koladaMappings = pgTable(
  'kolada_mappings',
  {
    orgId: orgIdColumn(),
    kpiId: text('kpi_id')
      .notNull()
      .references(() => kpis.id),
    koladaKpi: text('kolada_kpi').notNull(),
    note: text('note').notNull().default(''),
    /** The note in English where written (the demo's); null: an English page shows the Swedish one. */
    noteEn: text('note_en'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: stampColumn('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kpiId] })],
);

/** Whom an organisation compares itself with: its own municipality, Riket, its kommungrupp and chosen municipalities. */
export const koladaComparisons = pgTable('kolada_comparisons', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organisations.id),
  ownMunicipality: text('own_municipality').notNull(),
  groupId: text('group_id'),
  municipalities: jsonb('municipalities').$type<string[]>().notNull().default([]),
});
