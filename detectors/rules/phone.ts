/**
 * Telephone and fax numbers. North American Numbering Plan (NPA-NXX-XXXX, optional +1, brackets,
 * dots, spaces, extensions) and international E.164-style numbers (+CC then 6-14 digits in groups).
 * A "fax" label turns the finding into FAX. Bare digit groups without a label need the NANP shape.
 * Source: ITU-T E.164; NANPA numbering plan https://nationalnanpa.com ; 45 CFR 164.514(b)(2)(i)(D,E).
 */
import { addRegion, addStart, isDigit, isWord, matchRegions, matchStarts } from '../anchors';
import type { Candidate, Detector, ScanInput } from '../types';
import { before, digitRuns, gatingOn, type Regions } from '../util';

// NANP: (555) 123-4567 | 555-123-4567 | 555.123.4567 | 555 123 4567 | +1 555 123 4567 | (555)123-4567
const NANP =
  /(?<![\w+.-])(?:\+?1[-. ]?)?(?:\(\d{3}\)[-. ]?|\d{3}[-. ])\d{3}[-. ]\d{4}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\w-]|\.\d)/g;
// International: +CC followed by digit groups; or 0-prefixed national formats with groups.
const INTL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){2,6}(?![\w-]|\.\d)/g;
const NATIONAL = /(?<![\w+.(-]|\d )(?:\(\d{2,5}\)[ ]?|0\d{1,4}[ .-])\d{2,4}(?:[ .-]\d{2,4}){1,3}(?![\w-]|\.\d)/g;
// Labelled bare numbers: "phone 5551234567", "tel: 0123 456789", "call 451 5986".
const KIND_AFTER = /(?<![\w+.-])(\+?[\d(][\d ().-]{5,18}\d)(?=[- ]?(?:office|mobile|home|work|cell|fax)\b)/g;
const LABELLED =
  /(?<![a-z])(?:phone|ph|tel|telephone|cell|mobile|mob|fax|call|pager|beeper|whatsapp|dial|contact(?: number| no\.?| #)?|(?:call|reach|text|ring) (?:me|us|him|her|them) (?:on|at)|answering at|my (?:number|cell|mobile) is|registered(?: number| phone| mobile)?)(?:\s(?:number|no\.?|#))?(?:\s(?:is|was))?\W{0,4}(\+?[\d(][\d ().-]{5,18}\d)/g;

/** The kinds KIND_AFTER accepts after a number. */
const KINDS = ['office', 'mobile', 'home', 'work', 'cell', 'fax'];
const KIND_INITIAL = new Set(KINDS.map((k) => k.charCodeAt(0)));

/** A character a phone value is made of: `[\d ().+-]`. */
function valueChar(c: number): boolean {
  return isDigit(c) || c === 32 || c === 40 || c === 41 || c === 46 || c === 43 || c === 45;
}

/** Candidate starts of each phone regex (see anchors.ts), from one walk over the digit runs. */
interface PhoneStarts {
  nanp: readonly number[];
  intl: readonly number[];
  national: readonly number[];
  labelled: Regions;
  kindAfter: Regions;
}
/** No candidate start at all (shared, read only: matchStarts and matchRegions do not change them). */
const NO_PHONE_STARTS: PhoneStarts = { nanp: [], intl: [], national: [], labelled: [], kindAfter: [] };
function phoneStarts(input: ScanInput): PhoneStarts {
  const t = input.text;
  const lower = input.lower;
  const n = t.length;
  const runs = digitRuns(input);
  if (runs.length === 0) return NO_PHONE_STARTS;
  const nanp: number[] = [];
  const intl: number[] = [];
  const national: number[] = [];
  const labelled: [number, number][] = [];
  const kindAfter: [number, number][] = [];
  let clusterEnd = -1;
  let clusterFirst = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const q = runs[k];
    const r = runs[k + 1];
    const len = r - q;
    const first = t.charCodeAt(q);
    const prev = t.charCodeAt(q - 1);
    // NANP: digit groups [1] 3 3 4 (or 1+3 written as one run), each separated by at most two
    // characters ("-", ") ", " ("), so the runs from the first one hold at least 10 digits.
    if (len === 3 || ((len === 1 || len === 4) && first === 49)) {
      let total = len;
      for (let j = k + 2; j < runs.length && total < 10 && runs[j] - runs[j - 1] <= 2; j += 2) {
        total += runs[j + 1] - runs[j];
      }
      if (total >= 10) {
        if (prev === 40 || prev === 43) addStart(nanp, q - 1);
        addStart(nanp, q);
      }
    }
    // INTL: "+" then the digits.
    if (prev === 43) addStart(intl, q - 1);
    // NATIONAL: "(" 2-5 digits ")", or 0 then 1-4 digits and a separator.
    if (len >= 2 && len <= 5) {
      const next = t.charCodeAt(r);
      if (prev === 40 && next === 41) addStart(national, q - 1);
      else if (first === 48 && (next === 32 || next === 46 || next === 45) && !isWord(prev)) {
        addStart(national, q);
      }
    }
    // LABELLED: the value `\+?[\d(][\d ().-]{5,18}\d` lies in a run of value characters (a cluster)
    // spanning 7+ characters from a digit or "(" to a digit; the label starts at most 33 characters
    // before the cluster (label, connectors and \W{0,4}), and before it (a label is letters).
    if (q >= clusterEnd) {
      let cs = q;
      while (cs > 0 && valueChar(t.charCodeAt(cs - 1))) cs--;
      let ce = r;
      while (ce < n && valueChar(t.charCodeAt(ce))) ce++;
      clusterEnd = ce;
      let f = cs;
      while (f < q && t.charCodeAt(f) !== 40) f++;
      clusterFirst = f;
      let l = ce - 1;
      while (!isDigit(t.charCodeAt(l))) l--;
      if (l - f >= 6) addRegion(labelled, cs - 34, cs);
    }
    // KIND_AFTER: a value of 7-21 characters (in the cluster) ending with this run, then [- ]? and a kind.
    if (r - 1 - clusterFirst >= 6) {
      let p = r;
      const sep = t.charCodeAt(p);
      if (sep === 45 || sep === 32) p++;
      if (KIND_INITIAL.has(lower.charCodeAt(p))) {
        for (const kind of KINDS) {
          if (lower.startsWith(kind, p)) {
            addRegion(kindAfter, r - 21, r - 6);
            break;
          }
        }
      }
    }
  }
  if (nanp.length + intl.length + national.length + labelled.length + kindAfter.length === 0) return NO_PHONE_STARTS;
  return { nanp, intl, national, labelled, kindAfter };
}

/** The number of ASCII digits in `s` (what `s.replace(/\D/g, '').length` counts, without the copy). */
function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

function category(input: ScanInput, start: number) {
  // The regex needs "fax" in the 28 characters before the number: a window without one is PHONE at once.
  const lower = input.lower;
  let f = Math.max(0, start - 28);
  while (f + 3 <= start && !(lower.charCodeAt(f) === 102 && lower.startsWith('fax', f))) f++;
  if (f + 3 > start) return 'PHONE';
  return /\bfax\b[^.\n\d]{0,20}$/.test(before(input, start, 28)) ? 'FAX' : 'PHONE';
}

export const phone: Detector = {
  id: 'phone',
  category: 'PHONE',
  description: 'Telephone or fax number (NANP and international formats)',
  source: 'https://www.itu.int/rec/T-REC-E.164 ; https://nationalnanpa.com',
  contextWords: ['phone', 'tel', 'call', 'cell', 'mobile', 'fax', 'contact', 'reach'],
  detect(input) {
    const t = input.text;
    const at = phoneStarts(input);
    // Nothing can start: no closure, list or regex call (with gating off, a test hook, every regex runs).
    if (at === NO_PHONE_STARTS && gatingOn()) return [];
    const out: Candidate[] = [];
    matchStarts(
      NANP,
      at.nanp,
      t,
      (m) => ({
        start: m.index,
        end: m.index + m[0].length,
        category: category(input, m.index),
        confidence: 0.85,
        reason: 'phone number format',
      }),
      out,
    );
    matchStarts(
      INTL,
      at.intl,
      t,
      (m) => {
        const digits = digitCount(m[0]);
        if (digits < 8 || digits > 15) return null;
        return {
          start: m.index,
          end: m.index + m[0].length,
          category: category(input, m.index),
          confidence: 0.8,
          reason: 'international phone number',
        };
      },
      out,
    );
    matchStarts(
      NATIONAL,
      at.national,
      t,
      (m) => {
        const digits = digitCount(m[0]);
        if (digits < 8 || digits > 13) return null;
        return {
          start: m.index,
          end: m.index + m[0].length,
          category: category(input, m.index),
          confidence: 0.6,
          reason: 'phone number format',
        };
      },
      out,
    );
    matchRegions(
      LABELLED,
      at.labelled,
      input.lower,
      (m) => {
        // The value is the last group and ends the match.
        const e = m.index + m[0].length;
        const s = e - m[1].length;
        const digits = digitCount(m[1]);
        if (digits < 7 || digits > 15) return null;
        return { start: s, end: e, category: category(input, s), confidence: 0.9, reason: 'labelled phone number' };
      },
      out,
    );
    // A number followed by its kind: "3660170548-Office", "(37) 788-063 mobile".
    matchRegions(
      KIND_AFTER,
      at.kindAfter,
      input.lower,
      (m) => {
        const digits = digitCount(m[1]);
        if (digits < 7 || digits > 15) return null;
        const e = m.index + m[1].length;
        return {
          start: m.index,
          end: e,
          category: /fax/.test(m[0].slice(m[1].length)) ? 'FAX' : 'PHONE',
          confidence: 0.85,
          reason: 'phone number with its kind',
        };
      },
      out,
    );
    return out;
  },
};
