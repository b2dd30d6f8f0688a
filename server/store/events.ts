/**
 * Event storage and the dashboard's queries. Inserts are idempotent on the event id (the extension retries
 * with the same id), and every query takes the same filter so the overview, the table and the exports agree.
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CATEGORIES, type Category } from '../../detectors/types';
import { EVENT_ACTIONS, type GuardEvent } from '../../events/schema';
import type { Database } from '../db/client';

export interface EventFilter {
  from: Date;
  to: Date;
  site?: string;
  category?: Category;
  action?: (typeof EVENT_ACTIONS)[number];
}

const DAY = 86_400_000;

/** Query-string form of the filter (the dashboard's and the exports'); defaults to the last 7 days. */
export const filterQuerySchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    site: z
      .string()
      .max(253)
      .regex(/^[a-z0-9.-]+$/)
      .optional(),
    category: z.enum(CATEGORIES).optional(),
    action: z.enum(EVENT_ACTIONS).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .transform((q) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * DAY);
    return {
      filter: { from, to, site: q.site, category: q.category, action: q.action } as EventFilter,
      limit: q.limit,
    };
  })
  .refine((q) => q.filter.from <= q.filter.to, { message: 'from after to' });

export function categoryMask(categories: Partial<Record<string, number>>): number {
  let mask = 0;
  CATEGORIES.forEach((c, i) => {
    if (categories[c]) mask |= 1 << i;
  });
  return mask;
}

function userColumns(u: GuardEvent['user']): { userMode: string; userId: string | null } {
  if (u.mode === 'pseudonymous') return { userMode: u.mode, userId: u.id };
  if (u.mode === 'email') return { userMode: u.mode, userId: u.email };
  return { userMode: 'none', userId: null };
}

/**
 * Stores a validated batch; events already stored (same id) are skipped. One statement: the insert's RETURNING
 * rows (only those actually inserted) feed the rollup upserts in the same statement, so a retried batch is never
 * counted twice and a batch costs one round trip. Rollup rows are upserted in key order, so concurrent batches
 * lock them in one order and wait for each other instead of deadlocking.
 */
export async function insertEvents(
  database: Database,
  batch: readonly GuardEvent[],
): Promise<{ accepted: number; duplicates: number }> {
  const values = batch.map((e) => {
    const u = userColumns(e.user);
    // Detector ids are [a-z0-9-] by schema, so the array literal needs no escaping.
    const detectors = `{${e.detectors.join(',')}}`;
    return sql`(${e.id}::uuid, ${`${e.time.slice(0, 16)}:00Z`}::timestamptz, ${e.installId}::uuid, ${u.userMode},
      ${u.userId}, ${e.site}, ${e.action}, ${JSON.stringify(e.categories)}::jsonb, ${categoryMask(e.categories)}::int,
      ${detectors}::text[], ${e.confidence}, ${e.justification ?? null}, ${e.dropped ?? null}::int, ${e.policyVersion},
      ${e.extensionVersion}, ${e.browser})`;
  });
  const [row] = await database.rows<{ accepted: number }>(sql`
    with ins as (
      insert into events (id, time, install_id, user_mode, user_id, site, action, categories, category_mask, detectors,
        confidence, justification, dropped, policy_version, extension_version, browser)
      values ${sql.join(values, sql`, `)}
      on conflict (id) do nothing
      returning time, site, action, justification, category_mask, user_id, install_id
    ), counts as (
      insert into event_counts (hour, site, action, justification, category_mask, n, last_time)
      select date_trunc('hour', i.time at time zone 'UTC') at time zone 'UTC', coalesce(i.site, ''), i.action,
        coalesce(i.justification, ''), i.category_mask, count(*)::int, max(i.time)
      from ins i group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
      on conflict (hour, site, action, justification, category_mask)
      do update set n = event_counts.n + excluded.n, last_time = greatest(event_counts.last_time, excluded.last_time)
    ), actors as (
      insert into event_actors (day, site, action, user_key, install_id)
      select distinct (i.time at time zone 'UTC')::date, coalesce(i.site, ''), i.action,
        coalesce(i.user_id, i.install_id::text), i.install_id
      from ins i order by 1, 2, 3, 4, 5
      on conflict do nothing
    )
    select count(*)::int as accepted from ins`);
  const accepted = Number(row?.accepted ?? 0);
  return { accepted, duplicates: batch.length - accepted };
}

