/**
 * Vehicle licence plates. Plate formats vary by state and country and look like any short code, so
 * a plate is only reported after a plate / tag / registration label.
 * Source: 45 CFR 164.514(b)(2)(i)(L) (vehicle identifiers and serial numbers, including plates).
 */

import { matchStarts } from '../anchors';
import { labelStarts, searchLabels } from '../labelled';
import type { Detector } from '../types';

const LABELS = ['licen[cs]e plate', 'number plate', 'plate', 'tag', 'registration', 'reg\\.?'];
const RE = new RegExp(
  String.raw`(?<![a-z])(?:${LABELS.join('|')})(?![a-z])(?: number| no\.?| #)?\W{0,3}(?:is |of |reads )?([a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})(?![a-z0-9])`,
  'g',
);
// Every match starts with one of the labels after a non-letter: the shared label search finds where.
searchLabels(LABELS, RE);

export const licensePlate: Detector = {
  id: 'license-plate',
  category: 'VEHICLE',
  description: 'Vehicle licence plate after a plate / tag label',
  source: '45 CFR 164.514(b)(2)(i)(L)',
  detect(input) {
    const lower = input.lower;
    // The regex is tried where a label starts inside the digit regions (labelStarts), which are all the
    // places a search of the digit regions could find a match.
    return matchStarts(RE, labelStarts(input), lower, (m) => {
      // The value is the last group and ends the match.
      const e = m.index + m[0].length;
      const v = m[1];
      const s = e - v.length;
      if (!/\d/.test(v) || !/[a-z]/.test(v) || v.replace(/[^a-z0-9]/g, '').length < 4) return null;
      return { start: s, end: e, category: 'VEHICLE', confidence: 0.8, reason: 'licence plate (labelled)' };
    });
  },
};
