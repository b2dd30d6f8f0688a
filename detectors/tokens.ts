/** Word tokens with offsets, shared by the name and place detectors (one linear pass). */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, possessive 's removed. */
  key: string;
  /** Title case: an upper-case letter followed by at least one lower-case letter ("Anna", "McDowell"). */
  title: boolean;
  /** All capitals, 2+ letters ("MRN", "UCSF"). */
  caps: boolean;
  /** A single letter ("J" in "Anna J. Roe"). */
  initial: boolean;
  /** Followed directly by a full stop. */
  dot: boolean;
  possessive: boolean;
  hasDigit: boolean;
}

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LOWER = /\p{Ll}/u;

// ASCII character classes, looked up by code (no per-character string or regex on ASCII text).
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII[c] = UPPER;
for (let c = 97; c <= 122; c++) ASCII[c] = LOWER;

/** Letter, mark or digit. ASCII is decided by code; the rest by a one-character Unicode test. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c] !== 0;
  return NON_ASCII_WORD.test(text[i]);
}

/** Tokens of a scan input, computed once and shared by every detector of that scan. */
export function tokensOf(input: { text: string; cache?: Record<string, unknown> }): Token[] {
  input.cache ??= {};
  let t = input.cache.tokens as Token[] | undefined;
  if (!t) {
    t = tokenize(input.text);
    input.cache.tokens = t;
  }
  return t;
}

/**
 * Word tokens: runs of letters, marks and digits, joined by single inner ' ’ . - ("O'Brien",
 * "Cedars-Sinai", "12.5"). A hand-written loop: this runs on every scan and a Unicode regex
 * over 100 KB was the scanner's single largest cost. ASCII characters are classified through a
 * table; only other characters pay for a Unicode property test.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    let lower = 0;
    let digits = 0;
    let other = 0;
    let firstUpper = false;
    let lowerAfterFirst = false;
    let letters = 0;
    let nonAscii = false;
    while (i < n) {
      const d = text.charCodeAt(i);
      let kind: number;
      if (d < 128) kind = ASCII[d];
      else {
        const ch = text[i];
        kind = NON_ASCII_WORD.test(ch) ? (NON_ASCII_UPPER.test(ch) ? UPPER : NON_ASCII_LOWER.test(ch) ? LOWER : 8) : 0;
      }
      if (kind !== 0) {
        if (d >= 128) nonAscii = true;
        if (kind === DIGIT) digits++;
        else if (kind === UPPER) {
          upper++;
          letters++;
          if (i === start) firstUpper = true;
        } else if (kind === LOWER) {
          lower++;
          letters++;
          if (i > start) lowerAfterFirst = true;
        } else {
          other++;
          letters++;
        }
        i++;
        continue;
      }
      // An inner joiner followed by a word character continues the token.
      if ((d === 39 || d === 0x2019 || d === 46 || d === 45) && i + 1 < n && isWordChar(text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    const len = i - start;
    const possessive =
      len > 2 && (raw[len - 1] === 's' || raw[len - 1] === 'S') && (raw[len - 2] === "'" || raw[len - 2] === '’');
    const word = possessive ? raw.slice(0, -2) : raw;
    const onlyLetters = digits === 0;
    out.push({
      start,
      end: i,
      text: raw,
      // An ASCII word without capitals is its own lower case: no call, no new string.
      key: upper === 0 && !nonAscii ? word : word.toLowerCase(),
      title: onlyLetters && firstUpper && lowerAfterFirst,
      caps: onlyLetters && word.length >= 2 && upper >= 2 && lower === 0 && other === 0 && (!possessive || upper >= 2),
      initial: len === 1 && letters === 1,
      dot: text.charCodeAt(i) === 46,
      possessive,
      hasDigit: digits > 0,
    });
  }
  return out;
}

/** The characters between two tokens. */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** True when the token starts a sentence (first token, or after . ! ? : or a line break). */
export function sentenceStart(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const g = text.slice(tokens[i - 1].end, tokens[i].start);
  if (/[!?\n]|^\s*[:"“(]/.test(g)) return true;
  // "... end. Next": a full stop after a word that is not a title/initial abbreviation.
  return /^\.\s/.test(g) && !tokens[i - 1].initial && !/^(?:dr|mr|mrs|ms|st|mt|prof|jr|sr)$/i.test(tokens[i - 1].text);
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
