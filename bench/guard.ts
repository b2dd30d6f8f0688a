/**
 * `npm run bench:guard`: what the guard costs in the browser. Loads the built extension into Debian's
 * Chromium with the site replicas served at their real origins, and measures, inside the page, the time from
 * the Enter key's event timestamp to the site's own send handler running: for clean prompts with and without
 * the extension (the difference is the added latency; target p95 < 50 ms), and for PHI prompts the time from
 * Enter to the dialog being in the page. Prints a markdown table and writes bench/GUARD-RESULTS.md.
 * It also measures what restoring placeholders costs while an answer streams (issue 6).
 * Options: --sends N (clean sends per site and configuration, default 200), --sites a,b,c, --answers N,
 * --no-restore.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { assess } from '../policies/assess';
import { clickDialog } from '../test/e2e/dialog-driver';
import { CHROMIUM_PATH, checkBrowser, launchWithExtension } from '../test/e2e/harness';
import { serveReplica } from '../test/e2e/replicas/build';
import { COMPOSER } from '../test/e2e/replicas/composers';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SENDS = Number(opt('sends') ?? 200);
const PHI_SENDS = Math.max(10, Math.round(SENDS / 4));
const SITES = (opt('sites') ?? 'chatgpt,claude,gemini,perplexity,copilot,huggingchat').split(',');
const EDITOR: Record<string, string> = {
  chatgpt: 'ProseMirror',
  claude: 'TipTap',
  grok: 'TipTap',
  mistral: 'ProseMirror',
  gemini: 'Quill',
  perplexity: 'Lexical',
  'm365-copilot': 'Lexical',
  'meta-ai': 'Lexical',
  copilot: 'React textarea',
  deepseek: 'React textarea',
  poe: 'React textarea',
  you: 'React textarea',
  'character-ai': 'React textarea',
  huggingchat: 'Svelte-style textarea',
  notebooklm: 'Angular-style textarea',
};

/** Clean prompts of everyday length, varied so no check is answered from the guard's one-entry cache. */
const TOPICS = ['autumn leaves', 'a quiet harbour', 'winter birds', 'the night train', 'a mountain lake', 'city rain'];
const ASKS = [
  'Write a short poem about',
  'Suggest three names for a bakery inspired by',
  'Explain to a child what makes',
  'Give me a packing list for a weekend trip to see',
];
function cleanPrompt(i: number): string {
  const base = `${ASKS[i % ASKS.length]} ${TOPICS[Math.floor(i / ASKS.length) % TOPICS.length]}`;
  return `${base}, in a friendly tone, variation ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'klmnopqrst'[Math.floor(i / 26) % 10]}.`;
}
const PHI_PROMPT = (i: number) =>
  `Pt seen today, SSN 900-12-${String(3400 + i).padStart(4, '0')}, follow-up in 2 weeks`;

type W = {
  __sent: { text: string; at: number }[];
  __reset(): void;
  __ready: boolean;
  __kd?: number;
  __dlg?: number;
  __quiet?: boolean;
  __chunkMs: number[];
  __answers: string[];
  __streaming: boolean;
};

/** Restore cost: answers streamed per configuration and site, and the sites (one per rendering style). */
const ANSWERS = Number(opt('answers') ?? 6);
const RESTORE_SITES: Record<string, string> = { chatgpt: 'React', gemini: 'span per chunk', deepseek: 'innerHTML' };
const RESTORE_PROMPT = 'Patient John Smith, born 03/04/1961, has type 2 diabetes and hypertension. Summarize his plan.';
/** The same prompt as the site receives it after Redact & send: typed by hand, nothing to restore. */
const PLACEHOLDER_PROMPT = 'Patient [NAME-1], born [DATE-1], has type 2 diabetes and hypertension. Summarize his plan.';

async function openPage(context: BrowserContext, id: string, answering = false): Promise<Page> {
  const url = await serveReplica(context, id);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as W).__ready === true, null, { timeout: 20_000 });
  // The latency runs send hundreds of prompts: the replica's bot stays quiet there.
  await page.evaluate((quiet) => {
    (window as unknown as W).__quiet = quiet;
  }, !answering);
  // Main-world probes: the Enter's own timestamp (set by the browser before any handler runs) and the time
  // the dialog host is inserted.
  await page.evaluate(() => {
    const w = window as unknown as W;
    addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter' && e.isTrusted) w.__kd = e.timeStamp;
      },
      true,
    );
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if ((n as Element).localName === 'phi-guard-dialog') w.__dlg = performance.now();
      }
    }).observe(document.documentElement, { childList: true });
  });
  return page;
}

