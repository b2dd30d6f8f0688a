/**
 * Medicare Beneficiary Identifier (MBI), CMS format: 11 characters
 * C A AN N A AN N A A N N, where C = 1-9, N = 0-9, A = letters excluding S L O I B Z, AN = either.
 * Often written with dashes after characters 4 and 7. Not case-sensitive in print.
 * Source: CMS, "Understanding the Medicare Beneficiary Identifier (MBI) Format",
 * https://www.cms.gov/medicare/new-medicare-card/understanding-the-mbi.pdf
 */

import { addStart, isAlnum, isAlpha, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { digitRuns, hasDigitRun } from '../util';

const A = '[ac-hjkmnp-rt-y]';
const AN = '[ac-hjkmnp-rt-y0-9]';
const RE = new RegExp(String.raw`(?<![a-z0-9])[1-9]${A}${AN}\d-?${A}${AN}\d-?${A}${A}\d\d(?![a-z0-9])`, 'g');

export const medicareMbi: Detector = {
  id: 'medicare-mbi',
  category: 'HEALTH_PLAN',
  description: 'Medicare Beneficiary Identifier (11-character CMS format)',
  source: 'https://www.cms.gov/medicare/new-medicare-card/understanding-the-mbi.pdf',
  contextWords: ['mbi', 'medicare', 'beneficiary'],
  detect(input) {
    // An MBI starts with a single digit 1-9 (a letter follows it), after neither a letter nor a digit.
    // The regex reads the lower-cased copy, so it is the one read here (same offsets, same digits).
    if (!hasDigitRun(input, 1)) return [];
    const t = input.lower;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      if (
        runs[k + 1] - q === 1 &&
        t.charCodeAt(q) !== 48 &&
        isAlpha(t.charCodeAt(q + 1)) &&
        !isAlnum(t.charCodeAt(q - 1))
      ) {
        addStart(starts, q);
      }
    }
    return matchStarts(RE, starts, t, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'HEALTH_PLAN',
      confidence: 0.9,
      reason: 'Medicare Beneficiary Identifier format',
      validated: true,
    }));
  },
};
