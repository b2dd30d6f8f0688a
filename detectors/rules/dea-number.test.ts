import { describe, expect, it } from 'vitest';
import { deaFor, run, scanHits, wrongDigit } from '../test-helpers';
import { deaChecksumValid, deaNumber } from './dea-number';

// Valid values are built here from the DEA check-digit rule, not copied from anywhere.
const VALID = [deaFor('AB', '123456'), deaFor('FZ', '902468'), deaFor('M9', '550123'), deaFor('XR', '000017')];
const breakCheck = (v: string) => v.slice(0, -1) + wrongDigit(v.slice(-1));

describe('dea-number', () => {
  // If this fails, the check-digit rule no longer matches the published one.
  it.each(VALID)('accepts the constructed check digit of %s', (v) => {
    expect(deaChecksumValid(v)).toBe(true);
    expect(deaChecksumValid(breakCheck(v))).toBe(false);
  });

  // If this fails, a prescriber's DEA number in a note is missed or its span is wrong.
  it.each(VALID)('finds %s in a sentence, validated', (v) => {
    const hits = run(deaNumber, `prescriber ${v}, schedule II`);
    expect(hits.map((h) => [h.value, h.category, h.validated])).toEqual([[v, 'LICENSE', true]]);
  });

  it('accepts lower case and a DEA label raises confidence', () => {
    const v = VALID[0];
    expect(run(deaNumber, `dea ${v.toLowerCase()}`).map((h) => h.value)).toEqual([v.toLowerCase()]);
    const plain = scanHits(`prescriber ${v}`).find((h) => h.value === v);
    const labelled = scanHits(`DEA: ${v}`).find((h) => h.value === v);
    expect(labelled?.category).toBe('LICENSE');
    expect(labelled?.confidence ?? 0).toBeGreaterThan(plain?.confidence ?? 1);
  });

  // If this fails, look-alike codes (wrong check digit, unused registrant letters, wrong length) are
  // reported as DEA numbers.
  it.each([
    ['wrong check digit', breakCheck(VALID[0])],
    ['registrant letter I', `I${VALID[0].slice(1)}`],
    ['registrant letter Z', `Z${VALID[0].slice(1)}`],
    ['eight digits', `${VALID[0]}0`],
    ['six digits', VALID[0].slice(0, -1)],
    ['inside a word', `X${VALID[0]}`],
    ['one letter', VALID[0].slice(1)],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(deaNumber, `code ${v} here`)).toEqual([]);
  });
});
