/** Small helpers for typing into the ChatGPT replica in the policy tests. */
import type { Page } from 'playwright-core';
import { readDialog, waitForDialog } from './dialog-driver';

type W = { __reset(): void };

/** Empties the replica, types `text` into its composer and presses Enter. */
export async function enterPrompt(page: Page, text: string, composer = '#prompt-textarea'): Promise<void> {
  await page.evaluate(() => (window as unknown as W).__reset());
  await page.click(composer);
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

/** Closes PHI Guard's dialog with Escape (= Edit) if it is open. */
export async function closeDialogIfOpen(page: Page): Promise<void> {
  if ((await readDialog(page)).open) {
    await page.keyboard.press('Escape');
    await waitForDialog(page, false);
  }
}
