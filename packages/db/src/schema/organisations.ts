import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A municipality (tenant). Units, observations and targets belong to one. */
export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
