/**
 * The background's record of what the guard did, kept on this device: today's counts for the popup, a short
 * decision history for the options page, and a local queue of events for the reporting pipeline (issue 5
 * drains it). Every record is categories, site host and action: no text, no values, no hashes, no URLs.
 *
 * Writes are read-modify-write on storage.local from a service worker that may run several message handlers
 * at once, so they go through one promise chain.
 */

import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DETECTOR_IDS, type DetectorId } from '../detectors/ids';
import { CATEGORIES, type Category } from '../detectors/types';
import { CONFIDENCE_BUCKETS, type ConfidenceBucket, MAX_COUNT } from '../events/schema';

/** What a held prompt's findings looked like: per-category counts, detectors, confidence bucket. */
export interface FindingSummary {
  counts?: Partial<Record<Category, number>>;
  detectors?: DetectorId[];
  confidence?: ConfidenceBucket;
}

export interface DailyCounts {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  held: number;
  redacted: number;
  sentAnyway: number;
  /** Monitor mode: prompts that would have been held. */
  monitored: number;
}

export type HistoryAction = 'warned' | 'blocked' | 'held' | 'monitored';
export type HistoryOutcome = 'redacted' | 'sent-anyway' | 'cancelled';

export interface HistoryEntry {
  at: number;
  site: string;
  action: HistoryAction;
  categories: Category[];
  outcome?: HistoryOutcome;
  /** Kept so the outcome's event can say the same as the hold's. */
  counts?: FindingSummary['counts'];
  detectors?: FindingSummary['detectors'];
  confidence?: FindingSummary['confidence'];
}

/** Event actions, in the reporting schema's vocabulary (events/schema.ts) plus this policy issues. */
export const LOCAL_EVENT_ACTIONS = [
  'warned',
  'blocked',
  'held',
  'allowed',
  'redacted',
  'sent_anyway',
  'cancelled',
  'unsanctioned_visit',
  'coverage_lost',
  'policy_issue',
] as const;

const HOST = /^[a-z0-9.-]{1,253}$/;
/** A policy field path as policies/layers.ts writes it: `mode`, `customPatterns[2]`, `sites.claude.ai`, `*`. */
const FIELD_PATH =
  /^(?:\*|<unknown-key>|[A-Za-z]{1,40}(?:\[\d{1,4}\]|\.<invalid-key>|\.<entry>|\.[A-Za-z0-9_.-]{1,253})?)$/;

/** One locally queued event. Strict: a key not listed here cannot be stored. */
export const localEventSchema = z.strictObject({
  at: z.number().int().nonnegative(),
  action: z.enum(LOCAL_EVENT_ACTIONS),
  site: z.string().regex(HOST).nullable(),
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  /** How many findings of each category (absent: 1 each). */
  counts: z.partialRecord(z.enum(CATEGORIES), z.number().int().min(1).max(MAX_COUNT)).optional(),
  detectors: z.array(z.enum(DETECTOR_IDS)).max(DETECTOR_IDS.length).optional(),
  confidence: z.enum(CONFIDENCE_BUCKETS).optional(),
  /** A Send anyway reason id (sent_anyway only). */
  justification: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .optional(),
  /** On unsanctioned_visit: what the policy did. */
  response: z.enum(['allow', 'warn', 'block', 'redirect', 'continued']).optional(),
  /** Monitor mode: the action is what would have happened. */
  monitored: z.literal(true).optional(),
  /** On policy_issue: which layer and field, never the value. */
  layer: z.enum(['default', 'org', 'managed', 'user']).optional(),
  field: z.string().regex(FIELD_PATH).optional(),
  severity: z.enum(['error', 'warning']).optional(),
});
export type LocalEvent = z.output<typeof localEventSchema>;

/** The minimal queue the reporting pipeline will drain. */
export interface EventSink {
  record(event: LocalEvent): Promise<void>;
}

export const HISTORY_MAX = 200;
export const EVENTS_MAX = 1000;

export const dailyCounts = storage.defineItem<DailyCounts | null>('local:dailyCounts', { fallback: null });
export const decisionHistory = storage.defineItem<HistoryEntry[]>('local:decisionHistory', { fallback: [] });
export const pendingEvents = storage.defineItem<LocalEvent[]>('local:pendingEvents', { fallback: [] });

/** Where recorded events also go (the background sets it to the reporting outbox, lib/reporting.ts). */
let forward: ((event: LocalEvent) => Promise<void>) | undefined;
export function forwardEventsTo(fn: ((event: LocalEvent) => Promise<void>) | undefined): void {
  forward = fn;
}

