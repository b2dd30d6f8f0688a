/**
 * The reporting pipeline's extension side: turns the background's local records (lib/activity.ts) into the one
 * anonymised event of events/schema.ts and hands them to the outbox (events/queue.ts), which sends them to the
 * admin server named by the merged policy (`reportingEndpoint` + `enrollmentToken`). Nothing is queued or sent
 * when no endpoint is configured.
 *
 * Mapping (LocalEvent -> GuardEvent): the action keeps its name (monitor mode's would-be holds are `allowed`);
 * categories carry the content script's per-category counts (1 where a record has none, e.g. an upload or an
 * older record); detectors and the confidence bucket are the content script's (empty and `none` when it
 * sent none, e.g. for an upload, `coverage_lost` or `unsanctioned_visit`); a Send anyway
 * reason outside the schema's fixed list becomes `other`. Not reported: `policy_issue` records (the schema has no
 * action for them yet; they stay in the local queue for the options page) and the warn page's `continued`
 * (the visit itself was already reported as `unsanctioned_visit`).
 */
import { storage } from 'wxt/utils/storage';
import {
  type Browser,
  type EventUser,
  eventTime,
  type GuardEvent,
  JUSTIFICATION_CODES,
  MAX_COUNT,
  MAX_DETECTORS,
  randomId,
  siteHost,
} from '../events/schema';
import type { IdentityMode } from '../policies/schema';
import type { LocalEvent } from './activity';

export interface EventContext {
  installId: string;
  user: EventUser;
  policyVersion: string;
  extensionVersion: string;
  browser: Browser;
}

const POLICY_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The schema's event for a local record, or null when it is not reported (see the module comment). */
export function toGuardEvent(local: LocalEvent, ctx: EventContext): GuardEvent | null {
  if (local.action === 'policy_issue') return null;
  if (local.action === 'unsanctioned_visit' && local.response === 'continued') return null;
  const site = local.site ? siteHost(`https://${local.site}/`) : null;
  if (!site) return null;
  const categories: GuardEvent['categories'] = {};
  for (const c of local.categories) categories[c] = Math.min(MAX_COUNT, Math.max(1, local.counts?.[c] ?? 1));
  const event: GuardEvent = {
    id: randomId(),
    time: eventTime(new Date(local.at)),
    installId: ctx.installId,
    user: ctx.user,
    site,
    action: local.monitored ? 'allowed' : local.action,
    categories,
    detectors: [...new Set(local.detectors ?? [])].slice(0, MAX_DETECTORS),
    confidence: local.confidence ?? 'none',
    policyVersion: POLICY_VERSION.test(ctx.policyVersion) ? ctx.policyVersion : 'default',
    extensionVersion: ctx.extensionVersion,
    browser: ctx.browser,
  };
  if (event.action === 'sent_anyway' && local.justification) {
    event.justification = (JUSTIFICATION_CODES as readonly string[]).includes(local.justification)
      ? (local.justification as GuardEvent['justification'])
      : 'other';
  }
  return event;
}

/** Random per install (never derived from the device or user), created on first use. */
export const installIdItem = storage.defineItem<string | null>('local:installId', { fallback: null });
/** The per-install HMAC key for pseudonyms (raw bytes, hex). Never leaves the device. */
export const pseudonymKeyItem = storage.defineItem<string | null>('local:pseudonymKey', { fallback: null });

const hex = (b: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

export async function installId(): Promise<string> {
  const have = await installIdItem.getValue();
  if (have) return have;
  const id = randomId();
  await installIdItem.setValue(id);
  return id;
}

async function pseudonymKey(): Promise<string> {
  const have = await pseudonymKeyItem.getValue();
  if (have && /^[0-9a-f]{64}$/.test(have)) return have;
  const key = hex(crypto.getRandomValues(new Uint8Array(32)));
  await pseudonymKeyItem.setValue(key);
  return key;
}

/** HMAC-SHA-256 (hex) of `message` under the per-install key. */
export async function pseudonym(message: string): Promise<string> {
  const raw = new Uint8Array((await pseudonymKey()).match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
}

/** The profile email through chrome.identity, when the API and its permission exist; otherwise undefined. */
export type ProfileEmail = () => Promise<string | undefined>;

/**
 * The event's user for the policy's identity mode. `email` needs a managed browser and a profile email from
 * chrome.identity (the extension does not request the `identity.email` permission, so today it is never
 * available there and the mode falls back to `none`; logged once by the caller via `fellBack`).
 */
export async function eventUser(
  mode: IdentityMode,
  opts: { managed: boolean; email: ProfileEmail },
): Promise<{ user: EventUser; fellBack: boolean }> {
  if (mode === 'pseudonymous') {
    // A keyed HMAC of the install id: stable per profile, meaningless without the key, which stays here.
    return { user: { mode: 'pseudonymous', id: await pseudonym(`user:${await installId()}`) }, fellBack: false };
  }
  if (mode === 'email') {
    const email = opts.managed ? await opts.email().catch(() => undefined) : undefined;
    if (email && /^[^\s@]{1,64}@[^\s@]{1,189}$/.test(email) && email.length <= 254) {
      return { user: { mode: 'email', email }, fellBack: false };
    }
    return { user: { mode: 'none' }, fellBack: true };
  }
  return { user: { mode: 'none' }, fellBack: false };
}

/** Which browser this is, as events name it. */
export function browserName(ua: string, firefoxBuild: boolean): Browser {
  if (firefoxBuild || /Firefox\//.test(ua)) return 'firefox';
  if (/Edg\//.test(ua)) return 'edge';
  if (/Chrom(e|ium)\//.test(ua)) return 'chrome';
  return 'other';
}
