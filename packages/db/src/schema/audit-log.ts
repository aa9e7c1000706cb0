import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/**
 * Append-only record of who did what, when and from where: logins and
 * failures, imports and rollbacks, target and comment changes, user and role
 * changes, device tokens. Nothing updates or deletes rows here.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id').references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Username, "device:<id>", "cli" or "system". */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** What was acted on, e.g. "import_batch:12", "user:anna". */
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
  },
  (t) => [index('audit_log_org_at').on(t.orgId, t.at), index('audit_log_action').on(t.action)],
);
