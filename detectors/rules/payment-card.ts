/**
 * Payment card numbers (PAN): 12-19 digits, optionally in groups of 4 (Amex 4-6-5), that pass the
 * Luhn check (ISO/IEC 7812-1 Annex B). Not a Safe Harbor category by name, but a unique identifying
 * number that must not reach a chatbot.
 * Source: ISO/IEC 7812-1:2017 ; https://en.wikipedia.org/wiki/Luhn_algorithm
 */

import { addStart, isWord, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { before, digitRuns, digitsOf, luhnValid } from '../util';

const RE = /(?<![\w.-])\d(?:[ -]?\d){11,18}(?![\w]|[.-]\d)/g;

export const paymentCard: Detector = {
  id: 'payment-card',
  category: 'PAYMENT_CARD',
  description: 'Payment card number (Luhn-valid, 12-19 digits)',
  source: 'ISO/IEC 7812-1:2017 Annex B',
  contextWords: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'cc'],
  detect(input) {
    // A number starts at a digit run (not after \w . -) from which runs joined by single spaces or
    // hyphens hold at least 12 digits.
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const prev = t.charCodeAt(q - 1);
      if (isWord(prev) || prev === 46 || prev === 45) continue;
      let total = runs[k + 1] - q;
      for (let j = k + 2; j < runs.length && total < 12 && runs[j] - runs[j - 1] === 1; j += 2) {
        const sep = t.charCodeAt(runs[j - 1]);
        if (sep !== 32 && sep !== 45) break;
        total += runs[j + 1] - runs[j];
      }
      if (total >= 12) addStart(starts, q);
    }
    return matchStarts(RE, starts, t, (m) => {
      const d = digitsOf(m[0]);
      if (d.length < 12 || d.length > 19 || /^(\d)\1+$/.test(d)) return null;
      const labelled = /(?:card|credit|debit|visa|mastercard|amex|cc)\b\W{0,12}(?:number|no\.?|#)?\W{0,4}$/.test(
        before(input, m.index, 30),
      );
      if (!luhnValid(d)) {
        return labelled
          ? {
              start: m.index,
              end: m.index + m[0].length,
              category: 'PAYMENT_CARD',
              confidence: 0.8,
              reason: 'card number (labelled)',
            }
          : null;
      }
      return {
        start: m.index,
        end: m.index + m[0].length,
        category: 'PAYMENT_CARD',
        confidence: d.length >= 13 ? 0.85 : 0.65,
        reason: 'card number (Luhn valid)',
        validated: true,
      };
    });
  },
};
