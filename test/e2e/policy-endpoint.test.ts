import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../lib/extension-id';
import { closeDialogIfOpen, enterPrompt } from './composer';
import { waitForDialog } from './dialog-driver';
import { checkBrowser, type ExtensionBrowser, launchWithExtension, serveHtml, textareaPage } from './harness';
import { BLOCK, openReplica, sent, WARN } from './matrix';
import { checkPolicyWrite, readLocal, removeManagedPolicy, writeManagedPolicy } from './policy';

const browserCheck = checkBrowser();
const policyCheck = browserCheck.available ? checkPolicyWrite() : { available: false, reason: browserCheck.reason };

const TOKEN = 'e2e-enrollment-token-0001';
const ORG_COACH = 'Your organisation (admin server) says: no patient details in AI tools. (e2e 0142)';

/** A tiny admin server: GET /v1/policy with ETag and If-None-Match, bearer token, CORS for the extension. */
class AdminServer {
  policy: Record<string, unknown> = {};
  log: { status: number; ifNoneMatch?: string; auth?: string }[] = [];
  #server: Server = createServer((req, res) => this.#handle(req, res));

  get etag(): string {
    return `"${createHash('sha256').update(JSON.stringify(this.policy)).digest('hex').slice(0, 16)}"`;
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.#server.close(() => r()));
  }

  #handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const cors = {
      'Access-Control-Allow-Origin': `chrome-extension://${EXTENSION_ID}`,
      'Access-Control-Allow-Headers': 'Authorization, If-None-Match',
      'Access-Control-Expose-Headers': 'ETag',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const auth = req.headers.authorization;
    const ifNoneMatch = req.headers['if-none-match'];
    let status = 200;
    if (req.method !== 'GET' || req.url !== '/v1/policy') status = 404;
    else if (auth !== `Bearer ${TOKEN}`) status = 401;
    else if (ifNoneMatch === this.etag) status = 304;
    this.log.push({ status, ifNoneMatch, auth });
    if (status !== 200) {
      res.writeHead(status, { ...cors, ETag: this.etag }).end();
      return;
    }
    res
      .writeHead(200, { ...cors, 'Content-Type': 'application/json', ETag: this.etag, 'Cache-Control': 'no-cache' })
      .end(JSON.stringify({ version: 3, policy: this.policy }));
  }
}

/** Presses "Check for policy updates" on the options page, as a user or admin would. */
async function checkForUpdates(b: ExtensionBrowser): Promise<void> {
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await options.locator('#refresh').click();
  await expect.poll(() => options.locator('#refresh').isEnabled()).toBe(true);
  await options.close();
}

// If this suite fails, the organisation's own policy server cannot steer the extension: no policy, no offline copy,
// or changes that only land after a browser restart.
describe.skipIf(!policyCheck.available)('organisation policy from the admin endpoint (ETag, cache)', () => {
  const admin = new AdminServer();
  let b: ExtensionBrowser;
  let chat: Page;

  beforeAll(async () => {
    admin.policy = {
      mode: 'block',
      coachingMessage: ORG_COACH,
      sanctionedSites: ['chatgpt.com'],
      sanctionedToolUrl: 'https://chatgpt.com/',
      unsanctionedAction: 'block',
    };
    const endpoint = await admin.start();
    removeManagedPolicy();
    // The browser policy names the admin server and the enrollment token; the rest comes from the server.
    writeManagedPolicy({ reportingEndpoint: endpoint, enrollmentToken: TOKEN });
    b = await launchWithExtension();
    // Playwright routes the service worker's requests too, and the harness aborts every unrouted one: let the
    // local admin server through (without this route the extension sees the server as offline).
    await b.context.route(`${endpoint}/**`, (route) => route.continue());
    chat = await openReplica(b, 'chatgpt');
  });
  afterAll(async () => {
    await b?.close();
    removeManagedPolicy();
    await admin.stop();
  });

  it('fetches the policy with the enrollment token and caches it with its ETag', async () => {
    await expect
      .poll(() => readLocal(b.worker, 'orgPolicy'), { timeout: 20_000 })
      .toMatchObject({ etag: admin.etag, policy: { mode: 'block' }, version: '3' });
    expect(admin.log[0]).toMatchObject({ status: 200, auth: `Bearer ${TOKEN}` });
  });

  it('applies it: mode "block" from the server removes Send anyway in an open tab', async () => {
    await expect
      .poll(
        async () => {
          await closeDialogIfOpen(chat);
          await enterPrompt(chat, WARN);
          return (await waitForDialog(chat)).buttons.map((x) => x.label).join(',');
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe('Edit,Redact & send');
    expect((await waitForDialog(chat)).text).toContain(ORG_COACH);
    await closeDialogIfOpen(chat);
  });

  it("blocks an unsanctioned AI site with the organisation's message", async () => {
    await serveHtml(b.context, 'https://claude.ai/**', textareaPage('claude.ai'));
    const page = await b.context.newPage();
    await page.goto('https://claude.ai/').catch(() => undefined);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/blocked\.html\?host=claude\.ai&action=block/);
    await expect.poll(() => page.textContent('#coaching')).toBe(ORG_COACH);
    await page.close();
  });

  it('revalidates with If-None-Match (304 keeps the cached copy)', async () => {
    const before = admin.log.length;
    await checkForUpdates(b);
    expect(admin.log.slice(before)).toContainEqual(expect.objectContaining({ status: 304, ifNoneMatch: admin.etag }));
    expect(await readLocal(b.worker, 'orgPolicy')).toMatchObject({ policy: { mode: 'block' } });
  });

  it('a change on the server reaches the open tab without a reload: "off" lets PHI through', async () => {
    admin.policy = { mode: 'off' };
    await checkForUpdates(b);
    await expect.poll(() => readLocal(b.worker, 'orgPolicy')).toMatchObject({ policy: { mode: 'off' } });
    await expect
      .poll(
        async () => {
          await closeDialogIfOpen(chat);
          await enterPrompt(chat, BLOCK);
          await chat.waitForTimeout(150);
          return sent(chat);
        },
        { timeout: 5000, interval: 200 },
      )
      .toEqual([BLOCK]);
  });

  it('keeps the last good copy when the server is down', async () => {
    await admin.stop();
    await checkForUpdates(b);
    expect(await readLocal(b.worker, 'orgPolicyStatus')).toMatchObject({ status: 'offline' });
    expect(await readLocal(b.worker, 'orgPolicy')).toMatchObject({ policy: { mode: 'off' } });
  });
});
