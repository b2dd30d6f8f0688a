/**
 * Helpers that read or rewrite regex source text:
 * - splitting a source into its top-level alternatives, and regrouping alternatives by their first
 *   character so V8 tries one group per position instead of every alternative (the health terms, the
 *   union of all labels);
 * - one reader (`parseRegex`) of a source into a tree, and the two questions matchAll asks of it, each
 *   a fold over that tree: how far a match can look (`regexReach`) and how many digits in a row every
 *   match holds (`minDigitRun`). Both answer conservatively (Infinity, 0) for syntax the reader does not
 *   know.
 */

/** A quantifier at the start of a source: the previous character or group repeats. */
export const QUANTIFIER = /^[?*+{]/;

/** Top-level alternatives of a regex source ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]). */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      cur += c + source[++i];
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** True when an alternative starts with a plain character ([a-z0-9 ]) that no quantifier follows. */
export function groupable(alt: string): boolean {
  return /^[a-z0-9 ]/.test(alt) && !QUANTIFIER.test(alt.slice(1));
}

/**
 * Alternatives regrouped by first character ("mrn|mr ?#|chart" -> "m(?:rn|r ?#)|c(?:hart)"), keeping
 * their order within each character; the groups come in the order their characters first appear. At a
 * given position only the alternatives starting with its character can match, and they are tried in
 * the same order, so the regex means the same. Alternatives that are not `groupable` stay as they are,
 * after the groups (their order relative to the others then changes: callers that care check first).
 */
export function groupByFirstChar(alts: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const alt of alts) {
    if (groupable(alt)) {
      const list = groups.get(alt[0]) ?? [];
      list.push(alt.slice(1));
      groups.set(alt[0], list);
    } else rest.push(alt);
  }
  return [...[...groups].map(([c, tails]) => `${c}(?:${tails.join('|')})`), ...rest].join('|');
}

/**
 * A regex source read into a tree, for the questions matchAll asks of a pattern (how far a match can
 * look, how many digits in a row every match holds). Only what those questions need is kept.
 */
type RegexNode =
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; alts: RegexNode[] }
  | { t: 'rep'; node: RegexNode; min: number; max: number }
  /** A group; `look` for a look-ahead or look-behind; `capture` for a numbered or named group. */
  | { t: 'group'; look?: 'ahead' | 'behind'; capture: boolean; inner: RegexNode }
  /**
   * One consumed character: a literal, an escape or a class; `digit` when it can only be an ASCII digit;
   * `chars`, the characters it matches, for a literal, an escaped punctuation character or a class of
   * plain characters (a-z, 0-9, space; no range).
   */
  | { t: 'char'; digit: boolean; chars?: string }
  /** An assertion that consumes nothing: `^` (inspects nothing) or `$`, `\b`, `\B` (inspect one character). */
  | { t: 'assert'; inspects: boolean }
  /** A back-reference: to group `group` (1-based), or by name (`group` undefined). */
  | { t: 'backref'; group?: number };

/**
 * Reads a regex's source into a tree; undefined when it uses syntax this reader does not know (the
 * v flag's nested classes, an empty class `[]` or `[^]`, an unbalanced group). Callers then assume the
 * worst about the pattern.
 */
