import { boolean, integer, jsonb, pgTable, real, text } from 'drizzle-orm/pg-core';

/**
 * KPI definitions. The catalogue is shared by all organisations (like Kolada's
 * standard KPIs); observations and targets are per organisation.
 */
export const kpis = pgTable('kpis', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description').notNull(),
  /** English description; null: the dashboard shows the Swedish one marked lang="sv". */
  descriptionEn: text('description_en'),
  group: text('group').notNull(),
  unit: text('unit').notNull(),
  decimals: integer('decimals').notNull(),
  direction: text('direction', { enum: ['higher', 'lower', 'none'] }).notNull(),
  timeAggregation: text('time_aggregation', { enum: ['sum', 'mean', 'last'] }).notNull(),
  /** Ratio KPIs: Σ numerator KPI / Σ denominator KPI; such a KPI stores no observations. */
  ratioNumerator: text('ratio_numerator'),
  ratioDenominator: text('ratio_denominator'),
  scale: real('scale').notNull().default(1),
  genderSplit: boolean('gender_split').notNull(),
  ageBands: jsonb('age_bands').$type<string[]>().notNull().default([]),
  /** 'partition': the bands make up the total; 'subset': each is a "varav" of the total stored with band '' (domain age-band.ts). */
  ageBandKind: text('age_band_kind', { enum: ['partition', 'subset'] })
    .notNull()
    .default('partition'),
  privacyClass: text('privacy_class', { enum: ['none', 'small-count', 'sick-leave', 'hme'] }).notNull(),
  /** KPIs whose sum counts this one's individuals (care days: persons placed); empty: counted from the value or estimated. */
  individualsKpis: jsonb('individuals_kpis').$type<string[]>().notNull().default([]),
  /** Which months a report period means for the KPI (the domain's measurement-window.ts). */
  windowFamily: text('window_family', { enum: ['calendar', 'volume', 'economy', 'sick-leave', 'fte', 'headcount'] })
    .notNull()
    .default('calendar'),
  source: text('source').notNull(),
  /** English source; null as for descriptionEn. */
  sourceEn: text('source_en'),
  /** First and last month the KPI may have data (import rejects months outside). */
  validFrom: text('valid_from').notNull().default('2000-01'),
  validTo: text('valid_to'),
  sortOrder: integer('sort_order').notNull().default(0),
});
