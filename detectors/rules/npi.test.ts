import { describe, expect, it } from 'vitest';
import { hitFor, npiFor, run, wrongDigit } from '../test-helpers';
import { npi, npiValid } from './npi';

// Valid NPIs are built here: Luhn over "80840" + the first nine digits (CMS NPI check-digit paper).
const VALID = [npiFor('123456789'), npiFor('299999990'), npiFor('100000001')];
const breakCheck = (v: string) => v.slice(0, -1) + wrongDigit(v.slice(-1));

describe('npi', () => {
  // If this fails, the check-digit rule (80840 prefix + Luhn) no longer matches the CMS one.
  it.each(VALID)('validates the constructed NPI %s', (v) => {
    expect(npiValid(v)).toBe(true);
    expect(npiValid(breakCheck(v))).toBe(false);
  });

  // If this fails, a provider's NPI is missed, or a labelled one is not ranked above a bare one
  // (a bare 10-digit number may be a phone number written without separators).
  it.each(VALID)('finds %s, labelled with higher confidence than bare', (v) => {
    const labelled = hitFor(npi, `NPI: ${v}`, v);
    const bare = hitFor(npi, `provider ${v} ok`, v);
    expect(labelled?.category).toBe('LICENSE');
    expect(bare?.category).toBe('LICENSE');
    expect(labelled?.confidence ?? 0).toBeGreaterThan(bare?.confidence ?? 1);
    expect(bare?.confidence ?? 0).toBeGreaterThanOrEqual(0.5);
  });

  // If this fails, ten-digit numbers that are not NPIs are reported as NPIs.
  it.each([
    ['wrong check digit', breakCheck(VALID[0])],
    ['first digit 3', `3${VALID[0].slice(1)}`],
    ['eleven digits', `${VALID[0]}0`],
    ['nine digits', VALID[0].slice(0, 9)],
    ['part of a decimal', `${VALID[0]}.5`],
    ['inside a code', `A${VALID[0]}`],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(npi, `NPI ${v} here`)).toEqual([]);
  });
});
