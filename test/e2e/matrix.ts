/**
 * The guard's end-to-end matrix, shared by the guard-*.test.ts files: for each site replica, every submit
 * path x (clean arrives unchanged and promptly; PHI never arrives raw; Redact & send arrives with
 * placeholders; Send anyway arrives unchanged; block mode offers no raw send). One browser per file, one page
 * per site, reset between tests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assess } from '../../policies/assess';
import { chooseJustification, clickDialog, dialogLabels, readDialog, waitForDialog } from './dialog-driver';
import { checkBrowser, type ExtensionBrowser, launchWithExtension } from './harness';
import { serveReplica } from './replicas/build';
import { COMPOSER } from './replicas/composers';

export const CLEAN = 'Write a haiku about autumn leaves falling on a quiet pond';
/** Strong identifier: the default policy blocks it. */
export const BLOCK = 'Pt seen today, SSN 900-12-3456, follow-up in 2 weeks';
export const BLOCK_VALUE = '900-12-3456';
/** Name and date in a clinical text: the default policy warns. */
export const WARN = 'Patient John Smith, born 03/04/1961, has type 2 diabetes and hypertension. Summarize his plan.';
export const WARN_VALUES = ['John Smith', '03/04/1961'];

export interface SiteCase {
  id: string;
  /** Selector of the site's send control while the prompt is non-empty. */
  send: string;
  /** The site sends on Ctrl/Cmd+Enter too. */
  modEnter?: boolean;
  /** The composer sits in a form whose submit event sends. */
  form?: boolean;
  /** Selector of the file input (after `openFiles` runs, for lazily created inputs). */
  fileInput: string;
  /** Clicks that create the file input (Gemini creates it when the upload menu opens). */
  openFiles?: string;
  /** Pastes this long become attachments. */
  pasteAttachment?: number;
}

type W = {
  __sent: { text: string; at: number }[];
  __files: string[];
  __attachments: string[];
  __reset(): void;
  __ready: boolean;
};

export const sent = (page: Page) => page.evaluate(() => (window as unknown as W).__sent.map((s) => s.text));
export const files = (page: Page) => page.evaluate(() => (window as unknown as W).__files);
export const attachments = (page: Page) => page.evaluate(() => (window as unknown as W).__attachments);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const waitSent = (page: Page, n = 1, timeout = 5000) =>
  waitFor(
    () => sent(page),
    (s) => s.length >= n,
    timeout,
  );

/** Makes sure nothing arrives for a while (the negative checks). */
async function settle(page: Page, ms = 300): Promise<void> {
  await page.waitForTimeout(ms);
}

export async function openReplica(b: ExtensionBrowser, id: string): Promise<Page> {
  const url = await serveReplica(b.context, id);
  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  try {
    await page.waitForFunction(() => (window as unknown as W).__ready === true, null, { timeout: 15_000 });
  } catch (err) {
    throw new Error(`replica ${id} did not start: ${errors.join('; ') || String(err)}`);
  }
  return page;
}

export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.keyboard.insertText(text);
}

/** Closes a leftover dialog (Escape = Edit) and empties the replica. */
async function reset(page: Page, composer: string): Promise<void> {
  if ((await readDialog(page)).open) {
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
  }
  await page.evaluate(() => (window as unknown as W).__reset());
  await page.click(composer);
}

/** Writes fixture files for the file paths; returns their paths. */
export async function fixtureFiles(): Promise<Record<'dir' | 'clean' | 'phi' | 'pdf', string>> {
  const dir = await mkdtemp(join(tmpdir(), 'phi-guard-files-'));
  const clean = join(dir, 'recipe.txt');
  const phi = join(dir, 'discharge.csv');
  const pdf = join(dir, 'scan.pdf');
  await writeFile(clean, 'Mix flour and water. Knead for ten minutes. Bake at 220 C.\n');
  await writeFile(phi, `name,ssn,diagnosis\nJohn Smith,${BLOCK_VALUE},diabetes\n`);
  await writeFile(pdf, '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  return { dir, clean, phi, pdf };
}

/** A real (trusted) drag and drop of files from disk onto `selector`, through the DevTools input domain. */
export async function dropFiles(page: Page, selector: string, paths: string[]): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const s = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await s.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await s.detach();
}

