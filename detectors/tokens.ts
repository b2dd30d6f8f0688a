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

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const LOWER_REST = /\p{Ll}/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    const possessive = /['’]s$/i.test(raw) && raw.length > 2;
    const word = possessive ? raw.slice(0, -2) : raw;
    const first = word[0];
    const letters = /^[\p{L}\p{M}'’.-]+$/u.test(word);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      key: word.toLowerCase(),
      title: letters && UPPER.test(first) && LOWER_REST.test(word.slice(1)),
      caps: letters && word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase(),
      initial: /^\p{L}$/u.test(word),
      dot: text[m.index + raw.length] === '.',
      possessive,
      hasDigit: /\d/.test(raw),
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
