import { AMBIGUOUS_NAMES } from './data/ambiguous-names';
import { CITIES } from './data/cities';
import { FIRST_NAMES } from './data/first-names';
import { LAST_NAMES } from './data/last-names';

/** Calls `each` with every word of a front-coded list (see scripts/build-lexicons.ts), in order. */
export function eachFrontCoded(packed: string, each: (word: string) => void): void {
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
    each(prev);
    i = j;
  }
}

/** Decodes a front-coded list into a Set. */
function decodeFrontCoded(packed: string): Set<string> {
  const out = new Set<string>();
  eachFrontCoded(packed, (w) => out.add(w));
  return out;
}

/** The packed lists, for a detector that reads them into its own structure (see eachFrontCoded). */
export const PACKED = { first: FIRST_NAMES, last: LAST_NAMES, ambiguous: AMBIGUOUS_NAMES, cities: CITIES } as const;

interface Lexicon {
  readonly first: Set<string>;
  readonly last: Set<string>;
  readonly ambiguous: Set<string>;
  readonly cities: Set<string>;
}

const decoded: Partial<Record<keyof typeof PACKED, Set<string>>> = {};
/** The list `name` as a Set, decoded on first use. */
function decodedList(name: keyof typeof PACKED): Set<string> {
  decoded[name] ??= decodeFrontCoded(PACKED[name]);
  return decoded[name];
}

/**
 * The public name and place lists, each decoded on first use (a few ms) and shared by all scans. A
 * detector that asks for one list (city-state: the cities) does not pay for the others.
 */
const LEXICON: Lexicon = {
  get first() {
    return decodedList('first');
  },
  get last() {
    return decodedList('last');
  },
  get ambiguous() {
    return decodedList('ambiguous');
  },
  get cities() {
    return decodedList('cities');
  },
};

export function lexicon(): Lexicon {
  return LEXICON;
}
