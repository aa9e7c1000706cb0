import { index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdColumns, stampColumn, tenantRowColumns } from './columns.js';

/** One slide of a wall-screen board; validated with zod where it is written. */
export interface BoardSlide {
  kind: 'overview' | 'chart' | 'drilldown' | 'redlist';
  unit: string;
  kpi?: string;
  /** A period key, or a rule following the latest month with data: "latest", "ytd" (hittills i år), "tertial" (innevarande tertial). */
  period: string;
  seconds: number;
}

/** A wall-screen board: a sequence of slides shown in rotation. */
export const boards = pgTable('boards', {
  ...tenantRowColumns(),
  name: text('name').notNull(),
  slides: jsonb('slides').$type<BoardSlide[]>().notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: stampColumn('updated_at'),
});

/** A wall-screen device: shows one board, read-only and suppressed. Only the token's SHA-256 is kept. */
export const deviceTokens = pgTable(
  'device_tokens',
  {
    ...tenantRowColumns(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    ...createdColumns(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [unique('device_tokens_hash').on(t.tokenHash), index('device_tokens_board').on(t.boardId)],
);
