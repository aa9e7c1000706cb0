import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A municipality (tenant). Units, observations and targets belong to one. */
export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Roles that see exact small counts; every other role and every wall screen gets suppressed values. */
  exactValueRoles: jsonb('exact_value_roles').$type<string[]>().notNull().default(['admin']),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
