/**
 * National Provider Identifier: 10 digits, first digit 1 or 2, last digit a Luhn check digit
 * computed over the prefix 80840 followed by the first nine digits (ISO 7812 card issuer prefix for
 * US health). Without an "NPI" label a valid 10-digit number is still reported, with lower
 * confidence, since it could be a phone number written without separators (also an identifier).
 * Source: CMS, "Requirements for NPI Check Digit",
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf
 */
import type { Detector } from '../types';
import { before, luhnValid, matchAll, nearDigits, within } from '../util';

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
    return matchAll(within(RE, nearDigits(input)), input.text, (m) => {
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
