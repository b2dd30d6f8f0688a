import { newScanCache, type ScanCache, type ScanInput } from './types';

/** Word tokens with offsets, shared by the name and place detectors (one linear pass). */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, possessive 's removed. */
  key: string;
  /**
   * The token's shape as bits (TK_TITLE ... TK_PLAIN): one field instead of seven booleans (see the design
   * note at TK_TITLE).
   */
  flags: number;
}

// Design note (packed flags): a token's shape was seven boolean fields. Detectors test several of them on
// nearly every token (person-name's skip test reads six), each test a separate load from the token, and the
// tokenizer stored all seven for every token. As bits of one number, a set of tests is one load and one
// mask, and a token object is five fields instead of eleven.
/**
 * Title case: an upper-case letter followed by at least one lower-case letter ("Anna", "McDowell"); letters
 * only, so never with TK_DIGIT.
 */
export const TK_TITLE = 1;
/** All capitals, 2+ letters ("MRN", "UCSF"); never with TK_DIGIT. */
export const TK_CAPS = 2;
/** A single letter ("J" in "Anna J. Roe"). */
export const TK_INITIAL = 4;
/** Followed directly by a full stop. */
export const TK_DOT = 8;
/** Ends in a possessive 's (not part of the key). */
export const TK_POSSESSIVE = 16;
/** Holds an ASCII digit. */
export const TK_DIGIT = 32;
/**
 * Only ASCII letters and digits (no joiner, no other character): the token is one run of `\w` of the
 * text (longer only where an underscore, which no token holds, touches it) and its key is that run in
 * lower case.
 */
export const TK_PLAIN = 64;

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LOWER = /\p{Ll}/u;

// Character kinds, looked up by code (no per-character string or regex on ASCII text).
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
/** A letter, mark or digit that is neither an ASCII digit nor an upper- or lower-case letter. */
const OTHER = 8;
/** Set on the kind of a non-ASCII word character. */
const NON_ASCII = 16;
/**
 * Set on the kind of the two characters whose lower case depends on more than the character: capital
 * sigma (final or not, by its neighbours) and dotted capital I (two code units; lowerSameLength keeps it).
 */
const SPECIAL_CASE = 64;
/** Set (in tokenize) once a token has passed an inner joiner. */
const JOINED = 128;
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII[c] = UPPER;
for (let c = 97; c <= 122; c++) ASCII[c] = LOWER;

/**
 * Kinds of non-ASCII code units, filled on first sight (0 = not yet classified, else the kind | KNOWN;
 * a non-word unit is KNOWN alone). The Unicode tests depend only on the code unit (a lone surrogate is
 * no letter), so each is paid once per distinct character instead of once per occurrence.
 */
const KNOWN = 32;
const NON_ASCII_KIND = new Uint8Array(65536);
function nonAsciiKind(c: number): number {
  let k = NON_ASCII_KIND[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = NON_ASCII_WORD.test(ch)
      ? NON_ASCII | (NON_ASCII_UPPER.test(ch) ? UPPER : NON_ASCII_LOWER.test(ch) ? LOWER : OTHER)
      : 0;
    if (c === 0x3a3 || c === 0x130) k |= SPECIAL_CASE;
    NON_ASCII_KIND[c] = k | KNOWN;
  }
  return k & ~KNOWN;
}

/** ' ’ . - : a joiner continues a token when a word character follows it ("O'Brien", "12.5", "Cedars-Sinai"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45;
}

function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Kind of the code unit at `i` (0: not a letter, mark or digit). */
function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII[c] : nonAsciiKind(c);
}

/** Tokens of a scan input, computed once and shared by every detector of that scan. */
export function tokensOf(input: { text: string; lower?: string; cache?: ScanCache }): Token[] {
  input.cache ??= newScanCache();
  let t = input.cache.tokens;
  if (!t) {
    const cache = input.cache;
    // The tokenizer also records the digit runs (util.ts digitRuns reads them here) and, when it has the
    // lower-cased text (the test tokenize applies), the relative-date hints (rules/date.ts relativeStarts).
    const runs: number[] = [];
    const lower = input.lower;
    const relative = lower !== undefined && lower.length === input.text.length ? [] : undefined;
    t = tokenize(input.text, lower, runs, relative);
    cache.tokens = t;
    cache.keysInLower = keysInLower;
    cache.digitRuns = runs;
    let lengths = 0;
    for (let k = 0; k < runs.length; k += 2) lengths |= 1 << Math.min(runs[k + 1] - runs[k], 31);
    cache.digitRunLengths = lengths;
    cache.relativeStarts = relative;
  }
  return t;
}

/** Set by tokenize: every key of its tokens is a slice of the lower-cased text it was given (none given: false). */
let keysInLower = false;