async function cleanSends(page: Page, composer: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => (window as unknown as W).__reset());
    await page.click(composer);
    await page.keyboard.insertText(cleanPrompt(i));
    await page.keyboard.press('Enter');
    const ms = await page.waitForFunction(
      () => {
        const w = window as unknown as W;
        const s = w.__sent.at(-1);
        return s && w.__kd !== undefined ? s.at - w.__kd : false;
      },
      null,
      { timeout: 10_000, polling: 5 },
    );
    out.push((await ms.jsonValue()) as number);
  }
  return out;
}

async function phiHolds(page: Page, composer: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => {
      const w = window as unknown as W;
      w.__reset();
      w.__dlg = undefined;
    });
    await page.click(composer);
    await page.keyboard.insertText(PHI_PROMPT(i));
    // The guard stops a held Enter before any page listener sees it, so the key's own timestamp is not
    // observable here: take the page clock just before sending the key (an upper bound: it adds one
    // DevTools round trip).
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Enter');
    const ms = await page.waitForFunction(
      (start) => {
        const w = window as unknown as W;
        return w.__dlg !== undefined ? w.__dlg - start : false;
      },
      t0,
      { timeout: 10_000, polling: 5 },
    );
    out.push((await ms.jsonValue()) as number);
    if ((await page.evaluate(() => (window as unknown as W).__sent.length)) !== 0)
      throw new Error('PHI reached the site');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('phi-guard-dialog'));
  }
  return out;
}

/**
 * Streams `ANSWERS` answers and returns the main-thread time of every chunk (render + microtasks). `redact`:
 * the prompt has PHI and goes through the dialog's Redact & send, so the answer is restored as it streams.
 */
async function streamedChunks(page: Page, id: string, prompt: string, redact: boolean): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const before = await page.evaluate(() => {
      const w = window as unknown as W;
      w.__chunkMs = [];
      return w.__answers.length;
    });
    await page.click(COMPOSER[id]);
    await page.keyboard.insertText(prompt);
    await page.keyboard.press('Enter');
    if (redact) await clickDialog(page, 'Redact & send');
    await page.waitForFunction(
      (n) => {
        const w = window as unknown as W;
        return w.__answers.length > n && !w.__streaming;
      },
      before,
      { timeout: 20_000 },
    );
    out.push(...(await page.evaluate(() => (window as unknown as W).__chunkMs)));
  }
  return out;
}

