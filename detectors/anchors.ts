/**
 * Candidate start positions for the rule detectors' regexes, found from the text's digit runs.
 *
 * Most rule regexes can only match where their structure puts a digit: "Feb 21" starts at the month
 * word just before a run of one or two digits, "3/4/26" at a run of one or two digits followed by a
 * separator, a VIN at the start of a 17-character run of letters and digits. Such a detector looks at
 * each digit run (a handful per text, found once per scan), applies the few character tests its regex
 * implies, and hands matchStarts only the positions that pass: a superset of the regex's match starts.
 * matchStarts then finds exactly the matches a search of the whole text finds (as matchAll does for
 * regions of one position, see util.ts), while the regex runs only at those positions instead of
 * searching every region around every digit.
 */
import { type Candidate, newScanCache, type ScanInput } from './types';
import { gatingOn, matchAll, type Regions, within } from './util';

/** ASCII character classes by code: digit, letter, word (\w), looked up instead of per-char regexes. */
const DIGIT = 1;
const ALPHA = 2;
const WORD = 4;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT | WORD;
for (let c = 65; c <= 90; c++) CLASS[c] = ALPHA | WORD;
for (let c = 97; c <= 122; c++) CLASS[c] = ALPHA | WORD;
CLASS[95] = WORD;

/** ASCII digit (`\d`, `[0-9]`). NaN (past the end) is none of these classes. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** ASCII capital letter (`[A-Z]`). */
export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
/** ASCII small letter (`[a-z]`). */
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
/** ASCII letter: `[a-z]` under the i flag, or `[A-Za-z]`. */
export function isAlpha(c: number): boolean {
  return c < 128 && (CLASS[c] & ALPHA) !== 0;
}
/** ASCII letter or digit (`[a-z0-9]` under the i flag). */
export function isAlnum(c: number): boolean {
  return c < 128 && (CLASS[c] & (ALPHA | DIGIT)) !== 0;
}
/** A `\w` character (without the u flag: ASCII letters, digits and _). */
export function isWord(c: number): boolean {
  return c < 128 && (CLASS[c] & WORD) !== 0;
}

/**
 * Index of three characters in a 32K table (1 << 15 entries), by their low five bits: an ASCII letter and
 * its capital share them, so a table built from lower-case words needs no case folding; characters that
 * merely collide only let more words through such a filter, never fewer. Used by the word filters of
 * health-context (first and last three characters) and places (first, second and last).
 */
export function charIndex3(a: number, b: number, c: number): number {
  return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);
}

/** Offsets of every ":" in the text (found by indexOf), shared by the url and ip-address detectors. */
export function colonsOf(input: ScanInput): readonly number[] {
  const cache = input.cache ?? newScanCache();
  input.cache = cache;
  let out = cache.ruleColons;
  if (!out) {
    out = [];
    const t = input.text;
    for (let i = t.indexOf(':'); i >= 0; i = t.indexOf(':', i + 1)) out.push(i);
    cache.ruleColons = out;
  }
  return out;
}

/**
 * Adds [s, e) to sorted, merged regions. Detectors add in increasing order of `s` almost always; a
 * region that comes out of order is inserted and the list re-merged.
 */
export function addRegion(out: [number, number][], s: number, e: number): void {
  const from = Math.max(s, 0);
  if (e <= from) return;
  // (out[-1] of an empty list is a slow named-property lookup of "-1": the length is tested first.)
  const last = out.length > 0 ? out[out.length - 1] : undefined;
  if (!last || from > last[1]) {
    out.push([from, e]);
    return;
  }
  if (from >= last[0]) {
    if (e > last[1]) last[1] = e;
    return;
  }
  out.push([from, e]);
  out.sort((a, b) => a[0] - b[0]);
  let k = 0;
  for (let i = 1; i < out.length; i++) {
    if (out[i][0] <= out[k][1]) {
      if (out[i][1] > out[k][1]) out[k][1] = out[i][1];
    } else out[++k] = out[i];
  }
  out.length = k + 1;
}

/** Start of the run of ASCII letters that ends at `end` (exclusive); `end` itself when there is none. */
export function letterRunStart(t: string, end: number): number {
  let s = end;
  while (s > 0 && isAlpha(t.charCodeAt(s - 1))) s--;
  return s;
}
/** Adds `p` to ascending candidate starts (almost always at the end; a start out of order is inserted). */
export function addStart(out: number[], p: number): void {
  if (p < 0) return;
  const n = out.length;
  if (n === 0 || p > out[n - 1]) {
    out.push(p);
    return;
  }
  let i = n - 1;
  while (i > 0 && out[i - 1] >= p) i--;
  if (out[i] !== p) out.splice(i, 0, p);
}

type Build = (m: RegExpExecArray) => Candidate | null | undefined;

const stickies = new WeakMap<RegExp, RegExp>();
/** A sticky copy of `re` (same source and flags), made once per regex. */
function stickyOf(re: RegExp): RegExp {
  let s = stickies.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.includes('y') ? re.flags : `${re.flags}y`);
    stickies.set(re, s);
  }
  return s;
}

/**
 * Appends to `out` the candidates `build` makes of the matches of the global regex `re` that start at one
 * of `starts` (ascending): exactly what matchAll(within(re, one-position regions at `starts`)) finds, a
 * sticky copy of the regex tried at each start not inside the previous match, without building regions.
 * With gating off (a test hook) the whole text is searched, so tests can check the starts miss nothing.
 */
export function matchStarts(
  re: RegExp,
  starts: readonly number[],
  text: string,
  build: Build,
  out: Candidate[] = [],
): Candidate[] {
  if (!gatingOn()) {
    for (const c of matchAll(re, text, build)) out.push(c);
    return out;
  }
  if (starts.length === 0) return out;
  const sticky = stickyOf(re);
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k];
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    re.lastIndex = sticky.lastIndex;
    if (m[0].length === 0) re.lastIndex++;
    else {
      const c = build(m);
      if (c) out.push(c);
    }
    from = re.lastIndex;
  }
  return out;
}

/** Appends matchAll(within(re, regions)) to `out`; no call when there is no region (gating on). */
export function matchRegions(
  re: RegExp,
  regions: Regions,
  text: string,
  build: Build,
  out: Candidate[] = [],
): Candidate[] {
  if (regions.length === 0 && gatingOn()) return out;
  for (const c of matchAll(within(re, regions), text, build)) out.push(c);
  return out;
}
