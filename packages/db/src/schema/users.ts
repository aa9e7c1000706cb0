import { boolean, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { stampColumn, tenantRowColumns } from './columns.js';
import { units } from './units.js';

/**
 * A person who logs in. A password user has a scrypt hash; an OIDC user is
 * matched on (issuer, subject), the immutable claims, never on e-mail.
 */
export const users = pgTable(
  'users',
  {
    ...tenantRowColumns(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: stampColumn('created_at'),
  },
  (t) => [unique('users_org_username').on(t.orgId, t.username), unique('users_oidc').on(t.oidcIssuer, t.oidcSubject)],
);

/** A row of a user's own, gone with the user. */
const userRef = () =>
  integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const ROLES = ['admin', 'forvaltningschef', 'enhetschef', 'analytiker'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A role a user holds. An enhetschef's row names the unit she is assigned;
 * she sees it and its descendants in the tree as it is in the period viewed.
 * A user may hold several rows.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    id: serial('id').primaryKey(),
    userId: userRef(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: integer('unit_id').references(() => units.id),
  },
  (t) => [index('user_roles_user').on(t.userId)],
);

/** A login session. Only the SHA-256 of the cookie token is stored, so a database dump opens no session. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: userRef(),
    csrfToken: text('csrf_token').notNull(),
    /** 'password' or 'oidc': how the session was opened. */
    method: text('method').notNull(),
    createdAt: stampColumn('created_at'),
    lastSeenAt: stampColumn('last_seen_at'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
