/**
 * Vehicle licence plates. Plate formats vary by state and country and look like any short code, so
 * a plate is only reported after a plate / tag / registration label.
 * Source: 45 CFR 164.514(b)(2)(i)(L) (vehicle identifiers and serial numbers, including plates).
 */

import { matchRegions } from '../anchors';
import type { Detector } from '../types';
import { digits } from '../util';

const RE =
  /(?<![a-z])(?:licen[cs]e plate|number plate|plate|tag|registration|reg\.?)(?![a-z])(?: number| no\.?| #)?\W{0,3}(?:is |of |reads )?([a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})(?![a-z0-9])/g;
/**
 * Every label holds one of these words, not followed by a letter, starting at most 8 characters after the
 * label's start ("licence plate"). A region of the text without one has no label starting in it.
 */
const LABEL_WORD = /(?:plate|tag|reg|registration)(?![a-z])/;

export const licensePlate: Detector = {
  id: 'license-plate',
  category: 'VEHICLE',
  description: 'Vehicle licence plate after a plate / tag label',
  source: '45 CFR 164.514(b)(2)(i)(L)',
  detect(input) {
    const lower = input.lower;
    // Only the digit regions with a label word in them (or just after, for a label starting at their end)
    // are searched: no match starts in the others, so leaving them out changes nothing.
    const regions = digits(input).filter(([s, e]) => LABEL_WORD.test(lower.slice(s, e + 22)));
    return matchRegions(RE, regions, lower, (m) => {
      // The value is the last group and ends the match.
      const e = m.index + m[0].length;
      const v = m[1];
      const s = e - v.length;
      if (!/\d/.test(v) || !/[a-z]/.test(v) || v.replace(/[^a-z0-9]/g, '').length < 4) return null;
      return { start: s, end: e, category: 'VEHICLE', confidence: 0.8, reason: 'licence plate (labelled)' };
    });
  },
};
