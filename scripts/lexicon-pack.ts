// How scripts/build-lexicons.ts packs the word lists that ship in the content script, in two stages that
// detectors/lexicon.ts undoes: front coding, then pair substitution. Kept apart from the build script so
// that a test can run both on lists of its own (detectors/lexicon.test.ts).
import { isDigit } from '../detectors/anchors';

/**
 * Front coding: sorted words, each written as the length (0-9) of the prefix it shares with the
 * previous word, then the rest. Names hold no digits, so the digit is also the separator. Halves
 * the size of the lists that ship in the content script.
 */
export function frontCode(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort();
  let out = '';
  let prev = '';
  for (const w of sorted) {
    let k = 0;
    while (k < 9 && k < prev.length && k < w.length && prev[k] === w[k]) k++;
    out += k + w.slice(k);
    prev = w;
  }
  return out;
}

/**
 * Pair substitution over the front-coded lists (all four at once, one table): the most frequent pair of
 * adjacent characters (never a digit, which separates the words) is replaced by a symbol, a printable
 * ASCII character the lists do not use, and again until the symbols run out or no pair saves more
 * bytes than it costs in the table. ASCII, so each symbol is one byte in the bundle; not " \\ ` $ ' < > &,
 * which a string literal or a page could read otherwise. detectors/lexicon.ts expands them back.
 * Returns the encoded lists and the table: two characters (a character or an earlier symbol) per symbol.
 */
export function substitutePairs(lists: string[]): { lists: string[]; symbols: string; table: string } {
  const used = new Set(lists.join(''));
  let symbols = '';
  for (let c = 33; c < 127; c++) {
    const ch = String.fromCharCode(c);
    if (!used.has(ch) && !'"\\`$\'<>&'.includes(ch) && !isDigit(c)) symbols += ch;
  }
  let table = '';
  let out = lists;
  for (let s = 0; s < symbols.length; s++) {
    const counts = new Map<string, number>();
    for (const list of out) {
      for (let i = 0; i + 1 < list.length; i++) {
        if (isDigit(list.charCodeAt(i)) || isDigit(list.charCodeAt(i + 1))) continue;
        const pair = list.slice(i, i + 2);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
    // A pair saves its UTF-8 bytes less the symbol's one byte per occurrence (occurrences counted with
    // overlaps: an estimate), less its bytes in the table.
    let best = '';
    let bestGain = 0;
    for (const [pair, n] of counts) {
      const bytes = Buffer.byteLength(pair);
      const gain = n * (bytes - 1) - bytes;
      if (gain > bestGain || (gain === bestGain && pair < best)) {
        best = pair;
        bestGain = gain;
      }
    }
    if (bestGain <= 0) break;
    out = out.map((list) => list.split(best).join(symbols[s]));
    table += best;
  }
  return { lists: out, symbols: symbols.slice(0, table.length / 2), table };
}
