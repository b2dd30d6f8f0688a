import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, lowerSameLength, scan } from './engine';
import type { Candidate, Category, Detector } from './types';

/** A detector that proposes fixed candidates (offsets given in the test). */
function fixed(id: string, cands: Partial<Candidate>[], contextWords?: string[]): Detector {
  return {
    id,
    category: 'OTHER_ID',
    description: 'test detector',
    source: 'test',
    contextWords,
    detect: () =>
      cands.map((c) => ({
        start: 0,
        end: 1,
        category: 'OTHER_ID' as Category,
        confidence: 0.9,
        reason: id,
        ...c,
      })),
  };
}

const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789';

describe('engine: merge', () => {
  // If this fails, overlapping candidates produce overlapping findings and a redaction would splice
  // placeholders into each other (or leave part of a value).
  it('merges overlapping candidates into one finding covering their union, labelled by the most confident', () => {
    const found = scan(TEXT, {}, [
      fixed('a', [{ start: 0, end: 5, category: 'PHONE', confidence: 0.6 }]),
      fixed('b', [{ start: 3, end: 8, category: 'SSN', confidence: 0.9 }]),
    ]);
    expect(found).toEqual([{ start: 0, end: 8, category: 'SSN', detector: 'b', confidence: 0.9, reason: 'b' }]);
  });

  it('merges a chain of overlaps and contained candidates into one', () => {
    const found = scan(TEXT, {}, [
      fixed('a', [
        { start: 0, end: 4, confidence: 0.7 },
        { start: 3, end: 7, confidence: 0.6 },
        { start: 6, end: 10, confidence: 0.8, category: 'MRN' },
        { start: 1, end: 2, confidence: 0.95, category: 'DATE' },
      ]),
    ]);
    expect(found.map((f) => [f.start, f.end, f.category, f.confidence])).toEqual([[0, 10, 'DATE', 0.95]]);
  });

  it('keeps touching but not overlapping candidates apart', () => {
    const found = scan(TEXT, {}, [
      fixed('a', [
        { start: 0, end: 3 },
        { start: 3, end: 6 },
        { start: 10, end: 12 },
      ]),
    ]);
    expect(found.map((f) => [f.start, f.end])).toEqual([
      [0, 3],
      [3, 6],
      [10, 12],
    ]);
  });

  it('on a confidence tie keeps the label of the earlier, longer candidate', () => {
    const found = scan(TEXT, {}, [
      fixed('a', [{ start: 2, end: 6, category: 'EMAIL', confidence: 0.8 }]),
      fixed('b', [{ start: 0, end: 9, category: 'URL', confidence: 0.8 }]),
    ]);
    expect(found.map((f) => [f.start, f.end, f.category, f.detector])).toEqual([[0, 9, 'URL', 'b']]);
  });

  // If this fails, a detector bug producing an empty or out-of-range span corrupts the findings.
  it('ignores empty, reversed and out-of-range candidates', () => {
    const found = scan('short text', {}, [
      fixed('a', [
        { start: 3, end: 3 },
        { start: 5, end: 2 },
        { start: -1, end: 2 },
        { start: 8, end: 99 },
        { start: 6, end: 10 },
      ]),
    ]);
    expect(found.map((f) => [f.start, f.end])).toEqual([[6, 10]]);
  });

  it('returns nothing for empty or non-string input', () => {
    const d = fixed('a', [{ start: 0, end: 1 }]);
    expect(scan('', {}, [d])).toEqual([]);
    expect(scan(undefined as unknown as string, {}, [d])).toEqual([]);
  });
});

describe('engine: thresholds and categories', () => {
  const d = fixed('a', [
    { start: 0, end: 2, category: 'NAME', confidence: 0.45 },
    { start: 3, end: 5, category: 'NAME', confidence: 0.5 },
    { start: 6, end: 8, category: 'DATE', confidence: 0.7 },
    { start: 9, end: 11, category: 'SSN', confidence: 0.95 },
  ]);
  const cats = (opts: Parameters<typeof scan>[1]) => scan(TEXT, opts, [d]).map((f) => `${f.category}@${f.start}`);

  // If these fail, the admin's sensitivity settings no longer change what is reported.
  it('drops candidates under the default threshold (0.5 inclusive)', () => {
    expect(DEFAULT_THRESHOLD).toBe(0.5);
    expect(cats({})).toEqual(['NAME@3', 'DATE@6', 'SSN@9']);
  });

  it('applies a global threshold', () => {
    expect(cats({ threshold: 0.8 })).toEqual(['SSN@9']);
    expect(cats({ threshold: 0 })).toEqual(['NAME@0', 'NAME@3', 'DATE@6', 'SSN@9']);
  });

  it('lets a per-category threshold override the global one, both ways', () => {
    expect(cats({ threshold: 0.8, thresholds: { DATE: 0.6 } })).toEqual(['DATE@6', 'SSN@9']);
    expect(cats({ thresholds: { NAME: 0.9 } })).toEqual(['DATE@6', 'SSN@9']);
    expect(cats({ thresholds: { SSN: 0.99 } })).toEqual(['NAME@3', 'DATE@6']);
  });

  it('does not report a disabled category, and reports enabled ones', () => {
    expect(cats({ categories: { NAME: false } })).toEqual(['DATE@6', 'SSN@9']);
    expect(cats({ categories: { NAME: true, DATE: false, SSN: false } })).toEqual(['NAME@3']);
  });

  // If this fails, a disabled category still absorbs (and hides) an enabled finding it overlaps.
  it('drops a disabled category before merging', () => {
    const over = fixed('a', [
      { start: 0, end: 10, category: 'NAME', confidence: 0.99 },
      { start: 2, end: 5, category: 'SSN', confidence: 0.9 },
    ]);
    expect(scan(TEXT, { categories: { NAME: false } }, [over]).map((f) => [f.start, f.end, f.category])).toEqual([
      [2, 5, 'SSN'],
    ]);
  });
});