/** Recomputes the rollups from the events (after a bulk load that bypassed insertEvents, or a repair). */
export async function rebuildRollups(database: Database): Promise<void> {
  await database.run(sql`truncate event_counts, event_actors`);
  await database.run(sql`insert into event_counts (hour, site, action, justification, category_mask, n, last_time)
    select date_trunc('hour', e.time at time zone 'UTC') at time zone 'UTC', coalesce(e.site, ''), e.action,
      coalesce(e.justification, ''), e.category_mask, count(*)::int, max(e.time)
    from events e group by 1, 2, 3, 4, 5`);
  await database.run(sql`insert into event_actors (day, site, action, user_key, install_id)
    select distinct (e.time at time zone 'UTC')::date, coalesce(e.site, ''), e.action,
      coalesce(e.user_id, e.install_id::text), e.install_id
    from events e`);
  await database.run(sql`analyze event_counts`);
  await database.run(sql`analyze event_actors`);
}

export function where(f: EventFilter): SQL {
  const parts: SQL[] = [
    sql`e.time >= ${f.from.toISOString()}::timestamptz`,
    sql`e.time < ${f.to.toISOString()}::timestamptz`,
  ];
  if (f.site) parts.push(sql`e.site = ${f.site}`);
  if (f.action) parts.push(sql`e.action = ${f.action}`);
  if (f.category) parts.push(sql`(e.category_mask & ${1 << CATEGORIES.indexOf(f.category)}) <> 0`);
  return sql.join(parts, sql` and `);
}

/** A stored row as the event the extension sent (plus when it arrived). */
export interface StoredEvent extends GuardEvent {
  receivedAt: string;
  seq: number;
}

interface EventRow {
  id: string;
  seq: string | number;
  time: string;
  received_at: string;
  install_id: string;
  user_mode: string;
  user_id: string | null;
  site: string | null;
  action: string;
  categories: Record<string, number> | string;
  detectors: string[] | string;
  confidence: string;
  justification: string | null;
  dropped: number | null;
  policy_version: string;
  extension_version: string;
  browser: string;
}

const SELECT = sql`select e.id, e.seq, to_char(e.time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as time,
  to_char(e.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as received_at, e.install_id, e.user_mode,
  e.user_id, e.site, e.action, e.categories, e.detectors, e.confidence, e.justification, e.dropped, e.policy_version,
  e.extension_version, e.browser from events e`;

function toEvent(r: EventRow): StoredEvent {
  const user: GuardEvent['user'] =
    r.user_mode === 'pseudonymous'
      ? { mode: 'pseudonymous', id: r.user_id ?? '' }
      : r.user_mode === 'email'
        ? { mode: 'email', email: r.user_id ?? '' }
        : { mode: 'none' };
  const e: StoredEvent = {
    id: r.id,
    seq: Number(r.seq),
    time: r.time,
    receivedAt: r.received_at,
    installId: r.install_id,
    user,
    site: r.site,
    action: r.action as GuardEvent['action'],
    categories: typeof r.categories === 'string' ? JSON.parse(r.categories) : r.categories,
    detectors: Array.isArray(r.detectors) ? r.detectors : [],
    confidence: r.confidence as GuardEvent['confidence'],
    policyVersion: r.policy_version,
    extensionVersion: r.extension_version,
    browser: r.browser as GuardEvent['browser'],
  };
  if (r.justification) e.justification = r.justification as GuardEvent['justification'];
  if (r.dropped !== null) e.dropped = r.dropped;
  return e;
}

/** The most recent events of the filter, newest first. */
export async function recentEvents(database: Database, f: EventFilter, limit = 100): Promise<StoredEvent[]> {
  const rows = await database.rows<EventRow>(
    sql`${SELECT} where ${where(f)} order by e.time desc, e.seq desc limit ${limit}`,
  );
  return rows.map(toEvent);
}

/** Every event of the filter in arrival order, read in pages so an export of millions stays small in memory. */
export async function* eventsAfter(
  database: Database,
  f: EventFilter | null,
  afterSeq = 0,
  page = 5000,
  maxSeq?: number,
): AsyncGenerator<StoredEvent> {
  let cursor = afterSeq;
  for (;;) {
    const conds = [sql`e.seq > ${cursor}`];
    if (f) conds.push(where(f));
    if (maxSeq !== undefined) conds.push(sql`e.seq <= ${maxSeq}`);
    const rows = await database.rows<EventRow>(
      sql`${SELECT} where ${sql.join(conds, sql` and `)} order by e.seq limit ${page}`,
    );
    for (const r of rows) yield toEvent(r);
    if (rows.length < page) return;
    cursor = Number(rows[rows.length - 1]?.seq);
  }
}

