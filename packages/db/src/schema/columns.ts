import { text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

// Column groups many tables share; each call makes fresh builders, as drizzle needs one per table.

/** The tenant a row belongs to. */
export const orgIdColumn = () =>
  text('org_id')
    .notNull()
    .references(() => organisations.id);

/** A timestamp column set by the database when the row is written. */
export const stampColumn = (name: 'created_at' | 'updated_at' | 'last_seen_at') => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Validity in months: valid_from <= m < valid_to, valid_to null while it lasts. */
export const validityColumns = () => ({
  validFrom: text('valid_from').notNull(),
  validTo: text('valid_to'),
});
