import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FetchFn } from '../policies/org-policy';
import { syncOrgPolicy } from './org-sync';
import { loadPolicy, orgPolicyCache, orgPolicyStatus } from './policy-store';

beforeEach(() => fakeBrowser.reset());

const managed = { reportingEndpoint: 'https://phi.example.org', enrollmentToken: 'token-123456' };

function server(replies: (() => Response)[]) {
  const seen: RequestInit[] = [];
  const fetch: FetchFn = async (_url, init) => {
    seen.push(init);
    const next = replies.shift();
    if (!next) throw new TypeError('offline');
    return next();
  };
  return { fetch, seen };
}

// If these fail, the organisation's policy does not reach the browser, or is lost when the server is unreachable.
describe('syncOrgPolicy', () => {
  it('fetches with the managed endpoint and token, caches, and the layer applies', async () => {
    await fakeBrowser.storage.managed.set(managed);
    const s = server([
      () => new Response(JSON.stringify({ mode: 'block' }), { status: 200, headers: { etag: '"a"' } }),
    ]);
    expect((await syncOrgPolicy(s.fetch)).status).toBe('updated');
    expect((s.seen[0].headers as Record<string, string>).Authorization).toBe('Bearer token-123456');
    expect(await orgPolicyCache.getValue()).toMatchObject({ etag: '"a"', policy: { mode: 'block' } });
    const r = await loadPolicy();
    expect(r.policy.mode).toBe('block');
    expect(r.sources.mode).toBe('org');
  });

  it('keeps the last good copy offline and after a 304, and records the status', async () => {
    await fakeBrowser.storage.managed.set(managed);
    const s = server([
      () => new Response(JSON.stringify({ mode: 'block' }), { status: 200, headers: { etag: '"a"' } }),
      () => new Response(null, { status: 304 }),
    ]);
    await syncOrgPolicy(s.fetch);
    expect((await syncOrgPolicy(s.fetch)).status).toBe('not-modified');
    expect((s.seen[1].headers as Record<string, string>)['If-None-Match']).toBe('"a"');
    expect((await syncOrgPolicy(s.fetch)).status).toBe('offline');
    expect(await orgPolicyStatus.getValue()).toMatchObject({ status: 'offline' });
    expect((await loadPolicy()).policy.mode).toBe('block');
  });

  it('drops the cached policy when managed storage no longer names an endpoint', async () => {
    await fakeBrowser.storage.managed.set(managed);
    await syncOrgPolicy(server([() => new Response(JSON.stringify({ mode: 'block' }), { status: 200 })]).fetch);
    await fakeBrowser.storage.managed.clear();
    expect((await syncOrgPolicy(server([]).fetch)).status).toBe('disabled');
    expect(await orgPolicyCache.getValue()).toBeNull();
    expect((await loadPolicy()).policy.mode).toBe('warn');
  });
});