export interface Overview {
  range: { from: string; to: string; bucket: 'hour' | 'day' };
  totals: { events: number; users: number; installs: number };
  timeline: { bucket: string; action: string; count: number }[];
  categories: { category: string; count: number }[];
  sites: {
    site: string;
    events: number;
    users: number;
    installs: number;
    unsanctionedVisits: number;
    coverageLost: number;
    lastCoverageLost: string | null;
    lastWorking: string | null;
  }[];
  actions: Record<string, number>;
  justifications: { justification: string; count: number }[];
  /** sent_anyway / (redacted + sent_anyway + cancelled): how often a held prompt was sent as it was. */
  sendAnywayRate: number | null;
}

const num = (v: unknown) => Number(v ?? 0);
const HOUR = 3_600_000;
const iso = (d: Date | number) => new Date(d).toISOString();

/** The filter's conditions other than time, on the rollup columns (absent site/justification are ''). */
function dims(f: EventFilter, alias: string, withCategory: boolean): SQL[] {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.site) parts.push(sql`${a}.site = ${f.site}`);
  if (f.action) parts.push(sql`${a}.action = ${f.action}`);
  if (f.category && withCategory) parts.push(sql`(${a}.category_mask & ${1 << CATEGORIES.indexOf(f.category)}) <> 0`);
  return parts;
}

/**
 * Raw events between [from, inner1) and [inner2, to): the partial hours (or days) at the edges of a range whose
 * whole hours (days) come from a rollup. With no whole unit inside, the entire range.
 */
