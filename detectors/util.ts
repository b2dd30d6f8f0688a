import { minDigitRun, regexReach } from './regex-source';
import { tokensOf } from './tokens';
import { type Candidate, newScanCache, type ScanInput } from './types';

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

/** The `n` lower-cased characters before `start` (for label and context checks). */
export function before(input: ScanInput, start: number, n = 40): string {
  return input.lower.slice(Math.max(0, start - n), start);
}

/** Sorted, non-overlapping [start, end) ranges of the text worth running a regex over. */
export type Regions = readonly (readonly [number, number])[];

/**
 * Runs a global regex over the text and turns each match into a candidate through `build`, which
 * may return null to reject it. Regexes used here must have bounded quantifiers so that each start
 * position costs O(1): the whole scan is then linear (a test feeds 1 MB of adversarial input).
 *
 * With `regions`, only matches that START inside a region are sought (the regex still sees the
 * whole text before the region, so look-behinds work). Detectors whose values must contain a digit
 * pass the digit regions: prose without digits is then skipped, which is most of a long pasted text.
 * When the regex's reach is bounded (`reachOf`), each region is searched in a copy of the text cut
 * `reach` characters after the region's end: every match starting in the region is decided within
 * that window, so the result is the same as over the whole text, and the regex never crawls through
 * the digit-free prose between two regions.
 */
export function matchAll(
  pattern: RegExp | Gated,
  text: string,
  build: (m: RegExpExecArray) => Candidate | Candidate[] | null | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  if (pattern instanceof RegExp || !gating) {
    const re = pattern instanceof RegExp ? pattern : pattern.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      take(out, build(m));
    }
    return out;
  }
  const { re, regions } = pattern;
  const facts = factsOf(re);
  const reach = facts.reach;
  const n = text.length;
  // Digit regions are passed over where no match can start, by the digits every match holds: when each
  // match contains k >= 2 consecutive digits (minDigitRun), a match starting in [rs, rEnd) holds them
  // within `reach` of its start, inside a digit run of at least k digits that ends after rs and starts
  // before rEnd + reach. In a region with no such run, the search below could only find nothing, or a
  // match further on that the next region's search finds again: passing over it changes no result and
  // saves a regex call (most numbers in a text are short: a day, a year, a dose).
  const k = facts.digitRun;
  const runs = k >= 2 ? runsOf(regions) : undefined;
  let j = 0; // first digit run that ends after the region's start
  let q = 0; // first run of at least k digits from j on
  let from = 0;
  for (let r = 0; r < regions.length; r++) {
    const rs = regions[r][0];
    const rEnd = regions[r][1];
    if (from >= rEnd) continue; // a match already found beyond this region
    if (runs !== undefined) {
      while (j < runs.length && runs[j + 1] <= rs) j += 2;
      if (q < j) q = j;
      while (q < runs.length && runs[q + 1] - runs[q] < k) q += 2;
      if (q >= runs.length) break; // no run long enough further on: no match in this region or after
      if (runs[q] >= rEnd + reach) continue;
    }
    const limit = rEnd + reach; // reach is Infinity when unknown: no cut
    const subject = limit < n ? text.slice(0, limit) : text;
    const cut = subject !== text;
    re.lastIndex = Math.max(rs, from);
    for (;;) {
      const m = re.exec(subject);
      if (!m) {
        if (!cut) return out; // no match anywhere further on
        break; // none in this window: the next region is searched from its own start
      }
      if (m.index >= rEnd) {
        // Over the whole text this is the next match: it may start inside a later region. In a cut
        // window, a match past the region may be an artefact of the cut, so it is not trusted.
        if (!cut) from = m.index;
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
      else take(out, build(m));
      from = re.lastIndex;
    }
  }
  return out;
}

function take(out: Candidate[], c: Candidate | Candidate[] | null | undefined): void {
  if (!c) return;
  if (Array.isArray(c)) {
    for (const x of c) out.push(x);
  } else out.push(c);
}

let gating = true;
/** Test hook: turn region gating off to check that it never changes a result. */
export function setGating(on: boolean): void {
  gating = on;
}
export function gatingOn(): boolean {
  return gating;
}

/** A regex restricted to regions of the text (see matchAll). */
export interface Gated {
  re: RegExp;
  regions: Regions;
}

export function within(re: RegExp, regions: Regions): Gated {
  return { re, regions };
}

/** Regions where a value containing a digit can start. */
export function digits(input: ScanInput): Regions {
  input.cache ??= newScanCache();
  let r = input.cache.digits;
  if (!r) {
    r = digitRegions(input, 96, 32);
    input.cache.digits = r;
  }
  return r;
}

