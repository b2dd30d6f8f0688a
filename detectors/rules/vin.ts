/**
 * Vehicle identification numbers: 17 characters from 0-9 and A-Z without I, O, Q (ISO 3779).
 * North American VINs carry a check digit in position 9 (49 CFR 565.15): transliterate letters,
 * weight positions 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 written as X.
 * Source: 49 CFR 565.15 https://www.ecfr.gov/current/title-49/subtitle-B/chapter-V/part-565
 */

import { addStart, isAlnum, matchStarts } from '../anchors';
import type { Detector } from '../types';
import { before, digitRuns } from '../util';

const RE = /(?<![a-z0-9])[a-hj-npr-z0-9]{17}(?![a-z0-9])/gi;
const TRANS: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheckValid(vin: string): boolean {
  const v = vin.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const n = c >= '0' && c <= '9' ? Number(c) : TRANS[c];
    if (n === undefined) return false;
    sum += n * WEIGHTS[i];
  }
  const r = sum % 11;
  return v[8] === (r === 10 ? 'X' : String(r));
}

export const vin: Detector = {
  id: 'vin',
  category: 'VEHICLE',
  description: 'Vehicle identification number (17 characters, check digit)',
  source: 'https://www.ecfr.gov/current/title-49/subtitle-B/chapter-V/part-565',
  detect(input) {
    // A VIN is a whole run of exactly 17 letters and digits (its look-arounds forbid either before and
    // after), and only one with a digit is kept: the runs of letters and digits around the digit runs
    // that are 17 long are the only places searched.
    const t = input.text;
    const runs = digitRuns(input);
    const starts: number[] = [];
    let done = -1;
    for (let k = 0; k < runs.length; k += 2) {
      if (runs[k] < done) continue; // in the letter-and-digit run already measured
      let s = runs[k];
      while (s > 0 && isAlnum(t.charCodeAt(s - 1))) s--;
      let e = runs[k + 1];
      while (isAlnum(t.charCodeAt(e))) e++;
      done = e;
      if (e - s === 17) addStart(starts, s);
    }
    return matchStarts(RE, starts, t, (m) => {
      const s = m[0];
      if (!/\d/.test(s) || !/[a-z]/i.test(s)) return null;
      const labelled = /\bvin\W{0,6}(?:number|no\.?|#)?\W{0,3}$/.test(before(input, m.index, 20));
      const valid = vinCheckValid(s);
      if (!valid && !labelled) return null;
      return {
        start: m.index,
        end: m.index + 17,
        category: 'VEHICLE',
        confidence: valid ? 0.9 : 0.85,
        reason: valid ? 'VIN (check digit valid)' : 'VIN (labelled)',
        validated: valid,
      };
    });
  },
};
