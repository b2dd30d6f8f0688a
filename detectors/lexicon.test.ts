import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontCode, substitutePairs } from '../scripts/lexicon-pack';
import { PAIRS, SYMBOLS } from './data/pair-symbols';
import { eachFrontCoded, eachFrontCodedWord, expandPairs, lexicon, PACKED, pairTable } from './lexicon';

/** Every word of a packed list, decoded with the pair table of its own packing. */
function unpack(list: string, symbols: string, pairs: string): string[] {
  const out: string[] = [];
  eachFrontCodedWord(expandPairs(list, pairTable(symbols, pairs)), (w) => out.push(w));
  return out;
}

describe('packed word lists (scripts/lexicon-pack.ts, detectors/lexicon.ts)', () => {
  // If this fails, a list decodes to other words than were packed: names go missing from the lexicon.
  it('front coding and pair substitution round-trip any lists of words', () => {
    const letter = fc.constantFrom(..."aaabeeinorstlmkćéøß’'-".split(''), ' ');
    const word = fc.array(letter, { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 60 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const coded = substitutePairs(lists.map((words) => frontCode(words)));
        expect(coded.symbols.length * 2).toBe(coded.table.length);
        lists.forEach((words, k) => {
          expect(unpack(coded.lists[k], coded.symbols, coded.table)).toEqual([...new Set(words)].sort());
        });
      }),
      { numRuns: 300 },
    );
  });

  // If this fails, the pair symbols are not single ASCII bytes, or one could end a string literal.
  it('uses one-byte symbols that no list holds and no literal reads specially', () => {
    expect(SYMBOLS.length * 2).toBe(PAIRS.length);
    for (const ch of SYMBOLS) {
      expect(ch.charCodeAt(0)).toBeGreaterThan(32);
      expect(ch.charCodeAt(0)).toBeLessThan(127);
      expect('"\\`$\'<>&0123456789').not.toContain(ch);
    }
  });

  // If this fails, the shipped lists do not decode to plain lower-case words (a symbol left unexpanded,
  // a corrupt table), or lost names any list must hold.
  it('decodes the shipped lists to lower-case words in order, with the names they must hold', () => {
    const symbols = new Set(SYMBOLS);
    for (const name of ['first', 'last', 'ambiguous', 'cities'] as const) {
      const words: string[] = [];
      eachFrontCoded(PACKED[name], (w) => words.push(w));
      expect(words.length).toBeGreaterThan(100);
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        expect(
          [...w].some((c) => symbols.has(c)),
          w,
        ).toBe(false);
        expect(w, w).toBe(w.toLowerCase());
        if (k > 0) expect(words[k - 1] < w).toBe(true);
      }
    }
    const lex = lexicon();
    for (const w of ['anna', 'john', 'maria']) expect(lex.first.has(w)).toBe(true);
    for (const w of ['smith', 'nguyen', 'garcia']) expect(lex.last.has(w)).toBe(true);
    for (const w of ['chicago', 'houston']) expect(lex.cities.has(w)).toBe(true);
  });
});
