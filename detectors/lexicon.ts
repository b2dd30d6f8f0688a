import { AMBIGUOUS_NAMES } from './data/ambiguous-names';
import { CITIES } from './data/cities';
import { FIRST_NAMES } from './data/first-names';
import { LAST_NAMES } from './data/last-names';

/** Decodes a front-coded list (see scripts/build-lexicons.ts) into a Set. */
export function decodeFrontCoded(packed: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  let i = 0;
  while (i < packed.length) {
    const k = packed.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < packed.length) {
      const c = packed.charCodeAt(j);
      if (c >= 48 && c <= 57) break;
      j++;
    }
    prev = prev.slice(0, k) + packed.slice(i + 1, j);
    out.add(prev);
    i = j;
  }
  return out;
}

interface Lexicon {
  first: Set<string>;
  last: Set<string>;
  ambiguous: Set<string>;
  cities: Set<string>;
}

let cache: Lexicon | undefined;

/** The public name and place lists, decoded once on first use (a few ms), shared by all scans. */
export function lexicon(): Lexicon {
  cache ??= {
    first: decodeFrontCoded(FIRST_NAMES),
    last: decodeFrontCoded(LAST_NAMES),
    ambiguous: decodeFrontCoded(AMBIGUOUS_NAMES),
    cities: decodeFrontCoded(CITIES),
  };
  return cache;
}
