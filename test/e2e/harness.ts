/**
 * End-to-end harness: the built extension (.output/chrome-mv3) in Debian's Chromium, driven by
 * playwright-core with no browser download. Pages are served at the real chatbot origins by routing
 * requests, so the shipped match patterns decide where the content script runs, exactly as in use.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface BrowserCheck {
  available: boolean;
  reason: string;
}

/**
 * Whether the e2e tests can run here. Locally a missing Chromium skips them with the reason printed; in CI
 * (CI=true) it throws, because a CI run that silently skips the browser tests proves nothing.
 */
export function checkBrowser(): BrowserCheck {
  if (existsSync(CHROMIUM_PATH)) return { available: true, reason: '' };
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`e2e: ${reason}; CI must run the browser tests`);
  console.warn(`[e2e] skipping browser tests: ${reason}`);
  return { available: false, reason };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (background). */
  worker: Worker;
  /** The id Chromium gave the loaded extension. */
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile and the built extension loaded, and waits for its service worker. */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run \`npm run build\` first`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'phi-guard-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    await blockRealNetwork(context);
    const worker = await extensionWorker(context);
    const ctx = context;
    return {
      context: ctx,
      worker,
      extensionId: new URL(worker.url()).host,
      async close() {
        await ctx.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
}

/** The extension's service worker, whether it started before or after we looked. */
export async function extensionWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isOurs, timeout });
}

/**
 * Tests never reach the internet: every http(s) request not answered by a later `serveHtml` route is
 * aborted (Playwright runs the most recently registered matching route first).
 */
async function blockRealNetwork(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
}

/**
 * Answers requests for `url` (a glob such as 'https://chatgpt.com/**' or an exact URL) with `html`, so a
 * test page lives at the real origin and the manifest's match patterns apply to it as shipped.
 */
export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/**
 * Names of the extension isolated worlds in the page's main frame, read through the DevTools protocol:
 * a content script of ours is running there exactly when a world with our extension's origin exists.
 */
export async function extensionWorlds(page: Page, extensionId: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extensionId}`) worlds.push(context.name);
  });
  // Enabling the Runtime domain replays a creation event for every context that already exists.
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return worlds;
}

/** Reads a key of the extension's chrome.storage.session from inside its service worker. */
export async function readSessionStorage(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(async (k) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.session.get(k))[k] ?? null;
  }, key);
}

/** Clears the extension's chrome.storage.session. */
export async function clearSessionStorage(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } };
    await chrome.storage.session.clear();
  });
}

/** A bare page with one textarea, standing in for a chatbot composer. */
export function textareaPage(title: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><textarea id="prompt" aria-label="Prompt"></textarea></body></html>`;
}
