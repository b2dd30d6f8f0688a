/**
 * Enterprise policy for the e2e tests: writes a Chromium managed-policy file with PHI Guard's 3rdparty
 * extension policy (what IT deploys to /etc/chromium/policies/managed), and makes the running browser re-read
 * it. Writing there needs root, as CI runs; elsewhere the policy tests skip with the reason printed, and
 * fail when CI=true.
 *
 * How fast Chromium notices a changed file: it watches the directory and reloads about 5 s after the last
 * change (its settle delay: files younger than 5 s are not read yet, even at startup), and otherwise every
 * 15 minutes. The tests date the file a minute back and press "Reload policies" on chrome://policy, which
 * takes under a second; docs/admin-guide.md tells admins the same.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../lib/extension-id';

export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
export const POLICY_FILE = join(POLICY_DIR, 'phi-guard-test.json');

export interface PolicyCheck {
  available: boolean;
  reason: string;
}

/** Whether this process may write Chromium's managed policy directory (root). */
export function checkPolicyWrite(): PolicyCheck {
  if (process.getuid?.() === 0) return { available: true, reason: '' };
  const reason = `writing ${POLICY_DIR} needs root (CI runs as root); the managed-policy browser tests are skipped`;
  if (process.env.CI === 'true') throw new Error(`e2e: ${reason}, but CI must run them`);
  console.warn(`[e2e] ${reason}`);
  return { available: false, reason };
}

/** Writes PHI Guard's managed policy, as an admin's JSON file under 3rdparty.extensions.<id>. */
export function writeManagedPolicy(policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
  // Chromium waits until policy files are 5 s old before reading them; a real deployment's are older.
  const past = new Date(Date.now() - 60_000);
  utimesSync(POLICY_FILE, past, past);
}

export function removeManagedPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

/** The extension's managed storage, read inside its service worker. */
export function readManaged(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } };
    };
    return chrome.storage.managed.get();
  });
}

/** A key of the extension's storage.local, read inside its service worker. */
export function readLocal(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(async (k) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get(k))[k] ?? null;
  }, key);
}

/** Presses "Reload policies" on chrome://policy, as an admin would after changing a policy file. */
export async function reloadPolicies(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.click('#reload-policies');
  } finally {
    await page.close();
  }
}

/** Waits until the extension's managed storage satisfies `ok` (the browser has delivered a change). */
export async function waitForManaged(
  worker: Worker,
  ok: (managed: Record<string, unknown>) => boolean,
  timeout = 40_000, // Chromium reads policy files ~5 s after start; allow for a loaded CI machine
): Promise<Record<string, unknown>> {
  const end = Date.now() + timeout;
  for (;;) {
    const m = await readManaged(worker);
    if (ok(m)) return m;
    if (Date.now() > end) throw new Error(`managed policy not delivered within ${timeout} ms: ${JSON.stringify(m)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