function parseRegex(re: RegExp): RegexNode | undefined {
  // The v flag's nested classes and set operations are not read here.
  if ((re as RegExp & { unicodeSets?: boolean }).unicodeSets) return undefined;
  const src = re.source;
  let i = 0;
  const fail = (): never => {
    throw new Error('unknown');
  };
  const CHAR: RegexNode = { t: 'char', digit: false };
  const DIGIT: RegexNode = { t: 'char', digit: true };
  function alternation(): RegexNode {
    const alts = [sequence()];
    while (src[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }
  function sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified(atom()));
    return { t: 'seq', items };
  }
  function quantified(node: RegexNode): RegexNode {
    let min: number;
    let max: number;
    const c = src[i];
    if (c === '*' || c === '+' || c === '?') {
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
      min = c === '+' ? 1 : 0;
      i++;
    } else if (c === '{') {
      const q = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!q) return node; // a literal '{' (not under the u flag)
      min = Number(q[1]);
      max = q[2] === undefined ? min : q[3] === '' ? Number.POSITIVE_INFINITY : Number(q[3]);
      i += q[0].length;
    } else return node;
    if (src[i] === '?') i++; // lazy
    if (min > max) fail();
    return { t: 'rep', node, min, max };
  }
  function atom(): RegexNode {
    const c = src[i];
    if (c === '(') {
      i++;
      let look: 'ahead' | 'behind' | undefined;
      let capture = true;
      if (src[i] === '?') {
        const d = src[i + 1];
        capture = false;
        if (d === ':') i += 2;
        else if (d === '=' || d === '!') {
          look = 'ahead';
          i += 2;
        } else if (d === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) {
          look = 'behind';
          i += 3;
        } else if (d === '<') {
          const close = src.indexOf('>', i);
          if (close < 0) fail();
          i = close + 1;
          capture = true;
        } else fail();
      }
      const inner = alternation();
      if (src[i] !== ')') fail();
      i++;
      return { t: 'group', look, capture, inner };
    }
    if (c === '[') {
      i++;
      const bodyStart = i;
      let digit = src[i] !== '^';
      if (src[i] === '^') i++;
      if (src[i] === ']') fail(); // [] and [^] (no character, any character): not read here
      while (i < src.length && src[i] !== ']') {
        if (src[i] === '\\') {
          if (src[i + 1] !== 'd') digit = false;
          // An escape with a payload (\u{...}, \p{...}): skip to the brace.
          if ((src[i + 1] === 'u' || src[i + 1] === 'p' || src[i + 1] === 'P') && src[i + 2] === '{') {
            const close = src.indexOf('}', i);
            if (close < 0) fail();
            i = close + 1;
          } else i += 2;
          continue;
        }
        const lo = src[i];
        i++;
        if (src[i] === '-' && src[i + 1] !== ']' && src[i + 1] !== undefined) {
          const hi = src[i + 1];
          i += 2;
          if (hi === '\\') {
            digit = false;
            i++;
          } else if (!(lo >= '0' && lo <= '9' && hi >= lo && hi <= '9')) digit = false;
        } else if (!(lo >= '0' && lo <= '9')) digit = false;
      }
      if (src[i] !== ']') fail();
      const body = src.slice(bodyStart, i);
      i++;
      if (/^[a-z0-9 ]+$/.test(body)) return { t: 'char', digit, chars: body };
      return digit ? DIGIT : CHAR;
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert', inspects: c === '$' };
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) fail();
      if (e === 'b' || e === 'B') {
        i += 2;
        return { t: 'assert', inspects: true };
      }
      if (e === 'd') {
        i += 2;
        return DIGIT;
      }
      if (e >= '1' && e <= '9') {
        const m = /^\d+/.exec(src.slice(i + 1)) as RegExpExecArray;
        i += 1 + m[0].length;
        return { t: 'backref', group: Number(m[0]) };
      }
      if (e === 'k') {
        const close = src.indexOf('>', i);
        if (close < 0) fail();
        i = close + 1;
        return { t: 'backref' };
      }
      if ((e === 'p' || e === 'P' || e === 'u') && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        if (close < 0) fail();
        i = close + 1;
        return CHAR;
      }
      if (e === 'u') i += 6;
      else if (e === 'x') i += 4;
      else if (e === 'c') i += 3;
      else {
        i += 2;
        // An escaped punctuation character is itself.
        if (!/[a-zA-Z0-9]/.test(e)) return { t: 'char', digit: false, chars: e };
      }
      return CHAR;
    }
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === '|') fail();
    i++;
    return { t: 'char', digit: c >= '0' && c <= '9', chars: c };
  }
  try {
    const top = alternation();
    return i === src.length ? top : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How far past the start of a match a regex can look (consumed characters and look-aheads, including
 * the one character `\b`, `$` or a look-ahead inspects), in UTF-16 code units; Infinity when it is
 * unbounded or the source uses syntax this reader does not know. A conservative upper bound: each
 * character counts 2 code units under the `u` flag (an astral character), 1 otherwise.
 */
export function regexReach(re: RegExp): number {
  const tree = parseRegex(re);
  if (!tree) return Number.POSITIVE_INFINITY;
  const unit = re.unicode ? 2 : 1;
  /** Capture widths by group number - 1, Infinity while the group is open (a reference from inside it). */
  const groupWidths: number[] = [];
  /** w: how many code units a match consumes at most; r: how far it looks at most. */
  type Span = { w: number; r: number };
  function span(n: RegexNode): Span {
    switch (n.t) {
      case 'char':
        return { w: unit, r: unit };
      case 'assert':
        return { w: 0, r: n.inspects ? 1 : 0 };
      case 'seq': {
        let w = 0;
        let r = 0;
        for (const item of n.items) {
          const a = span(item);
          r = Math.max(r, w + a.r);
          w += a.w;
        }
        return { w, r: Math.max(r, w) };
      }
      case 'alt': {
        let best = span(n.alts[0]);
        for (let k = 1; k < n.alts.length; k++) {
          const alt = span(n.alts[k]);
          best = { w: Math.max(best.w, alt.w), r: Math.max(best.r, alt.r) };
        }
        return best;
      }
      case 'rep': {
        const a = span(n.node);
        if (n.max === 0) return { w: 0, r: 0 };
        if (a.w === 0) return a;
        // Unbounded repetition or an unbounded body ((max - 1) * Infinity would be NaN for max 1).
        if (n.max === Number.POSITIVE_INFINITY || a.w === Number.POSITIVE_INFINITY) {
          return { w: Number.POSITIVE_INFINITY, r: Number.POSITIVE_INFINITY };
        }
        return { w: n.max * a.w, r: (n.max - 1) * a.w + a.r };
      }
      case 'group': {
        const slot = n.capture ? groupWidths.push(Number.POSITIVE_INFINITY) - 1 : -1;
        const inner = span(n.inner);
        if (slot >= 0) groupWidths[slot] = inner.w;
        // A look-around consumes nothing; what it inspects counts (look-behind: an over-estimate).
        return n.look ? { w: 0, r: inner.r } : inner;
      }
      case 'backref': {
        const gw = n.group === undefined ? undefined : groupWidths[n.group - 1];
        if (gw === undefined) return { w: Number.POSITIVE_INFINITY, r: Number.POSITIVE_INFINITY };
        return { w: gw, r: gw };
      }
    }
  }
  return span(tree).r;
}

/**
 * How many consecutive ASCII digits every match of a regex contains, at least (0 when it cannot tell):
 * "\d{3}-?\d{4}" -> 4, "\(01\)\d{14}" -> 14, "\d(?:[ -]?\d){11,18}" -> 1. Conservative: look-arounds,
 * back-references, classes that are not digits only and unknown syntax count as no digits.
 */
export function minDigitRun(re: RegExp): number {
  const tree = parseRegex(re);
  if (!tree) return 0;
  /**
   * What every match of a piece of regex holds: `all` when it consumes digits only; `min` characters at
   * least; a digit run of at least `pre` at its start, `suf` at its end and `run` anywhere.
   */
  type Held = { all: boolean; min: number; pre: number; suf: number; run: number };
  const EMPTY: Held = { all: true, min: 0, pre: 0, suf: 0, run: 0 };
  const concat = (a: Held, b: Held): Held => ({
    all: a.all && b.all,
    min: a.min + b.min,
    pre: a.all ? a.min + b.pre : a.pre,
    suf: b.all ? a.suf + b.min : b.suf,
    run: Math.max(a.run, b.run, a.suf + b.pre),
  });
  function held(n: RegexNode): Held {
    switch (n.t) {
      case 'char':
        return n.digit ? { all: true, min: 1, pre: 1, suf: 1, run: 1 } : { all: false, min: 1, pre: 0, suf: 0, run: 0 };
      case 'assert':
        return EMPTY;
      case 'seq':
        return n.items.reduce((acc, item) => concat(acc, held(item)), EMPTY);
      case 'alt':
        return n.alts.map(held).reduce((a, b) => ({
          all: a.all && b.all,
          min: Math.min(a.min, b.min),
          pre: Math.min(a.pre, b.pre),
          suf: Math.min(a.suf, b.suf),
          run: Math.min(a.run, b.run),
        }));
      case 'rep': {
        const a = held(n.node);
        if (n.min === 0) return { all: a.all, min: 0, pre: 0, suf: 0, run: 0 };
        if (a.all) {
          const d = n.min * a.min;
          return { all: true, min: d, pre: d, suf: d, run: d };
        }
        const run = Math.max(a.run, n.min >= 2 ? a.suf + a.pre : 0);
        return { all: false, min: n.min * a.min, pre: a.pre, suf: a.suf, run };
      }
      case 'group':
        return n.look ? EMPTY : held(n.inner);
      case 'backref':
        // Consumes something of unknown length and content.
        return { all: false, min: 0, pre: 0, suf: 0, run: 0 };
    }
  }
  return held(tree).run;
}

/**
 * The prefixes of at most `len` characters of the strings a regex source matches (a shorter string is a
 * whole match), or null when the source uses more than this follows: literal characters, escaped
 * punctuation, classes of plain characters, groups, alternatives and `?`.
 */
export function prefixesOf(source: string, len: number): string[] | null {
  const tree = parseRegex(new RegExp(source));
  const out = tree === undefined ? null : prefixes(tree, len);
  return out === null ? null : [...out];
}

function prefixes(node: RegexNode, len: number): Set<string> | null {
  switch (node.t) {
    case 'char':
      return node.chars === undefined ? null : new Set(node.chars);
    case 'group':
      return node.look ? null : prefixes(node.inner, len);
    case 'rep': {
      if (node.min !== 0 || node.max !== 1) return null;
      const p = prefixes(node.node, len);
      p?.add('');
      return p;
    }
    case 'alt': {
      const out = new Set<string>();
      for (const alt of node.alts) {
        const p = prefixes(alt, len);
        if (p === null) return null;
        for (const x of p) out.add(x);
      }
      return out;
    }
    case 'seq': {
      let acc = new Set<string>(['']);
      for (const item of node.items) {
        const p = prefixes(item, len);
        if (p === null) return null;
        const next = new Set<string>();
        for (const a of acc) {
          if (a.length >= len) next.add(a);
          else for (const x of p) next.add((a + x).slice(0, len));
        }
        acc = next;
      }
      return acc;
    }
    default:
      return null;
  }
}
