import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../lib/extension-id';
import { assess } from '../../policies/assess';
import { closeDialogIfOpen, enterPrompt } from './composer';
import { chooseJustification, clickDialog, dialogLabels, waitForDialog } from './dialog-driver';
import { checkBrowser, type ExtensionBrowser, launchWithExtension, serveHtml, textareaPage } from './harness';
import { BLOCK, BLOCK_VALUE, openReplica, sent, WARN, waitSent } from './matrix';
import {
  checkPolicyWrite,
  readLocal,
  reloadPolicies,
  removeManagedPolicy,
  waitForManaged,
  writeManagedPolicy,
} from './policy';

const browserCheck = checkBrowser();
const policyCheck = browserCheck.available ? checkPolicyWrite() : { available: false, reason: browserCheck.reason };

const COACH = 'Use the hospital-approved assistant at chatgpt.com for patient work. (e2e coaching 0107)';
const enter = enterPrompt;
const closeDialog = closeDialogIfOpen;

/** Waits for a navigation that the extension cut short (the tab is sent elsewhere mid-flight). */
async function gotoRedirected(page: Page, url: string, expected: RegExp): Promise<string> {
  // goto fails with ERR_ABORTED when the tab is sent elsewhere; what counts is where the tab ends up.
  await page.goto(url).catch(() => undefined);
  await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(expected);
  await page.waitForLoadState('domcontentloaded');
  return page.url();
}

// If this suite fails, an organisation's browser policy does not reach the guard: IT cannot enforce block mode,
// cannot turn the guard off, cannot block unsanctioned AI sites, or has to restart browsers to change policy.
describe.skipIf(!policyCheck.available)('enterprise policy file (3rdparty managed storage) in Chromium', () => {
  let b: ExtensionBrowser;
  let chat: Page;

  beforeAll(async () => {
    expect(assess(WARN).action).toBe('warn');
    removeManagedPolicy();
    writeManagedPolicy({
      mode: 'block',
      sanctionedSites: ['chatgpt.com'],
      sanctionedToolUrl: 'https://chatgpt.com/',
      unsanctionedAction: 'block',
      coachingMessage: COACH,
      // Invalid: Chromium's schema check drops the first (below its minimum); the second passes Chromium (a string)
      // and PHI Guard's own check rejects it (not https). Either way the built-in value applies.
      refreshIntervalMinutes: 1,
      helpLink: 'http://intranet.example.org/ai',
    });
    b = await launchWithExtension();
    chat = await openReplica(b, 'chatgpt');
  });
  afterAll(async () => {
    await b?.close();
    removeManagedPolicy();
  });

  it('delivers the policy to the extension through managed storage', async () => {
    const t0 = Date.now();
    const managed = await waitForManaged(b.worker, (m) => m.mode === 'block');
    console.info(`[e2e] managed policy visible ${Date.now() - t0} ms after the test started`);
    expect(managed).toMatchObject({ mode: 'block', unsanctionedAction: 'block', coachingMessage: COACH });
  });

  it('mode "block" removes Send anyway and shows the coaching message', async () => {
    await enter(chat, WARN);
    const view = await waitForDialog(chat);
    expect(view.buttons.map((x) => x.label)).toEqual(['Edit', 'Redact & send']);
    expect(view.text).toContain(COACH);
    await closeDialog(chat);
    expect(await sent(chat)).toEqual([]);
  });

  it('blocks an unsanctioned AI site with the coaching message and a link to the sanctioned tool', async () => {
    await serveHtml(b.context, 'https://claude.ai/**', textareaPage('claude.ai'));
    const page = await b.context.newPage();
    const url = await gotoRedirected(page, 'https://claude.ai/new?q=x', /blocked\.html/);
    expect(url).toBe(`chrome-extension://${EXTENSION_ID}/blocked.html?host=claude.ai&action=block`);
    await expect.poll(() => page.textContent('#coaching')).toBe(COACH);
    expect(await page.textContent('h1')).toContain('Claude');
    expect(await page.getAttribute('#sanctioned-link', 'href')).toBe('https://chatgpt.com/');
    expect(await page.locator('#continue').isVisible()).toBe(false);
    // The visit is an event: site and action only.
    const events = (await readLocal(b.worker, 'pendingEvents')) as Record<string, unknown>[];
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'unsanctioned_visit', site: 'claude.ai', response: 'block' }),
    );
    await page.close();
  });

  it('the options page says the browser is managed, is read-only, and shows the policy problem', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect.poll(() => page.locator('#managed').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#mode').isDisabled()).toBe(true);
    await expect.poll(() => page.textContent('#issues')).toContain('helpLink');
    expect(await page.textContent('#issues')).not.toContain('intranet.example.org');
    expect(await page.textContent('#policy-rows')).toContain('Your organisation (browser policy)');
    await page.close();
  });

  it("the popup shows who manages the policy and today's held count", async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await expect.poll(() => page.locator('#managed').isVisible()).toBe(true);
    await expect.poll(async () => Number(await page.textContent('#held'))).toBeGreaterThanOrEqual(1);
    expect(await page.getAttribute('#privacy', 'href')).toContain('options.html#privacy');
    await page.close();
  });

  it('a sanctioned AI site is not blocked', async () => {
    const page = await b.context.newPage();
    await page.goto('https://chatgpt.com/');
    await page.waitForTimeout(300);
    expect(page.url()).toBe('https://chatgpt.com/');
    await page.close();
  });

  it('a policy change applies to the open tab without a reload: "off" lets PHI through', async () => {
    writeManagedPolicy({ mode: 'off', sanctionedSites: ['chatgpt.com'], unsanctionedAction: 'block' });
    await reloadPolicies(b.context);
    await waitForManaged(b.worker, (m) => m.mode === 'off');
    // The same tab, never reloaded: the content script re-read the policy when managed storage changed.
    await expect
      .poll(
        async () => {
          await closeDialog(chat);
          await enter(chat, BLOCK);
          await chat.waitForTimeout(150);
          return sent(chat);
        },
        { timeout: 5000, interval: 200 },
      )
      .toEqual([BLOCK]);
    expect((await sent(chat))[0]).toContain(BLOCK_VALUE);
  });

  it('and back to "warn": Send anyway is offered again in the same tab', async () => {
    writeManagedPolicy({ mode: 'warn', unsanctionedAction: 'warn', coachingMessage: COACH });
    await reloadPolicies(b.context);
    await waitForManaged(b.worker, (m) => m.mode === 'warn');
    await expect
      .poll(
        async () => {
          await closeDialog(chat);
          await enter(chat, WARN);
          return (await dialogLabels(chat)).join(',');
        },
        { timeout: 5000, interval: 200 },
      )
      .toBe('Edit,Redact & send,Send anyway');
    await chooseJustification(chat);
    await clickDialog(chat, 'Send anyway');
    expect(await waitSent(chat)).toEqual([WARN]);
  });

  it('warn on an unsanctioned site: an interstitial the user can continue past', async () => {
    await serveHtml(b.context, 'https://poe.com/**', textareaPage('poe.com'));
    const page = await b.context.newPage();
    await gotoRedirected(page, 'https://poe.com/', /blocked\.html\?host=poe\.com&action=warn/);
    await page.locator('#continue').click();
    await page.waitForURL('https://poe.com/', { timeout: 10_000 });
    // Continued once: later visits in this session open directly.
    await page.goto('https://poe.com/chat');
    await page.waitForTimeout(300);
    expect(page.url()).toBe('https://poe.com/chat');
    await page.close();
  });
});
