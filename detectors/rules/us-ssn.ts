/**
 * US Social Security numbers: AAA-GG-SSSS. Never issued: area 000, 666 or 900-999, group 00,
 * serial 0000 (SSA, "Social Security Number Randomization", and POMS RM 10201.035). An unlabelled
 * number in an invalid range is still an identifier-shaped value, so it is reported with lower
 * confidence; a label ("SSN", "social security") makes any value in the format a finding.
 * Source: https://www.ssa.gov/employer/randomization.html ; 45 CFR 164.514(b)(2)(i)(G).
 */

import { addStart, isDigit, isWord, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { before, digitRuns, hasDigitRun } from '../util';

const RE = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;
const LABEL = /(?:ssn|ss#|ss no|soc(?:ial)? sec(?:urity)?(?: number| no| #)?|social)\W{0,4}$/;

export function ssnRangeValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export const usSsn: Detector = {
  id: 'us-ssn',
  category: 'SSN',
  description: 'US Social Security number (AAA-GG-SSSS, with or without separators)',
  source: 'https://www.ssa.gov/employer/randomization.html',
  contextWords: ['ssn', 'social security', 'ss#'],
  detect(input) {
    // A whole run of 9 digits, or of 3 then a space or hyphen and a digit (not after \w or -).
    if (!hasDigitRun(input, 9) && !hasDigitRun(input, 3)) return [];
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const r = runs[k + 1];
      const prev = t.charCodeAt(q - 1);
      if (isWord(prev) || prev === 45) continue;
      const sep = t.charCodeAt(r);
      if (r - q === 9 || (r - q === 3 && (sep === 45 || sep === 32) && isDigit(t.charCodeAt(r + 1)))) {
        addStart(starts, q);
      }
    }
    return matchStarts(RE, starts, t, (m) => {
      const labelled = LABEL.test(before(input, m.index, 24));
      const sep = m[2];
      const valid = ssnRangeValid(m[1], m[3], m[4]);
      let confidence: number;
      if (labelled) confidence = 0.99;
      else if (sep === '')
        return null; // nine bare digits: left to the generic identifier rule
      else confidence = valid ? (sep === '-' ? 0.85 : 0.6) : 0.6;
      return {
        start: m.index,
        end: m.index + m[0].length,
        category: 'SSN',
        confidence,
        reason: valid ? 'SSN format' : 'SSN format (number outside issued ranges)',
        validated: valid,
      };
    });
  },
};
