/**
 * Dates tied to a person: every element of a date except the year is PHI (birth, admission,
 * discharge, death, visit). Written forms: "Feb 21, 2023", "May 30th", "3rd of May 2021",
 * "March 2021", "3/4/26", "02-22-2024", "2026-02-03", "12.03.2021", ISO date-times, and "3/4"
 * after a date cue ("on", "DOB", "seen"). Bare years, durations ("3 days ago") and ages are not
 * dates. Month and day values are validated.
 * Source: 45 CFR 164.514(b)(2)(i)(C); ISO 8601.
 */
import { addStart, isAlpha, isDigit, isWord, letterRunStart, matchStarts } from '../anchors';
import { tokensOf } from '../tokens';
import type { Candidate, Detector, ScanInput } from '../types';
import { before, digitRuns, gatingOn } from '../util';
import { WEEKDAY_NAMES } from '../vocab';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = `(?:${WEEKDAY_NAMES.join('|')})`;
const ORD = '(?:st|nd|rd|th)?';
const YEAR = String.raw`(?:\d{4}|'\d{2})`;
const TIME = String.raw`(?:,?[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)?`;

// Month-first: "Feb 21, 2023", "May 30th", "Sept. 3rd 2021"; and month + year "March 2021".
const MONTH_DAY = new RegExp(
  String.raw`(?<![a-z])${MONTH}\.?[ \t]{1,3}(\d{1,2})${ORD}(?![\d:]|[.,]\d{1,2}\b|[ -](?:hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|minutes?|mins?|seconds?|times?|doses?|units?|mg|kg|%)\b)(?:,?[ \t]{0,3}${YEAR}(?!\d))?${TIME}`,
  'gi',
);
const MONTH_YEAR = new RegExp(String.raw`(?<![a-z])${MONTH}\.?,?[ \t]{1,3}(?:of[ \t]{1,3})?(\d{4})(?!\d)`, 'gi');
// Day-first: "21 Feb 2023", "3rd of May", "21-Feb-2023".
const DAY_MONTH = new RegExp(
  String.raw`(?<![\w.,/])(\d{1,2})${ORD}(?:[ \t]{1,3}(?:of[ \t]{1,3})?|-)${MONTH}\.?(?![a-z])(?:,?[ \t-]{0,3}${YEAR}(?!\d))?`,
  'gi',
);
// Numeric with year: 3/4/26, 02-22-2024, 12.03.2021; ISO 2026-02-03 (with optional time).
const NUMERIC = /(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w]|[./-]\d)/g;
const ISO = new RegExp(String.raw`(?<![\w./-])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)${TIME}`, 'g');
// "last Friday", "this past July": a weekday or month relative to now. ("last month" is not a date.)
const RELATIVE = new RegExp(String.raw`\b(?:last|this past|next|this coming)[ \t]{1,2}(?:${WEEKDAY}|${MONTH})\b`, 'gi');
// Month/day without year ("3/17"), or month/year ("12/2025"), only after a date cue.
const SHORT = /(?<![\w./-])(\d{1,2})\/(\d{1,2}|(?:19|20)\d\d)(?![\w]|[./-]\d)/g;
const CUE = new RegExp(
  String.raw`(?:\bon|\bdob|\bdos|birth|born|\bseen|since|from|until|till|dated?|admitted|admission|discharged?|d\/c|f\/u|follow[- ]?up|scheduled(?: for)?|visit|appt|appointment|surgery|procedure|\b(?:echo|tte|tee|ekg|ecg|eeg|emg|cxr|mri|cta?|cath|egd|biopsy|colonoscopy|ultrasound|x-?ray)|died|death|deceased|expired|\bby|\bdue|last|next|${WEEKDAY}|\bmon|\btues?|\bwed|\bthu(?:rs?)?|\bfri)\.?\W{0,4}$`,
);

/** A birth cue just before a date: "DOB 03/1961", "born in March 1961". */
const BIRTH_BEFORE = /(?:\bdob|\bd\.o\.b\.?|\bborn(?: in| on)?|\bbirth(?:date|day)?)\W{0,3}$/;

/**
 * A month and year is coarse (types.ts Finding.coarse) unless it is a birth date: a birth month and year
 * is kept as a finer identifier ("DOB 03/1961" alone still warns).
 */
function coarseUnlessBirth(input: ScanInput, at: number): true | undefined {
  return BIRTH_BEFORE.test(before(input, at, 16)) ? undefined : true;
}

