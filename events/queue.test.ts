import { describe, expect, it } from 'vitest';
import { sampleEvent } from './fixtures';
import {
  EventQueue,
  type EventQueueOptions,
  eventsUrl,
  type FetchLike,
  QUEUE_STORAGE_KEY,
  type QueueStorage,
} from './queue';
import type { GuardEvent } from './schema';

class MemoryStorage implements QueueStorage {
  data = new Map<string, unknown>();
  async get(key: string) {
    // Round-trip through JSON like storage.local does, so no live object is shared between calls.
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
  }
  async set(key: string, value: unknown) {
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}

interface Sent {
  url: string;
  init: RequestInit;
  events: GuardEvent[];
}

function fakeServer(statuses: (number | 'network')[] = []) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    const status = statuses.length ? statuses.shift() : 200;
    if (status === 'network') throw new TypeError('fetch failed');
    sent.push({ url, init, events: JSON.parse(String(init.body)).events });
    return { status: status as number, headers: new Headers() };
  };
  return { sent, fetch };
}

function setup(opts: Partial<EventQueueOptions> = {}, statuses: (number | 'network')[] = []) {
  const storage = new MemoryStorage();
  const server = fakeServer(statuses);
  let now = 1_000_000;
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  const make = () =>
    new EventQueue({
      storage,
      fetch: server.fetch,
      config: () => ({ endpoint: 'https://admin.hospital.example', enrollmentToken: 'tok' }),
      now: clock.now,
      random: () => 0.5,
      ...opts,
    });
  return { storage, server, clock, queue: make(), make };
}

