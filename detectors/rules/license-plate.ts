/**
 * Vehicle licence plates. Plate formats vary by state and country and look like any short code, so
 * a plate is only reported after a plate / tag / registration label.
 * Source: 45 CFR 164.514(b)(2)(i)(L) (vehicle identifiers and serial numbers, including plates).
 */
import type { Detector } from '../types';
import { digits, matchAll, within } from '../util';

const RE =
  /(?<![a-z])(?:licen[cs]e plate|number plate|plate|tag|registration|reg\.?)(?![a-z])(?: number| no\.?| #)?\W{0,3}(?:is |of |reads )?([a-z0-9]{1,4}[ -]?[a-z0-9]{1,5})(?![a-z0-9])/dg;

export const licensePlate: Detector = {
  id: 'license-plate',
  category: 'VEHICLE',
  description: 'Vehicle licence plate after a plate / tag label',
  source: '45 CFR 164.514(b)(2)(i)(L)',
  detect(input) {
    return matchAll(within(RE, digits(input)), input.lower, (m) => {
      const [s, e] = (m as RegExpExecArray & { indices: [number, number][] }).indices[1];
      const v = m[1];
      if (!/\d/.test(v) || !/[a-z]/.test(v) || v.replace(/[^a-z0-9]/g, '').length < 4) return null;
      return { start: s, end: e, category: 'VEHICLE', confidence: 0.8, reason: 'licence plate (labelled)' };
    });
  },
};