/**
 * A date of a public event, not of a person: "The FDA approved lecanemab on January 6, 2023", "the guideline
 * published on November 12, 2013". Only words that cannot describe a patient's own record count ("approved",
 * "issued" or "released" can: a prior authorisation, a prescription, a discharge).
 */
const PUBLIC_EVENT_BEFORE = /\b(?:published|announced|enacted|launched|fda)\b[^.;:?!\n]{0,30}$/;

/** The candidates without the dates of public events (PUBLIC_EVENT_BEFORE in the 48 characters before). */
function publicEventDates(input: ScanInput, out: Candidate[]): Candidate[] {
  let kept = 0;
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (!PUBLIC_EVENT_BEFORE.test(before(input, c.start, 48))) out[kept++] = c;
  }
  out.length = kept;
  return out;
}

/** A RELATIVE match that names a weekday: every weekday name ends in "day", no month name does. */
const WEEKDAY_END = /day$/i;

/** Where RELATIVE can start: "last", "next" or "this past/coming" in the lower-cased copy (same offsets). */
const RELATIVE_HINT = /(?:last|next)[ \t]|this (?:past|coming)[ \t]/g;

/**
 * Every month name of MONTH starts with one of these three letters (read in the lower-cased copy, same
 * offsets), kept as numbers made of the three character codes, so a position is tested without slicing.
 */
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
function prefixKey(c0: number, c1: number, c2: number): number {
  return (c0 << 14) | (c1 << 7) | c2;
}
const MONTH_KEYS: ReadonlySet<number> = new Set(
  MONTH_PREFIXES.map((m) => prefixKey(m.charCodeAt(0), m.charCodeAt(1), m.charCodeAt(2))),
);
function monthAt(lower: string, p: number): boolean {
  const c = lower.charCodeAt(p);
  // A quick rejection before the look-up: the month initials.
  if (c !== 106 && c !== 102 && c !== 109 && c !== 97 && c !== 115 && c !== 111 && c !== 110 && c !== 100) return false;
  const c1 = lower.charCodeAt(p + 1);
  const c2 = lower.charCodeAt(p + 2);
  // (ASCII only: the key has seven bits per character. Past the end charCodeAt is NaN: no month.)
  return c1 < 128 && c2 < 128 && MONTH_KEYS.has(prefixKey(c, c1, c2));
}

function spaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}
/** `[./-]`, the separators of numeric dates. */
function dateSep(c: number): boolean {
  return c === 46 || c === 47 || c === 45;
}
/** The look-behind `(?<![\w./-])` of NUMERIC, ISO and SHORT holds at `q`. */
function freeBefore(t: string, q: number): boolean {
  const c = t.charCodeAt(q - 1);
  return !isWord(c) && !dateSep(c);
}

/**
 * The start of a month word ending (before an optional "." and, with `comma`, an optional ",") just
 * before `[ \t]{1,3}` that ends at `end`, or -1. The month alternation is all letters and the regexes'
 * look-behind `(?<![a-z])` forbids a letter before it, so the month is the whole letter run there.
 */
function monthBefore(t: string, lower: string, end: number, comma: boolean): number {
  let j = end - 1;
  while (j >= 0 && spaceOrTab(t.charCodeAt(j))) j--;
  const spaces = end - 1 - j;
  if (spaces < 1 || spaces > 3) return -1;
  if (comma && t.charCodeAt(j) === 44) j--;
  if (t.charCodeAt(j) === 46) j--;
  const s = letterRunStart(t, j + 1);
  const len = j + 1 - s;
  return len >= 3 && len <= 9 && monthAt(lower, s) ? s : -1;
}

