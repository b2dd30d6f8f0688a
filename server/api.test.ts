/**
 * The admin server's API, through fastify.inject and over real HTTP on 127.0.0.1, on PGlite and (when
 * DATABASE_URL is set, as in CI) on PostgreSQL. If these fail, the server stores what it must refuse, serves
 * a stale or wrong policy, or lets someone without the admin token into the dashboard.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STRING_FIELDS, sampleEvent } from '../events/fixtures';
import { eventTime, type GuardEvent, guardEventSchema } from '../events/schema';
import { refreshOrgPolicy } from '../policies/org-policy';
import { buildApp } from './app';
import { runPurge } from './jobs';
import { createEnrollmentToken, revokeEnrollmentToken } from './store/auth';
import { countEvents, insertEvents } from './store/events';
import { backends, signIn, type TestServer, testServer } from './test-helpers';

// Each server boots a database (PGlite takes seconds on a busy two-core machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const INJECTIONS = [
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '{{7*7}}${7*7}',
  '../../../etc/passwd',
  'a\u0000b',
  '=HYPERLINK("http://x")',
  'Jane Roe MRN 44120987',
  '\u202Egnp.exe',
];

describe.each(backends())('admin server API on $name', (backend) => {
  let s: TestServer;
  let auth: Record<string, string>;
  const post = (payload: unknown, headers: Record<string, string> = auth) =>
    s.app.inject({ method: 'POST', url: '/v1/events', headers, payload: payload as object });

  beforeAll(async () => {
    s = await testServer(backend);
    auth = { authorization: `Bearer ${s.enrollmentToken}` };
  });
  afterAll(async () => s?.close());

  describe('bad input is refused with the right 4xx and nothing is stored', () => {
    const cases: [string, () => Promise<{ statusCode: number }>, number][] = [
      [
        'malformed JSON',
        () =>
          s.app.inject({
            method: 'POST',
            url: '/v1/events',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"events": [',
          }),
        400,
      ],
      [
        'a body over the limit',
        () =>
          s.app.inject({
            method: 'POST',
            url: '/v1/events',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: JSON.stringify({ events: [sampleEvent()], pad: 'x'.repeat(600 * 1024) }),
          }),
        413,
      ],
      [
        'a non-JSON content type',
        () =>
          s.app.inject({
            method: 'POST',
            url: '/v1/events',
            headers: { ...auth, 'content-type': 'text/plain' },
            payload: 'hello',
          }),
        415,
      ],
      ['no events', () => post({ events: [] }), 400],
      ['a bare array', () => post([sampleEvent()]), 400],
      ['too many events', () => post({ events: Array.from({ length: 501 }, () => sampleEvent()) }), 400],
      ['an unknown top-level field', () => post({ events: [sampleEvent()], note: 'x' }), 400],
      ['an unknown event field', () => post({ events: [{ ...sampleEvent(), prompt: 'Jane Roe' }] }), 400],
      ['a value hash smuggled in', () => post({ events: [{ ...sampleEvent(), valueHash: 'ab12' }] }), 400],
      ['a wrong type', () => post({ events: [{ ...sampleEvent(), categories: { MRN: '1' } }] }), 400],
      ['a string count', () => post({ events: [{ ...sampleEvent(), detectors: 'mrn' }] }), 400],
      ['seconds in the time', () => post({ events: [sampleEvent({ time: '2026-01-01T10:00:30Z' })] }), 400],
      [
        'a time in the future',
        () => post({ events: [sampleEvent({ time: eventTime(new Date(Date.now() + 3_600_000)) })] }),
        400,
      ],
      [
        'a prototype-poisoning key',
        () =>
          s.app.inject({
            method: 'POST',
            url: '/v1/events',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: `{"events":[${JSON.stringify(sampleEvent()).slice(0, -1)},"__proto__":{"x":1}}]}`,
          }),
        400,
      ],
      ['no token', () => post({ events: [sampleEvent()] }, {}), 401],
      ['a wrong token', () => post({ events: [sampleEvent()] }, { authorization: 'Bearer pge_wrongwrongwrong' }), 401],
      [
        'a non-bearer scheme',
        () => post({ events: [sampleEvent()] }, { authorization: `Basic ${s.enrollmentToken}` }),
        401,
      ],
    ];
    it.each(cases)('%s', async (_name, send, status) => {
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(await countEvents(s.database)).toBe(0);
    });

    it('injection strings in every field', async () => {
      const fields = STRING_FIELDS;
      for (const text of INJECTIONS) {
        for (const field of fields) {
          const res = await post({ events: [{ ...sampleEvent({ action: 'sent_anyway' }), [field]: text }] });
          expect(res.statusCode, `${field}: ${text}`).toBe(400);
          expect(res.body).not.toContain(text);
        }
        for (const e of [
          sampleEvent({ detectors: [text] }),
          sampleEvent({ user: { mode: 'pseudonymous', id: text } }),
          sampleEvent({ user: { mode: 'email', email: text } }),
          { ...sampleEvent(), categories: { [text]: 1 } },
          { ...sampleEvent(), [text]: 1 },
        ]) {
          expect((await post({ events: [e] })).statusCode).toBe(400);
        }
      }
      expect(await countEvents(s.database)).toBe(0);
    });

    it('a batch with one bad event stores none of it', async () => {
      const res = await post({ events: [sampleEvent(), { ...sampleEvent(), text: 'x' }] });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toBe('events.1');
      expect(await countEvents(s.database)).toBe(0);
    });

    it('a revoked token is refused', async () => {
      const { id, token } = await createEnrollmentToken(s.database, 'to revoke');
      await revokeEnrollmentToken(s.database, id);
      const res = await post({ events: [sampleEvent()] }, { authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(401);
      expect(await countEvents(s.database)).toBe(0);
    });
  });

  describe('ingestion', () => {
    it('stores a batch and deduplicates by event id', async () => {
      const before = await countEvents(s.database);
      const events = [sampleEvent(), sampleEvent({ action: 'sent_anyway', justification: 'synthetic' })];
      const first = await post({ events });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ accepted: 2, duplicates: 0 });
      expect(first.headers['access-control-allow-origin']).toBe('*');
      const again = await post({ events: [...events, events[0]] });
      expect(again.json()).toEqual({ accepted: 0, duplicates: 3 });
      expect(await countEvents(s.database)).toBe(before + 2);
    });

    it('answers the CORS preflight the extension sends', async () => {
      const res = await s.app.inject({ method: 'OPTIONS', url: '/v1/events' });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-headers']).toContain('authorization');
    });

    it('rate-limits a client that floods, and admin sign-in attempts', async () => {
      const limited = await testServer(backend, { ingestRateLimit: 3, loginRateLimit: 2 });
      try {
        const h = { authorization: `Bearer ${limited.enrollmentToken}` };
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await limited.app.inject({ method: 'GET', url: '/v1/policy', headers: h });
          codes.push(r.statusCode);
        }
        expect(codes.slice(3)).toEqual([429, 429]);
        const logins: number[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await limited.app.inject({ method: 'POST', url: '/api/admin/login', payload: { token: 'guess' } });
          logins.push(r.statusCode);
        }
        expect(logins).toEqual([401, 401, 429]);
      } finally {
        await limited.close();
      }
    });
  });

  describe('organisation policy', () => {
    it('serves the current version with an ETag, 304 when unchanged, and history with rollback', async () => {
      const none = await s.app.inject({ method: 'GET', url: '/v1/policy', headers: auth });
      expect(none.statusCode).toBe(404);

      const a = await signIn(s.app, s.adminToken);
      const admin = { cookie: a.cookie, 'x-csrf-token': a.csrf };
      const put = (policy: unknown) =>
        s.app.inject({ method: 'PUT', url: '/api/admin/policy', headers: admin, payload: { policy } });
      expect((await put({ mode: 'block', sanctionedSites: ['chatgpt.com'] })).statusCode).toBe(201);

      const r1 = await s.app.inject({ method: 'GET', url: '/v1/policy', headers: auth });
      expect(r1.statusCode).toBe(200);
      expect(r1.json()).toEqual({ version: 1, policy: { mode: 'block', sanctionedSites: ['chatgpt.com'] } });
      const etag = r1.headers.etag as string;
      expect(r1.headers['x-policy-version']).toBe('1');
      const r304 = await s.app.inject({
        method: 'GET',
        url: '/v1/policy',
        headers: { ...auth, 'if-none-match': etag },
      });
      expect(r304.statusCode).toBe(304);
      expect(r304.body).toBe('');

      expect((await put({ mode: 'warn' })).statusCode).toBe(201);
      const r2 = await s.app.inject({ method: 'GET', url: '/v1/policy', headers: { ...auth, 'if-none-match': etag } });
      expect(r2.statusCode).toBe(200);
      expect(r2.headers.etag).not.toBe(etag);

      const rb = await s.app.inject({
        method: 'POST',
        url: '/api/admin/policy/rollback',
        headers: admin,
        payload: { version: 1 },
      });
      expect(rb.statusCode).toBe(201);
      expect(rb.json()).toMatchObject({ version: 3, restoredFrom: 1 });
      const r3 = await s.app.inject({ method: 'GET', url: '/v1/policy', headers: auth });
      expect(r3.json()).toEqual({ version: 3, policy: { mode: 'block', sanctionedSites: ['chatgpt.com'] } });
      const hist = await s.app.inject({ method: 'GET', url: '/api/admin/policy', headers: { cookie: a.cookie } });
      expect(hist.json().history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    });

    it('refuses an invalid policy with the reasons, and saves nothing', async () => {
      const a = await signIn(s.app, s.adminToken);
      const admin = { cookie: a.cookie, 'x-csrf-token': a.csrf };
      const before = (await s.app.inject({ method: 'GET', url: '/api/admin/policy', headers: admin })).json().history
        .length;
      for (const policy of [
        { mode: 'sometimes' },
        { mdoe: 'block' },
        { enrollmentToken: 'abcdefghijkl' },
        { customPatterns: [{ id: 'x', pattern: '(a' }] },
        [],
        'block',
      ]) {
        const r = await s.app.inject({ method: 'PUT', url: '/api/admin/policy', headers: admin, payload: { policy } });
        expect(r.statusCode, JSON.stringify(policy)).toBe(400);
      }
      const after = (await s.app.inject({ method: 'GET', url: '/api/admin/policy', headers: admin })).json().history
        .length;
      expect(after).toBe(before);
    });

    it('needs the enrollment token', async () => {
      expect((await s.app.inject({ method: 'GET', url: '/v1/policy' })).statusCode).toBe(401);
    });
  });

  describe('admin sign-in, session and CSRF', () => {
    it('refuses a wrong admin token and routes without a session', async () => {
      const bad = await s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { token: 'pgadm_nope' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.cookies).toHaveLength(0);
      for (const url of ['/api/admin/overview', '/api/admin/events', '/api/admin/export.csv', '/api/admin/policy']) {
        expect((await s.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      }
      const forged = await s.app.inject({
        method: 'GET',
        url: '/api/admin/overview',
        headers: { cookie: 'phig_session=pgs_forged' },
      });
      expect(forged.statusCode).toBe(401);
    });

    it('sets an httpOnly, SameSite=Strict session cookie', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { token: s.adminToken } });
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === 'phig_session');
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    });

    it('refuses state changes without the CSRF token or from another origin', async () => {
      const a = await signIn(s.app, s.adminToken);
      const payload = { retentionDays: 30 };
      const put = (headers: Record<string, string>) =>
        s.app.inject({ method: 'PUT', url: '/api/admin/settings', headers: { cookie: a.cookie, ...headers }, payload });
      expect((await put({})).statusCode).toBe(403);
      expect((await put({ 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
      expect((await put({ 'x-csrf-token': a.csrf, origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await put({ 'x-csrf-token': a.csrf, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      const ok = await put({ 'x-csrf-token': a.csrf, origin: 'http://localhost:80' });
      expect(ok.statusCode).toBe(200);
      const cross = await s.app.inject({
        method: 'POST',
        url: '/api/admin/login',
        headers: { origin: 'https://evil.example' },
        payload: { token: s.adminToken },
      });
      expect(cross.statusCode).toBe(403);
    });

    it('signing out ends the session', async () => {
      const a = await signIn(s.app, s.adminToken);
      const out = await s.app.inject({
        method: 'POST',
        url: '/api/admin/logout',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      });
      expect(out.statusCode).toBe(200);
      const after = await s.app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: a.cookie } });
      expect(after.statusCode).toBe(401);
    });
  });

  describe('dashboard data', () => {
    // A window of its own, 100 days back, so the events other tests store do not count here.
    const t = eventTime(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 100 * 86_400_000));
    const span = (extra = '') =>
      `from=${new Date(Date.parse(t.replace('Z', ':00Z')) - 3_600_000).toISOString()}&to=${new Date(Date.parse(t.replace('Z', ':00Z')) + 3_600_000).toISOString()}${extra}`;

    it('overview, filters, recent events and exports agree with what was stored', async () => {
      const events = [
        sampleEvent({ time: t, site: 'chatgpt.com', action: 'held', categories: { SSN: 1 }, detectors: ['us-ssn'] }),
        sampleEvent({ time: t, site: 'chatgpt.com', action: 'sent_anyway', justification: 'not-phi' }),
        sampleEvent({ time: t, site: 'claude.ai', action: 'redacted', categories: { NAME: 3 } }),
        sampleEvent({ time: t, site: 'poe.com', action: 'unsanctioned_visit', categories: {}, detectors: [] }),
        sampleEvent({ time: t, site: 'claude.ai', action: 'coverage_lost', categories: {}, detectors: [] }),
      ];
      await insertEvents(s.database, events);
      const a = await signIn(s.app, s.adminToken);
      const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { cookie: a.cookie } });
      const o = (await get(`/api/admin/overview?${span()}`)).json();
      expect(o.totals.events).toBe(5);
      expect(o.actions).toMatchObject({
        held: 1,
        sent_anyway: 1,
        redacted: 1,
        unsanctioned_visit: 1,
        coverage_lost: 1,
      });
      expect(o.sendAnywayRate).toBeCloseTo(0.5);
      expect(o.justifications).toEqual([{ justification: 'not-phi', count: 1 }]);
      expect(o.categories[0]).toEqual({ category: 'NAME', count: 2 });
      expect(o.timeline).toEqual(
        expect.arrayContaining([{ bucket: `${t.slice(0, 14)}00Z`, action: 'held', count: 1 }]),
      );
      const claude = o.sites.find((x: { site: string }) => x.site === 'claude.ai');
      expect(claude).toMatchObject({ events: 2, coverageLost: 1, lastCoverageLost: t, lastWorking: t });
      expect(o.sites.find((x: { site: string }) => x.site === 'poe.com').unsanctionedVisits).toBe(1);

      expect((await get(`/api/admin/overview?${span('&site=claude.ai')}`)).json().totals.events).toBe(2);
      expect((await get(`/api/admin/overview?${span('&category=SSN')}`)).json().totals.events).toBe(1);
      const byAction = (await get(`/api/admin/events?${span('&action=redacted')}`)).json();
      expect(byAction.events.map((e: GuardEvent) => e.id)).toEqual([events[2]?.id]);
      expect((await get('/api/admin/overview?site=<script>')).statusCode).toBe(400);
      expect((await get('/api/admin/overview?from=yesterday')).statusCode).toBe(400);
      expect((await get('/api/admin/overview?unknown=1')).statusCode).toBe(400);

      const csv = await get(`/api/admin/export.csv?${span('&site=chatgpt.com')}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain('attachment');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,time,/);
      expect(lines).toHaveLength(3);
      expect(csv.body).toContain('SSN=1');

      const jsonl = await get(`/api/admin/export.jsonl?${span()}`);
      const rows = jsonl.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows).toHaveLength(5);
      for (const { receivedAt, ...e } of rows) {
        expect(typeof receivedAt).toBe('string');
        expect(guardEventSchema.safeParse(e).success).toBe(true);
      }
    });

    it('the retention purge removes events older than the setting', async () => {
      const recent = sampleEvent();
      await insertEvents(s.database, [
        sampleEvent({ time: eventTime(new Date(Date.now() - 40 * 86_400_000)) }),
        recent,
      ]);
      const a = await signIn(s.app, s.adminToken);
      await s.app.inject({
        method: 'PUT',
        url: '/api/admin/settings',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
        payload: { retentionDays: 30 },
      });
      const before = await countEvents(s.database);
      const purged = await runPurge(s.app);
      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await countEvents(s.database)).toBe(before - purged);
      const left = await s.app.inject({
        method: 'GET',
        url: '/api/admin/events?from=2000-01-01T00:00:00Z&limit=500',
        headers: { cookie: a.cookie },
      });
      const times = left.json().events.map((e: GuardEvent) => Date.parse(e.time.replace('Z', ':00Z')));
      expect(Math.min(...times)).toBeGreaterThan(Date.now() - 31 * 86_400_000);
      expect(left.json().events.some((e: GuardEvent) => e.id === recent.id)).toBe(true);
    });
  });

  describe('hardening', () => {
    it('sends security headers and a strict CSP with the dashboard', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/dashboard/' });
      expect(res.statusCode).toBe(200);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const js = await s.app.inject({ method: 'GET', url: '/dashboard/app.js' });
      expect(js.statusCode).toBe(200);
      expect(js.body.length).toBeGreaterThan(1000);
    });

    it('hides 5xx details', async () => {
      const a = await signIn(s.app, s.adminToken);
      const rows = s.database.rows;
      s.database.rows = async () => {
        throw new Error('relation "secret_table" does not exist');
      };
      try {
        const res = await s.app.inject({ method: 'GET', url: '/api/admin/overview', headers: { cookie: a.cookie } });
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({ error: 'internal error' });
      } finally {
        s.database.rows = rows;
      }
    });

    it('health and readiness', async () => {
      expect((await s.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await s.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
        status: 'ready',
        database: backend.name,
      });
    });

    it('never logs request bodies or tokens', async () => {
      let log = '';
      const stream = new Writable({
        write(chunk, _enc, cb) {
          log += String(chunk);
          cb();
        },
      });
      const app = await buildApp({ database: s.database, jobs: false, logger: { level: 'trace', stream } });
      try {
        const marker = 'MARKER-Jane-Roe-44120987';
        await app.inject({
          method: 'POST',
          url: '/v1/events',
          headers: auth,
          payload: { events: [{ ...sampleEvent(), note: marker }] },
        });
        await app.inject({ method: 'POST', url: '/api/admin/login', payload: { token: marker } });
        await app.inject({ method: 'POST', url: '/v1/events', headers: auth, payload: { events: [sampleEvent()] } });
        expect(log.length).toBeGreaterThan(0);
        expect(log).not.toContain(marker);
        expect(log).not.toContain(s.enrollmentToken);
      } finally {
        await app.close();
      }
    });
  });

  describe('over real HTTP on 127.0.0.1', () => {
    it("the extension's own policy client gets the policy, its version, and a 304 next time", async () => {
      await s.app.listen({ host: '127.0.0.1', port: 0 });
      const addr = s.app.server.address();
      const endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const current = (await s.app.inject({ method: 'GET', url: '/v1/policy', headers: auth })).json();
      const first = await refreshOrgPolicy({ endpoint, token: s.enrollmentToken, cache: null, fetch });
      expect(first.status).toBe('updated');
      expect(first.cache).toMatchObject({ policy: current.policy, version: String(current.version) });
      const second = await refreshOrgPolicy({ endpoint, token: s.enrollmentToken, cache: first.cache, fetch });
      expect(second).toMatchObject({ status: 'not-modified', http: 304 });
      const wrong = await refreshOrgPolicy({ endpoint, token: 'pge_not-a-token', cache: null, fetch });
      expect(wrong.status).toBe('rejected');
    });

    it('ingests, signs in with a cookie and exports', async () => {
      const h = s;
      const stored = await countEvents(h.database);
      {
        if (!h.app.server.listening) await h.app.listen({ host: '127.0.0.1', port: 0 });
        const addr = h.app.server.address();
        const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
        const events = [sampleEvent(), sampleEvent()];
        const ingest = await fetch(`${base}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.enrollmentToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        expect(ingest.status).toBe(200);
        expect(await ingest.json()).toEqual({ accepted: 2, duplicates: 0 });
        const big = await fetch(`${base}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.enrollmentToken}`, 'content-type': 'application/json' },
          body: 'x'.repeat(2 * 1024 * 1024),
        });
        expect(big.status).toBe(413);

        const login = await fetch(`${base}/api/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ token: h.adminToken }),
        });
        expect(login.status).toBe(200);
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
        expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
        const csv = await fetch(`${base}/api/admin/export.csv`, { headers: { cookie } });
        expect(csv.status).toBe(200);
        expect(await csv.text()).toContain(events[0]?.id);
        expect(await countEvents(h.database)).toBe(stored + 2);
      }
    });
  });
});
