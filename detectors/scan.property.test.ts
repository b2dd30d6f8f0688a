import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from './engine';
import { REGISTRY } from './registry';
import { inputOf } from './test-helpers';
import { CATEGORIES, type Category, type Finding } from './types';
import { digitRuns, hasDigitRun, setGating } from './util';

const IDS = new Set(REGISTRY.map((d) => d.id));
const CATS: ReadonlySet<string> = new Set(CATEGORIES);

/** Text that looks like what the detectors look for: digits, separators, names, places, labels, ids. */
const fragment = fc.oneof(
  fc.nat({ max: 99_999_999_999 }).map(String),
  fc.stringMatching(/^\d{1,4}([-./: ]\d{1,4}){0,4}$/),
  fc.constantFrom(' ', ' ', ' ', '-', '.', '/', ':', '::', ', ', '\n', '@', '#', '(', ')', "'s ", '. ', '  ', '\t'),
  fc.constantFrom(
    'Anna',
    'S.',
    'Smith',
    'John',
    'Mass',
    'General',
    'St.',
    'Dr.',
    'Mr.',
    'Clinic',
    'Hospital',
    'Medical Center',
    'Elm',
    'Springfield',
    'IL',
    'TX',
    'Box',
    'P.O.',
    'Apt',
    'May',
    'Feb',
    'March',
    'Rochester',
    'Mayo',
    'Brooklyn',
    'Aaa',
    'İstanbul',
    'Zoë',
  ),
  fc.constantFrom(
    'patient',
    'pt',
    'MRN',
    'SSN',
    'DOB',
    'seen',
    'admitted to',
    'at',
    'in',
    'lives',
    'diabetes',
    'mg',
    'yo',
    'year-old',
    'aged',
    'fax',
    'phone',
    'NPI',
    'DEA',
    'VIN',
    'IBAN',
    'card',
    'ID',
    'case no.',
    'member',
    'serial',
    'plate',
    'zip',
    'the corner of',
  ),
  fc.constantFrom(
    '900-12-3456',
    '555-0123',
    '(555) 555-0123',
    'AB1234563',
    'jane@example.com',
    '192.0.2.1',
    '::ffff:192.0.2.1',
    '2001:db8::1',
    'www.example.org/x',
    'https://e.co/p?q=1',
    '2XY7-PQ3-RT45',
    'SPH-123456',
    '1200 W Elm St Apt 4',
    'Feb 21, 2023',
    '3/4/26',
    '2026-02-03',
    '92-year-old',
    '😀',
    'e\u0301',
  ),
);
const clinicalish = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));

const ARBITRARIES: [string, fc.Arbitrary<string>][] = [
  ['fc.string()', fc.string({ maxLength: 300 })],
  // fast-check 4 replaced fullUnicodeString() with string({ unit: 'binary' }): any code point,
  // including astral ones (surrogate pairs) and lone control characters.
  ['full Unicode strings', fc.string({ unit: 'binary', maxLength: 300 })],
  ['clinical-looking text', clinicalish],
];

function checkWellFormed(text: string, found: Finding[]): void {
  let prevEnd = 0;
  for (const f of found) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    // Sorted and non-overlapping: each finding starts at or after the previous one's end.
    expect(f.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = f.end;
    expect(CATS.has(f.category)).toBe(true);
    expect(IDS.has(f.detector)).toBe(true);
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(typeof f.reason).toBe('string');
  }
}

describe.each(ARBITRARIES)('scan on %s', (_name, arb) => {
  // If this fails, some input makes the scan throw (the guard would block every prompt like it) or
  // produce findings a redaction cannot apply: out of bounds, unsorted, overlapping or mislabelled.
  it('never throws and returns well-formed findings', () => {
    fc.assert(
      fc.property(arb, (text) => {
        checkWellFormed(text, scan(text));
        checkWellFormed(text, scan(text, { threshold: 0 }));
      }),
      { numRuns: 200 },
    );
  });

  // If this fails, region gating (the speed-up that runs digit regexes only near digits) changes a
  // result: a value is missed or found differently when the scan is gated.
  it('gives identical results with region gating on and off', () => {
    fc.assert(
      fc.property(arb, (text) => {
        const gated = scan(text, { threshold: 0 });
        let ungated: Finding[];
        setGating(false);
        try {
          ungated = scan(text, { threshold: 0 });
        } finally {
          setGating(true);
        }
        expect(gated).toEqual(ungated);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(ARBITRARIES)('digit runs on %s', (_name, arb) => {
  it('are the runs of a plain /[0-9]+/g search, with the bit set of their lengths', () => {
    fc.assert(
      fc.property(arb, (text) => {
        const want: number[] = [];
        let lengths = 0;
        for (const m of text.matchAll(/[0-9]+/g)) {
          want.push(m.index, m.index + m[0].length);
          lengths |= 1 << Math.min(m[0].length, 31);
        }
        const input = inputOf(text);
        expect(digitRuns(input)).toEqual(want);
        for (let len = 1; len <= 30; len++) expect(hasDigitRun(input, len)).toBe((lengths & (1 << len)) !== 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scan options', () => {
  // If this fails, a category the admin switched off is still reported.
  it('never reports a disabled category', () => {
    fc.assert(
      fc.property(clinicalish, fc.subarray([...CATEGORIES], { minLength: 1 }), (text, off) => {
        const categories = Object.fromEntries(off.map((c) => [c, false])) as Partial<Record<Category, boolean>>;
        for (const f of scan(text, { categories })) expect(off).not.toContain(f.category);
      }),
      { numRuns: 100 },
    );
  });

  // If this fails, a finding is reported under the confidence the caller asked for.
  it('never reports a finding under the threshold', () => {
    fc.assert(
      fc.property(clinicalish, fc.double({ min: 0, max: 1, noNaN: true }), (text, threshold) => {
        // Findings carry confidence rounded to 2 decimals.
        for (const f of scan(text, { threshold })) expect(f.confidence).toBeGreaterThanOrEqual(threshold - 0.005);
      }),
      { numRuns: 100 },
    );
  });
});