/** After a day ending at `r`: `(?:st|nd|rd|th)?(?:[ \t]{1,3}(?:of[ \t]{1,3})?|-)` then a month, as DAY_MONTH reads it. */
function monthAfterDay(t: string, lower: string, r: number): boolean {
  let p = r;
  if (isAlpha(t.charCodeAt(p))) {
    if (!ordinalAt(lower, p)) return false;
    p += 2;
  }
  if (t.charCodeAt(p) === 45) return monthAt(lower, p + 1);
  p = afterSpaces(t, p);
  if (p < 0) return false;
  if (monthAt(lower, p)) return true;
  if (!lower.startsWith('of', p)) return false;
  p = afterSpaces(t, p + 2);
  return p >= 0 && monthAt(lower, p);
}
/** "st", "nd", "rd" or "th" at `p` of the lower-cased copy. */
function ordinalAt(lower: string, p: number): boolean {
  const a = lower.charCodeAt(p);
  const b = lower.charCodeAt(p + 1);
  return (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
}
/** The position after 1-3 spaces or tabs at `p` (all of them: a fourth leaves the regex no match), or -1. */
function afterSpaces(t: string, p: number): number {
  let e = p;
  while (spaceOrTab(t.charCodeAt(e))) e++;
  return e - p >= 1 && e - p <= 3 ? e : -1;
}

/** Candidate starts of each digit-anchored date regex (see anchors.ts), from one walk over the digit runs. */
interface DateStarts {
  monthDay: readonly number[];
  monthYear: readonly number[];
  dayMonth: readonly number[];
  numeric: readonly number[];
  iso: readonly number[];
  short: readonly number[];
}
/** No candidate start at all (shared, read only: matchStarts does not change its starts). */
const NO_DATE_STARTS: DateStarts = { monthDay: [], monthYear: [], dayMonth: [], numeric: [], iso: [], short: [] };
function dateStarts(input: ScanInput): DateStarts {
  const t = input.text;
  const lower = input.lower;
  const runs = digitRuns(input);
  if (runs.length === 0) return NO_DATE_STARTS;
  const monthDay: number[] = [];
  const monthYear: number[] = [];
  const dayMonth: number[] = [];
  const numeric: number[] = [];
  const iso: number[] = [];
  const short: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const q = runs[k];
    const r = runs[k + 1];
    const len = r - q;
    if (len > 4 || len === 3) continue;
    const next = t.charCodeAt(r);
    if (len <= 2) {
      // MONTH_DAY: month, optional ".", 1-3 spaces, then this run (a third digit would fail (?![\d:])).
      const m = monthBefore(t, lower, q, false);
      if (m >= 0) addStart(monthDay, m);
      if (freeBefore(t, q) && dateSep(next) && isDigit(t.charCodeAt(r + 1))) {
        // SHORT: the run, "/" and a digit. NUMERIC: the run, a separator, a run of 1-2 digits (the next
        // run), the same separator again and a digit.
        if (next === 47) addStart(short, q);
        const r2 = runs[k + 3];
        if (r2 - (r + 1) <= 2 && t.charCodeAt(r2) === next && isDigit(t.charCodeAt(r2 + 1))) addStart(numeric, q);
      }
      // DAY_MONTH (look-behind (?<![\w.,/])): the run, an optional ordinal suffix, then 1-3 spaces or tabs
      // (and optionally "of" and 1-3 more) or "-", then a month.
      const p = t.charCodeAt(q - 1);
      if (!isWord(p) && p !== 46 && p !== 44 && p !== 47 && monthAfterDay(t, lower, r)) addStart(dayMonth, q);
    } else {
      // MONTH_YEAR: month, optional "." and ",", 1-3 spaces, optional "of" and 1-3 spaces, four digits.
      const m = monthBefore(t, lower, q, true);
      if (m >= 0) addStart(monthYear, m);
      else {
        let j = q - 1;
        while (j >= 0 && spaceOrTab(t.charCodeAt(j))) j--;
        const of = letterRunStart(t, j + 1);
        if (j + 1 - of === 2 && lower.startsWith('of', of) && q - 1 - j <= 3) {
          const m2 = monthBefore(t, lower, of, true);
          if (m2 >= 0) addStart(monthYear, m2);
        }
      }
      // ISO: (?:19|20)\d\d, then a separator and a digit.
      const c0 = t.charCodeAt(q);
      const c1 = t.charCodeAt(q + 1);
      if (((c0 === 49 && c1 === 57) || (c0 === 50 && c1 === 48)) && dateSep(next) && isDigit(t.charCodeAt(r + 1))) {
        if (freeBefore(t, q)) addStart(iso, q);
      }
    }
  }
  if (monthDay.length + monthYear.length + dayMonth.length + numeric.length + iso.length + short.length === 0) {
    return NO_DATE_STARTS;
  }
  return { monthDay, monthYear, dayMonth, numeric, iso, short };
}

/**
 * RELATIVE's possible starts (a superset), recorded by the tokenizer (tokens.ts relativeHint): the matches
 * of RELATIVE_HINT in the lower-cased copy, each 4 before the end of a token followed by a space or tab,
 * but those after an ASCII letter or digit (no \b there, where RELATIVE starts).
 */
