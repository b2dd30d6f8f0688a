/**
 * The anonymised event: the one record that leaves a clinician's browser, shared by the extension (which builds
 * and queues it) and the admin server (which accepts, stores and exports it). Every object is strict, so a field
 * that is not listed here is rejected rather than stored: nothing can be smuggled in later by adding a key.
 *
 * What an event may say: which site, what the guard did, which categories and detectors fired and how often,
 * how sure it was (as a bucket), which justification code the user picked, and versions. What it must never say:
 * prompt text, matched values, hashes of values or their lengths. Every string field is a closed enum or a short
 * pattern that cannot carry free text.
 */
import { z } from 'zod';
import { CATEGORIES } from '../detectors/types';

/** What happened. `coverage_lost`: the site adapter found no prompt box; `events_dropped`: the queue overflowed. */
export const EVENT_ACTIONS = [
  'allowed',
  'warned',
  'held',
  'redacted',
  'sent_anyway',
  'cancelled',
  'blocked',
  'unsanctioned_visit',
  'coverage_lost',
  'events_dropped',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * Why a user sent anyway: a code from a fixed list, never free text. The first four are the guard's built-in
 * choices (guard/policy.ts), `other` covers a reason the organisation added to its policy.
 */
export const JUSTIFICATION_CODES = ['not-phi', 'synthetic', 'approved-tool', 'patient-request', 'other'] as const;
export type JustificationCode = (typeof JUSTIFICATION_CODES)[number];

export const CONFIDENCE_BUCKETS = ['none', 'low', 'medium', 'high'] as const;
export type ConfidenceBucket = (typeof CONFIDENCE_BUCKETS)[number];

export const BROWSERS = ['chrome', 'edge', 'firefox', 'other'] as const;
export type Browser = (typeof BROWSERS)[number];

/** Identity modes of issue 4's policy (`identityMode`): who the event is attributed to. */
export const IDENTITY_MODES = ['none', 'pseudonymous', 'email'] as const;

/** Above any real prompt; a bigger count is forged. */
export const MAX_COUNT = 10_000;
export const MAX_DETECTORS = 64;
/** A batch is what one POST carries; the server's body limit is sized for it. */
export const MAX_BATCH = 500;

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Minute precision, UTC: 2026-11-22T10:42Z. Finer times would help re-identify a user from other logs. */
const MINUTE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\dZ$/;
/** A detector id is its file name (kebab-case); custom patterns from the policy are `custom-<id>`. */
const DETECTOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;
const VERSION = /^\d{1,6}(?:\.\d{1,6}){0,3}$/;
/** Policy versions: the server's integer, or a short token for a managed-only policy (`managed`, `default`). */
const POLICY_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** A keyed HMAC of the user's identity (not of any PHI value), hex. */
const PSEUDONYM = /^[0-9a-f]{32,64}$/;

const count = z.number().int().min(1).max(MAX_COUNT);

export const eventUserSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('pseudonymous'), id: z.string().regex(PSEUDONYM) }),
  // Only where the browser is managed and the organisation chose to attribute events to the profile email.
  z.strictObject({ mode: z.literal('email'), email: z.email().max(254) }),
]);
export type EventUser = z.infer<typeof eventUserSchema>;

export const categoryCountsSchema = z.partialRecord(z.enum(CATEGORIES), count);

export const guardEventSchema = z
  .strictObject({
    /** Random (UUID v4): the idempotency key the server deduplicates on. */
    id: z.uuid({ version: 'v4' }),
    time: z.string().regex(MINUTE),
    /** Random per install, never derived from the device or the user. */
    installId: z.uuid({ version: 'v4' }),
    user: eventUserSchema,
    /** Host only: never a path or query, which can carry identifiers. Null only for `events_dropped`. */
    site: z.string().regex(HOST).nullable(),
    action: z.enum(EVENT_ACTIONS),
    categories: categoryCountsSchema,
    detectors: z.array(z.string().regex(DETECTOR_ID)).max(MAX_DETECTORS),
    confidence: z.enum(CONFIDENCE_BUCKETS),
    justification: z.enum(JUSTIFICATION_CODES).optional(),
    /** How many events the queue dropped (only on `events_dropped`). */
    dropped: z.number().int().min(1).max(1_000_000_000).optional(),
    policyVersion: z.string().regex(POLICY_VERSION),
    extensionVersion: z.string().regex(VERSION),
    browser: z.enum(BROWSERS),
  })
  .superRefine((e, ctx) => {
    if (e.justification !== undefined && e.action !== 'sent_anyway') {
      ctx.addIssue({ code: 'custom', path: ['justification'], message: 'only on sent_anyway' });
    }
    if ((e.dropped !== undefined) !== (e.action === 'events_dropped')) {
      ctx.addIssue({ code: 'custom', path: ['dropped'], message: 'required on events_dropped and only there' });
    }
    if (e.site === null && e.action !== 'events_dropped') {
      ctx.addIssue({ code: 'custom', path: ['site'], message: 'required' });
    }
    if (new Set(e.detectors).size !== e.detectors.length) {
      ctx.addIssue({ code: 'custom', path: ['detectors'], message: 'duplicates' });
    }
  });
export type GuardEvent = z.infer<typeof guardEventSchema>;

/** The body of POST /v1/events. */
export const eventBatchSchema = z.strictObject({
  events: z.array(guardEventSchema).min(1).max(MAX_BATCH),
});
export type EventBatch = z.infer<typeof eventBatchSchema>;

/** A finding's confidence (0..1) as the bucket an event carries. */
export function confidenceBucket(confidence: number | undefined): ConfidenceBucket {
  if (confidence === undefined || !(confidence > 0)) return 'none';
  if (confidence < 0.6) return 'low';
  if (confidence < 0.85) return 'medium';
  return 'high';
}

/** `date` truncated to the minute, as an event's `time`. */
export function eventTime(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/** A random event or install id (UUID v4 from the platform's CSPRNG). */
export function randomId(): string {
  return crypto.randomUUID();
}

/** Site host for an event from a page URL: the host only, lower case, no port, path or query. */
export function siteHost(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return HOST.test(host) ? host : null;
  } catch {
    return null;
  }
}

/**
 * Validation issues as paths and codes only: zod messages can quote what was received, and a rejected event
 * may hold exactly what must not be echoed or logged.
 */
export function issuePaths(error: z.ZodError, max = 20): { path: string; code: string }[] {
  return error.issues.slice(0, max).map((i) => ({ path: i.path.map(String).join('.'), code: i.code }));
}
