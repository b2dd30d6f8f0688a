import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickDialog, clickNode, readChips, readDialog, waitForDialog } from './dialog-driver';
import { checkBrowser, type ExtensionBrowser, launchWithExtension } from './harness';
import { openReplica, WARN, WARN_VALUES } from './matrix';
import { checkPolicyWrite, removeManagedPolicy, waitForManaged, writeManagedPolicy } from './policy';
import { COMPOSER } from './replicas/composers';

const browserCheck = checkBrowser();
const policyCheck = checkPolicyWrite();

type W = {
  __sent: { text: string }[];
  __answers: string[];
  __streaming: boolean;
  __reset(): void;
  __newChat(): void;
};

/** Every value of the second prompt is new, except the patient, who must keep [NAME-1]. */
const FOLLOW_UP = 'Follow-up for John Smith: MRN 00012345, any statin interactions with his CHF meds?';
const ALL_VALUES = [...WARN_VALUES, '00012345'];

/** Types `text`, presses Enter, picks Redact & send (unless the policy redacts by itself); returns what the site received. */
async function redactAndSend(page: Page, id: string, text: string, auto = false): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as W).__sent.length);
  await page.click(COMPOSER[id]);
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  if (!auto) {
    await waitForDialog(page);
    await clickDialog(page, 'Redact & send');
  }
  await page.waitForFunction((n) => (window as unknown as W).__sent.length > n, before, { timeout: 5000 });
  return page.evaluate(() => {
    const w = window as unknown as W;
    return w.__sent[w.__sent.length - 1].text;
  });
}

/** Waits until the latest answer has streamed completely. */
async function answered(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const w = window as unknown as W;
      return w.__answers.length >= n && !w.__streaming;
    },
    count,
    { timeout: 15_000 },
  );
}

/** Clicks the chip at `index` and waits for its panel; returns the panel as read then. */
async function openChip(page: Page, index: number) {
  await clickNode(page, (await readChips(page)).chips[index].nodeId);
  await expect.poll(async () => (await readChips(page)).panel, POLL).not.toBe('');
  return readChips(page);
}

/** The thread as the clinician sees it (rendered text of the messages). */
const threadText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: what the clinician sees, line breaks included.
  page.evaluate(() => (document.querySelector('#thread') as HTMLElement).innerText);

/** The answers as the site holds them (its state, what went over the wire). */
const siteAnswers = (page: Page) => page.evaluate(() => (window as unknown as W).__answers);

async function storageDump(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> }> };
    };
    const out: Record<string, unknown> = {};
    for (const area of ['local', 'sync', 'session']) out[area] = await chrome.storage[area].get(null);
    return JSON.stringify(out);
  });
}

const SITES = Object.keys(COMPOSER);
/** Generous: a loaded CI machine streams and repaints slowly. */
const POLL = { timeout: 5000 };

