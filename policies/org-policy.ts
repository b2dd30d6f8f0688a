/**
 * The organisation's policy from the admin server: GET <reportingEndpoint>/v1/policy with the enrollment token
 * as a bearer token and If-None-Match from the cached copy. 200 replaces the cache, 304 keeps it, and any
 * failure (offline, timeout, 5xx, a body that is not a JSON object) keeps the last good copy, so a clinic
 * that loses its connection keeps its policy. Pure apart from the injected fetch; the background stores the
 * result (lib/org-sync.ts).
 *
 * The body is the policy object itself, or `{ "version": ..., "policy": { ... } }`. Validation happens later,
 * field by field, when the layers are resolved: a cached body with a bad field still contributes its good ones.
 */

export interface OrgPolicyCache {
  /** The endpoint it came from: a cache from another endpoint (re-enrolment) is never used. */
  endpoint: string;
  etag?: string;
  /** The policy object as served (validated when resolved, never trusted as typed). */
  policy: Record<string, unknown>;
  /** The server's version label, if it sent one. */
  version?: string;
  fetchedAt: number;
  checkedAt: number;
}

export type OrgFetchStatus = 'updated' | 'not-modified' | 'offline' | 'rejected' | 'error' | 'disabled';

export interface OrgFetchResult {
  cache: OrgPolicyCache | null;
  status: OrgFetchStatus;
  /** HTTP status, when there was a response. */
  http?: number;
  /** Short reason for the options page; never the body. */
  reason?: string;
}

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export const ORG_POLICY_PATH = '/v1/policy';
/** Larger bodies are refused: a policy is a few kilobytes, and this runs in the browser. */
export const MAX_POLICY_BYTES = 512 * 1024;
const TIMEOUT_MS = 15_000;

export function orgPolicyUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}${ORG_POLICY_PATH}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The policy inside a response body: the body itself, or its `policy` member when wrapped with a version. */
export function unwrapPolicy(body: unknown): { policy: Record<string, unknown>; version?: string } | undefined {
  if (!isObject(body)) return undefined;
  if (isObject(body.policy) && !('mode' in body)) {
    const v = body.version;
    const version = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 40) : undefined;
    return { policy: body.policy, version };
  }
  return { policy: body };
}

export interface RefreshOptions {
  endpoint: string | undefined;
  token: string | undefined;
  cache: OrgPolicyCache | null;
  fetch: FetchFn;
  now?: number;
  timeoutMs?: number;
}

/** One refresh. Never throws; always says what happened and which cache to keep. */
export async function refreshOrgPolicy(opts: RefreshOptions): Promise<OrgFetchResult> {
  const now = opts.now ?? Date.now();
  if (!opts.endpoint) return { cache: null, status: 'disabled' };
  const cache = opts.cache && opts.cache.endpoint === opts.endpoint ? opts.cache : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (cache?.etag) headers['If-None-Match'] = cache.etag;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? TIMEOUT_MS);
  let res: Response;
  try {
    res = await opts.fetch(orgPolicyUrl(opts.endpoint), {
      method: 'GET',
      headers,
      credentials: 'omit',
      // Our own ETag logic decides freshness; the HTTP cache must not answer for the server.
      cache: 'no-store',
      signal: controller.signal,
    });
  } catch {
    clearTimeout(timer);
    return { cache, status: 'offline', reason: 'the admin server could not be reached' };
  }
  try {
    if (res.status === 304 && cache) return { cache: { ...cache, checkedAt: now }, status: 'not-modified', http: 304 };
    if (res.status === 401 || res.status === 403) {
      return { cache, status: 'rejected', http: res.status, reason: 'the admin server refused the enrollment token' };
    }
    if (res.status !== 200) return { cache, status: 'error', http: res.status, reason: `HTTP ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_POLICY_BYTES) return { cache, status: 'error', http: 200, reason: 'the policy is too large' };
    const text = await res.text();
    if (text.length > MAX_POLICY_BYTES) return { cache, status: 'error', http: 200, reason: 'the policy is too large' };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { cache, status: 'error', http: 200, reason: 'the policy is not valid JSON' };
    }
    const unwrapped = unwrapPolicy(body);
    if (!unwrapped) return { cache, status: 'error', http: 200, reason: 'the policy is not a JSON object' };
    const etag = res.headers.get('etag') ?? undefined;
    return {
      cache: {
        endpoint: opts.endpoint,
        etag: etag && etag.length <= 200 ? etag : undefined,
        policy: unwrapped.policy,
        version: unwrapped.version,
        fetchedAt: now,
        checkedAt: now,
      },
      status: 'updated',
      http: 200,
    };
  } catch {
    return { cache, status: 'offline', reason: 'the connection failed while reading the policy' };
  } finally {
    clearTimeout(timer);
  }
}
