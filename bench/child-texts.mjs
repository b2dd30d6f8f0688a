// The texts of a corpus file, for the plain-JavaScript timing children (bench/ab-child.mjs,
// bench/ic-child.mjs), which run without the tsx loader and so cannot import bench/corpora.ts. The parent
// has already checked that the files exist (corpora.ts corpusPaths).
import { readFileSync } from 'node:fs';

/** The `text` of each non-blank JSON line of a corpus file, in order. */
export function readTexts(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text);
}
