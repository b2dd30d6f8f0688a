/**
 * The overview reads hourly and daily rollups plus the raw events at the edges of the range. If this fails, the
 * dashboard's numbers differ from the events behind them (double-counted retries, lost edge hours, wrong users).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../detectors/types';
import { sampleEvent } from '../../events/fixtures';
import { EVENT_ACTIONS, eventTime, type GuardEvent } from '../../events/schema';
import type { Database } from '../db/client';
import { backends } from '../test-helpers';
import { type EventFilter, insertEvents, overview, purgeOlderThan, rebuildRollups } from './events';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const DAY = 86_400_000;
const SITES = ['chatgpt.com', 'claude.ai', 'poe.com'];
const USERS = [
  '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  '1a1b2c3d4e5f60718293a4b5c6d7e8f9',
  '2a1b2c3d4e5f60718293a4b5c6d7e8f9',
];
const INSTALLS = ['6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e51', '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e52'];

/** A small deterministic generator, so a failure reproduces. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function expected(events: GuardEvent[], f: EventFilter) {
  const inRange = events.filter((e) => {
    const t = Date.parse(e.time.replace('Z', ':00Z'));
    return (
      t >= f.from.getTime() &&
      t < f.to.getTime() &&
      (!f.site || e.site === f.site) &&
      (!f.action || e.action === f.action) &&
      (!f.category || (e.categories[f.category] ?? 0) > 0)
    );
  });
  const actions: Record<string, number> = {};
  for (const e of inRange) actions[e.action] = (actions[e.action] ?? 0) + 1;
  const key = (e: GuardEvent) => (e.user.mode === 'pseudonymous' ? e.user.id : e.installId);
  const cats = Object.fromEntries(
    CATEGORIES.map((c) => [c, inRange.filter((e) => (e.categories[c] ?? 0) > 0).length]).filter(([, n]) => n),
  );
  const sites = Object.fromEntries(
    SITES.map((s) => {
      const mine = inRange.filter((e) => e.site === s);
      return [s, { events: mine.length, users: new Set(mine.map(key)).size }];
    }).filter(([, v]) => (v as { events: number }).events > 0),
  );
  return { events: inRange.length, users: new Set(inRange.map(key)).size, actions, cats, sites };
}

function actual(o: Awaited<ReturnType<typeof overview>>) {
  return {
    events: o.totals.events,
    users: o.totals.users,
    actions: o.actions,
    cats: Object.fromEntries(o.categories.map((c) => [c.category, c.count])),
    sites: Object.fromEntries(o.sites.map((s) => [s.site, { events: s.events, users: s.users }])),
  };
}

describe.each(backends())('overview rollups on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  const events: GuardEvent[] = [];
  const now = Date.now();
  const rand = rng(42);

  beforeAll(async () => {
    ({ database, drop } = await backend.open());
    for (let i = 0; i < 400; i++) {
      // Every fourth event falls in one busy hour, so batches update the same rollup rows.
      if (i % 4 === 0) {
        events.push(sampleEvent({ time: eventTime(new Date(now - 2 * DAY)), site: 'chatgpt.com', action: 'held' }));
        continue;
      }
      const action = EVENT_ACTIONS[Math.floor(rand() * 9)] as GuardEvent['action'];
      const cats = CATEGORIES.filter(() => rand() < 0.2).slice(0, 3);
      events.push(
        sampleEvent({
          time: eventTime(new Date(now - Math.floor(rand() * 10 * DAY))),
          site: SITES[Math.floor(rand() * SITES.length)] as string,
          action,
          justification: action === 'sent_anyway' ? 'synthetic' : undefined,
          categories: Object.fromEntries(cats.map((c) => [c, 1])),
          user: rand() < 0.3 ? { mode: 'none' } : { mode: 'pseudonymous', id: USERS[Math.floor(rand() * 3)] as string },
          installId: INSTALLS[Math.floor(rand() * 2)] as string,
        }),
      );
    }
    // In batches with retries of earlier batches mixed in: the rollups must count each event once.
    for (let i = 0; i < events.length; i += 50) {
      await insertEvents(database, events.slice(i, i + 50));
      if (i >= 50) await insertEvents(database, events.slice(i - 50, i - 25));
    }
  });
  afterAll(async () => drop?.());

  const filters = (): [string, EventFilter][] => [
    ['all 10 days', { from: new Date(now - 11 * DAY), to: new Date(now + 60_000) }],
    ['odd edges', { from: new Date(now - 7.3 * DAY + 1234), to: new Date(now - 1.6 * DAY - 777) }],
    ['under an hour', { from: new Date(now - 3 * DAY), to: new Date(now - 3 * DAY + 40 * 60_000) }],
    ['one site', { from: new Date(now - 9.5 * DAY), to: new Date(now), site: 'claude.ai' }],
    ['one action', { from: new Date(now - 9.5 * DAY), to: new Date(now), action: 'held' }],
    ['one category', { from: new Date(now - 5.2 * DAY), to: new Date(now), category: 'NAME' }],
  ];

  it.each(filters())('matches the raw events: %s', async (_name, f) => {
    expect(actual(await overview(database, f))).toEqual(expected(events, f));
  });

  it('a rebuild from the events gives the same numbers', async () => {
    const f = filters()[1]?.[1] as EventFilter;
    const before = await overview(database, f);
    await rebuildRollups(database);
    expect(await overview(database, f)).toEqual(before);
  });

  it('the purge cuts events and rollups at the same instant', async () => {
    await purgeOlderThan(database, 5);
    const cutoff = Math.floor((Date.now() - 5 * DAY) / DAY) * DAY;
    const kept = events.filter((e) => Date.parse(e.time.replace('Z', ':00Z')) >= cutoff);
    const f = { from: new Date(now - 11 * DAY), to: new Date(now + 60_000) };
    expect(actual(await overview(database, f))).toEqual(expected(kept, f));
  });
});