describe('event queue', () => {
  it('sends nothing and stores nothing when no endpoint is configured', async () => {
    const { queue, server, storage } = setup({ config: () => ({ endpoint: '', enrollmentToken: null }) });
    expect(await queue.enqueue(sampleEvent())).toBe(false);
    expect(await queue.flush()).toEqual({ status: 'disabled' });
    expect(server.sent).toHaveLength(0);
    expect(storage.data.size).toBe(0);
  });

  it('refuses events that fail the shared schema', async () => {
    const { queue } = setup();
    expect(await queue.enqueue({ ...sampleEvent(), text: 'Jane Roe' } as GuardEvent)).toBe(false);
    expect((await queue.size()).queued).toBe(0);
  });

  it('batches, authenticates and empties the queue on success', async () => {
    const { queue, server } = setup({ batchSize: 2 });
    for (let i = 0; i < 5; i++) await queue.enqueue(sampleEvent());
    const r = await queue.flush();
    expect(r).toMatchObject({ status: 'sent', sent: 5, remaining: 0 });
    expect(server.sent.map((s) => s.events.length)).toEqual([2, 2, 1]);
    expect(server.sent[0]?.url).toBe('https://admin.hospital.example/v1/events');
    expect((server.sent[0]?.init.headers as Record<string, string> | undefined)?.authorization).toBe('Bearer tok');
    expect(server.sent[0]?.init.credentials).toBe('omit');
  });

  it('backs off exponentially with jitter and keeps events across failures', async () => {
    const { queue, server, clock } = setup({ baseDelayMs: 1000 }, ['network', 503, 500]);
    const e = sampleEvent();
    await queue.enqueue(e);
    const r1 = await queue.flush();
    expect(r1).toMatchObject({ status: 'retry', httpStatus: null, retryAt: 1_000_000 + 750 });
    expect(await queue.flush()).toEqual({ status: 'waiting' });
    clock.advance(750);
    expect(await queue.flush()).toMatchObject({ status: 'retry', httpStatus: 503, retryAt: 1_000_750 + 1500 });
    clock.advance(1500);
    expect(await queue.flush()).toMatchObject({ status: 'retry', httpStatus: 500, retryAt: 1_002_250 + 3000 });
    clock.advance(3000);
    expect(await queue.flush()).toMatchObject({ status: 'sent', sent: 1 });
    // Each retry carries the same event id, so the server's deduplication makes delivery exactly-once.
    expect(server.sent.map((s) => s.events[0]?.id)).toEqual([e.id, e.id, e.id]);
  });

  it('caps the backoff and honours Retry-After', async () => {
    const storage = new MemoryStorage();
    const q = new EventQueue({
      storage,
      fetch: async () => ({ status: 429, headers: new Headers({ 'retry-after': '120' }) }),
      config: () => ({ endpoint: 'https://a.example', enrollmentToken: 't' }),
      now: () => 0,
      random: () => 1,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
    });
    await q.enqueue(sampleEvent());
    expect(await q.flush()).toMatchObject({ retryAt: 120_000 });
  });

  it('drops the oldest beyond the bound and reports how many in one events_dropped event', async () => {
    const { queue, server } = setup({ maxQueued: 3 });
    const events = Array.from({ length: 5 }, () => sampleEvent());
    for (const e of events) await queue.enqueue(e);
    expect(await queue.size()).toEqual({ queued: 3, dropped: 2 });
    await queue.flush();
    const ids = server.sent.flatMap((s) => s.events);
    expect(ids[0]).toMatchObject({ action: 'events_dropped', dropped: 2, site: null });
    expect(ids.slice(1).map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    expect(await queue.size()).toEqual({ queued: 0, dropped: 0 });
  });

  it('the dropped-count event keeps its id across retries', async () => {
    const { queue, server, clock } = setup({ maxQueued: 1 }, [503]);
    await queue.enqueue(sampleEvent());
    await queue.enqueue(sampleEvent());
    await queue.flush();
    clock.advance(10 * 60_000);
    await queue.flush();
    const first = server.sent[0]?.events[0];
    expect(first?.action).toBe('events_dropped');
    expect(server.sent[1]?.events[0]?.id).toBe(first?.id);
  });

  it('drops (and counts) a batch the server rejects as invalid, instead of retrying it forever', async () => {
    const { queue, server } = setup({}, [400]);
    await queue.enqueue(sampleEvent());
    expect(await queue.flush()).toMatchObject({ status: 'sent', sent: 0 });
    expect(await queue.size()).toEqual({ queued: 0, dropped: 1 });
    expect(server.sent).toHaveLength(1);
  });

  it('keeps the batch on 401 (a token fixed later by policy) and retries', async () => {
    const { queue } = setup({}, [401]);
    await queue.enqueue(sampleEvent());
    expect(await queue.flush()).toMatchObject({ status: 'retry', httpStatus: 401 });
    expect((await queue.size()).queued).toBe(1);
  });

  it('survives a restart: a new queue over the same storage sends what the old one held, once', async () => {
    const { queue, make, server, clock } = setup({}, ['network']);
    const events = [sampleEvent(), sampleEvent()];
    for (const e of events) await queue.enqueue(e);
    await queue.flush();
    clock.advance(24 * 3_600_000);
    const restarted = make();
    expect(await restarted.flush()).toMatchObject({ status: 'sent', sent: 2 });
    expect(await make().flush()).toEqual({ status: 'empty' });
    expect(server.sent.flatMap((s) => s.events.map((e) => e.id))).toEqual(events.map((e) => e.id));
  });

  it('keeps events enqueued while a flush is in flight', async () => {
    const storage = new MemoryStorage();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const q = new EventQueue({
      storage,
      fetch: async () => {
        await gate;
        return { status: 200, headers: new Headers() };
      },
      config: () => ({ endpoint: 'https://a.example', enrollmentToken: 't' }),
    });
    await q.enqueue(sampleEvent());
    const flushing = q.flush();
    await q.enqueue(sampleEvent());
    release();
    await flushing;
    expect((await q.size()).queued).toBeLessThanOrEqual(1);
    await q.flush();
    expect((await q.size()).queued).toBe(0);
  });

  it('ignores corrupted stored state', async () => {
    const { queue, storage } = setup();
    await storage.set(QUEUE_STORAGE_KEY, { v: 1, events: [{ bogus: true }, sampleEvent()], dropped: 'x' });
    expect(await queue.size()).toEqual({ queued: 1, dropped: 0 });
  });

  it('only sends over https (or to a loopback test server)', () => {
    expect(eventsUrl('http://admin.hospital.example')).toBe(null);
    expect(eventsUrl('https://user:pw@admin.example')).toBe(null);
    expect(eventsUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/v1/events');
    expect(eventsUrl('https://a.example/phi/v1/events?x=1')).toBe('https://a.example/phi/v1/events');
    expect(eventsUrl(null)).toBe(null);
  });
});