describe('engine: context words', () => {
  const boosted = (text: string, value: string) => {
    const at = text.indexOf(value);
    const d = fixed('ctx', [{ start: at, end: at + value.length, confidence: 0.4 }], ['ssn']);
    return scan(text, { threshold: 0 }, [d])[0].confidence;
  };

  // If this fails, context words no longer boost (labelled values drop under threshold) or boost from
  // inside another word.
  it('boosts a candidate preceded by a context word at a word boundary', () => {
    expect(boosted('the ssn is 123', '123')).toBe(0.55);
    expect(boosted('SSN: 123', '123')).toBe(0.55);
    expect(boosted('the xssn 456', '456')).toBe(0.4);
    expect(boosted('nothing here 789', '789')).toBe(0.4);
  });

  it('caps a boosted confidence at 1', () => {
    const found = scan('SSN 1', {}, [fixed('c', [{ start: 4, end: 5, confidence: 0.95 }], ['ssn'])]);
    expect(found[0].confidence).toBe(1);
  });

  it('only looks a bounded distance back', () => {
    const far = `ssn ${'x'.repeat(60)} 123`;
    const found = scan(far, { threshold: 0 }, [
      fixed('c', [{ start: far.length - 3, end: far.length, confidence: 0.4 }], ['ssn']),
    ]);
    expect(found[0].confidence).toBe(0.4);
  });
});

describe('engine: fail closed', () => {
  // If this fails, a crashing detector silently lets its PHI through, or the error does not say which
  // detector to fix.
  it('surfaces a throwing detector as an error naming its id', () => {
    const boom: Detector = {
      ...fixed('boom-detector', []),
      detect: () => {
        throw new Error('kaput');
      },
    };
    expect(() => scan('SSN 900-12-3456', {}, [fixed('ok', [{ start: 0, end: 3 }]), boom])).toThrow(
      /boom-detector.*kaput/,
    );
  });
});

describe('engine: offsets', () => {
  // If this fails, offsets are counted in code points or bytes instead of UTF-16 units, and every
  // redaction after an emoji or accented letter is shifted.
  it('reports UTF-16 offsets after emoji, combining marks and accented letters', () => {
    const prefix = '👩‍⚕️ Zoë, café, naïve, e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — ';
    const text = `${prefix}SSN 900-12-3456 and e-mail zoe@example.org`;
    const found = scan(text);
    const ssn = found.find((f) => f.category === 'SSN');
    const mail = found.find((f) => f.category === 'EMAIL');
    expect(ssn?.start).toBe(text.indexOf('900-12-3456'));
    expect(text.slice(ssn?.start, ssn?.end)).toBe('900-12-3456');
    expect(text.slice(mail?.start, mail?.end)).toBe('zoe@example.org');
  });

  it('keeps offsets after characters whose lower case is longer (İ)', () => {
    const text = 'İİİ İstanbul SSN 900-12-3456';
    const ssn = scan(text).find((f) => f.category === 'SSN');
    expect(text.slice(ssn?.start, ssn?.end)).toBe('900-12-3456');
  });

  // If this fails, the lower-cased copy the detectors search has a different length than the text, and
  // label matches map to the wrong offsets.
  it.each(['İ', 'İstanbul', 'ABC İ DEF', 'straße ǅ ΣΑΣ 😀 İ', 'plain ascii', ''])(
    'lowerSameLength keeps the length of %j and lower-cases the rest',
    (s) => {
      const l = lowerSameLength(s);
      expect(l.length).toBe(s.length);
      const chars = [...s];
      const lowered = [...l];
      expect(lowered.length).toBe(chars.length);
      chars.forEach((ch, i) => {
        const want = ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
        expect(lowered[i]).toBe(want);
      });
    },
  );
});

