/**
 * Unlabelled identifier-shaped codes: letter prefixes with long digit runs ("SPH-123456",
 * "B12345678", "#HJ-1234567"), digits with letter suffixes ("12345XJ"), long bare digit runs (7+),
 * and dash-grouped digit codes ("5678-2345-4321"). Clinical tokens (ICD-10, COVID-19, SGLT2, HbA1c,
 * CD4, BRCA1) have fewer than four digits and never match; numeric ranges ("1500-2000") are skipped.
 * Source: 45 CFR 164.514(b)(2)(i)(R) (any other unique identifying number or code).
 */
import type { Detector } from '../types';
import { matchAll, nearDigits, within } from '../util';

const PREFIXED = /(?<![\w#-])#?[a-z]{1,5}[-#]?\d{4,14}(?:-[a-z0-9]{1,6})?(?![\w]|[.,-]\d)/gi;
const SUFFIXED = /(?<![\w#.,-])#?\d{4,14}-?[a-z]{1,4}(?![\w]|-[0-9a-f])/gi;
const DIGITS = /(?<![\w#.,/-])#?\d{7,19}(?![\w]|[.,/]\d)/g;
const GROUPED = /(?<![\w#.,/-])#?\d{2,6}(?:-\d{2,6}){1,3}(?![\w]|[.,/-]\d)/g;
const UNITS =
  /^(?:mg|mcg|ml|kg|g|mm|cm|iu|units?|hrs?|am|pm|yo|yrs?|bpm|mmhg|kcal|mmol|meq|mosm|ng|pg|dl|l|ms|min|sec|usd|eur|st|nd|rd|th|s|x|px|k|kb|mb|gb|tb|hz|khz|mhz|ghz|mp|fps|dpi|ppi|nm|mah|w|kw|v|mv|rpm|ft|in|lb|lbs|oz|ed|rs|iso|en|din|gb|astm|ieee|rfc|ansi|ny|nyt|sha|md|utf|ucs|cve)$/i;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export const genericId: Detector = {
  id: 'generic-id',
  category: 'OTHER_ID',
  description: 'Unlabelled identifier-shaped code (letters with 4+ digits, 7+ digit runs, grouped digits)',
  source: '45 CFR 164.514(b)(2)(i)(R)',
  detect(input) {
    const t = input.text;
    const mk = (m: RegExpExecArray, confidence: number) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'OTHER_ID' as const,
      confidence,
      reason: 'identifier-shaped code',
    });
    const out = matchAll(within(PREFIXED, nearDigits(input)), t, (m) => {
      const letters = /^#?([a-z]+)/i.exec(m[0])?.[1] ?? '';
      if (UNITS.test(letters) || HEX_COLOUR.test(m[0])) return null;
      // Year-like 4-digit tails after a word ("COVID 2019", "ADA 2024") are not codes.
      const digits = m[0].replace(/\D/g, '');
      if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) return null;
      return mk(m, 0.7);
    });
    out.push(
      ...matchAll(within(SUFFIXED, nearDigits(input)), t, (m) => {
        const letters = /([a-z]+)$/i.exec(m[0])?.[1] ?? '';
        if (UNITS.test(letters) || HEX_COLOUR.test(m[0])) return null;
        if (/^(?:19|20)\d\ds$/i.test(m[0])) return null; // "1990s"
        return mk(m, 0.7);
      }),
    );
    out.push(...matchAll(within(DIGITS, nearDigits(input)), t, (m) => mk(m, 0.6)));
    out.push(
      ...matchAll(within(GROUPED, nearDigits(input)), t, (m) => {
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
      }),
    );
    return out;
  },
};