export function guardMatrix(title: string, cases: SiteCase[]): void {
  const browserCheck = checkBrowser();
  describe.skipIf(!browserCheck.available)(title, () => {
    let b: ExtensionBrowser;
    let paths: Awaited<ReturnType<typeof fixtureFiles>>;

    beforeAll(async () => {
      // If these fail, the detectors changed under the fixtures: pick prompts that still warn or block.
      expect(assess(CLEAN).action).toBe('allow');
      expect(assess(BLOCK).action).toBe('block');
      expect(assess(WARN).action).toBe('warn');
      b = await launchWithExtension();
      paths = await fixtureFiles();
    });
    afterAll(async () => {
      await b?.close();
      if (paths) await rm(paths.dir, { recursive: true, force: true });
    });

    for (const c of cases) {
      describe(c.id, () => {
        let page: Page;
        const composer = COMPOSER[c.id];
        beforeAll(async () => {
          page = await openReplica(b, c.id);
        });
        afterAll(async () => {
          await page?.close();
        });
        beforeEach(async () => {
          await reset(page, composer);
        });

        it('Enter: a clean prompt arrives unchanged and promptly, with no dialog', async () => {
          await page.keyboard.insertText(CLEAN);
          const t0 = Date.now();
          await page.keyboard.press('Enter');
          expect(await waitSent(page)).toEqual([CLEAN]);
          expect(Date.now() - t0).toBeLessThan(1500);
          expect((await readDialog(page)).open).toBe(false);
        });

        it('Enter: a blocked prompt is held, offers no raw send, and Edit/Escape keep it unsent', async () => {
          await page.keyboard.insertText(BLOCK);
          await page.keyboard.press('Enter');
          const view = await waitForDialog(page);
          expect(view.buttons.map((x) => x.label)).toEqual(['Edit', 'Redact & send']);
          expect(view.text).toContain('SSN');
          await page.keyboard.press('Escape');
          await waitForDialog(page, false);
          await page.keyboard.press('Enter');
          await clickDialog(page, 'Edit');
          await waitForDialog(page, false);
          await settle(page);
          expect(await sent(page)).toEqual([]);
        });

        it('Enter: Redact & send arrives with placeholders and without the values', async () => {
          await page.keyboard.insertText(BLOCK);
          await page.keyboard.press('Enter');
          await clickDialog(page, 'Redact & send');
          const out = await waitSent(page);
          expect(out).toHaveLength(1);
          expect(out[0]).toContain('[SSN-1]');
          expect(out[0]).not.toContain(BLOCK_VALUE);
          expect(norm(out[0])).toBe(norm(BLOCK.replace(BLOCK_VALUE, '[SSN-1]')));
        });

        it('Enter: Send anyway (warn, with a reason) arrives unchanged', async () => {
          await page.keyboard.insertText(WARN);
          await page.keyboard.press('Enter');
          const view = await waitForDialog(page);
          expect(view.buttons.find((x) => x.label === 'Send anyway')?.disabled).toBe(true);
          await chooseJustification(page);
          await clickDialog(page, 'Send anyway');
          expect(await waitSent(page)).toEqual([WARN]);
        });

        it('send control: clean arrives; PHI is held, then Send anyway replays the click', async () => {
          await page.keyboard.insertText(CLEAN);
          await page.click(c.send);
          expect(await waitSent(page)).toEqual([CLEAN]);
          await page.click(composer);
          await page.keyboard.insertText(WARN);
          await page.click(c.send);
          await waitForDialog(page);
          await settle(page, 100);
          expect(await sent(page)).toEqual([CLEAN]);
          await chooseJustification(page);
          await clickDialog(page, 'Send anyway');
          expect(await waitSent(page, 2)).toEqual([CLEAN, WARN]);
        });

        it('send control: Redact & send arrives with placeholders', async () => {
          await page.keyboard.insertText(WARN);
          await page.click(c.send);
          await clickDialog(page, 'Redact & send');
          const [out] = await waitSent(page);
          for (const v of WARN_VALUES) expect(out).not.toContain(v);
          expect(out).toMatch(/\[NAME-1\]/);
        });

        if (c.modEnter) {
          it('Ctrl+Enter: clean arrives; PHI is held', async () => {
            await page.keyboard.insertText(CLEAN);
            await page.keyboard.press('Control+Enter');
            expect(await waitSent(page)).toEqual([CLEAN]);
            await page.keyboard.insertText(BLOCK);
            await page.keyboard.press('Control+Enter');
            expect(await dialogLabels(page)).toEqual(['Edit', 'Redact & send']);
            await settle(page, 100);
            expect(await sent(page)).toEqual([CLEAN]);
          });
        }

        if (c.form) {
          it('form submit (the site submitting its form itself): PHI is held; Send anyway replays requestSubmit', async () => {
            await page.keyboard.insertText(WARN);
            await page.evaluate(() => document.querySelector('form')?.requestSubmit());
            await waitForDialog(page);
            await settle(page, 100);
            expect(await sent(page)).toEqual([]);
            await chooseJustification(page);
            await clickDialog(page, 'Send anyway');
            expect(await waitSent(page)).toEqual([WARN]);
          });
        }

        it('paste then Enter: pasted PHI is held on Enter', async () => {
          await page.evaluate((t) => navigator.clipboard.writeText(t), BLOCK);
          await page.keyboard.press('Control+V');
          await page.keyboard.press('Enter');
          expect(await dialogLabels(page)).toEqual(['Edit', 'Redact & send']);
          await clickDialog(page, 'Redact & send');
          const [out] = await waitSent(page);
          expect(out).not.toContain(BLOCK_VALUE);
        });

        it('Shift+Enter lines then Enter: clean lines arrive with their break; PHI across lines is held', async () => {
          await page.keyboard.insertText('First line of a clean note');
          await page.keyboard.press('Shift+Enter');
          await page.keyboard.insertText('second line');
          await page.keyboard.press('Enter');
          const [out] = await waitSent(page);
          expect(out).toMatch(/First line of a clean note\n+second line/);
          await page.keyboard.insertText('Follow-up for the patient');
          await page.keyboard.press('Shift+Enter');
          await page.keyboard.insertText(`SSN ${BLOCK_VALUE}`);
          await page.keyboard.press('Enter');
          await clickDialog(page, 'Redact & send');
          const all = await waitSent(page, 2);
          expect(all[1]).toContain('[SSN-1]');
          expect(all[1]).not.toContain(BLOCK_VALUE);
        });

        it('file input: a clean file reaches the site; a PHI file is held and Cancel keeps it out; a PDF can be uploaded anyway', async () => {
          if (c.openFiles) await page.click(c.openFiles);
          const input = page.locator(c.fileInput);
          await input.setInputFiles(paths.clean);
          expect(
            await waitFor(
              () => files(page),
              (f) => f.length > 0,
            ),
          ).toEqual(['recipe.txt']);
          await input.setInputFiles(paths.phi);
          const view = await waitForDialog(page);
          expect(view.buttons.map((x) => x.label)).toEqual(['Cancel upload']);
          expect(view.text).toContain('SSN');
          await clickDialog(page, 'Cancel upload');
          await settle(page);
          expect(await files(page)).toEqual(['recipe.txt']);
          await input.setInputFiles(paths.pdf);
          await waitForDialog(page);
          await chooseJustification(page);
          await clickDialog(page, 'Upload anyway');
          expect(
            await waitFor(
              () => files(page),
              (f) => f.length > 1,
            ),
          ).toEqual(['recipe.txt', 'scan.pdf']);
        });

        it('drop: a clean file is handed to the site; a PHI file is held', async () => {
          await dropFiles(page, composer, [paths.clean]);
          expect(
            await waitFor(
              () => files(page),
              (f) => f.length > 0,
            ),
          ).toEqual(['recipe.txt']);
          await dropFiles(page, composer, [paths.phi]);
          expect(await dialogLabels(page)).toEqual(['Cancel upload']);
          await clickDialog(page, 'Cancel upload');
          await settle(page);
          expect(await files(page)).toEqual(['recipe.txt']);
        });

        if (c.pasteAttachment) {
          it('a long paste that the site turns into an attachment is checked as it arrives', async () => {
            const filler = ' The ward round notes continue with routine observations.'.repeat(90);
            const clean = `Summary:${filler}`;
            await page.evaluate((t) => navigator.clipboard.writeText(t), clean);
            await page.keyboard.press('Control+V');
            expect(
              await waitFor(
                () => attachments(page),
                (a) => a.length > 0,
              ),
            ).toHaveLength(1);
            const phi = `Patient SSN ${BLOCK_VALUE}.${filler}`;
            await page.evaluate((t) => navigator.clipboard.writeText(t), phi);
            await page.keyboard.press('Control+V');
            await clickDialog(page, 'Redact & send');
            const got = await waitFor(
              () => attachments(page),
              (a) => a.length > 1,
            );
            expect(got).toHaveLength(2);
            expect(got[1]).toContain('[SSN-1]');
            expect(got[1]).not.toContain(BLOCK_VALUE);
          });
        }
      });
    }
  });
}