// If this suite fails, a redacted conversation shows placeholders instead of the patient's values, shows the
// wrong values, lets the values reach the site or extension storage, or breaks the site's rendering.
describe.skipIf(!browserCheck.available)('restored answers (typed placeholders)', () => {
  let b: ExtensionBrowser;
  /** Every request of the browser: URL, and body for anything but the replica's own page loads. */
  const requests: string[] = [];

  beforeAll(async () => {
    b = await launchWithExtension();
    b.context.on('request', (r) => requests.push(`${r.method()} ${r.url()}\n${r.postData() ?? ''}`));
  });
  afterAll(async () => {
    await b?.close();
  });

  it.each(SITES)('%s: the site gets placeholders, the clinician sees the values in the streamed answer', async (id) => {
    const page = await openReplica(b, id);
    const out = await redactAndSend(page, id, WARN);
    for (const v of WARN_VALUES) expect(out).not.toContain(v);
    expect(out).toContain('[NAME-1]');
    expect(out).toContain('[DATE-1]');
    await answered(page, 1);
    const shown = await threadText(page);
    for (const v of WARN_VALUES) expect(shown).toContain(v);
    expect(shown).not.toMatch(/\[(NAME|DATE)-1\]/);
    // The site's own state keeps what it received: only the screen changed.
    const [md] = await siteAnswers(page);
    expect(md).toContain('[NAME-1]');
    for (const v of WARN_VALUES) expect(md).not.toContain(v);
    // The prompt box was not touched by the restorer.
    expect(await page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', COMPOSER[id])).not.toContain(
      'John Smith',
    );
    const chips = await readChips(page);
    expect(chips.chips.map((c) => c.label)).toContain('2 restored on this device');
    await page.close();
  });

  describe('one conversation (ChatGPT replica)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openReplica(b, 'chatgpt');
      await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://chatgpt.com' });
    });

    it('keeps one placeholder per value for the whole conversation, across messages', async () => {
      const first = await redactAndSend(page, 'chatgpt', WARN);
      expect(first).toContain('[NAME-1]');
      // The site moved the new chat to its own address; the placeholders go with it.
      await page.waitForURL(/\/c\//);
      await answered(page, 1);
      const second = await redactAndSend(page, 'chatgpt', FOLLOW_UP);
      expect(second).toContain('[NAME-1]');
      expect(second).toContain('[MRN-1]');
      expect(second).not.toContain('John Smith');
      await answered(page, 2);
      const shown = await threadText(page);
      expect(shown).toContain('Follow-up for John Smith: MRN 00012345');
      expect(shown).not.toMatch(/\[(NAME|DATE|MRN)-1\]/);
    });

    it('lists, per message, what each placeholder stands for; the clinician can switch back to placeholders', async () => {
      const view = await readChips(page);
      // Two user messages and two answers: each has its chip.
      expect(view.chips).toHaveLength(4);
      // The follow-up's chip lists its two values. (Node ids last until the next read: read before each click.)
      let open = view;
      for (let i = 0; i < view.chips.length; i++) {
        open = await openChip(page, i);
        if (open.panel.includes('[MRN-1]')) break;
      }
      expect(open.panel).toContain('[NAME-1] → John Smith');
      expect(open.panel).toContain('[MRN-1] → 00012345');
      expect(open.panel).not.toContain('[DATE-1]');
      const hide = open.buttons.find((x) => x.label === 'Show placeholders');
      expect(hide).toBeDefined();
      await clickNode(page, hide?.nodeId as number);
      await expect.poll(() => threadText(page), POLL).toContain('[NAME-1]');
      expect(await threadText(page)).not.toContain('John Smith');
      // With restoring off, each answer shows exactly what a fresh render of the site's markdown shows: the
      // restorer's in-place edits left React's rendering intact (no lost, doubled or stale text).
      const check = await page.evaluate(() => {
        const w = window as unknown as W & { __renderedText(md: string): string };
        const bodies = [...document.querySelectorAll('[data-message-author-role="assistant"] .markdown')];
        return bodies.map((b, i) => ({ shown: b.textContent, fresh: w.__renderedText(w.__answers[i]) }));
      });
      expect(check).toHaveLength(2);
      for (const c of check) expect(c.shown).toBe(c.fresh);
      expect((await readChips(page)).chips[0].label).toMatch(/placeholders? shown/);
      const back = (await openChip(page, 0)).buttons.find((x) => x.label === 'Restore values');
      await clickNode(page, back?.nodeId as number);
      await expect.poll(() => threadText(page), POLL).toContain('John Smith');
      expect(await threadText(page)).not.toContain('[NAME-1]');
    });

    it("copies the restored text: with the site's copy button and with a selection", async () => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.locator('[data-testid="copy-turn-action-button"]').last().click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).toContain('John Smith');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('00012345');
      expect(copied).not.toContain('[NAME-1]');
      // Select the last answer's first paragraph and copy it with the keyboard.
      await page.evaluate(() => {
        const answers = document.querySelectorAll('[data-message-author-role="assistant"]');
        const p = answers[answers.length - 1].querySelector('p') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
      await page.keyboard.press('Control+C');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).toContain('John Smith');
      expect(await page.evaluate(() => navigator.clipboard.readText())).not.toMatch(/\[(NAME|MRN)-1\]/);
    });

    it('keeps the mapping out of extension storage and out of every request', async () => {
      const dump = await storageDump(b.worker);
      for (const v of ALL_VALUES) expect(dump).not.toContain(v);
      const sentOut = requests.join('\n');
      for (const v of ALL_VALUES) expect(sentOut).not.toContain(v);
      expect(requests.length).toBeGreaterThan(0);
    });

    it('a reload starts empty: the thread comes back as the site holds it, with placeholders', async () => {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __ready: boolean }).__ready === true);
      const shown = await threadText(page);
      expect(shown).toContain('[NAME-1]');
      expect(shown).not.toContain('John Smith');
      expect((await readChips(page)).chips).toHaveLength(0);
    });

    it('a new conversation starts empty and numbers its own values', async () => {
      await redactAndSend(page, 'chatgpt', FOLLOW_UP);
      await answered(page, 3);
      await page.evaluate(() => (window as unknown as W).__newChat());
      const out = await redactAndSend(page, 'chatgpt', 'Pt Jane Roe, MRN 00067890, asks about CHF diet.');
      // Numbering starts again: nothing of the previous conversation is reused or shown.
      expect(out).toContain('[NAME-1]');
      expect(out).toContain('[MRN-1]');
      await answered(page, 1);
      const shown = await threadText(page);
      expect(shown).toContain('Jane Roe');
      expect(shown).not.toContain('John Smith');
      expect(shown).not.toContain('00012345');
    });
  });
});

// If this fails, the surrogate style sends a real value, or the answer shows the stand-ins instead of the values.
describe.skipIf(!browserCheck.available || !policyCheck.available)('restored answers (surrogates; mode redact)', () => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    // Surrogates everywhere; DeepSeek in mode redact (no dialog: the policy redacts by itself).
    writeManagedPolicy({ placeholderStyle: 'surrogate', sites: { 'chat.deepseek.com': { mode: 'redact' } } });
    b = await launchWithExtension();
    // Chromium reads policy files a few seconds after start; pages opened later get the policy at load.
    await waitForManaged(b.worker, (m) => m.placeholderStyle === 'surrogate');
  });
  afterAll(async () => {
    await b?.close();
    removeManagedPolicy();
  });

  it.each(['chatgpt', 'gemini', 'deepseek'])(
    '%s: realistic stand-ins go out, the values come back (DeepSeek: redacted by policy, no dialog)',
    async (id) => {
      const page = await openReplica(b, id);
      const auto = id === 'deepseek';
      const out = await redactAndSend(page, id, WARN, auto);
      if (auto) {
        expect((await readDialog(page)).open).toBe(false);
        expect(await page.evaluate(() => document.querySelector('phi-guard-toast') !== null)).toBe(true);
      }
      for (const v of WARN_VALUES) expect(out).not.toContain(v);
      expect(out).not.toMatch(/\[(NAME|DATE)-\d\]/);
      // The date keeps its format, shifted.
      expect(out).toMatch(/born \d\d\/\d\d\/\d{4}/);
      await answered(page, 1);
      const shown = await threadText(page);
      for (const v of WARN_VALUES) expect(shown).toContain(v);
      await page.close();
    },
  );
});
