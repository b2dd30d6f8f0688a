/**
 * Unlabelled identifier-shaped codes: letter prefixes with long digit runs ("SPH-123456",
 * "B12345678", "#HJ-1234567"), digits with letter suffixes ("12345XJ"), long bare digit runs (7+),
 * and dash-grouped digit codes ("5678-2345-4321"). Clinical tokens (ICD-10, COVID-19, SGLT2, HbA1c,
 * CD4, BRCA1) have fewer than four digits and never match; numeric ranges ("1500-2000") are skipped.
 * Source: 45 CFR 164.514(b)(2)(i)(R) (any other unique identifying number or code).
 */
import { addStart, isAlpha, isDigit, isWord, letterRunStart, matchStarts } from '../anchors';
import type { Candidate, Detector, ScanInput } from '../types';
import { digitRuns, gatingOn } from '../util';

const PREFIXED = /(?<![\w#-])#?[a-z]{1,5}[-#]?\d{4,14}(?:-[a-z0-9]{1,6})?(?![\w]|[.,-]\d)/gi;
const SUFFIXED = /(?<![\w#.,-])#?\d{4,14}-?[a-z]{1,4}(?![\w]|-[0-9a-f])/gi;
const DIGITS = /(?<![\w#.,/-])#?\d{7,19}(?![\w]|[.,/]\d)/g;
const GROUPED = /(?<![\w#.,/-])#?\d{2,6}(?:-\d{2,6}){1,3}(?![\w]|[.,/-]\d)/g;
const UNITS =
  /^(?:mg|mcg|ml|kg|g|mm|cm|iu|units?|hrs?|am|pm|yo|yrs?|bpm|mmhg|kcal|mmol|meq|mosm|ng|pg|dl|l|ms|min|sec|usd|eur|st|nd|rd|th|s|x|px|k|kb|mb|gb|tb|hz|khz|mhz|ghz|mp|fps|dpi|ppi|nm|mah|w|kw|v|mv|rpm|ft|in|lb|lbs|oz|ed|rs|iso|en|din|gb|astm|ieee|rfc|ansi|ny|nyt|sha|md|utf|ucs|cve)$/i;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * Where a code starting with the digit run at `q` (or with a "#" just before it) can start, given the
 * characters its look-behind forbids before it (`\w` and those of `extra`); -1 for nowhere.
 */
function codeStart(t: string, q: number, extra: string): number {
  const prev = t.charCodeAt(q - 1);
  if (prev === 35) return q - 1;
  return isWord(prev) || extra.includes(t[q - 1]) ? -1 : q;
}

/** Candidate starts of each generic-id regex (see anchors.ts), from one walk over the digit runs. */
interface IdStarts {
  prefixed: readonly number[];
  suffixed: readonly number[];
  digits: readonly number[];
  grouped: readonly number[];
}
/** No candidate start at all (shared, read only: matchStarts does not change its starts). */
const NO_ID_STARTS: IdStarts = { prefixed: [], suffixed: [], digits: [], grouped: [] };
function idStarts(input: ScanInput): IdStarts {
  const t = input.text;
  const runs = digitRuns(input);
  if (runs.length === 0) return NO_ID_STARTS;
  const prefixed: number[] = [];
  const suffixed: number[] = [];
  const digits: number[] = [];
  const grouped: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const q = runs[k];
    const r = runs[k + 1];
    const len = r - q;
    const next = t.charCodeAt(r);
    if (len >= 4 && len <= 14) {
      // PREFIXED: 1-5 letters (the whole letter run: a letter or digit before them fails the
      // look-behind), an optional "-" or "#", then this whole run (a 15th digit fails the look-ahead).
      const sep = t.charCodeAt(q - 1);
      const e = sep === 45 || sep === 35 ? q - 1 : q;
      const s = letterRunStart(t, e);
      if (e - s >= 1 && e - s <= 5) {
        if (t.charCodeAt(s - 1) === 35) addStart(prefixed, s - 1);
        addStart(prefixed, s);
      }
      // SUFFIXED: this whole run, an optional "-", then a letter.
      if (isAlpha(next) || (next === 45 && isAlpha(t.charCodeAt(r + 1)))) {
        const c = codeStart(t, q, '.,-');
        if (c >= 0) addStart(suffixed, c);
      }
    }
    // DIGITS: a whole run of 7-19 digits.
    if (len >= 7 && len <= 19) {
      const c = codeStart(t, q, '.,/-');
      if (c >= 0) addStart(digits, c);
    }
    // GROUPED: a run of 2-6 digits, then "-" and a digit.
    if (len >= 2 && len <= 6 && next === 45 && isDigit(t.charCodeAt(r + 1))) {
      const c = codeStart(t, q, '.,/-');
      if (c >= 0) addStart(grouped, c);
    }
  }
  if (prefixed.length + suffixed.length + digits.length + grouped.length === 0) return NO_ID_STARTS;
  return { prefixed, suffixed, digits, grouped };
}

export const genericId: Detector = {
  id: 'generic-id',
  category: 'OTHER_ID',
  description: 'Unlabelled identifier-shaped code (letters with 4+ digits, 7+ digit runs, grouped digits)',
  source: '45 CFR 164.514(b)(2)(i)(R)',
  detect(input) {
    const t = input.text;
    const at = idStarts(input);
    // Nothing can start: no closure, list or regex call (with gating off, a test hook, every regex runs).
    if (at === NO_ID_STARTS && gatingOn()) return [];
    const mk = (m: RegExpExecArray, confidence: number) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'OTHER_ID' as const,
      confidence,
      reason: 'identifier-shaped code',
    });
    const out: Candidate[] = [];
    matchStarts(
      PREFIXED,
      at.prefixed,
      t,
      (m) => {
        const letters = /^#?([a-z]+)/i.exec(m[0])?.[1] ?? '';
        if (UNITS.test(letters) || HEX_COLOUR.test(m[0])) return null;
        // Year-like 4-digit tails after a word ("COVID 2019", "ADA 2024") are not codes.
        const digits = m[0].replace(/\D/g, '');
        if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) return null;
        return mk(m, 0.7);
      },
      out,
    );
    matchStarts(
      SUFFIXED,
      at.suffixed,
      t,
      (m) => {
        const letters = /([a-z]+)$/i.exec(m[0])?.[1] ?? '';
        if (UNITS.test(letters) || HEX_COLOUR.test(m[0])) return null;
        if (/^(?:19|20)\d\ds$/i.test(m[0])) return null; // "1990s"
        return mk(m, 0.7);
      },
      out,
    );
    matchStarts(DIGITS, at.digits, t, (m) => mk(m, 0.6), out);
    matchStarts(
      GROUPED,
      at.grouped,
      t,
      (m) => {
        const groups = m[0].replace('#', '').split('-');
        const total = groups.join('').length;
        if (total < 6) return null;
        if (groups.length === 2) {
          const [a, b] = groups;
          if (Number(a) < Number(b) && a.length <= b.length) return null; // a range: 7000-10000
          if (/^(?:19|20)\d\d$/.test(a) && /^\d{2}$/.test(b)) return null; // 2021-22
          if (/^(?:19|20)\d\d$/.test(b)) return null; // a standard and its year: 16549-2023
        }
        return mk(m, 0.6);
      },
      out,
    );
    return out;
  },
};
