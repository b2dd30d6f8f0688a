import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputOf } from './test-helpers';
import {
  keyLength,
  keysLowerOf,
  lowerWord,
  startsLower,
  TK_CAPS,
  TK_DIGIT,
  TK_DOT,
  TK_INITIAL,
  TK_PLAIN,
  TK_POSSESSIVE,
  TK_TITLE,
  tokenIs,
  tokensOf,
  wordEnd,
} from './tokens';

/** Words and joiners of the shapes the tokenizer distinguishes, with the two special-case capitals. */
const piece = fc.oneof(
  fc.constantFrom('Anna', "O'Brien", 'McDowell', 'MRN', 'J.', 'jane', "Smith's", 'Cedars-Sinai', 'Zoë', 'ÉCOLE'),
  fc.constantFrom('12.5', 'A1c', 'straße', 'ΟΔΟΣ', 'İstanbul', 'Ωmega', '修改', 'x', 'I', 'roe’s', 'ärzte'),
  fc.constantFrom(' ', '  ', ', ', '. ', '\n', '-', "'", '’', '.', '(', ')', '/', '\t'),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

describe('token offsets stand in for token strings (tokens.ts keyLength)', () => {
  it('keysInLower holds exactly when every key is the lower-cased text at its offsets', () => {
    fc.assert(
      fc.property(text, (s) => {
        const input = inputOf(s);
        const toks = tokensOf(input);
        const allThere = toks.every((t) => input.lower.slice(t.start, t.start + keyLength(t)) === t.key);
        // Claimed only when true (the helpers rely on it); and claimed whenever the text has neither special capital.
        if (input.cache?.keysInLower) expect(allThere).toBe(true);
        if (!/[\u03a3\u0130]/.test(s)) expect(input.cache?.keysInLower).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('says so for plain text, and not when a key had to be lower-cased on its own', () => {
    const plain = inputOf("Seen by Dr. O'Brien's team at Cedars-Sinai");
    tokensOf(plain);
    expect(plain.cache?.keysInLower).toBe(true);
    expect(keysLowerOf(plain)).toBe(plain.lower);
    const sigma = inputOf('Visit ΟΔΟΣ Athens');
    tokensOf(sigma);
    expect(sigma.cache?.keysInLower).toBe(false);
    expect(keysLowerOf(sigma)).toBeUndefined();
    // Before tokensOf has run, nothing is claimed.
    expect(keysLowerOf(inputOf('Anna Roe'))).toBeUndefined();
  });

  it('keyLength is the key length wherever keys are in the lower-cased text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const input = inputOf(s);
        const toks = tokensOf(input);
        if (!input.cache?.keysInLower) return;
        for (const t of toks) expect(keyLength(t)).toBe(t.key.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('lowerWord and startsLower read the text at the offsets as the regexes read the token text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (s, min) => {
        const toks = tokensOf(inputOf(s));
        for (const t of toks) {
          expect(lowerWord(s, t, min)).toBe(new RegExp(`^\\p{Ll}{${min},}$`, 'u').test(t.text));
          expect(startsLower(s, t)).toBe(/^\p{Ll}/u.test(t.text));
        }
        expect(lowerWord(s, undefined, 1)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('token text, key and packed flags (tokens.ts TK_TITLE ... TK_PLAIN)', () => {
  // Each flag against a definition read off the token's text, as the seven boolean fields were defined.
  const JOINER = /['’.-]/;
  const bit = (flags: number, b: number) => (flags & b) !== 0;
  it('an absent token has no flag (tokenIs)', () => {
    expect(tokenIs(undefined, TK_TITLE | TK_CAPS | TK_INITIAL | TK_DOT | TK_POSSESSIVE | TK_DIGIT | TK_PLAIN)).toBe(
      false,
    );
  });
  it('text, key and every flag say what their definitions say, for any text (both tokenizer paths)', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const t of tokensOf(inputOf(s))) {
          const w = t.text;
          const digit = /[0-9]/.test(w);
          const possessive = w.length > 2 && /['’][sS]$/.test(w);
          expect(w).toBe(s.slice(t.start, t.end));
          expect(t.key).toBe(w.slice(0, possessive ? -2 : undefined).toLowerCase());
          expect(wordEnd(t)).toBe(t.end - (possessive ? 2 : 0));
          expect(keyLength(t)).toBe(wordEnd(t) - t.start);
          // Detectors rely on it (care-facility capWord, city-state isCap): a capitalised token has no digit.
          if (bit(t.flags, TK_TITLE | TK_CAPS)) expect(bit(t.flags, TK_DIGIT)).toBe(false);
          for (const f of [TK_TITLE, TK_CAPS, TK_INITIAL, TK_DOT, TK_POSSESSIVE, TK_DIGIT, TK_PLAIN])
            expect(tokenIs(t, f)).toBe(bit(t.flags, f));
          expect(bit(t.flags, TK_DIGIT)).toBe(digit);
          expect(bit(t.flags, TK_PLAIN)).toBe(/^[A-Za-z0-9]+$/.test(w));
          expect(bit(t.flags, TK_DOT)).toBe(s.charCodeAt(t.end) === 46);
          expect(bit(t.flags, TK_INITIAL)).toBe(w.length === 1 && !digit);
          expect(bit(t.flags, TK_POSSESSIVE)).toBe(possessive);
          expect(bit(t.flags, TK_TITLE)).toBe(!digit && /^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w.slice(1)));
          // All capitals: every character a capital or a joiner, two or more in the key.
          expect(bit(t.flags, TK_CAPS)).toBe(
            [...w].every((c) => /\p{Lu}/u.test(c) || JOINER.test(c)) && keyLength(t) >= 2,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
