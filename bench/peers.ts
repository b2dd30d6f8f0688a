/**
 * Adapters that put our scanner and the npm peers behind one shape for the benchmark. Each peer is
 * configured the way its README presents it, with no network service (redact-pii's Google DLP mode
 * needs a cloud account, so its built-in offline rules are what is measured).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../detectors/types';
import { assess } from '../policies/assess';
import type { Action } from '../policies/decide';
import { bundleAssess } from './bundle';

export interface Peer {
  name: string;
  version: string;
  /** How the peer is configured, for the report. */
  setup: string;
  /**
   * Returns the redacted text; sync peers return a string, async ones a promise. The benchmark scores
   * a throw on one text as unchanged output and counts it, so one bad text never stops a run.
   */
  redact(text: string): string | Promise<string>;
}

const require = createRequire(import.meta.url);

/** Installed version of a package, read from its own package.json (some export maps hide that file). */
export function installedVersion(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (meta.name === pkg && meta.version) return meta.version;
    } catch {
      // no package.json at this level: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

export async function redactPiiPeer(): Promise<Peer> {
  const { SyncRedactor } = await import('redact-pii');
  const redactor = new SyncRedactor();
  return {
    name: 'redact-pii',
    version: installedVersion('redact-pii'),
    setup: '`new SyncRedactor()`, all built-in rules, no Google DLP',
    redact: (text) => redactor.redact(text),
  };
}

export async function anonymizeNlpPeer(): Promise<Peer> {
  const { AnonymizeNlp } = await import('anonymize-nlp');
  // anonymize() resets its mask maps on every call, so one instance serves all texts.
  const anonymizer = new AnonymizeNlp();
  return {
    name: 'anonymize-nlp',
    version: installedVersion('anonymize-nlp'),
    setup: '`new AnonymizeNlp()`, all types (default)',
    redact: (text) => anonymizer.anonymize(text),
  };
}

export async function openRedactionPeer(): Promise<Peer> {
  const { OpenRedaction } = await import('openredaction');
  const redactor = new OpenRedaction({ preset: 'hipaa' });
  return {
    name: 'openredaction',
    version: installedVersion('openredaction'),
    setup: "`new OpenRedaction({ preset: 'hipaa' })`, `await detect(text)`, `.redacted`",
    redact: async (text) => (await redactor.detect(text)).redacted,
  };
}

/** All peers, in report order. */
export async function loadPeers(): Promise<Peer[]> {
  return [await redactPiiPeer(), await anonymizeNlpPeer(), await openRedactionPeer()];
}

export interface OurResult {
  action: Action;
  findings: Finding[];
}

/**
 * Our code as it ships: policies/assess.ts bundled and minified by esbuild, like the content script,
 * then imported. (Run straight from TypeScript under tsx, every function is wrapped for name keeping,
 * which costs our short texts a fifth of their time and is not what a browser runs.) Falls back to the
 * TypeScript import, and says so, if esbuild cannot bundle.
 */
async function loadShipped(): Promise<{ assess: typeof assess; how: string }> {
  try {
    const outfile = join(mkdtempSync(join(tmpdir(), 'phi-guard-bench-')), 'assess.mjs');
    await bundleAssess(fileURLToPath(new URL('..', import.meta.url)), outfile);
    const mod = (await import(pathToFileURL(outfile).href)) as { assess: typeof assess };
    return { assess: mod.assess, how: 'esbuild bundle of policies/assess.ts, minified, as shipped' };
  } catch (err) {
    return { assess, how: `TypeScript source under tsx (bundling failed: ${(err as Error).message})` };
  }
}
const shipped = await loadShipped();

/** Our tool as the guard runs it: scan + health signal + decision under the default policy. */
export const ours = {
  name: 'phi-guard',
  version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version,
  setup: `\`assess(text)\` (${shipped.how}), default policy; flagged = action is not allow`,
  run(text: string): OurResult {
    const { action, findings } = shipped.assess(text);
    return { action, findings };
  },
};
