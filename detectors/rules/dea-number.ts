/**
 * DEA registration numbers: two letters then seven digits. The first letter is the registrant type
 * (A B C D E F G H J K L M P R S T U X); the second is usually the initial of the registrant's last
 * name (or 9 for some business registrants). Check digit: (d1 + d3 + d5) + 2 * (d2 + d4 + d6),
 * last digit of the sum equals d7.
 * Source: DEA Diversion Control, 21 CFR 1301; https://www.deadiversion.usdoj.gov/
 */

import { addStart, isAlpha, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { digitRuns, hasDigitRun } from '../util';

const RE = /(?<![a-z0-9])[abcdefghjklmprstux][a-z9]\d{7}(?![a-z0-9])/gi;

export function deaChecksumValid(value: string): boolean {
  const d = value.slice(2).split('').map(Number);
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}

export const deaNumber: Detector = {
  id: 'dea-number',
  category: 'LICENSE',
  description: 'DEA registration number with valid check digit',
  source: 'https://www.deadiversion.usdoj.gov/ (21 CFR 1301)',
  contextWords: ['dea'],
  detect(input) {
    // Two letters then a whole run of 7 digits, or a letter then a run of 8 starting with 9.
    if (!hasDigitRun(input, 7) && !hasDigitRun(input, 8)) return [];
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const len = runs[k + 1] - q;
      if (!isAlpha(t.charCodeAt(q - 1))) continue;
      if (len === 7 && isAlpha(t.charCodeAt(q - 2))) addStart(starts, q - 2);
      else if (len === 8 && t.charCodeAt(q) === 57) addStart(starts, q - 1);
    }
    return matchStarts(RE, starts, t, (m) =>
      deaChecksumValid(m[0])
        ? {
            start: m.index,
            end: m.index + m[0].length,
            category: 'LICENSE',
            confidence: 0.85,
            reason: 'DEA number (check digit valid)',
            validated: true,
          }
        : null,
    );
  },
};
