/**
 * The background's side of the organisation policy: fetch it from the admin server named in managed storage
 * (policies/org-policy.ts does the HTTP), keep the last good copy in storage.local, and record how the latest
 * attempt went. The cached copy is written only when it changes, because every write makes every open tab
 * re-read the policy.
 */
import { parseLayer } from '../policies/layers';
import { type FetchFn, type OrgFetchResult, refreshOrgPolicy } from '../policies/org-policy';
import { orgPolicyCache, orgPolicyStatus, readManaged } from './policy-store';

export const ORG_REFRESH_ALARM = 'phi-guard-org-policy';

let running: Promise<OrgFetchResult> | undefined;

/** Fetches the organisation policy now (joining a fetch already under way). */
export function syncOrgPolicy(fetchFn: FetchFn = (url, init) => fetch(url, init)): Promise<OrgFetchResult> {
  running ??= (async () => {
    const managed = parseLayer(await readManaged(), 'managed').values;
    const cache = await orgPolicyCache.getValue();
    const r = await refreshOrgPolicy({
      endpoint: managed.reportingEndpoint,
      token: managed.enrollmentToken,
      cache,
      fetch: fetchFn,
    });
    if (r.status === 'updated' || (r.cache === null && cache !== null)) await orgPolicyCache.setValue(r.cache);
    await orgPolicyStatus.setValue({ status: r.status, http: r.http, reason: r.reason, at: Date.now() });
    return r;
  })().finally(() => {
    running = undefined;
  });
  return running;
}