describe('engine: places', () => {
  // If this fails, "X in Y" places are split into two redactions with the connector left between them.
  it('joins adjacent locations separated by " in " / ", " / " of " into one', () => {
    const text = 'Alpha in Beta, Gamma of Delta x Eps';
    const d = fixed('p', [
      { start: 0, end: 5, category: 'LOCATION', confidence: 0.6 },
      { start: 9, end: 13, category: 'LOCATION', confidence: 0.9 },
      { start: 15, end: 20, category: 'LOCATION', confidence: 0.7 },
      { start: 24, end: 29, category: 'LOCATION', confidence: 0.7 },
      { start: 32, end: 35, category: 'LOCATION', confidence: 0.7 },
    ]);
    const found = scan(text, {}, [d]);
    expect(found.map((f) => [text.slice(f.start, f.end), f.confidence])).toEqual([
      ['Alpha in Beta, Gamma of Delta', 0.9],
      ['Eps', 0.7],
    ]);
  });

  it('does not join a location with another category', () => {
    const text = 'Alpha in Beta';
    const d = fixed('p', [
      { start: 0, end: 5, category: 'LOCATION' },
      { start: 9, end: 13, category: 'NAME' },
    ]);
    expect(scan(text, {}, [d]).length).toBe(2);
  });

  it('extends a location over a following state', () => {
    const text = 'Mercy Hospital in NY today';
    const d = fixed('p', [{ start: 0, end: 14, category: 'LOCATION' }]);
    expect(scan(text, {}, [d]).map((f) => text.slice(f.start, f.end))).toEqual(['Mercy Hospital in NY']);
  });
});

describe('engine: coarse findings', () => {
  // If this fails, a span that also holds a finer value (a full date over a month and year, a facility
  // joined with its city) is marked coarse, and decide() may let it through alone.
  it('keeps a finding coarse only when every candidate merged or joined into it is', () => {
    const text = 'Alpha in Beta; Gamma, Delta; Eps Zeta';
    const found = scan(text, {}, [
      fixed('p', [
        { start: 0, end: 5, category: 'LOCATION', coarse: true },
        { start: 9, end: 13, category: 'LOCATION' },
        { start: 15, end: 20, category: 'LOCATION', coarse: true },
        { start: 22, end: 27, category: 'LOCATION', coarse: true },
        { start: 29, end: 32, category: 'DATE', coarse: true },
        { start: 29, end: 37, category: 'DATE', confidence: 0.6 },
      ]),
    ]);
    expect(found.map((f) => [text.slice(f.start, f.end), f.coarse])).toEqual([
      ['Alpha in Beta', undefined],
      ['Gamma, Delta', true],
      ['Eps Zeta', undefined],
    ]);
  });

  // If this fails, a street address with its house number is not marked as pointing at one household, or
  // the mark is lost when the address merges with its city and state.
  it.each([
    ['I live at 4821 Birchwood Ln, Tacoma, WA 98405 and need a GP', '4821 Birchwood Ln, Tacoma, WA 98405', true],
    ['Send it to P.O. Box 149, Springfield.', 'P.O. Box 149, Springfield', true],
    ['she grew up in Tacoma, WA', 'Tacoma, WA', undefined],
  ])('marks household addresses: %j', (text, value, household) => {
    expect(scan(text).map((f) => [text.slice(f.start, f.end), f.household])).toEqual([[value, household]]);
  });

  // If this fails, the detectors no longer tell a city or a month and year from finer places and dates.
  it.each([
    ['pt from Miami with ALS', 'Miami', true],
    ['lives in Denver, CO with HF', 'Denver, CO', true],
    ['on insulin since January 2023', 'January 2023', true],
    ['f/u 03/2024 for CHF', '03/2024', true],
    ['lives in Tacoma, WA 98405 with HF', 'Tacoma, WA 98405', undefined],
    ['seen on January 3, 2023 for CHF', 'January 3, 2023', undefined],
    ['Mayo Clinic in Rochester, MN', 'Mayo Clinic in Rochester, MN', undefined],
    ['after a flu vaccine last October', 'last October', true],
    // A birth month and year is kept finer.
    ['62yo, DOB 03/1961, with ALS', '03/1961', undefined],
    ['pt born in March 1961, ALS', 'March 1961', undefined],
    ['after a flu vaccine last Tuesday', 'last Tuesday', undefined],
    ['found on a CT at a Denver hospital', 'Denver hospital', true],
    ['found on a CT at Denver General', 'Denver General', undefined],
  ])('marks the coarse findings of real detectors: %j', (text, value, coarse) => {
    const found = scan(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.coarse])).toEqual([[value, coarse]]);
  });
});