/** What follows "this" in a relative-date hint. */
const THIS_TAIL = / (?:past|coming)[ \t]/y;

/**
 * Word tokens: runs of letters, marks and digits, joined by single inner ' ’ . - ("O'Brien",
 * "Cedars-Sinai", "12.5"). A hand-written loop: this runs on every scan and a Unicode regex
 * over 100 KB was the scanner's single largest cost. ASCII characters are classified through a
 * table, runs of lower-case ASCII letters (most of any text) by a tight range test; other
 * characters through a table filled by one Unicode test per distinct character.
 */
export function tokenize(text: string, lower?: string, runs?: number[], relative?: number[]): Token[] {
  const out: Token[] = [];
  const n = text.length;
  // The lower-cased text (ScanInput.lower: lowerSameLength, same offsets) gives a word's key by a slice,
  // without a toLowerCase call (which costs several slices, and many on two-byte text). It is the same
  // string: lower-casing maps each character on its own except capital sigma (by context) and dotted
  // capital I (lengthened), and a token holds no surrogate (not a letter on its own).
  const low = lower !== undefined && lower.length === n ? lower : undefined;
  // The relative-date hints, read in the lower-cased text: none recorded without it.
  const rel = low !== undefined ? relative : undefined;
  let i = 0;
  let d = 0;
  let lowerKeys = low !== undefined;
  while (i < n) {
    d = text.charCodeAt(i);
    let first: number;
    let start: number;
    // The kinds of the characters after the first OR-ed together (and JOINED once a joiner is passed).
    let rest = 0;
    if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90 && i + 1 < n && isAsciiLower(text.charCodeAt(i + 1)))) {
      // Design note (speed only): most tokens are ASCII words in lower case or title case ("Anna",
      // "Which") ended by a space, another ASCII character that is no word character and no joiner, or the
      // text's end. Their run of lower-case letters is read here and, when such an end follows it, the
      // token is made at once: flags TK_PLAIN (| TK_TITLE, or | TK_INITIAL for one letter), the key the
      // text itself or its slice of the lower-cased text, and only a four-letter word can start a
      // relative-date hint. Any other token continues in the general loop below with the run already
      // read, so both paths make the same tokens (the scan output was compared on the corpora and 30,000
      // fuzzed texts, and tokens.test.ts checks each token against its definition).
      first = d <= 90 ? UPPER : LOWER;
      start = i;
      // (A capital's run starts after it: the letter after it is lower case.)
      if (first === UPPER) i++;
      do {
        i++;
        if (i === n) break;
        d = text.charCodeAt(i);
      } while (d >= 97 && d <= 122);
      // (d is no word character: ASCII, and not an inner joiner.)
      if (i === n || d === 32 || (d < 128 && ASCII[d] === 0 && !isJoiner(d))) {
        const len = i - start;
        const raw = text.slice(start, i);
        let key = raw;
        let flags = len === 1 ? TK_INITIAL | TK_PLAIN : TK_PLAIN;
        if (first === UPPER) {
          flags = TK_TITLE | TK_PLAIN;
          if (low !== undefined) key = low.slice(start, i);
          else {
            key = raw.toLowerCase();
            lowerKeys = false;
          }
        }
        if (len === 4 && (d === 32 || d === 9) && rel !== undefined) relativeHint(low as string, i, rel);
        out.push({ start, end: i, text: raw, key, flags });
        i++;
        continue;
      }
      if (i - start > 1) rest = LOWER;
    } else {
      first = d < 128 ? ASCII[d] : nonAsciiKind(d);
      if (first === 0) {
        i++;
        continue;
      }
      start = i++;
    }
    while (i < n) {
      d = text.charCodeAt(i);
      if (d >= 97 && d <= 122) {
        // A run of lower-case ASCII letters.
        rest |= LOWER;
        do {
          i++;
          if (i === n) break;
          d = text.charCodeAt(i);
        } while (d >= 97 && d <= 122);
        // (A space, the most common end of a word, is no word character and no joiner.)
        if (i === n || d === 32) break;
      }
      const k = d < 128 ? ASCII[d] : nonAsciiKind(d);
      if (k !== 0) {
        rest |= k;
        i++;
        continue;
      }
      // An inner joiner followed by a word character continues the token.
      if (isJoiner(d) && i + 1 < n && kindAt(text, i + 1) !== 0) {
        rest |= JOINED;
        i++;
        continue;
      }
      break;
    }
    // Here `d` is the character at `i` when i < n.
    const all = first | rest;
    const len = i - start;
    const raw = text.slice(start, i);
    let word = raw;
    let possessive = false;
    if ((rest & JOINED) !== 0 && len > 2) {
      const s = text.charCodeAt(i - 1);
      const q = text.charCodeAt(i - 2);
      if ((s === 115 || s === 83) && (q === 39 || q === 0x2019)) {
        possessive = true;
        word = text.slice(start, i - 2);
      }
    }
    // A word without capitals and without non-ASCII characters is its own lower case: no call, no new string.
    // The key's length by arithmetic, not `word.length`: see keyLength.
    const wordLen = possessive ? len - 2 : len;
    let key = word;
    if ((all & (UPPER | NON_ASCII)) !== 0) {
      if (low !== undefined && (all & SPECIAL_CASE) === 0) key = low.slice(start, start + wordLen);
      else {
        key = word.toLowerCase();
        lowerKeys = false;
      }
    }
    // The flags by arithmetic on 0/1 bits (`(x - 1) >>> 31` is 1 when x is 0, `(1 - x) >>> 31` when
    // x >= 2), each with one comparison at the end: a data-dependent branch per && of the plain tests
    // (mispredicted on text) cost more than building the token (tokenize ~14% less CPU).
    const noDigit = ((all & DIGIT) - 1) >>> 31;
    // (Longer plain tokens put an ASCII letter or digit before the four letters: see relativeHint.)
    if ((len === 4 || (len > 4 && (all & (NON_ASCII | JOINED)) !== 0)) && (d === 32 || d === 9) && rel !== undefined) {
      relativeHint(low as string, i, rel);
    }
    if (noDigit === 0 && runs !== undefined) {
      // The token's digit runs are the text's: every ASCII digit is a word character, so a run never
      // crosses a token's ends (the characters around a token are no word characters).
      for (let j = start; j < i; j++) {
        const c = text.charCodeAt(j);
        if (c < 48 || c > 57) continue;
        const r0 = j;
        do j++;
        while (j < i && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57);
        runs.push(r0, j);
      }
    }
    out.push({
      start,
      end: i,
      text: raw,
      key,
      flags:
        // Only letters, an upper-case first one (UPPER is bit 1), and a lower-case one after it (LOWER is bit 2).
        (noDigit & (first >> 1) & (rest >> 2)) |
        // 2+ characters in the word, all capitals: no digit, no lower-case or other letter. (A joiner has
        // a word character on each side, so such a word holds 2+ capitals.)
        ((noDigit & ((1 - wordLen) >>> 31) & (((all & (LOWER | OTHER)) - 1) >>> 31)) << 1) |
        // One character, not an ASCII digit: a DIGIT first adds 2 to the length ((x - 1) >>> 31 is 1 when x is 0).
        (len + ((((first ^ DIGIT) - 1) >>> 31) << 1) === 1 ? TK_INITIAL : 0) |
        // (When i === n, `d` is the token's last character, a word character, never a full stop.)
        (d === 46 ? TK_DOT : 0) |
        (possessive ? TK_POSSESSIVE : 0) |
        ((noDigit ^ 1) << 5) |
        ((all & (NON_ASCII | JOINED)) === 0 ? TK_PLAIN : 0),
    });
    // The character at i (if any) ended the token: it is no word character, the next token starts after it.
    i++;
  }
  keysInLower = lowerKeys;
  return out;
}

