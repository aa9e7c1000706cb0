import { integer, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** A tenant table's first columns: its serial id and the organisation the row belongs to. */
export const tenantRowColumns = () => ({
  id: serial('id').primaryKey(),
  orgId: orgIdColumn(),
});

/** Who wrote a row (a user or "cli:…") and when. */
export const createdColumns = () => ({
  createdBy: text('created_by').notNull(),
  createdAt: stampColumn('created_at'),
});

/** Where a row came from: reported (stated in the organisation's documents), demo (invented for the demo) or user (entered in the app), and the document it was read from. */
export const provenanceColumns = () => ({
  origin: text('origin', { enum: ['reported', 'demo', 'user'] }).notNull(),
  source: text('source'),
});

/** A required reference to another table's row, by its serial id. */
export const refColumn = (name: string, target: () => AnyPgColumn) => integer(name).notNull().references(target);