function edges(f: EventFilter, inner1: number, inner2: number): SQL {
  if (inner2 <= inner1) return sql`(e.time >= ${iso(f.from)}::timestamptz and e.time < ${iso(f.to)}::timestamptz)`;
  return sql`((e.time >= ${iso(f.from)}::timestamptz and e.time < ${iso(inner1)}::timestamptz)
    or (e.time >= ${iso(inner2)}::timestamptz and e.time < ${iso(f.to)}::timestamptz))`;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * The dashboard's overview for a filter, exact to the minute. Whole hours inside the range are read from the
 * hourly rollup and the partial hours at its two ends from the events themselves; distinct users likewise from
 * the daily actors table plus the partial days. A category filter cannot use the actors table (it has no
 * categories), so distinct counts then scan the matching events.
 */
export async function overview(database: Database, f: EventFilter): Promise<Overview> {
  const span = f.to.getTime() - f.from.getTime();
  const bucket = span <= 2 * DAY ? 'hour' : 'day';
  const h1 = Math.ceil(f.from.getTime() / HOUR) * HOUR;
  const h2 = Math.floor(f.to.getTime() / HOUR) * HOUR;
  const d1 = Math.ceil(f.from.getTime() / DAY) * DAY;
  const d2 = Math.floor(f.to.getTime() / DAY) * DAY;
  const rollupPart =
    h2 > h1
      ? sql`select c.hour, c.site, c.action, c.justification, c.category_mask, c.n, c.last_time from event_counts c
          where c.hour >= ${iso(h1)}::timestamptz and c.hour < ${iso(h2)}::timestamptz and ${and(dims(f, 'c', true))}
          union all `
      : sql``;
  const src = sql`with src as (${rollupPart}
    select date_trunc('hour', e.time at time zone 'UTC') at time zone 'UTC' as hour, coalesce(e.site, '') as site, e.action,
      coalesce(e.justification, '') as justification, e.category_mask, count(*)::int as n, max(e.time) as last_time
    from events e where ${edges(f, h1, h2)} and ${and(dims(f, 'e', true))} group by 1, 2, 3, 4, 5)`;
  const actorSrc =
    f.category || d2 <= d1
      ? sql`select coalesce(e.site, '') as site, coalesce(e.user_id, e.install_id::text) as user_key, e.install_id
          from events e where ${where(f)}`
      : sql`select x.site, x.user_key, x.install_id from event_actors x
          where x.day >= ${iso(d1).slice(0, 10)}::date and x.day < ${iso(d2).slice(0, 10)}::date and ${and(dims(f, 'x', false))}
          union all
          select coalesce(e.site, ''), coalesce(e.user_id, e.install_id::text), e.install_id
          from events e where ${edges(f, d1, d2)} and ${and(dims(f, 'e', true))}`;
  const catCols = sql.join(
    CATEGORIES.map(
      (c, i) =>
        sql`coalesce(sum(s.n) filter (where (s.category_mask & ${sql.raw(String(1 << i))}) <> 0), 0)::int as ${sql.identifier(c)}`,
    ),
    sql`, `,
  );
  const minute = (x: SQL) => sql`to_char(${x} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')`;
  const [timeline, cats, sites, acts, who] = await Promise.all([
    database.rows<{ bucket: string; action: string; count: number }>(sql`${src}
      select ${minute(sql`date_trunc(${bucket}, s.hour at time zone 'UTC') at time zone 'UTC'`)} as bucket, s.action,
        sum(s.n)::int as count
      from src s group by 1, 2 order by 1, 2`),
    database.rows<Record<string, number>>(sql`${src} select ${catCols} from src s`),
    database.rows<Record<string, unknown>>(sql`${src}
      select s.site, sum(s.n)::int as events,
        coalesce(sum(s.n) filter (where s.action = 'unsanctioned_visit'), 0)::int as unsanctioned,
        coalesce(sum(s.n) filter (where s.action = 'coverage_lost'), 0)::int as lost,
        ${minute(sql`max(s.last_time) filter (where s.action = 'coverage_lost')`)} as last_lost,
        ${minute(sql`max(s.last_time) filter (where s.action not in ('coverage_lost', 'unsanctioned_visit', 'events_dropped'))`)} as last_working
      from src s where s.site <> '' group by s.site order by 2 desc, 1 limit 50`),
    database.rows<{ action: string; justification: string; count: number }>(sql`${src}
      select s.action, s.justification, sum(s.n)::int as count from src s group by 1, 2`),
    database.rows<{ site: string | null; users: number; installs: number }>(sql`with a as (${actorSrc})
      select a.site, count(distinct a.user_key)::int as users, count(distinct a.install_id)::int as installs
      from a group by grouping sets ((a.site), ())`),
  ]);
  const actions: Record<string, number> = {};
  const justifications = new Map<string, number>();
  let total = 0;
  for (const r of acts) {
    total += num(r.count);
    actions[r.action] = (actions[r.action] ?? 0) + num(r.count);
    if (r.action === 'sent_anyway') {
      const j = r.justification || 'none';
      justifications.set(j, (justifications.get(j) ?? 0) + num(r.count));
    }
  }
  const whoBySite = new Map(who.filter((w) => w.site !== null).map((w) => [w.site, w]));
  const all = who.find((w) => w.site === null);
  const decided = (actions.redacted ?? 0) + (actions.sent_anyway ?? 0) + (actions.cancelled ?? 0);
  const catRow = cats[0] ?? {};
  return {
    range: { from: f.from.toISOString(), to: f.to.toISOString(), bucket },
    totals: { events: total, users: num(all?.users), installs: num(all?.installs) },
    timeline: timeline.map((r) => ({ bucket: r.bucket, action: r.action, count: num(r.count) })),
    categories: CATEGORIES.map((c) => ({ category: c as string, count: num(catRow[c]) }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count),
    sites: sites.map((r) => ({
      site: String(r.site),
      events: num(r.events),
      users: num(whoBySite.get(String(r.site))?.users),
      installs: num(whoBySite.get(String(r.site))?.installs),
      unsanctionedVisits: num(r.unsanctioned),
      coverageLost: num(r.lost),
      lastCoverageLost: (r.last_lost as string | null) ?? null,
      lastWorking: (r.last_working as string | null) ?? null,
    })),
    actions,
    justifications: [...justifications]
      .map(([justification, count]) => ({ justification, count }))
      .sort((a, b) => b.count - a.count),
    sendAnywayRate: decided ? (actions.sent_anyway ?? 0) / decided : null,
  };
}

/**
 * Deletes events older than `days` (from the start of that UTC day, so the daily and hourly rollups are cut at
 * the same instant), in chunks so a big purge never holds a long lock.
 */
export async function purgeOlderThan(database: Database, days: number, chunk = 10_000): Promise<number> {
  const cutoff = new Date(Math.floor((Date.now() - days * DAY) / DAY) * DAY).toISOString();
  let total = 0;
  for (;;) {
    const n = await database.run(sql`delete from events where id in (
      select id from events where time < ${cutoff}::timestamptz limit ${chunk})`);
    total += n;
    if (n < chunk) break;
  }
  await database.run(sql`delete from event_counts where hour < ${cutoff}::timestamptz`);
  await database.run(sql`delete from event_actors where day < ${cutoff.slice(0, 10)}::date`);
  return total;
}

export async function countEvents(database: Database): Promise<number> {
  const r = await database.rows<{ n: number }>(sql`select count(*)::int as n from events`);
  return num(r[0]?.n);
}