function relativeStarts(input: ScanInput): readonly number[] {
  tokensOf(input);
  const hints = input.cache?.relativeStarts;
  if (hints !== undefined) return hints;
  // (Tokens made without the lower-cased text: the same search over the lower-cased copy.)
  const out: number[] = [];
  RELATIVE_HINT.lastIndex = 0;
  for (let m = RELATIVE_HINT.exec(input.lower); m; m = RELATIVE_HINT.exec(input.lower)) out.push(m.index);
  return out;
}

function dayOk(d: number): boolean {
  return d >= 1 && d <= 31;
}
function monthOk(m: number): boolean {
  return m >= 1 && m <= 12;
}
function isMay(text: string, start: number): boolean {
  return text.slice(start, start + 3).toLowerCase() === 'may';
}

export const date: Detector = {
  id: 'date',
  category: 'DATE',
  description: 'Calendar date with a day or month (all common written forms)',
  source: '45 CFR 164.514(b)(2)(i)(C); ISO 8601',
  contextWords: ['dob', 'born', 'birth', 'admitted', 'discharged', 'seen', 'died', 'visit', 'surgery'],
  detect(input) {
    const t = input.text;
    const at = dateStarts(input);
    const relative = relativeStarts(input);
    // Nothing can start: no closure, list or regex call (with gating off, a test hook, every regex runs).
    if (at === NO_DATE_STARTS && relative.length === 0 && gatingOn()) return [];
    const mk = (start: number, end: number, confidence: number, reason: string, coarse?: true): Candidate => ({
      start,
      end,
      category: 'DATE',
      confidence,
      reason,
      coarse,
    });
    const out = matchStarts(
      MONTH_DAY,
      at.monthDay,
      t,
      (m) => {
        if (!dayOk(Number(m[1]))) return null;
        // "may" is also a verb: only the capitalised month counts, and not at the start of a sentence
        // unless a year follows.
        if (isMay(t, m.index) && t[m.index] !== 'M') return null;
        return mk(m.index, m.index + m[0].length, 0.9, 'date');
      },
      [],
    );
    matchStarts(
      MONTH_YEAR,
      at.monthYear,
      t,
      (m) => {
        if (isMay(t, m.index) && t[m.index] !== 'M') return null;
        return mk(m.index, m.index + m[0].length, 0.75, 'month and year', coarseUnlessBirth(input, m.index));
      },
      out,
    );
    matchStarts(
      DAY_MONTH,
      at.dayMonth,
      t,
      (m) => {
        if (!dayOk(Number(m[1]))) return null;
        const monthAt = m.index + m[0].search(/[a-z]{3}/i);
        if (isMay(t, monthAt) && t[monthAt] !== 'M') return null;
        return mk(m.index, m.index + m[0].length, 0.85, 'date');
      },
      out,
    );
    matchStarts(
      NUMERIC,
      at.numeric,
      t,
      (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        if (!((monthOk(a) && dayOk(b)) || (dayOk(a) && monthOk(b)))) return null;
        if (m[2] === '.' && m[4].length !== 4) return null; // 1.2.34 is more likely a version
        return mk(m.index, m.index + m[0].length, 0.9, 'numeric date');
      },
      out,
    );
    matchStarts(
      ISO,
      at.iso,
      t,
      (m) => {
        if (!monthOk(Number(m[3])) || !dayOk(Number(m[4]))) return null;
        return mk(m.index, m.index + m[0].length, 0.9, 'ISO date');
      },
      out,
    );
    matchStarts(
      RELATIVE,
      relative,
      t,
      // "last October" is a month of a known year (coarse, like "October 2025"); "last Tuesday" is one day.
      (m) =>
        mk(
          m.index,
          m.index + m[0].length,
          0.6,
          'weekday or month relative to now',
          WEEKDAY_END.test(m[0]) ? undefined : true,
        ),
      out,
    );
    matchStarts(
      SHORT,
      at.short,
      t,
      (m) => {
        const a = Number(m[1]);
        const b = Number(m[2]);
        const year = m[2].length === 4;
        if (!(monthOk(a) && (year || dayOk(b)))) return null;
        if (!CUE.test(before(input, m.index, 24))) return null;
        return mk(
          m.index,
          m.index + m[0].length,
          0.75,
          year ? 'month/year after a date cue' : 'month/day after a date cue',
          year ? coarseUnlessBirth(input, m.index) : undefined,
        );
      },
      out,
    );
    return publicEventDates(input, out);
  },
};
