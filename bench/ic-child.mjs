// One process of `npm run bench:ic` (bench/ic.ts), run under `node --log-ic`: imports one bundle of
// policies/assess.ts and scans every text of the given corpora PASSES times, so that V8 logs the inline-cache
// transitions of the scanner's code. Prints nothing.
// Usage: node --log-ic --logfile=LOG bench/ic-child.mjs BUNDLE PASSES CORPUS.jsonl...
import { pathToFileURL } from 'node:url';
import { readTexts } from './child-texts.mjs';

const [bundle, passes, ...files] = process.argv.slice(2);
if (!bundle || !/^\d+$/.test(passes ?? '') || files.length === 0) {
  process.stderr.write('usage: node --log-ic bench/ic-child.mjs BUNDLE PASSES CORPUS.jsonl...\n');
  process.exit(2);
}
const { assess } = await import(pathToFileURL(bundle).href);
for (const file of files) {
  const texts = readTexts(file);
  for (let p = 0; p < +passes; p++) for (const t of texts) assess(t);
}
