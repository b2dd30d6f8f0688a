/**
 * The extension and the real admin server together: the built extension in Chromium, managed policy naming the
 * server (buildApp on 127.0.0.1, PGlite in a temp folder). PHI prompts typed on the ChatGPT replica and decided
 * (cancel, send anyway, redact) arrive as schema events with the right actions and categories; no request the
 * extension makes carries a typed value; with the server down events wait in the outbox, and after a restart each
 * arrives exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuardEvent } from '../../events/schema';
import { buildApp } from '../../server/app';
import { events as eventsTable } from '../../server/db/schema';
import { createEnrollmentToken } from '../../server/store/auth';
import { closeDialogIfOpen, enterPrompt } from './composer';
import { chooseJustification, clickDialog, waitForDialog } from './dialog-driver';
import { checkBrowser, type ExtensionBrowser, launchWithExtension, serveHtml } from './harness';
import { BLOCK, BLOCK_VALUE, openReplica, WARN, WARN_VALUES, waitSent } from './matrix';
import { checkPolicyWrite, readLocal, removeManagedPolicy, writeManagedPolicy } from './policy';

const browserCheck = checkBrowser();
const policyCheck = browserCheck.available ? checkPolicyWrite() : { available: false, reason: browserCheck.reason };

/** Everything typed, and forms of the values a careless encoder might produce. */
const PHI = [WARN, BLOCK, ...WARN_VALUES, BLOCK_VALUE, BLOCK_VALUE.replaceAll('-', ''), 'John', 'Smith', '1961'];

interface Captured {
  url: string;
  method: string;
  headers: string;
  body: string;
}

type Row = typeof eventsTable.$inferSelect;

