// One process of `npm run bench:ab` (bench/ab.ts): imports one bundle of policies/assess.ts, reads the
// corpora, and prints on stdout, as JSON, the CPU milliseconds of its fastest timed pass over each corpus.
// Plain JavaScript run with `node --expose-gc`, so nothing but the bundle runs in the timed passes.
// Usage: node --expose-gc bench/ab-child.mjs BUNDLE CORPUS.jsonl...
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTexts } from './child-texts.mjs';

const [bundle, ...files] = process.argv.slice(2);
if (!bundle || files.length === 0 || typeof globalThis.gc !== 'function') {
  process.stderr.write('usage: node --expose-gc bench/ab-child.mjs BUNDLE CORPUS.jsonl...\n');
  process.exit(2);
}
const { assess } = await import(pathToFileURL(bundle).href);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const WARMUP_PASSES = 15;
const TIMED_PASSES = 7;
const out = {};
for (const file of files) {
  const texts = readTexts(file);
  for (let p = 0; p < WARMUP_PASSES; p++) for (const t of texts) assess(t);
  // A full collection before the timed passes, as `npm run bench` does: V8 may deoptimise code whose
  // embedded objects the collection frees (see detectors/engine.design.md, seventh round).
  globalThis.gc();
  let best = Number.POSITIVE_INFINITY;
  for (let p = 0; p < TIMED_PASSES; p++) {
    const t0 = cpuMs();
    for (const t of texts) assess(t);
    best = Math.min(best, cpuMs() - t0);
  }
  out[basename(file, '.jsonl')] = best;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
