import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../lib/extension-id';
import { assess } from '../../policies/assess';
import { CHATBOT_MATCHES } from '../../sites/hosts';
import {
  checkBrowser,
  clearSessionStorage,
  EXTENSION_DIR,
  type ExtensionBrowser,
  extensionWorlds,
  launchWithExtension,
  readSessionStorage,
  serveHtml,
  textareaPage,
} from './harness';

const browserCheck = checkBrowser();
const PROMPT = 'Pt seen today, SSN 900-12-3456, follow-up in 2 weeks';

/** A URL each shipped match pattern covers (the pattern with its wildcard dropped). */
const chatbotUrls = CHATBOT_MATCHES.map((p) => p.replace(/\*$/, ''));

// If this suite fails, the extension as built does not load, has lost its fixed id, or its content script
// no longer runs on the chatbots (or runs elsewhere): every later feature of the guard rests on these.
describe.skipIf(!browserCheck.available)('built extension in Chromium', () => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launchWithExtension();
    for (const url of [...chatbotUrls, 'https://huggingface.co/models', 'https://example.org/']) {
      await serveHtml(b.context, url, textareaPage(new URL(url).host));
    }
  });
  afterAll(async () => {
    await b?.close();
  });
  beforeEach(async () => {
    await clearSessionStorage(b.worker);
  });

  it('loads with the fixed extension id', () => {
    expect(b.extensionId).toBe(EXTENSION_ID);
  });

  it('ships a production build whose logger is compiled out', async () => {
    for (const file of ['background.js', 'content-scripts/content.js']) {
      expect(await readFile(join(EXTENSION_DIR, file), 'utf8')).not.toContain('[phi-guard]');
    }
  });

  it('checks a prompt on chatgpt.com on Enter and reports the decision, not the text, to the background', async () => {
    const page = await b.context.newPage();
    await page.goto('https://chatgpt.com/');
    expect(await extensionWorlds(page, b.extensionId)).toEqual(['PHI Guard']);
    await page.locator('#prompt').click();
    await page.keyboard.type(PROMPT);
    await page.keyboard.press('Enter');

    const expected = assess(PROMPT);
    await expect
      .poll(() => readSessionStorage(b.worker, 'lastScan'), { timeout: 10_000 })
      .toMatchObject({ action: expected.action, count: expected.findings.length, failed: false, site: 'chatgpt.com' });
    expect(JSON.stringify(await readSessionStorage(b.worker, 'lastScan'))).not.toContain('900-12');
    await page.close();
  });

  it('reads a rich editor (contenteditable) as the whole editing host, paragraphs included', async () => {
    const editor =
      '<!doctype html><div id="ed" contenteditable="true" role="textbox"><p>Pt seen today</p><p id="last"><br></p></div>';
    const page = await b.context.newPage();
    await serveHtml(b.context, 'https://claude.ai/new', editor);
    await page.goto('https://claude.ai/new');
    await page.locator('#last').click();
    await page.keyboard.type('SSN 900-12-3456');
    await page.keyboard.press('Enter');
    const expected = assess('Pt seen today\n\nSSN 900-12-3456');
    await expect
      .poll(() => readSessionStorage(b.worker, 'lastScan'), { timeout: 10_000 })
      .toMatchObject({ action: expected.action, count: expected.findings.length, site: 'claude.ai' });
    await page.close();
  });

  it('ignores Shift+Enter and script-made Enter events', async () => {
    const page = await b.context.newPage();
    await page.goto('https://chatgpt.com/');
    await page.locator('#prompt').click();
    await page.keyboard.type(PROMPT);
    await page.keyboard.press('Shift+Enter');
    await page.evaluate(() => {
      const ta = document.querySelector('textarea');
      ta?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    // A trusted Enter afterwards proves the script was listening, so the nulls above are not a timing accident.
    await page.waitForTimeout(300);
    expect(await readSessionStorage(b.worker, 'lastScan')).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => readSessionStorage(b.worker, 'lastScan'), { timeout: 10_000 }).not.toBeNull();
    await page.close();
  });

  it.each(chatbotUrls)('runs on %s', async (url) => {
    const page = await b.context.newPage();
    await page.goto(url);
    expect(await extensionWorlds(page, b.extensionId)).toEqual(['PHI Guard']);
    await page.close();
  });

  it.each(['https://example.org/', 'https://huggingface.co/models'])('does not run on %s', async (url) => {
    const page = await b.context.newPage();
    await page.goto(url);
    expect(await extensionWorlds(page, b.extensionId)).toEqual([]);
    await page.locator('#prompt').click();
    await page.keyboard.type(PROMPT);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await readSessionStorage(b.worker, 'lastScan')).toBeNull();
    await page.close();
  });
});