describe.skipIf(!policyCheck.available)('extension + admin server: events, zero-PHI egress, outage', () => {
  let dataDir: string;
  let app: FastifyInstance | undefined;
  let port = 0;
  let endpoint: string;
  let token: string;
  let b: ExtensionBrowser;
  let chat: Page;
  /** Every request the browser made that did not come from the replica page itself (worker, extension pages). */
  const requests: Captured[] = [];
  /** Every body the server received. */
  const serverBodies: string[] = [];

  async function startServer(): Promise<void> {
    const a = await buildApp({ dataDir, logger: false, jobs: false });
    a.addHook('preHandler', async (req) => {
      serverBodies.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${JSON.stringify(req.body ?? null)}`);
    });
    await a.listen({ host: '127.0.0.1', port });
    port = (a.server.address() as AddressInfo).port;
    app = a;
  }
  async function stopServer(): Promise<void> {
    await app?.close();
    app = undefined;
  }
  const stored = async (): Promise<Row[]> => (app ? app.database.db.select().from(eventsTable) : []);
  const outbox = async () =>
    (await readLocal(b.worker, 'phiGuardEventQueue')) as { events: GuardEvent[]; attempts: number } | null;

  /** Types a PHI prompt, waits for the dialog, and decides. */
  async function decide(prompt: string, choice: 'Edit' | 'Send anyway' | 'Redact & send'): Promise<void> {
    await closeDialogIfOpen(chat);
    await enterPrompt(chat, prompt);
    await waitForDialog(chat);
    if (choice === 'Send anyway') {
      // The reason list renders with the dialog's second frame.
      await expect.poll(async () => (await waitForDialog(chat)).selectId).toBeDefined();
      await chooseJustification(chat);
    }
    await clickDialog(chat, choice);
    await waitForDialog(chat, false);
    if (choice !== 'Edit') await waitSent(chat, 1);
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'phi-guard-e2e-server-'));
    await startServer();
    endpoint = `http://127.0.0.1:${port}`;
    token = (await createEnrollmentToken((app as FastifyInstance).database, 'e2e')).token;
    removeManagedPolicy();
    writeManagedPolicy({ reportingEndpoint: endpoint, enrollmentToken: token, identityMode: 'pseudonymous' });
    b = await launchWithExtension();
    // The harness aborts every unrouted request, the service worker's too: let the local server through.
    await b.context.route(`${endpoint}/**`, (route) => route.continue());
    chat = await openReplica(b, 'chatgpt');
    // Registered last, so it sees every request first, then hands it on to the routes above.
    await b.context.route(/.*/, (route) => {
      const r = route.request();
      if (!r.url().startsWith('https://chatgpt.com/')) {
        requests.push({
          url: r.url(),
          method: r.method(),
          headers: JSON.stringify(r.headers()),
          body: r.postData() ?? '',
        });
      }
      return route.fallback();
    });
  });
  afterAll(async () => {
    await b?.close();
    removeManagedPolicy();
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('PHI prompts and decisions arrive as schema events with actions and categories', async () => {
    // The managed policy has reached the worker once it has asked the server for the organisation policy.
    await expect.poll(() => readLocal(b.worker, 'orgPolicyStatus'), { timeout: 30_000 }).not.toBeNull();
    await decide(WARN, 'Edit');
    await decide(WARN, 'Send anyway');
    await decide(WARN, 'Redact & send');
    await decide(BLOCK, 'Edit');
    // Nine: opening the replica was a visit to an AI site not on the (empty) sanctioned list, recorded too.
    await expect.poll(async () => (await stored()).length, { timeout: 30_000 }).toBe(9);
    const rows = (await stored()).sort((x, y) => x.seq - y.seq);
    const actions = rows.map((r) => r.action).sort();
    expect(actions).toEqual(
      [
        'unsanctioned_visit',
        'warned',
        'cancelled',
        'warned',
        'sent_anyway',
        'warned',
        'redacted',
        'blocked',
        'cancelled',
      ].sort(),
    );
    for (const r of rows) {
      expect(r.site).toBe('chatgpt.com');
      expect(r.userMode).toBe('pseudonymous');
      expect(r.userId).toMatch(/^[0-9a-f]{64}$/);
      expect(r.policyVersion).toBe('managed');
      expect(r.browser).toBe('chrome');
    }
    const warned = rows.filter((r) => r.action === 'warned');
    for (const w of warned) expect(Object.keys(w.categories)).toEqual(expect.arrayContaining(['NAME', 'DATE']));
    expect(rows.find((r) => r.action === 'unsanctioned_visit')?.categories).toEqual({});
    expect(
      rows.filter((r) => r.action === 'blocked' || (r.action === 'cancelled' && 'SSN' in r.categories)),
    ).toHaveLength(2);
    expect(Object.keys(rows.find((r) => r.action === 'blocked')?.categories ?? {})).toEqual(['SSN']);
    // Counts per category, the detectors that fired and the confidence bucket travel with the hold and its outcome.
    for (const r of rows.filter((r) => 'SSN' in r.categories)) {
      expect(r.categories).toEqual({ SSN: 1 });
      expect(r.detectors).toEqual(['us-ssn']);
      expect(r.confidence).toBe('high');
    }
    for (const r of rows.filter((r) => r.action !== 'unsanctioned_visit' && !('SSN' in r.categories))) {
      expect(r.detectors).toEqual(expect.arrayContaining(['person-name', 'date']));
      expect(r.confidence).not.toBe('none');
      for (const n of Object.values(r.categories)) expect(n).toBeGreaterThanOrEqual(1);
    }
    expect(rows.find((r) => r.action === 'unsanctioned_visit')).toMatchObject({ detectors: [], confidence: 'none' });
    const anyway = rows.find((r) => r.action === 'sent_anyway');
    expect(anyway?.justification).toBe('not-phi');
    expect(Object.keys(anyway?.categories ?? {})).toEqual(expect.arrayContaining(['NAME', 'DATE']));
    expect(new Set(rows.map((r) => r.installId)).size).toBe(1);
    // Emptied when the server's answer comes back, just after the rows are stored.
    await expect.poll(async () => (await outbox())?.events, { timeout: 10_000 }).toEqual([]);
  });

  it('while the server is down events wait; after a restart every one arrives exactly once', async () => {
    const before = (await stored()).length;
    await stopServer();
    await decide(BLOCK, 'Edit');
    await decide(WARN, 'Send anyway');
    // Sent and failed: the outbox keeps all four and backs off.
    await expect
      .poll(
        async () => {
          const q = await outbox();
          return { queued: q?.events.length, failed: (q?.attempts ?? 0) >= 1 };
        },
        { timeout: 20_000 },
      )
      .toEqual({ queued: 4, failed: true });
    const queuedIds = (await outbox())?.events.map((e) => e.id) ?? [];

    await startServer();
    // Stand-in for the backoff running out (15-30 s, then the next one-minute alarm): due now.
    await b.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: {
            local: {
              get(k: string): Promise<Record<string, { nextAttemptAt: number }>>;
              set(v: object): Promise<void>;
            };
          };
        };
      };
      const q = (await chrome.storage.local.get('phiGuardEventQueue')).phiGuardEventQueue;
      await chrome.storage.local.set({ phiGuardEventQueue: { ...q, nextAttemptAt: 0 } });
    });
    // The next decision triggers a flush of everything queued.
    await decide(WARN, 'Redact & send');
    await expect.poll(async () => (await stored()).length, { timeout: 30_000 }).toBe(before + 6);
    const rows = await stored();
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of queuedIds) expect(ids.filter((x) => x === id)).toHaveLength(1);
    // The worker empties its outbox when the server's answer comes back, just after the rows are stored.
    await expect.poll(async () => (await outbox())?.events, { timeout: 10_000 }).toEqual([]);
    // Nothing more arrives later (no duplicate deliveries pending).
    await chat.waitForTimeout(3000);
    expect((await stored()).length).toBe(before + 6);
  });

  it('a supported chatbot page with no prompt box reports coverage_lost once (after the 10 s delay)', async () => {
    const before = (await stored()).filter((r) => r.action === 'coverage_lost').length;
    await serveHtml(
      b.context,
      'https://claude.ai/new',
      '<!doctype html><title>Claude</title><main><p>Nothing to type into here.</p></main>',
    );
    const page = await b.context.newPage();
    await page.goto('https://claude.ai/new');
    // An SPA navigation before the deadline restarts it; still one report for the page.
    await page.waitForTimeout(2000);
    await page.evaluate(() => history.pushState({}, '', '/chat/abc'));
    await expect
      .poll(async () => (await stored()).filter((r) => r.action === 'coverage_lost').length, {
        timeout: 40_000,
        interval: 1000,
      })
      .toBe(before + 1);
    const row = (await stored()).find((r) => r.action === 'coverage_lost');
    expect(row).toMatchObject({ site: 'claude.ai', categories: {}, detectors: [], confidence: 'none' });
    // The ChatGPT replica has its prompt box: nothing was reported for it.
    expect((await stored()).filter((r) => r.action === 'coverage_lost' && r.site === 'chatgpt.com')).toEqual([]);
    await page.waitForTimeout(3000);
    expect((await stored()).filter((r) => r.action === 'coverage_lost')).toHaveLength(before + 1);
    await page.close();
  });

  it('no request the extension made, and nothing the server received, contains a typed value', async () => {
    expect(requests.some((r) => r.url.startsWith(`${endpoint}/v1/events`) && r.method === 'POST')).toBe(true);
    expect(serverBodies.some((s) => s.startsWith('POST /v1/events'))).toBe(true);
    const haystack = [...requests.map((r) => `${r.url}\n${r.headers}\n${r.body}`), ...serverBodies];
    for (const text of haystack) {
      for (const value of PHI) expect(text, `a request carried "${value}"`).not.toContain(value);
    }
  });
});
