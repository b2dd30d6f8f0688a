import { REGISTRY } from './registry';
import {
  type Candidate,
  type Category,
  type Detector,
  type Finding,
  newScanCache,
  type ScanInput,
  type ScanOptions,
} from './types';

export const DEFAULT_THRESHOLD = 0.5;
/** How far before a candidate the engine looks for a detector's context words. */
const CONTEXT_WINDOW = 48;
const CONTEXT_BOOST = 0.15;

/**
 * Lower-cases without changing length, so offsets into `lower` are offsets into `text`.
 * `String#toLowerCase` can lengthen a few characters (e.g. U+0130), so those stay as they are.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // Only dotted capital I (U+0130) lengthens, and only capital sigma lower-cases by its context (final
  // or not). Without a sigma, the pieces between dotted Is lower-case exactly as character by character
  // below, in a few native calls instead of one string concatenation per character.
  if (!text.includes('\u03a3')) {
    const pieces = text.split('\u0130');
    for (let k = 0; k < pieces.length; k++) pieces[k] = pieces[k].toLowerCase();
    const out = pieces.join('\u0130');
    if (out.length === text.length) return out;
  }
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function hasContextWord(lower: string, start: number, words: readonly string[]): boolean {
  const from = Math.max(0, start - CONTEXT_WINDOW);
  const window = lower.slice(from, start);
  for (const w of words) {
    // The last occurrence, found by indexOf (a fast builtin; lastIndexOf is a runtime call, ~3x slower).
    let i = window.indexOf(w);
    if (i < 0) continue;
    for (let j = window.indexOf(w, i + 1); j >= 0; j = window.indexOf(w, j + 1)) i = j;
    // The character before the word must not be a letter or digit (the window's start counts as a space).
    const c = i === 0 ? 32 : window.charCodeAt(i - 1);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return true;
  }
  return false;
}

function thresholdFor(category: Category, options: ScanOptions): number {
  return options.thresholds?.[category] ?? options.threshold ?? DEFAULT_THRESHOLD;
}

/** Start ascending, then end descending: `a` goes after `b`. */
function after(a: Finding, b: Finding): boolean {
  return a.start > b.start || (a.start === b.start && a.end < b.end);
}

/**
 * Sorts by start, longest first, keeping the detectors' order between equal spans (a stable sort, as
 * Array#sort is, so the order is the same). A scan keeps a handful of candidates: an insertion sort
 * spares Array#sort's set-up and comparator calls; a long list still goes to Array#sort.
 */
function sortFindings(list: Finding[]): void {
  const n = list.length;
  if (n > 32) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && after(list[j], x)) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
}

/**
 * Runs every registered detector, boosts candidates whose detector's context words precede them,
 * drops those under threshold, and merges overlapping candidates into one finding that covers their
 * union (labelled by the most confident member), so findings never overlap.
 */
export function scan(text: string, options: ScanOptions = {}, detectors: readonly Detector[] = REGISTRY): Finding[] {
  const input = scanInputOf(text);
  return input ? scanInput(input, options, detectors) : [];
}

/** The input scan() prepares for a text, or undefined when there is nothing to scan (not a string, or empty). */
export function scanInputOf(text: string): ScanInput | undefined {
  return typeof text === 'string' && text.length > 0
    ? { text, lower: lowerSameLength(text), cache: newScanCache() }
    : undefined;
}

/**
 * scan() of an input from scanInputOf: the caller keeps the input, and with it what the detectors cached
 * (assess reuses the tokens for the health score).
 */
export function scanInput(
  input: ScanInput,
  options: ScanOptions = {},
  detectors: readonly Detector[] = REGISTRY,
): Finding[] {
  const text = input.text;
  const kept: Finding[] = [];
  // Indexed loops: the candidate lists come from 25 detectors with arrays of different shapes, and a
  // for-of over them goes through the generic array iterator.
  for (let di = 0; di < detectors.length; di++) {
    const d = detectors[di];
    let cands: Candidate[];
    try {
      cands = d.detect(input);
    } catch (err) {
      // A detector bug must not silently pass PHI: surface it to the caller (the guard fails closed).
      throw new Error(`detector ${d.id} failed: ${(err as Error).message}`);
    }
    for (let ci = 0; ci < cands.length; ci++) {
      const c = cands[ci];
      if (!(c.start >= 0 && c.end <= text.length && c.start < c.end)) continue;
      if (options.categories?.[c.category] === false) continue;
      let confidence = c.confidence;
      if (d.contextWords?.length && hasContextWord(input.lower, c.start, d.contextWords)) {
        confidence = Math.min(1, confidence + CONTEXT_BOOST);
      }
      if (confidence < thresholdFor(c.category, options)) continue;
      kept.push({
        start: c.start,
        end: c.end,
        category: c.category,
        confidence,
        reason: c.reason,
        detector: d.id,
        coarse: c.coarse,
        household: c.household,
      });
    }
  }
  sortFindings(kept);
  const out: Finding[] = [];
  let cur: Finding | undefined;
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k];
    if (cur && c.start < cur.end) {
      // A span merged with anything finer ("May 2023" inside "May 3, 2023") is not coarse.
      if (c.coarse !== true) cur.coarse = undefined;
      if (c.household === true) cur.household = true;
      if (c.confidence > cur.confidence) {
        cur.category = c.category;
        cur.detector = c.detector;
        cur.confidence = c.confidence;
        cur.reason = c.reason;
      }
      if (c.end > cur.end) cur.end = c.end;
      continue;
    }
    cur = {
      start: c.start,
      end: c.end,
      category: c.category,
      detector: c.detector,
      confidence: Math.round(c.confidence * 100) / 100,
      reason: c.reason,
      coarse: c.coarse,
      household: c.household,
    };
    out.push(cur);
  }
  for (let k = 0; k < out.length; k++) out[k].confidence = Math.round(out[k].confidence * 100) / 100;
  return joinPlaces(text, out);
}

/**
 * "Mayo Clinic in Rochester, MN" is one location: adjacent LOCATION findings separated only by
 * " in ", ", " or " of " are joined so the connector is not left between two redactions.
 */
const PLACE_JOIN = /^(?:,? in |, | of |,? near )$/;
/** A state after a place ("Mt. Sinai Hospital in NY") belongs to it; alone a state is not PHI. */
const STATE_TAIL =
  /^,? (?:in )?(?:[A-Z]{2}|New York|California|Texas|Florida|Illinois|Massachusetts|Pennsylvania|Ohio|Georgia|Michigan|Washington|Maryland|Minnesota)\b/;
function joinPlaces(text: string, findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.category === 'LOCATION') {
      const tail = STATE_TAIL.exec(text.slice(f.end, f.end + 20));
      if (tail) f.end += tail[0].length;
    }
    // (out[-1] of an empty list is a slow named-property lookup of "-1": the length is tested first.)
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (
      prev &&
      prev.category === 'LOCATION' &&
      f.category === 'LOCATION' &&
      f.start - prev.end <= 6 &&
      PLACE_JOIN.test(text.slice(prev.end, f.start))
    ) {
      prev.end = f.end;
      prev.confidence = Math.max(prev.confidence, f.confidence);
      if (f.coarse !== true) prev.coarse = undefined;
      if (f.household === true) prev.household = true;
      continue;
    }
    out.push(f);
  }
  return out;
}
