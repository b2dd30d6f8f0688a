import { DETECTOR_IDS, type DetectorId } from '../detectors/ids';
import { CATEGORIES, type Category } from '../detectors/types';
import { CONFIDENCE_BUCKETS, type ConfidenceBucket, MAX_COUNT as MAX_CATEGORY_COUNT } from '../events/schema';
import type { Action } from '../policies/decide';

/**
 * What the content script tells the background after checking a prompt: the decision, how many findings and
 * their categories, never the text, the values or hashes of them.
 */
export interface ScanResultMessage {
  type: 'scan-result';
  action: Action;
  count: number;
  /** The scan threw; the action is then 'block' (the guard fails closed). */
  failed?: true;
  categories?: Category[];
  /** Monitor mode: nothing was held; `action` is what would have happened. */
  monitored?: true;
  /** How many findings of each category (keys among `categories`). */
  counts?: Partial<Record<Category, number>>;
  /** Which detectors fired (known ids only, see detectors/ids.ts). */
  detectors?: DetectorId[];
  /** The bucket of the highest confidence among the findings behind the decision (events/schema.ts). */
  confidence?: ConfidenceBucket;
}

/** A supported chatbot page where the site adapter found no prompt box: nothing else is said. */
export interface CoverageLostMessage {
  type: 'coverage-lost';
}

/** What became of a held prompt or upload. */
export interface HoldOutcomeMessage {
  type: 'hold-outcome';
  outcome: 'redacted' | 'sent-anyway' | 'cancelled';
  /** Id of the reason picked for Send anyway: a short code from the policy's list, never free text. */
  justification?: string;
}

/** From the extension's own pages (options, warn page) to the background. */
export type PageMessage =
  | { type: 'refresh-policy' }
  /** The user chose to continue to an unsanctioned AI site on the warn page. */
  | { type: 'shadow-continue'; host: string };

const ACTIONS: readonly string[] = ['allow', 'warn', 'block'] satisfies Action[];
const OUTCOMES: readonly string[] = ['redacted', 'sent-anyway', 'cancelled'] satisfies HoldOutcomeMessage['outcome'][];
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const DETECTOR_SET: ReadonlySet<string> = new Set(DETECTOR_IDS);
const BUCKETS: readonly string[] = CONFIDENCE_BUCKETS;
/** Far above any real prompt; a bigger count is a forged or corrupted message. */
const MAX_COUNT = 100_000;
const JUSTIFICATION_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const asRecord = (msg: unknown): Record<string, unknown> | undefined =>
  typeof msg === 'object' && msg !== null ? (msg as Record<string, unknown>) : undefined;

/**
 * Messages reach the background from content scripts that run inside pages we do not control, so each
 * one is checked field by field and rebuilt from known keys only; anything else is dropped.
 */
export function parseScanResult(msg: unknown): ScanResultMessage | undefined {
  const m = asRecord(msg);
  if (m?.type !== 'scan-result') return undefined;
  if (typeof m.action !== 'string' || !ACTIONS.includes(m.action)) return undefined;
  if (!Number.isInteger(m.count) || (m.count as number) < 0 || (m.count as number) > MAX_COUNT) return undefined;
  if (m.failed !== undefined && m.failed !== true) return undefined;
  if (m.monitored !== undefined && m.monitored !== true) return undefined;
  let categories: Category[] | undefined;
  if (m.categories !== undefined) {
    if (!Array.isArray(m.categories) || m.categories.length > CATEGORIES.length) return undefined;
    if (!m.categories.every((c) => typeof c === 'string' && CATEGORY_SET.has(c))) return undefined;
    categories = [...new Set(m.categories as Category[])];
  }
  let counts: Partial<Record<Category, number>> | undefined;
  if (m.counts !== undefined) {
    const c = asRecord(m.counts);
    if (!c || Array.isArray(c) || Object.getPrototypeOf(c) !== Object.prototype) return undefined;
    const keys = Object.keys(c);
    if (keys.length > CATEGORIES.length) return undefined;
    counts = {};
    for (const k of keys) {
      if (!CATEGORY_SET.has(k) || (categories && !categories.includes(k as Category))) return undefined;
      const n = c[k];
      if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_CATEGORY_COUNT) return undefined;
      counts[k as Category] = n as number;
    }
  }
  let detectors: DetectorId[] | undefined;
  if (m.detectors !== undefined) {
    if (!Array.isArray(m.detectors) || m.detectors.length > DETECTOR_IDS.length) return undefined;
    if (!m.detectors.every((d) => typeof d === 'string' && DETECTOR_SET.has(d))) return undefined;
    detectors = [...new Set(m.detectors as DetectorId[])];
  }
  if (m.confidence !== undefined && (typeof m.confidence !== 'string' || !BUCKETS.includes(m.confidence))) {
    return undefined;
  }
  const out: ScanResultMessage = { type: 'scan-result', action: m.action as Action, count: m.count as number };
  if (m.failed) out.failed = true;
  if (categories) out.categories = categories;
  if (m.monitored) out.monitored = true;
  if (counts) out.counts = counts;
  if (detectors) out.detectors = detectors;
  if (m.confidence !== undefined) out.confidence = m.confidence as ConfidenceBucket;
  return out;
}

export function parseCoverageLost(msg: unknown): CoverageLostMessage | undefined {
  return asRecord(msg)?.type === 'coverage-lost' ? { type: 'coverage-lost' } : undefined;
}

export function parseHoldOutcome(msg: unknown): HoldOutcomeMessage | undefined {
  const m = asRecord(msg);
  if (m?.type !== 'hold-outcome') return undefined;
  if (typeof m.outcome !== 'string' || !OUTCOMES.includes(m.outcome)) return undefined;
  const out: HoldOutcomeMessage = { type: 'hold-outcome', outcome: m.outcome as HoldOutcomeMessage['outcome'] };
  if (m.justification !== undefined) {
    if (typeof m.justification !== 'string' || !JUSTIFICATION_ID.test(m.justification)) return undefined;
    if (out.outcome === 'sent-anyway') out.justification = m.justification;
  }
  return out;
}

export function parsePageMessage(msg: unknown): PageMessage | undefined {
  const m = asRecord(msg);
  if (!m) return undefined;
  if (m.type === 'refresh-policy') return { type: 'refresh-policy' };
  if (m.type === 'shadow-continue' && typeof m.host === 'string' && m.host.length <= 253) {
    return { type: 'shadow-continue', host: m.host };
  }
  return undefined;
}
