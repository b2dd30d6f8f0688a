/**
 * The extension's outbox for anonymised events: pure logic over a small storage interface, so the background
 * script wires it to `browser.storage.local` and an alarm, and tests drive it with a Map and a fake fetch.
 *
 * MV3 service workers are stopped at any time, so nothing lives in memory between calls: every operation reads
 * the state from storage, changes it and writes it back (design: queue.design.md). Operations inside one worker
 * are serialised by a promise chain; the network call runs outside it so enqueueing never waits on a slow server.
 */
import {
  type Browser,
  type EventUser,
  eventBatchSchema,
  eventTime,
  type GuardEvent,
  guardEventSchema,
  MAX_BATCH,
  randomId,
} from './schema';

/** The subset of `browser.storage.local` the queue needs. */
export interface QueueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Where to send, read from the effective policy at every call (it can change while the worker runs). */
export interface ReportingConfig {
  /** The admin server's base URL (`https://phi-guard.example.org`), or null/empty when reporting is off. */
  endpoint: string | null | undefined;
  enrollmentToken: string | null | undefined;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'headers'>>;

export interface EventQueueOptions {
  storage: QueueStorage;
  fetch: FetchLike;
  config: () => ReportingConfig | Promise<ReportingConfig>;
  now?: () => number;
  random?: () => number;
  /** Oldest events are dropped beyond this many. */
  maxQueued?: number;
  batchSize?: number;
  /** Batches sent per flush at most, so one alarm tick stays short. */
  maxBatchesPerFlush?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

/** The background registers an alarm with this name and period and calls `flush()` when it fires. */
export const QUEUE_ALARM = 'phi-guard-event-flush';
export const QUEUE_ALARM_PERIOD_MINUTES = 1;
export const QUEUE_STORAGE_KEY = 'phiGuardEventQueue';

interface QueueState {
  v: 1;
  events: GuardEvent[];
  /** Dropped since the last `events_dropped` event was created. */
  dropped: number;
  /** An `events_dropped` event waiting to be sent; kept apart so it is never itself dropped. */
  droppedEvent: GuardEvent | null;
  attempts: number;
  nextAttemptAt: number;
}

export type FlushResult =
  | { status: 'disabled' | 'empty' | 'waiting' }
  | { status: 'sent'; sent: number; remaining: number }
  | { status: 'retry'; sent: number; httpStatus: number | null; retryAt: number };

const emptyState = (): QueueState => ({
  v: 1,
  events: [],
  dropped: 0,
  droppedEvent: null,
  attempts: 0,
  nextAttemptAt: 0,
});

/**
 * The events URL for a configured endpoint, or null when reporting is off or the endpoint is unusable. Only
 * https, except loopback hosts for a local test server: events must never travel in clear text.
 */
export function eventsUrl(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (url.username || url.password) return null;
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = base.endsWith('/v1/events') ? base : `${base}/v1/events`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export class EventQueue {
  private readonly o: Required<Omit<EventQueueOptions, 'storage' | 'fetch' | 'config'>> &
    Pick<EventQueueOptions, 'storage' | 'fetch' | 'config'>;
  private chain: Promise<unknown> = Promise.resolve();
  private flushing: Promise<FlushResult> | null = null;

  constructor(options: EventQueueOptions) {
    this.o = {
      now: Date.now,
      random: Math.random,
      maxQueued: 1000,
      batchSize: 100,
      maxBatchesPerFlush: 10,
      baseDelayMs: 30_000,
      maxDelayMs: 6 * 3_600_000,
      timeoutMs: 15_000,
      ...options,
    };
    this.o.batchSize = Math.min(this.o.batchSize, MAX_BATCH - 1);
  }

  /**
   * Queues one event. Returns false, storing nothing, when reporting is off (no endpoint) or the event does not
   * pass the shared schema: the server would reject it forever, and an invalid event may carry what must not leave.
   */
  async enqueue(event: GuardEvent): Promise<boolean> {
    if (!eventsUrl((await this.o.config()).endpoint)) return false;
    const parsed = guardEventSchema.safeParse(event);
    if (!parsed.success) return false;
    await this.locked(async () => {
      const s = await this.load();
      s.events.push(parsed.data);
      const over = s.events.length - this.o.maxQueued;
      if (over > 0) {
        s.events.splice(0, over);
        s.dropped += over;
      }
      await this.save(s);
    });
    return true;
  }

  /** How many events wait, and how many were dropped and not yet reported. */
  async size(): Promise<{ queued: number; dropped: number }> {
    const s = await this.load();
    return { queued: s.events.length + (s.droppedEvent ? 1 : 0), dropped: s.dropped };
  }

  /** Sends what is due (call it on the alarm tick). Concurrent calls share one run. */
  flush(): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.flushRun().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async flushRun(): Promise<FlushResult> {
    const cfg = await this.o.config();
    const url = eventsUrl(cfg.endpoint);
    if (!url) return { status: 'disabled' };
    let sent = 0;
    for (let i = 0; i < this.o.maxBatchesPerFlush; i++) {
      const batch = await this.locked(async () => {
        const s = await this.load();
        // A wait longer than any backoff means the clock was moved back: try now rather than never.
        if (s.nextAttemptAt - this.o.now() > this.o.maxDelayMs + 86_400_000) s.nextAttemptAt = 0;
        if (s.nextAttemptAt > this.o.now()) return 'waiting' as const;
        this.materialiseDropped(s);
        const events = s.droppedEvent ? [s.droppedEvent, ...s.events] : [...s.events];
        await this.save(s);
        return events.slice(0, this.o.batchSize);
      });
      if (batch === 'waiting') return sent ? { status: 'sent', sent, remaining: 0 } : { status: 'waiting' };
      if (batch.length === 0) return sent ? { status: 'sent', sent, remaining: 0 } : { status: 'empty' };

      const { httpStatus, retryAfterMs } = await this.post(url, cfg.enrollmentToken, batch);
      const ok = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
      // The server rejected the content itself: retrying the same bytes can never succeed, so the batch is dropped
      // (and counted) rather than wedging the queue. Auth, rate-limit and server errors are retried.
      const poison = httpStatus === 400 || httpStatus === 413 || httpStatus === 422;
      const result = await this.locked(async () => {
        const s = await this.load();
        if (ok || poison) {
          const ids = new Set(batch.map((e) => e.id));
          const before = s.events.length;
          s.events = s.events.filter((e) => !ids.has(e.id));
          if (s.droppedEvent && ids.has(s.droppedEvent.id)) s.droppedEvent = null;
          if (poison) s.dropped += before - s.events.length;
          s.attempts = 0;
          s.nextAttemptAt = 0;
          await this.save(s);
          return { done: true as const, remaining: s.events.length + (s.droppedEvent ? 1 : 0) };
        }
        s.attempts += 1;
        s.nextAttemptAt = this.o.now() + this.backoff(s.attempts, retryAfterMs);
        await this.save(s);
        return { done: false as const, retryAt: s.nextAttemptAt };
      });
      if (!result.done) return { status: 'retry', sent, httpStatus, retryAt: result.retryAt };
      if (ok) sent += batch.length;
      if (result.remaining === 0) return { status: 'sent', sent, remaining: 0 };
    }
    const { queued } = await this.size();
    return { status: 'sent', sent, remaining: queued };
  }

  private async post(
    url: string,
    token: string | null | undefined,
    events: GuardEvent[],
  ): Promise<{ httpStatus: number | null; retryAfterMs: number }> {
    const body = JSON.stringify(eventBatchSchema.parse({ events }));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await this.o.fetch(url, {
        method: 'POST',
        headers,
        body,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      const retryAfter = Number(res.headers.get('retry-after'));
      const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 86_400) * 1000 : 0;
      return { httpStatus: res.status, retryAfterMs };
    } catch {
      return { httpStatus: null, retryAfterMs: 0 };
    }
  }

  /** Exponential backoff with "equal jitter": half the window fixed, half random, so clients spread out. */
  private backoff(attempts: number, retryAfterMs: number): number {
    const window = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.min(attempts - 1, 30));
    const jittered = window / 2 + this.o.random() * (window / 2);
    return Math.max(jittered, retryAfterMs);
  }

  /** Turns the dropped counter into an event with a fixed id, so retries of it are deduplicated too. */
  private materialiseDropped(s: QueueState): void {
    if (s.dropped === 0 || s.droppedEvent) return;
    const ctx = s.events[s.events.length - 1];
    if (!ctx) return;
    s.droppedEvent = {
      id: randomId(),
      time: eventTime(new Date(this.o.now())),
      installId: ctx.installId,
      user: ctx.user as EventUser,
      site: null,
      action: 'events_dropped',
      categories: {},
      detectors: [],
      confidence: 'none',
      dropped: s.dropped,
      policyVersion: ctx.policyVersion,
      extensionVersion: ctx.extensionVersion,
      browser: ctx.browser as Browser,
    };
    s.dropped = 0;
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  /** The stored state, taken defensively: anything that does not validate is left out. */
  private async load(): Promise<QueueState> {
    const raw = (await this.o.storage.get(QUEUE_STORAGE_KEY)) as Partial<QueueState> | undefined | null;
    if (!raw || typeof raw !== 'object' || raw.v !== 1) return emptyState();
    const s = emptyState();
    if (Array.isArray(raw.events)) {
      for (const e of raw.events) {
        const p = guardEventSchema.safeParse(e);
        if (p.success) s.events.push(p.data);
      }
    }
    const dropped = guardEventSchema.safeParse(raw.droppedEvent);
    if (dropped.success && dropped.data.action === 'events_dropped') s.droppedEvent = dropped.data;
    const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0);
    s.dropped = n(raw.dropped);
    s.attempts = n(raw.attempts);
    s.nextAttemptAt = n(raw.nextAttemptAt);
    return s;
  }

  private save(s: QueueState): Promise<void> {
    return this.o.storage.set(QUEUE_STORAGE_KEY, s);
  }
}
