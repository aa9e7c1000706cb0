import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { orgIdColumn, stampColumn } from './columns.js';

/**
 * Every change that screens must see (import committed or rolled back, target
 * set, comment written, board saved), in order. The id is the SSE event id a
 * reconnecting client resumes from; NOTIFY only says "look from id N".
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    /** What changed: KPI ids, unit codes, months, batch id… */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: stampColumn('created_at'),
  },
  (t) => [index('events_org_id').on(t.orgId, t.id)],
);