let chain: Promise<unknown> = Promise.resolve();
/** Runs `work` after every earlier write has finished (one writer at a time). */
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}

export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function bump(counts: DailyCounts | null, at: number, key: Exclude<keyof DailyCounts, 'day'>): DailyCounts {
  const day = localDay(at);
  const base = counts && counts.day === day ? counts : { day, held: 0, redacted: 0, sentAnyway: 0, monitored: 0 };
  return { ...base, [key]: base[key] + 1 };
}

/** Today's counts (zeros when nothing happened today). */
export async function todaysCounts(now = Date.now()): Promise<DailyCounts> {
  const c = await dailyCounts.getValue();
  const day = localDay(now);
  return c && c.day === day ? c : { day, held: 0, redacted: 0, sentAnyway: 0, monitored: 0 };
}

/** The local event queue (storage.local, capped: the oldest go first). */
export const localEventQueue: EventSink = {
  record: (event) =>
    serial(async () => {
      const parsed = localEventSchema.safeParse(event);
      if (!parsed.success) return;
      // Copies: WXT returns the fallback array itself when nothing is stored yet.
      const list = [...(await pendingEvents.getValue())];
      list.push(parsed.data);
      await pendingEvents.setValue(list.slice(-EVENTS_MAX));
      return parsed.data;
    }).then(async (stored) => {
      // Outside the chain: a slow outbox never delays the local record.
      if (stored && forward) await forward(stored).catch(() => undefined);
    }),
};

function pickSummary(s: FindingSummary): FindingSummary {
  const out: FindingSummary = {};
  if (s.counts && Object.keys(s.counts).length) out.counts = { ...s.counts };
  if (s.detectors?.length) out.detectors = [...s.detectors];
  if (s.confidence) out.confidence = s.confidence;
  return out;
}

/** A supported chatbot page on which the site adapter found no prompt box (the guard cannot see prompts there). */
export function recordCoverageLost(site: string, at = Date.now()): Promise<void> {
  return localEventQueue.record({ at, action: 'coverage_lost', site: site || null, categories: [] });
}

/** A prompt or upload was held (or, in monitor mode, would have been). */
export function recordHold(
  h: {
    site: string;
    action: 'allow' | 'warn' | 'block';
    failed: boolean;
    categories: Category[];
    monitored: boolean;
  } & FindingSummary,
  at = Date.now(),
): Promise<void> {
  const summary = pickSummary(h);
  const action: HistoryAction = h.monitored
    ? 'monitored'
    : h.failed
      ? 'held'
      : h.action === 'block'
        ? 'blocked'
        : 'warned';
  return serial(async () => {
    await dailyCounts.setValue(bump(await dailyCounts.getValue(), at, h.monitored ? 'monitored' : 'held'));
    const history = (await decisionHistory.getValue()).map((h) => ({ ...h }));
    history.push({ at, site: h.site, action, categories: h.categories, ...summary });
    await decisionHistory.setValue(history.slice(-HISTORY_MAX));
  }).then(() =>
    localEventQueue.record({
      at,
      action: h.monitored ? 'allowed' : action === 'held' ? 'held' : action === 'blocked' ? 'blocked' : 'warned',
      site: h.site || null,
      categories: h.categories,
      ...summary,
      ...(h.monitored ? { monitored: true as const } : {}),
    }),
  );
}

/** What the user did with the latest held prompt on `site`. */
export function recordOutcome(
  o: { site: string; outcome: HistoryOutcome; justification?: string },
  at = Date.now(),
): Promise<void> {
  let categories: Category[] = [];
  let summary: FindingSummary = {};
  return serial(async () => {
    if (o.outcome !== 'cancelled') {
      const key = o.outcome === 'redacted' ? 'redacted' : 'sentAnyway';
      await dailyCounts.setValue(bump(await dailyCounts.getValue(), at, key));
    }
    const history = (await decisionHistory.getValue()).map((h) => ({ ...h }));
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i];
      if (h.site === o.site && h.outcome === undefined && h.action !== 'monitored') {
        h.outcome = o.outcome;
        categories = h.categories;
        summary = pickSummary(h);
        break;
      }
    }
    await decisionHistory.setValue(history);
  }).then(() =>
    localEventQueue.record({
      at,
      action: o.outcome === 'sent-anyway' ? 'sent_anyway' : o.outcome,
      site: o.site || null,
      categories,
      ...summary,
      ...(o.outcome === 'sent-anyway' && o.justification ? { justification: o.justification } : {}),
    }),
  );
}