async function restoreCost(
  withExt: BrowserContext,
  without: BrowserContext,
): Promise<{ rows: string[]; worstAdded95: number; restoredOk: boolean }> {
  const rows: string[] = [];
  let worstAdded95 = Number.NEGATIVE_INFINITY;
  let restoredOk = true;
  for (const [id, style] of Object.entries(RESTORE_SITES)) {
    const plain = await openPage(without, id, true);
    const idle = await openPage(withExt, id, true);
    const restoring = await openPage(withExt, id, true);
    // Warm-up answer each, then the measured ones.
    await streamedChunks(plain, id, PLACEHOLDER_PROMPT, false);
    const base = await streamedChunks(plain, id, PLACEHOLDER_PROMPT, false);
    const quiet = await streamedChunks(idle, id, PLACEHOLDER_PROMPT, false);
    const restored = await streamedChunks(restoring, id, RESTORE_PROMPT, true);
    // The bench measures the real thing: the restored page must show the values.
    const shown = await restoring.evaluate(() => (document.querySelector('#thread') as HTMLElement).textContent ?? '');
    if (!shown.includes('John Smith') || shown.includes('[NAME-1]')) restoredOk = false;
    const added95 = quantile(restored, 0.95) - quantile(base, 0.95);
    worstAdded95 = Math.max(worstAdded95, added95);
    rows.push(
      `| ${id} | ${style} | ${restored.length} | ${f(quantile(base, 0.5))} / ${f(quantile(base, 0.95))} | ${f(quantile(quiet, 0.5))} / ${f(quantile(quiet, 0.95))} | ${f(quantile(restored, 0.5))} / ${f(quantile(restored, 0.95))} | **${f(quantile(restored, 0.5) - quantile(base, 0.5))} / ${f(added95)}** |`,
    );
    process.stderr.write(`${id}: restore cost done\n`);
    for (const p of [plain, idle, restoring]) await p.close();
  }
  return { rows, worstAdded95, restoredOk };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const f = (x: number) => x.toFixed(1);

async function plainBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'phi-guard-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-extensions'],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  if (!checkBrowser().available) process.exit(1);
  for (let i = 0; i < SENDS; i++) {
    if (assess(cleanPrompt(i)).action !== 'allow') throw new Error(`bench prompt ${i} is not clean: pick another`);
  }
  if (assess(PHI_PROMPT(0)).action === 'allow') throw new Error('the PHI prompt is not held by the default policy');
  // What a cold check (no idle-time badge check before Enter) adds: the detection time for the same prompts.
  const cold: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const t = performance.now();
    assess(`${cleanPrompt(i)} `);
    cold.push(performance.now() - t);
  }

  const withExt = await launchWithExtension();
  const without = await plainBrowser();
  const rows: string[] = [];
  const all = { added50: [] as number[], added95: [] as number[] };
  let restore: Awaited<ReturnType<typeof restoreCost>> | undefined;
  try {
    if (!args.includes('--no-restore')) restore = await restoreCost(withExt.context, without.context);
    for (const id of SITES) {
      const composer = COMPOSER[id];
      const pWith = await openPage(withExt.context, id);
      const pWithout = await openPage(without.context, id);
      // Warm both (first sends build lexicons and JIT the editors), then measure.
      await cleanSends(pWith, composer, 5);
      await cleanSends(pWithout, composer, 5);
      const base = await cleanSends(pWithout, composer, SENDS);
      const guarded = await cleanSends(pWith, composer, SENDS);
      const dialog = await phiHolds(pWith, composer, PHI_SENDS);
      const [b50, b95, g50, g95] = [
        quantile(base, 0.5),
        quantile(base, 0.95),
        quantile(guarded, 0.5),
        quantile(guarded, 0.95),
      ];
      all.added50.push(g50 - b50);
      all.added95.push(g95 - b95);
      rows.push(
        `| ${id} | ${EDITOR[id] ?? ''} | ${SENDS} | ${f(b50)} / ${f(b95)} | ${f(g50)} / ${f(g95)} | **${f(g50 - b50)} / ${f(g95 - b95)}** | ${PHI_SENDS} | ${f(quantile(dialog, 0.5))} / ${f(quantile(dialog, 0.95))} |`,
      );
      process.stderr.write(`${id}: done\n`);
      await pWith.close();
      await pWithout.close();
    }
  } finally {
    await withExt.close();
    await without.close();
  }

  const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();
  const table = [
    '| site | editor | clean sends | without extension p50 / p95 (ms) | with PHI Guard p50 / p95 (ms) | added p50 / p95 (ms) | PHI holds | Enter → dialog p50 / p95 (ms) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  const worst95 = Math.max(...all.added95);
  const report = `# Guard latency (bench/guard.ts)

Enter (the key event's own timestamp) to the replica's send handler running, measured in the page, for clean
prompts with and without the extension; and Enter to the hold dialog for a prompt with an SSN (from the page
clock read just before the key is sent, so it includes one DevTools round trip). Every clean prompt differs;
the guard checks it on Enter unless its idle-time badge check already did. Target: added p95 < 50 ms.

${table}

Worst added p95: **${f(worst95)} ms** (${worst95 < 50 ? 'meets' : 'misses'} the 50 ms target). When the page had
an idle moment between typing and Enter, the Enter check is answered from the badge's idle check; a cold check
adds the detection time, measured for the same prompts under Node (same V8): p50 ${f(quantile(cold, 0.5))} ms,
p95 ${f(quantile(cold, 0.95))} ms.

${
  restore
    ? `## Restoring answers (issue 6)

Main-thread time per streamed chunk of the replica's answer (3 characters per chunk, as token streams split
placeholders): the site's render plus every microtask it triggers, the restorer's mutation observer included,
up to the next task. ${ANSWERS} answers per configuration; the answer repeats the prompt in a paragraph, a list,
a table, a quote and a code block. "Not restoring": PHI Guard loaded, the conversation has no replacements
(the observer is not attached). "Restoring": the prompt went through Redact & send and the placeholders in
the answer are put back as it streams.${restore.restoredOk ? '' : ' **The restored page did not show the values: the figures are not valid.**'}

| site | rendering | chunks | without extension p50 / p95 (ms) | not restoring p50 / p95 (ms) | restoring p50 / p95 (ms) | added by restoring p50 / p95 (ms) |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${restore.rows.join('\n')}

Worst added p95 per chunk: **${f(restore.worstAdded95)} ms**.

`
    : ''
}Machine: ${cpus().length} cores, ${chromiumVersion}, headless. Run: \`npm run bench:guard\` (${new Date().toISOString().slice(0, 10)}).
`;
  process.stdout.write(`${report}\n`);
  if (!args.includes('--no-write')) await writeFile(resolve(import.meta.dirname, 'GUARD-RESULTS.md'), report);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
