/**
 * Where the policy layers live in the browser, and the one way every context (content script, service worker,
 * popup, options, warn page) reads the merged policy: managed storage (enterprise policy, read-only to us), the
 * organisation's policy as last fetched (storage.local, written by the background), and the user's options
 * (storage.local). `watchPolicy` fires when any of them changes, so open tabs pick changes up without a reload.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type ResolvedPolicy, resolvePolicy } from '../policies/layers';
import type { OrgFetchStatus, OrgPolicyCache } from '../policies/org-policy';

/** The organisation's policy as last fetched (the last good copy; used offline). */
export const orgPolicyCache = storage.defineItem<OrgPolicyCache | null>('local:orgPolicy', { fallback: null });

/** The outcome of the latest fetch, for the options page. No body, no token. */
export interface OrgPolicyStatus {
  status: OrgFetchStatus;
  http?: number;
  reason?: string;
  at: number;
}
export const orgPolicyStatus = storage.defineItem<OrgPolicyStatus | null>('local:orgPolicyStatus', { fallback: null });

/** The user's own options (validated when read: they can only tighten). */
export const userOptions = storage.defineItem<Record<string, unknown>>('local:userOptions', { fallback: {} });

/** The storage.local keys whose change changes the policy (WXT's `local:` prefix is the area, not the key). */
const WATCHED_LOCAL_KEYS = ['orgPolicy', 'userOptions'];

/**
 * Managed storage, or {} when there is none. Firefox throws when no policy names the extension; Chrome
 * returns {}. A read that fails for any reason is treated as unmanaged, never as "protection off".
 */
export async function readManaged(): Promise<Record<string, unknown>> {
  try {
    const value = await browser.storage.managed.get();
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The merged policy from the current layers. */
export async function loadPolicy(): Promise<ResolvedPolicy> {
  const [managed, org, user] = await Promise.all([readManaged(), orgPolicyCache.getValue(), userOptions.getValue()]);
  return resolvePolicy({ managed, org: org?.policy, user });
}

/** Calls `onChange` whenever an input of the policy changes. Returns the function that stops watching. */
export function watchPolicy(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && WATCHED_LOCAL_KEYS.some((k) => k in changes))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
