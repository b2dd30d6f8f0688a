/**
 * Telephone and fax numbers. North American Numbering Plan (NPA-NXX-XXXX, optional +1, brackets,
 * dots, spaces, extensions) and international E.164-style numbers (+CC then 6-14 digits in groups).
 * A "fax" label turns the finding into FAX. Bare digit groups without a label need the NANP shape.
 * Source: ITU-T E.164; NANPA numbering plan https://nationalnanpa.com ; 45 CFR 164.514(b)(2)(i)(D,E).
 */
import type { Detector } from '../types';
import { before, digits, matchAll, nearDigits, within } from '../util';

// NANP: (555) 123-4567 | 555-123-4567 | 555.123.4567 | 555 123 4567 | +1 555 123 4567 | (555)123-4567
const NANP =
  /(?<![\w+.-])(?:\+?1[-. ]?)?(?:\(\d{3}\)[-. ]?|\d{3}[-. ])\d{3}[-. ]\d{4}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\w-]|\.\d)/g;
// International: +CC followed by digit groups; or 0-prefixed national formats with groups.
const INTL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){2,6}(?![\w-]|\.\d)/g;
const NATIONAL = /(?<![\w+.(-]|\d )(?:\(\d{2,5}\)[ ]?|0\d{1,4}[ .-])\d{2,4}(?:[ .-]\d{2,4}){1,3}(?![\w-]|\.\d)/g;
// Labelled bare numbers: "phone 5551234567", "tel: 0123 456789", "call 451 5986".
const KIND_AFTER = /(?<![\w+.-])(\+?[\d(][\d ().-]{5,18}\d)(?=[- ]?(?:office|mobile|home|work|cell|fax)\b)/g;
const LABELLED =
  /(?<![a-z])(?:phone|ph|tel|telephone|cell|mobile|mob|fax|call|pager|beeper|whatsapp|dial|contact(?: number| no\.?| #)?|(?:call|reach|text|ring) (?:me|us|him|her|them) (?:on|at)|answering at|my (?:number|cell|mobile) is|registered(?: number| phone| mobile)?)(?:\s(?:number|no\.?|#))?(?:\s(?:is|was))?\W{0,4}(\+?[\d(][\d ().-]{5,18}\d)/dg;

function category(input: Parameters<Detector['detect']>[0], start: number) {
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
    const out = matchAll(within(NANP, nearDigits(input)), t, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: category(input, m.index),
      confidence: 0.85,
      reason: 'phone number format',
    }));
    out.push(
      ...matchAll(within(INTL, nearDigits(input)), t, (m) => {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits < 8 || digits > 15) return null;
        return {
          start: m.index,
          end: m.index + m[0].length,
          category: category(input, m.index),
          confidence: 0.8,
          reason: 'international phone number',
        };
      }),
    );
    out.push(
      ...matchAll(within(NATIONAL, nearDigits(input)), t, (m) => {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits < 8 || digits > 13) return null;
        return {
          start: m.index,
          end: m.index + m[0].length,
          category: category(input, m.index),
          confidence: 0.6,
          reason: 'phone number format',
        };
      }),
    );
    out.push(
      ...matchAll(within(LABELLED, digits(input)), input.lower, (m) => {
        const [s, e] = (m as RegExpExecArray & { indices: [number, number][] }).indices[1];
        const digits = m[1].replace(/\D/g, '').length;
        if (digits < 7 || digits > 15) return null;
        return { start: s, end: e, category: category(input, s), confidence: 0.9, reason: 'labelled phone number' };
      }),
    );
    // A number followed by its kind: "3660170548-Office", "(37) 788-063 mobile".
    out.push(
      ...matchAll(within(KIND_AFTER, nearDigits(input)), input.lower, (m) => {
        const digits = m[1].replace(/\D/g, '').length;
        if (digits < 7 || digits > 15) return null;
        const e = m.index + m[1].length;
        return {
          start: m.index,
          end: e,
          category: /fax/.test(m[0].slice(m[1].length)) ? 'FAX' : 'PHONE',
          confidence: 0.85,
          reason: 'phone number with its kind',
        };
      }),
    );
    return out;
  },
};
