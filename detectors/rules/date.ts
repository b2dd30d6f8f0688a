/**
 * Dates tied to a person: every element of a date except the year is PHI (birth, admission,
 * discharge, death, visit). Written forms: "Feb 21, 2023", "May 30th", "3rd of May 2021",
 * "March 2021", "3/4/26", "02-22-2024", "2026-02-03", "12.03.2021", ISO date-times, and "3/4"
 * after a date cue ("on", "DOB", "seen"). Bare years, durations ("3 days ago") and ages are not
 * dates. Month and day values are validated.
 * Source: 45 CFR 164.514(b)(2)(i)(C); ISO 8601.
 */
import type { Candidate, Detector } from '../types';
import { before, matchAll, nearDigits, within } from '../util';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
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
const RELATIVE = new RegExp(
  String.raw`\b(?:last|this past|next|this coming)[ \t]{1,2}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|${MONTH})\b`,
  'gi',
);
// Month/day without year, only after a date cue.
const SHORT = /(?<![\w./-])(\d{1,2})\/(\d{1,2})(?![\w]|[./-]\d)/g;
const CUE =
  /(?:\bon|\bdob|birth|born|\bseen|since|from|until|till|dated?|admitted|admission|discharged?|d\/c|visit|appt|appointment|surgery|procedure|died|death|deceased|expired|\bby|\bdue|last|next)\W{0,4}$/;

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
    const mk = (start: number, end: number, confidence: number, reason: string): Candidate => ({
      start,
      end,
      category: 'DATE',
      confidence,
      reason,
    });
    const out = matchAll(within(MONTH_DAY, nearDigits(input)), t, (m) => {
      if (!dayOk(Number(m[1]))) return null;
      // "may" is also a verb: only the capitalised month counts, and not at the start of a sentence
      // unless a year follows.
      if (isMay(t, m.index) && t[m.index] !== 'M') return null;
      return mk(m.index, m.index + m[0].length, 0.9, 'date');
    });
    out.push(
      ...matchAll(within(MONTH_YEAR, nearDigits(input)), t, (m) => {
        if (isMay(t, m.index) && t[m.index] !== 'M') return null;
        return mk(m.index, m.index + m[0].length, 0.75, 'month and year');
      }),
    );
    out.push(
      ...matchAll(within(DAY_MONTH, nearDigits(input)), t, (m) => {
        if (!dayOk(Number(m[1]))) return null;
        const monthAt = m.index + m[0].search(/[a-z]{3}/i);
        if (isMay(t, monthAt) && t[monthAt] !== 'M') return null;
        return mk(m.index, m.index + m[0].length, 0.85, 'date');
      }),
    );
    out.push(
      ...matchAll(within(NUMERIC, nearDigits(input)), t, (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        if (!((monthOk(a) && dayOk(b)) || (dayOk(a) && monthOk(b)))) return null;
        if (m[2] === '.' && m[4].length !== 4) return null; // 1.2.34 is more likely a version
        return mk(m.index, m.index + m[0].length, 0.9, 'numeric date');
      }),
    );
    out.push(
      ...matchAll(within(ISO, nearDigits(input)), t, (m) => {
        if (!monthOk(Number(m[3])) || !dayOk(Number(m[4]))) return null;
        return mk(m.index, m.index + m[0].length, 0.9, 'ISO date');
      }),
    );
    out.push(
      ...matchAll(RELATIVE, t, (m) => mk(m.index, m.index + m[0].length, 0.6, 'weekday or month relative to now')),
    );
    out.push(
      ...matchAll(within(SHORT, nearDigits(input)), t, (m) => {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (!(monthOk(a) && dayOk(b))) return null;
        if (!CUE.test(before(input, m.index, 24))) return null;
        return mk(m.index, m.index + m[0].length, 0.75, 'month/day after a date cue');
      }),
    );
    return out;
  },
};