/**
 * Tighter digit regions for regexes whose every match (kept or rejected) has a digit among its first
 * NEAR_DIGIT + 1 characters, by the regex's structure: each starts at most NEAR_DIGIT characters before a
 * digit. Regions closer than NEAR_GAP are merged (a superset of starts changes nothing and keeps the
 * number of windows low on digit-dense text).
 */
export const NEAR_DIGIT = 20;
const NEAR_GAP = 24;
export function nearDigits(input: ScanInput): Regions {
  input.cache ??= newScanCache();
  let r = input.cache.nearDigits;
  if (!r) {
    r = digitRegions(input, NEAR_DIGIT, 1, NEAR_GAP);
    input.cache.nearDigits = r;
  }
  return r;
}

function push(out: [number, number][], s: number, e: number, gap = 0): void {
  // (out[-1] of an empty list is a slow named-property lookup of "-1": the length is tested first.)
  const last = out.length > 0 ? out[out.length - 1] : undefined;
  if (last && s <= last[1] + gap) last[1] = Math.max(last[1], e);
  else out.push([s, e]);
}

/**
 * The digit runs of the text as a flat list [start0, end0, start1, end1, ...] (end exclusive), in
 * order, found once per scan and kept on the input: the digit regions here and the rule detectors'
 * candidate starts (anchors.ts) are all made from them. The tokenizer records them on its way (every
 * ASCII digit is a word character, so a run lies inside one token), with the bit set of their lengths.
 */
export function digitRuns(input: ScanInput): readonly number[] {
  tokensOf(input);
  return input.cache?.digitRuns ?? [];
}

/**
 * Whether the text has a run of exactly `len` digits (1 <= len <= 30), from a bit set of the run lengths
 * made with the runs: a detector whose candidate starts all come from whole runs of given lengths (an
 * NPI's ten digits) returns at once when there is none, without walking the runs. With gating off (a test
 * hook) it is always true, so the gated = ungated test covers these early returns too.
 */
export function hasDigitRun(input: ScanInput, len: number): boolean {
  if (!gating) return true;
  digitRuns(input);
  return ((input.cache?.digitRunLengths ?? 0) & (1 << len)) !== 0;
}

/**
 * Regions from `before` characters before each digit run to `after` - 1 characters after its last digit,
 * merged when closer than `gap`; made from the digit runs (found once per scan input), not cached.
 */
export function digitRegions(input: ScanInput, before: number, after: number, gap = 0): [number, number][] {
  const out: [number, number][] = [];
  const n = input.text.length;
  const runs = digitRuns(input);
  for (let k = 0; k < runs.length; k += 2) {
    push(out, Math.max(0, runs[k] - before), Math.min(n, runs[k + 1] - 1 + after), gap);
  }
  // Remembered with the runs they were made from (a WeakMap.set here cost more than the pruning saved).
  recentRegions[recent] = out;
  recentRuns[recent] = runs;
  recent = (recent + 1) % RECENT;
  return out;
}

/** The last digit regions made (a scan makes two or three), each with the digit runs of its text (see matchAll). */
const RECENT = 4;
const recentRegions: (Regions | undefined)[] = new Array(RECENT).fill(undefined);
const recentRuns: (readonly number[] | undefined)[] = new Array(RECENT).fill(undefined);
let recent = 0;
function runsOf(regions: Regions): readonly number[] | undefined {
  for (let i = 0; i < RECENT; i++) if (recentRegions[i] === regions) return recentRuns[i];
  return undefined;
}

/** What matchAll needs to know of a regex, read once from its source. */
interface RegexFacts {
  /** regexReach */
  reach: number;
  /** minDigitRun */
  digitRun: number;
}
const facts = new WeakMap<RegExp, RegexFacts>();
const factsBySource = new Map<string, RegexFacts>();
/** Facts of a regex, memoised per regex object and per source (a regex literal inside a function is a new object per call). */
function factsOf(re: RegExp): RegexFacts {
  let f = facts.get(re);
  if (f === undefined) {
    const key = `${re.flags}/${re.source}`;
    f = factsBySource.get(key);
    if (f === undefined) {
      f = { reach: regexReach(re), digitRun: minDigitRun(re) };
      factsBySource.set(key, f);
    }
    facts.set(re, f);
  }
  return f;
}

/** `regexReach`, memoised. */
export function reachOf(re: RegExp): number {
  return factsOf(re).reach;
}

/** Trims trailing punctuation a sentence puts after an identifier ("... 12345." or "(ID 12345)"). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[.,;:)\]'"’-]/.test(text[e - 1])) e--;
  return e;
}
