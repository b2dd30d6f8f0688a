import { describe, expect, it } from 'vitest';
import { hitFor, run, scanHits, values } from '../test-helpers';
import { ssnRangeValid, usSsn } from './us-ssn';

// Fixtures use areas 900-999 and 666, which the SSA never issues.
describe('us-ssn', () => {
  // If this fails, a labelled SSN in one of the usual spellings reaches the chatbot.
  it.each([
    ['SSN 900-12-3456', '900-12-3456'],
    ['ssn: 666-12-3456', '666-12-3456'],
    ['Social Security Number: 912-34-5678.', '912-34-5678'],
    ['social security no 987 65 4321', '987 65 4321'],
    ['SS# 955-01-2345', '955-01-2345'],
    ['SSN 900123456', '900123456'],
  ])('finds the labelled value in %j with high confidence', (text, value) => {
    const hit = hitFor(usSsn, text, value);
    expect(hit?.category).toBe('SSN');
    expect(hit?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  // If this fails, an unlabelled hyphenated SSN in a note is no longer reported at all.
  it.each([
    ['pt SSN-like 900-12-3456 on file', '900-12-3456'],
    ['ids 666-01-2345 and 999 99 9999', '666-01-2345'],
  ])('reports an unlabelled SSN-shaped value in %j', (text, value) => {
    expect(values(usSsn, text)).toContain(value);
  });

  // If this fails, numbers that merely contain SSN-like digits (longer codes, ranges, versions) are called SSNs.
  it.each([
    '900-12-34567',
    '9001-2-3456',
    'ref 900-12-3456-7',
    'x900-12-3456',
    'value 900-12-3456.5',
    '900-12 3456',
    '900 12-3456',
    '900.12.3456',
    '90-012-3456',
    'the code 900123456 alone',
  ])('does not report %j as an SSN', (text) => {
    expect(run(usSsn, text)).toEqual([]);
  });

  // If these fail, the Presidio-style invalidation (never-issued ranges) is gone or inverted.
  it.each([
    ['000', '12', '3456'],
    ['666', '12', '3456'],
    ['900', '12', '3456'],
    ['999', '12', '3456'],
    ['123', '00', '4567'],
    ['123', '45', '0000'],
  ])('treats %s-%s-%s as outside the issued ranges', (a, g, s) => {
    expect(ssnRangeValid(a, g, s)).toBe(false);
  });

  it.each([
    ['001', '01', '0001'],
    ['665', '99', '9999'],
    ['899', '10', '1000'],
  ])('treats %s-%s-%s as inside the issued ranges', (a, g, s) => {
    expect(ssnRangeValid(a, g, s)).toBe(true);
  });

  // If this fails, never-issued numbers without a label weigh as much as plausible ones, or a label
  // no longer overrides the range check.
  it('gives unlabelled never-issued values lower confidence than labelled ones or issued-range ones', () => {
    // 123-45-6789 is the sequential placeholder used in documentation, only for the range comparison.
    const issued = hitFor(usSsn, 'on file 123-45-6789', '123-45-6789');
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '912-00-3456', '912-34-0000']) {
      const unlabelled = hitFor(usSsn, `on file ${bad}`, bad);
      const labelled = hitFor(usSsn, `SSN ${bad}`, bad);
      expect(unlabelled?.validated, bad).toBeFalsy();
      expect(unlabelled?.confidence ?? 0, bad).toBeLessThan(issued?.confidence ?? 0);
      expect(labelled?.confidence ?? 0, bad).toBeGreaterThan(unlabelled?.confidence ?? 1);
    }
    expect(issued?.validated).toBe(true);
  });

  // If this fails, the engine no longer reports a labelled SSN as SSN (e.g. another detector outranks it).
  it('scan reports a labelled SSN as one SSN finding over exactly the number', () => {
    const text = 'Patient SSN: 900-12-3456, DOB withheld.';
    const ssn = scanHits(text).filter((h) => h.category === 'SSN');
    expect(ssn.map((h) => h.value)).toEqual(['900-12-3456']);
  });
});
