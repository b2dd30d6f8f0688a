/**
 * The server's one database schema (Drizzle). `npm run db:generate` turns changes into a new SQL migration in
 * `migrations/`; the same migrations run on PGlite (embedded) and on PostgreSQL.
 */

import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Anonymised events exactly as events/schema.ts allows them, one column per field. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    /** Arrival order: the SIEM forwarder's cursor and the tie-breaker of "recent events". */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    time: timestamp('time', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    installId: uuid('install_id').notNull(),
    userMode: text('user_mode').notNull(),
    userId: text('user_id'),
    site: text('site'),
    action: text('action').notNull(),
    categories: jsonb('categories').$type<Record<string, number>>().notNull(),
    /** One bit per category (index in detectors/types CATEGORIES): filters and "top categories" without jsonb. */
    categoryMask: integer('category_mask').notNull(),
    detectors: text('detectors').array().notNull(),
    confidence: text('confidence').notNull(),
    justification: text('justification'),
    dropped: integer('dropped'),
    policyVersion: text('policy_version').notNull(),
    extensionVersion: text('extension_version').notNull(),
    browser: text('browser').notNull(),
  },
  (t) => [
    index('events_time_idx').on(t.time),
    index('events_site_time_idx').on(t.site, t.time),
    index('events_action_time_idx').on(t.action, t.time),
  ],
);

/**
 * Event counts per hour and combination of the dashboard's dimensions, kept up to date by each insert, so the
 * overview reads thousands of rows instead of millions (design: ../store/rollups.design.md). Absent values are ''.
 */
export const eventCounts = pgTable(
  'event_counts',
  {
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    site: text('site').notNull(),
    action: text('action').notNull(),
    justification: text('justification').notNull(),
    categoryMask: integer('category_mask').notNull(),
    n: integer('n').notNull(),
    lastTime: timestamp('last_time', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.site, t.action, t.justification, t.categoryMask] })],
);

/** Who was active per day, site and action (user = pseudonym or email, else the install): distinct counts. */
export const eventActors = pgTable(
  'event_actors',
  {
    day: date('day', { mode: 'string' }).notNull(),
    site: text('site').notNull(),
    action: text('action').notNull(),
    userKey: text('user_key').notNull(),
    installId: uuid('install_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.site, t.action, t.userKey, t.installId] })],
);

/** Every saved version of the organisation's policy; the highest version is the one served. */
export const policies = pgTable('policies', {
  version: integer('version').primaryKey(),
  body: jsonb('body').notNull(),
  etag: text('etag').notNull(),
  comment: text('comment'),
  /** Set when this version was created by rolling back to an older one. */
  restoredFrom: integer('restored_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Admin sessions; only a SHA-256 of the cookie value is stored, so a database dump cannot be replayed. */
export const adminSessions = pgTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('admin_sessions_expires_idx').on(t.expiresAt)],
);

/** Bearer tokens the extensions send with events and policy fetches (SHA-256 stored; shown once at creation). */
export const enrollmentTokens = pgTable('enrollment_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Progress of each SIEM forwarder, with a lease so that one instance of several forwards at a time. */
export const forwardState = pgTable('forward_state', {
  name: text('name').primaryKey(),
  cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastError: text('last_error'),
  forwarded: bigint('forwarded', { mode: 'number' }).notNull().default(0),
});

export const schema = {
  events,
  eventCounts,
  eventActors,
  policies,
  settings,
  adminSessions,
  enrollmentTokens,
  forwardState,
};
