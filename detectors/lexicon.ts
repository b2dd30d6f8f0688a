import { AMBIGUOUS_NAMES } from './data/ambiguous-names';
import { CITIES } from './data/cities';
import { FIRST_NAMES } from './data/first-names';
import { LAST_NAMES } from './data/last-names';
import { PAIRS, SYMBOLS } from './data/pair-symbols';

/** A pair substitution's table: a regex that finds its symbols, and what each stands for, by character code. */
export interface PairTable {
  symbol: RegExp;
  stands: (string | undefined)[];
}

/**
 * The table of a pair substitution (scripts/lexicon-pack.ts substitutePairs): symbol k of `symbols`
 * stands for pairs[2k] pairs[2k + 1], each a character or an earlier symbol, expanded here.
 */
export function pairTable(symbols: string, pairs: string): PairTable {
  const stands: (string | undefined)[] = new Array(128).fill(undefined);
  const expand = (ch: string) => stands[ch.charCodeAt(0)] ?? ch;
  for (let k = 0; k < symbols.length; k++)
    stands[symbols.charCodeAt(k)] = expand(pairs[2 * k]) + expand(pairs[2 * k + 1]);
  // (Inside a character class only ] \ ^ - need escaping.)
  const symbol = new RegExp(`[${symbols.replace(/[\]\\^-]/g, '\\$&')}]`, 'g');
  return { symbol, stands };
}

/**
 * Undoes a pair substitution: each symbol becomes what it stands for. A regex replace (one native pass):
 * this runs once per list, before the code is optimised, where a character loop took twice as long.
 */
export function expandPairs(packed: string, table: PairTable): string {
  // (With no symbols the class is [], which matches nothing.)
  return packed.replace(table.symbol, (c) => table.stands[c.charCodeAt(0)] as string);
}

/**
 * The shipped lists' pair table, made on first use. Design note: the lists are ~45% of the detector
 * bundle, and the pair symbols take about a sixth off them (one ASCII byte for a frequent pair such as
 * "an" or "ić"); expanding costs one pass over each list, once, when the list is first used.
 */
let shipped: PairTable | undefined;

/**
 * Calls `each` with every word of a packed list (front-coded, then pair-substituted: see
 * scripts/lexicon-pack.ts), in order.
 */
export function eachFrontCoded(list: string, each: (word: string) => void): void {
  shipped ??= pairTable(SYMBOLS, PAIRS);
  eachFrontCodedWord(expandPairs(list, shipped), each);
}

/** Calls `each` with every word of a front-coded list (no pair symbols), in order. */
export function eachFrontCodedWord(packed: string, each: (word: string) => void): void {
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