/**
 * Records the start of a match of /(?:last|next)[ \t]|this (?:past|coming)[ \t]/ in `lower` ending a token
 * at `e` (followed by a space or tab), for rules/date.ts: its four letters are ASCII letters in the text
 * too (no other character lower-cases to one of them; dotted I is kept), word characters before a space
 * or tab, so every match is the end of a token of 4+ characters. The caller skips a plain token longer
 * than four: the character before the match is then an ASCII letter or digit, where RELATIVE's leading
 * `\b` fails. So the hints are every start RELATIVE can match at (and some where it cannot), in order.
 */
function relativeHint(lower: string, e: number, out: number[]): void {
  const c = lower.charCodeAt(e - 1);
  if (c !== 116 && c !== 115) return; // last, next: t; this: s
  const p = e - 4;
  if (c === 116) {
    if (lower.startsWith('last', p) || lower.startsWith('next', p)) out.push(p);
  } else if (lower.startsWith('this', p)) {
    THIS_TAIL.lastIndex = e;
    if (THIS_TAIL.test(lower)) out.push(p);
  }
}

/**
 * Token k, or undefined when k is outside the list. Detectors ask this of the tokens before one
 * (k - 1, k - 2) instead of reading `toks[k - 1]` as is: V8 reads a negative index as a named property,
 * a slow generic lookup.
 */
export function tokenAt(toks: readonly Token[], k: number): Token | undefined {
  return k >= 0 && k < toks.length ? toks[k] : undefined;
}

/** The characters between two tokens. */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** gap(text, a, b) === g, without the slice. */
export function gapIs(text: string, a: Token, b: Token, g: string): boolean {
  return b.start - a.end === g.length && text.startsWith(g, a.end);
}

