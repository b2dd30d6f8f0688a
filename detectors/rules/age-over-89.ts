/**
 * Ages of 90 and over, which Safe Harbor requires to be aggregated into "90 or older"
 * ("92-year-old", "94 yo", "aged 91", "age: 96", "a 90 y/o"). Ages under 90 are not PHI.
 * Source: 45 CFR 164.514(b)(2)(i)(C).
 */

import { addRegion, matchRegions } from '../anchors';
import type { Detector } from '../types';
import { digitRuns, hasDigitRun } from '../util';

const RE =
  /(?<![\w.])(?:(?:aged?|age:)\s{0,2})?(9\d|1[01]\d)(?:[- ]?(?:years?|yrs?|yr)[- ]old|[- ]?y\/o\b|[- ]?yo\b|[- ]?y\.o\.)|(?<![\w])(?:aged?:?|age of)\s{0,2}(9\d|1[01]\d)(?:[ -](?:years?|yrs?)(?:[- ]old)?)?(?![\w.]|\.\d)/gi;

export const ageOver89: Detector = {
  id: 'age-over-89',
  category: 'AGE',
  description: 'Age of 90 or more',
  source: '45 CFR 164.514(b)(2)(i)(C)',
  detect(input) {
    // The age is a whole run of digits, 9x, 10x or 11x; the match starts at it or at a label at most 8
    // characters before it ("age of" and two spaces).
    if (!hasDigitRun(input, 2) && !hasDigitRun(input, 3)) return [];
    const t = input.text;
    const runs = digitRuns(input);
    const starts: [number, number][] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const len = runs[k + 1] - q;
      const c0 = t.charCodeAt(q);
      const c1 = t.charCodeAt(q + 1);
      if ((len === 2 && c0 === 57) || (len === 3 && c0 === 49 && (c1 === 48 || c1 === 49))) {
        addRegion(starts, q - 8, q + 1);
      }
    }
    return matchRegions(RE, starts, t, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'AGE',
      confidence: 0.9,
      reason: 'age of 90 or over',
    }));
  },
};
