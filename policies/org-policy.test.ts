import { describe, expect, it } from 'vitest';
import { type FetchFn, type OrgPolicyCache, refreshOrgPolicy, unwrapPolicy } from './org-policy';

const ENDPOINT = 'https://phi.example.org/';

function server(reply: (init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchFn = async (url, init) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return reply(init);
  };
  return { fetch, calls };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

const cached: OrgPolicyCache = {
  endpoint: ENDPOINT,
  etag: '"v1"',
  policy: { mode: 'block' },
  fetchedAt: 1,
  checkedAt: 1,
};

describe('refreshOrgPolicy', () => {
  it('GETs /v1/policy with the bearer token and stores the body and ETag', async () => {
    const s = server(() => json({ mode: 'block' }, { etag: '"v1"' }));
    const r = await refreshOrgPolicy({
      endpoint: ENDPOINT,
      token: 'tok-12345678',
      cache: null,
      fetch: s.fetch,
      now: 5,
    });
    expect(s.calls[0].url).toBe('https://phi.example.org/v1/policy');
    expect(s.calls[0].headers.Authorization).toBe('Bearer tok-12345678');
    expect(s.calls[0].headers['If-None-Match']).toBeUndefined();
    expect(r).toMatchObject({ status: 'updated', cache: { etag: '"v1"', policy: { mode: 'block' }, fetchedAt: 5 } });
  });

  // If this fails, every refresh downloads the whole policy, or a 304 loses the cached policy.
  it('sends If-None-Match and keeps the cache on 304', async () => {
    const s = server(() => new Response(null, { status: 304 }));
    const r = await refreshOrgPolicy({ endpoint: ENDPOINT, token: undefined, cache: cached, fetch: s.fetch, now: 9 });
    expect(s.calls[0].headers['If-None-Match']).toBe('"v1"');
    expect(r.status).toBe('not-modified');
    expect(r.cache).toEqual({ ...cached, checkedAt: 9 });
  });

  // If these fail, a clinic that loses its connection (or a broken server) loses its organisation's policy.
  it.each([
    ['offline', () => Promise.reject(new TypeError('Failed to fetch')), 'offline'],
    ['a 500', () => new Response('oops', { status: 500 }), 'error'],
    ['a rejected token', () => new Response('', { status: 401 }), 'rejected'],
    ['invalid JSON', () => new Response('{mode: block', { status: 200 }), 'error'],
    ['a JSON array', () => json([1, 2]), 'error'],
    ['an oversized body', () => new Response('x'.repeat(600_000), { status: 200 }), 'error'],
  ] as const)('keeps the last good copy on %s', async (_what, reply, status) => {
    const s = server(reply as () => Response);
    const r = await refreshOrgPolicy({ endpoint: ENDPOINT, token: undefined, cache: cached, fetch: s.fetch });
    expect(r.status).toBe(status);
    expect(r.cache).toEqual(cached);
    expect(r.reason ?? '').not.toContain('oops');
  });

  it('does not use a cache from another endpoint', async () => {
    const s = server(() => Promise.reject(new Error('down')));
    const r = await refreshOrgPolicy({
      endpoint: 'https://other.example.org',
      token: undefined,
      cache: cached,
      fetch: s.fetch,
    });
    expect(s.calls[0].headers['If-None-Match']).toBeUndefined();
    expect(r.cache).toBeNull();
  });

  it('gives up after the timeout and keeps the cache', async () => {
    const fetch: FetchFn = (_url, init) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const r = await refreshOrgPolicy({ endpoint: ENDPOINT, token: undefined, cache: cached, fetch, timeoutMs: 20 });
    expect(r).toMatchObject({ status: 'offline', cache: cached });
  });

  it('does nothing without an endpoint', async () => {
    const s = server(() => json({}));
    expect(await refreshOrgPolicy({ endpoint: undefined, token: undefined, cache: null, fetch: s.fetch })).toEqual({
      cache: null,
      status: 'disabled',
    });
    expect(s.calls).toEqual([]);
  });
});

describe('unwrapPolicy', () => {
  it('takes a bare policy or a {version, policy} envelope', () => {
    expect(unwrapPolicy({ mode: 'warn' })).toEqual({ policy: { mode: 'warn' } });
    expect(unwrapPolicy({ version: 7, policy: { mode: 'warn' } })).toEqual({ policy: { mode: 'warn' }, version: '7' });
    expect(unwrapPolicy('x')).toBeUndefined();
  });
});
