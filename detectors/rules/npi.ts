/**
 * National Provider Identifier: 10 digits, first digit 1 or 2, last digit a Luhn check digit
 * computed over the prefix 80840 followed by the first nine digits (ISO 7812 card issuer prefix for
 * US health). Without an "NPI" label a valid 10-digit number is still reported, with lower
 * confidence, since it could be a phone number written without separators (also an identifier).
 * Source: CMS, "Requirements for NPI Check Digit",
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf
 */

import { addStart, isWord, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { before, digitRuns, hasDigitRun, luhnValid } from '../util';

const RE = /(?<![\w.-])[12]\d{9}(?![\w]|[.-]\d)/g;

export function npiValid(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && luhnValid(`80840${npi}`);
}

export const npi: Detector = {
  id: 'npi',
  category: 'LICENSE',
  description: 'National Provider Identifier (10 digits, Luhn over 80840 prefix)',
  source:
    'https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf',
  detect(input) {
    // A whole run of 10 digits starting with 1 or 2, not after \w . -
    if (!hasDigitRun(input, 10)) return [];
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const c = t.charCodeAt(q);
      const prev = t.charCodeAt(q - 1);
      if (runs[k + 1] - q === 10 && (c === 49 || c === 50) && !isWord(prev) && prev !== 46 && prev !== 45) {
        addStart(starts, q);
      }
    }
    return matchStarts(RE, starts, t, (m) => {
      if (!npiValid(m[0])) return null;
      const labelled = /npi\W{0,8}(?:number|no\.?|#)?\W{0,4}$/.test(before(input, m.index, 20));
      return {
        start: m.index,
        end: m.index + 10,
        category: 'LICENSE',
        confidence: labelled ? 0.99 : 0.7,
        reason: 'NPI (check digit valid)',
        validated: true,
      };
    });
  },
};