/** True when exactly one space separates two tokens (gapIs(text, a, b, ' '), by character code: a hot test). */
export function oneSpace(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && text.charCodeAt(a.end) === 32;
}

/**
 * Length of token t's key (its text less a possessive 's), by arithmetic.
 *
 * Design note (string reads on hot paths): token strings come in many V8 representations (a short slice is
 * a new flat string, a slice of 13+ characters a view of its text, a two-character slice may be the
 * internalized string, one- or two-byte by the text), and each representation has its own hidden class.
 * A `.length` or `.charCodeAt` site that sees more than four of them goes megamorphic: optimised code then
 * reads them through a generic lookup in V8's global stub cache (and a runtime call when other entries
 * have evicted ours), several times slower than a map check; moving the hot ones off gained ~5-7%. Hot
 * helpers therefore read a token's characters from the scan's text (one string for the whole scan) at its
 * offsets, and its lengths from its offsets; `npm run bench:ic` lists the megamorphic sites left.
 */
export function keyLength(t: Token): number {
  return wordEnd(t) - t.start;
}

/**
 * Whether token t has any of the flags `f`; an absent token (toks[k] past either end, a missing neighbour)
 * has none.
 */
export function tokenIs(t: Token | undefined, f: number): boolean {
  return t !== undefined && (t.flags & f) !== 0;
}

/** Where token t's word ends: its end less a possessive 's (so its key is the lower-cased text up to here). */
export function wordEnd(t: Token): number {
  return (t.flags & TK_POSSESSIVE) !== 0 ? t.end - 2 : t.end;
}

/**
 * Where this scan's token keys can be read at the tokens' offsets (see keyLength): the lower-cased text when
 * the tokenizer made every key from it (ScanCache.keysInLower), else undefined (read `t.key` itself).
 */
export function keysLowerOf(input: ScanInput): string | undefined {
  return input.cache?.keysInLower === true ? input.lower : undefined;
}

/** `\s` of a JavaScript regex: ASCII and Unicode white space, line terminators, BOM. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const LOWER_FIRST = /^\p{Ll}/u;
const LOWER_RUN = /^\p{Ll}+$/u;

/**
 * /^\p{Ll}/u.test(t.text) for a token of `text`: ASCII by character code (read from the text: see
 * keyLength), the Unicode regex only for a non-ASCII first character. (A token holds no surrogate, a lone
 * surrogate being no letter, so its first code unit is its first character and its length counts characters.)
 */
export function startsLower(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_FIRST.test(t.text);
}

/**
 * /^\p{Ll}{min,}$/u.test(t.text) for a token of `text`, ASCII by character code as in startsLower, read from
 * the text at the token's offsets (see keyLength). An absent token is no word.
 */
export function lowerWord(text: string, t: Token | undefined, min: number): boolean {
  if (t === undefined) return false;
  const e = t.end;
  if (e - t.start < min) return false;
  for (let k = t.start; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) continue;
    return c >= 128 && LOWER_RUN.test(t.text);
  }
  return true;
}

const TITLE_ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'mt', 'prof', 'jr', 'sr']);

/**
 * True when the token starts a sentence (first token, or after . ! ? : or a line break). Read off the
 * characters of the gap: what `/[!?\n]|^\s*[:"“(]/` and `/^\.\s/` said about it, without a slice.
 */
export function sentenceStart(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  const a = prev.end;
  const b = tokens[i].start;
  for (let j = a; j < b; j++) {
    const c = text.charCodeAt(j);
    if (c === 33 || c === 63 || c === 10) return true; // ! ? \n
  }
  let j = a;
  while (j < b && isSpace(text.charCodeAt(j))) j++;
  if (j < b) {
    const c = text.charCodeAt(j);
    if (c === 58 || c === 34 || c === 0x201c || c === 40) return true; // : " “ (
  }
  // "... end. Next": a full stop after a word that is not a title/initial abbreviation. (The regex's i
  // flag folds ASCII only; no other character lower-cases into one of these words.)
  if (!(b - a >= 2 && text.charCodeAt(a) === 46 && isSpace(text.charCodeAt(a + 1)))) return false;
  return (
    (prev.flags & TK_INITIAL) === 0 && !(prev.text.length <= 4 && TITLE_ABBREVIATIONS.has(prev.text.toLowerCase()))
  );
}

/**
 * Word lists as bits of one map (a word's value is the OR of the bits of the lists that hold it): a
 * detector looks a token's key up once for all its lists instead of once per list.
 */
export function wordBits(lists: readonly (readonly [Iterable<string>, number])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [list, bit] of lists) for (const w of list) out.set(w, (out.get(w) ?? 0) | bit);
  return out;
}

/** Index of the first token starting at or after `pos` (binary search), or -1. */
export function tokenFrom(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}
