/**
 * International Bank Account Numbers: country code, two check digits, up to 30 alphanumerics,
 * printed with or without spaces every four characters; valid when the ISO 7064 mod 97-10 check
 * gives 1. Reported as an account number.
 * Source: ISO 13616-1:2020 ; https://www.swift.com/standards/data-standards/iban
 */

import { addStart, isAlnum, isAlpha, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { digitRuns } from '../util';

const RE = /(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?(?![a-z0-9])/gi;

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, '').toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

export const iban: Detector = {
  id: 'iban',
  category: 'ACCOUNT',
  description: 'IBAN bank account number (mod 97 check)',
  source: 'ISO 13616-1:2020',
  detect(input) {
    // Exactly two letters (a third letter or digit fails the look-behind), then a run of 2+ digits.
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      if (
        runs[k + 1] - q >= 2 &&
        isAlpha(t.charCodeAt(q - 1)) &&
        isAlpha(t.charCodeAt(q - 2)) &&
        !isAlnum(t.charCodeAt(q - 3))
      ) {
        addStart(starts, q - 2);
      }
    }
    return matchStarts(RE, starts, t, (m) =>
      ibanValid(m[0])
        ? {
            start: m.index,
            end: m.index + m[0].length,
            category: 'ACCOUNT',
            confidence: 0.9,
            reason: 'IBAN (check digits valid)',
            validated: true,
          }
        : null,
    );
  },
};
