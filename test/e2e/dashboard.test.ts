/**
 * The admin dashboard in real Chromium against a real server (PGlite, 127.0.0.1): sign in with the admin token,
 * charts drawn from seeded events, a filter, the CSV export of the filtered view, and the policy editor's live
 * validation, save and rollback. No extension is loaded. If this fails, the security team's page is broken even
 * though the API tests pass (CSP blocking our own script, a chart never drawn, an export of the wrong rows).
 */
import { readFile } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../events/fixtures';
import { eventTime, type GuardEvent } from '../../events/schema';
import { savePolicy } from '../../server/store/policy';
import { backends, type TestServer, testServer } from '../../server/test-helpers';
import { CHROMIUM_PATH, checkBrowser } from './harness';

const browserCheck = checkBrowser();

describe.skipIf(!browserCheck.available)('admin dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const cspErrors: string[] = [];
  const t = eventTime(new Date(Date.now() - 2 * 3_600_000));
  const seeded: GuardEvent[] = [
    ...Array.from({ length: 6 }, () => sampleEvent({ time: t, site: 'chatgpt.com', action: 'held' })),
    ...Array.from({ length: 3 }, () =>
      sampleEvent({ time: t, site: 'claude.ai', action: 'redacted', categories: { SSN: 1 }, detectors: ['us-ssn'] }),
    ),
    sampleEvent({ time: t, site: 'claude.ai', action: 'sent_anyway', justification: 'synthetic' }),
    sampleEvent({ time: t, site: 'poe.com', action: 'unsanctioned_visit', categories: {}, detectors: [] }),
    sampleEvent({ time: t, site: 'grok.com', action: 'coverage_lost', categories: {}, detectors: [] }),
  ];

  beforeAll(async () => {
    const pglite = backends().find((b) => b.name === 'pglite');
    if (!pglite) throw new Error('no PGlite backend');
    server = await testServer(pglite);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const addr = server.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    // Seeded through the public API, exactly as extensions send them.
    const res = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.enrollmentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: seeded }),
    });
    expect(res.status).toBe(200);
    await savePolicy(server.database, { mode: 'warn', sanctionedSites: ['chatgpt.com', 'claude.ai'] });

    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const context = await browser.newContext({ acceptDownloads: true });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('internetdisconnected'));
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const loaded = async () => Number((await page.getAttribute('body', 'data-loaded')) ?? 0);
  async function waitForReload(before: number): Promise<void> {
    await page.waitForFunction((n) => Number(document.body.dataset.loaded ?? 0) > n, before);
  }

  it('asks for the admin token and refuses a wrong one', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#signin:not([hidden])');
    await page.fill('#admin-token', 'pgadm_wrong');
    await page.click('#signin-form button[type=submit]');
    await expect.poll(() => page.textContent('#signin-error')).toContain('not accepted');
  });

  it('signs in and draws the overview from the seeded events', async () => {
    await page.fill('#admin-token', server.adminToken);
    await page.click('#signin-form button[type=submit]');
    await page.waitForSelector('#app:not([hidden])');
    await page.waitForFunction(() => Number(document.body.dataset.loaded ?? 0) > 0);
    expect(await page.textContent('#kpi-events')).toBe(String(seeded.length));
    const series = await page.$$eval('#chart-timeline rect', (rs) => rs.map((r) => r.getAttribute('data-series')));
    expect(new Set(series)).toEqual(
      new Set(['held', 'redacted', 'sent_anyway', 'unsanctioned_visit', 'coverage_lost']),
    );
    const categories = await page.$$eval('#chart-categories text.bar-label', (ts) => ts.map((t) => t.textContent));
    expect(categories).toEqual(expect.arrayContaining(['MRN', 'NAME', 'SSN']));
    const sites = await page.$$eval('#chart-sites text.bar-label', (ts) => ts.map((t) => t.textContent));
    expect(sites[0]).toBe('chatgpt.com');
    const tools = await page.$$eval('#tools tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(tools).toEqual(expect.arrayContaining([expect.arrayContaining(['poe.com', 'unsanctioned'])]));
    expect(tools).toEqual(expect.arrayContaining([expect.arrayContaining(['chatgpt.com', 'sanctioned'])]));
    const coverage = await page.$$eval('#coverage tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(coverage).toEqual(expect.arrayContaining([expect.arrayContaining(['grok.com', 'prompt box lost'])]));
    expect(await page.textContent('#kpi-send-anyway')).toBe('25.0 %');
    expect(await page.$$eval('#chart-justifications text.bar-label', (ts) => ts.map((t) => t.textContent))).toEqual([
      'synthetic',
    ]);
    expect(await page.$$eval('#events tbody tr', (rows) => rows.length)).toBe(seeded.length);
  });

  it('filters by site and exports exactly the filtered view as CSV', async () => {
    const before = await loaded();
    await page.selectOption('#f-site', 'claude.ai');
    await waitForReload(before);
    expect(await page.textContent('#kpi-events')).toBe('4');
    const shown = await page.$$eval('#events tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(shown).toEqual(['claude.ai', 'claude.ai', 'claude.ai', 'claude.ai']);

    const before2 = await loaded();
    await page.selectOption('#f-action', 'redacted');
    await waitForReload(before2);
    expect(await page.textContent('#kpi-events')).toBe('3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,time,/);
    expect(lines).toHaveLength(4);
    for (const l of lines.slice(1)) expect(l).toContain(',claude.ai,redacted,');
  });

  it('validates the policy live, saves a version and rolls back', async () => {
    await page.click('#tabs [data-tab=policy]');
    await page.waitForSelector('#policy-history tbody tr');
    await page.fill('#policy-json', '{"mode": "sometimes"}');
    await expect.poll(() => page.textContent('#policy-issues')).toContain('mode');
    expect(await page.isDisabled('#policy-save')).toBe(true);
    await page.fill('#policy-json', '{ not json');
    await expect.poll(() => page.textContent('#policy-issues')).toContain('Not valid JSON');
    await page.fill('#policy-json', JSON.stringify({ mode: 'block', sanctionedSites: ['chatgpt.com'] }));
    await expect.poll(() => page.textContent('#policy-issues')).toContain('Valid policy');
    await page.fill('#policy-comment', 'block everywhere');
    await page.click('#policy-save');
    await expect.poll(() => page.$$eval('#policy-history tbody tr', (r) => r.length)).toBe(2);
    const served = await fetch(`${base}/v1/policy`, { headers: { authorization: `Bearer ${server.enrollmentToken}` } });
    expect((await served.json()).policy).toEqual({ mode: 'block', sanctionedSites: ['chatgpt.com'] });

    await page.click('#policy-history tbody tr:nth-child(2) button:has-text("Roll back")');
    await expect.poll(() => page.$$eval('#policy-history tbody tr', (r) => r.length)).toBe(3);
    const rolled = await fetch(`${base}/v1/policy`, { headers: { authorization: `Bearer ${server.enrollmentToken}` } });
    expect((await rolled.json()).policy).toEqual({ mode: 'warn', sanctionedSites: ['chatgpt.com', 'claude.ai'] });
  });

  it('ran under the strict CSP without a violation', () => {
    expect(cspErrors).toEqual([]);
  });
});
