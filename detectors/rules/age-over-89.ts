/**
 * Ages of 90 and over, which Safe Harbor requires to be aggregated into "90 or older"
 * ("92-year-old", "94 yo", "aged 91", "age: 96", "a 90 y/o"). Ages under 90 are not PHI.
 * Source: 45 CFR 164.514(b)(2)(i)(C).
 */
import type { Detector } from '../types';
import { matchAll, nearDigits, within } from '../util';

const RE =
  /(?<![\w.])(?:(?:aged?|age:)\s{0,2})?(9\d|1[01]\d)(?:[- ]?(?:years?|yrs?|yr)[- ]old|[- ]?y\/o\b|[- ]?yo\b|[- ]?y\.o\.)|(?<![\w])(?:aged?:?|age of)\s{0,2}(9\d|1[01]\d)(?:[ -](?:years?|yrs?)(?:[- ]old)?)?(?![\w.]|\.\d)/gi;

export const ageOver89: Detector = {
  id: 'age-over-89',
  category: 'AGE',
  description: 'Age of 90 or more',
  source: '45 CFR 164.514(b)(2)(i)(C)',
  detect(input) {
    return matchAll(within(RE, nearDigits(input)), input.text, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'AGE',
      confidence: 0.9,
      reason: 'age of 90 or over',
    }));
  },
};
