import { describe, expect, it } from 'vitest';
import { hitFor, run, vinFor } from '../test-helpers';
import { vin, vinCheckValid } from './vin';

// Valid VINs are built here with the 49 CFR 565.15 check digit; the position-9 placeholder is replaced.
const VALID = [vinFor('9ZZ7HX1P0RT123456'), vinFor('1FAKE00K0AB000001'), vinFor('2P4TR0000XY999999')];
const breakCheck = (v: string) => {
  const c = v[8];
  const other = c === '0' ? '1' : '0';
  return v.slice(0, 8) + other + v.slice(9);
};

describe('vin', () => {
  // If this fails, the check-digit computation no longer matches the regulation.
  it.each(VALID)('validates the constructed VIN %s', (v) => {
    expect(vinCheckValid(v)).toBe(true);
    expect(vinCheckValid(v.toLowerCase())).toBe(true);
    expect(vinCheckValid(breakCheck(v))).toBe(false);
  });

  // If this fails, a vehicle identifier in the text is missed.
  it.each(VALID)('finds %s without a label when its check digit is valid', (v) => {
    const hit = hitFor(vin, `car ${v} towed`, v);
    expect(hit?.category).toBe('VEHICLE');
    expect(hit?.validated).toBe(true);
  });

  // If this fails, a labelled VIN with a typo (or a non-North-American VIN) is no longer reported.
  it('finds a labelled VIN even with a wrong check digit, with lower confidence', () => {
    const bad = breakCheck(VALID[0]);
    const labelled = hitFor(vin, `VIN: ${bad}`, bad);
    const valid = hitFor(vin, `car ${VALID[0]}`, VALID[0]);
    expect(labelled?.category).toBe('VEHICLE');
    expect(labelled?.confidence ?? 1).toBeLessThan(valid?.confidence ?? 0);
  });

  // If this fails, 17-character codes that cannot be VINs (or unlabelled ones failing the check) are reported.
  it.each([
    ['wrong check digit, no label', breakCheck(VALID[0])],
    ['contains I', `${VALID[0].slice(0, 16)}I`],
    ['contains O', `O${VALID[0].slice(1)}`],
    ['contains Q', `${VALID[0].slice(0, 10)}Q${VALID[0].slice(11)}`],
    ['digits only', '12345678901234567'],
    ['letters only', 'ABCDEFGHJKLMNPRST'],
    ['16 characters', VALID[0].slice(1)],
    ['18 characters', `${VALID[0]}1`],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(vin, `car ${v} towed`)).toEqual([]);
  });
});
