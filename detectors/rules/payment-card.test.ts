import { describe, expect, it } from 'vitest';
import { hitFor, inFours, run, scanHits, withLuhn, wrongDigit } from '../test-helpers';
import { paymentCard } from './payment-card';

// Card numbers are synthetic payloads completed here with a Luhn check digit.
const CARD16 = withLuhn('499999000000001');
const CARD15 = withLuhn('37999900000000');
const CARD13 = withLuhn('499990000000');
const breakCheck = (v: string) => v.slice(0, -1) + wrongDigit(v.slice(-1));
const amex = (v: string) => `${v.slice(0, 4)} ${v.slice(4, 10)} ${v.slice(10)}`;

describe('payment-card', () => {
  // If this fails, a Luhn-valid card number in one of the usual print forms is missed.
  it.each([CARD16, inFours(CARD16), CARD16.replace(/(\d{4})(?=\d)/g, '$1-'), amex(CARD15), CARD15, CARD13])(
    'finds %s',
    (v) => {
      const hit = hitFor(paymentCard, `charged ${v} today`, v);
      expect(hit?.category).toBe('PAYMENT_CARD');
      expect(hit?.validated).toBe(true);
      expect(scanHits(`card ${v}`).map((h) => [h.value, h.category])).toEqual([[v, 'PAYMENT_CARD']]);
    },
  );

  // If this fails, a labelled card number with a typo is dropped, or an unlabelled Luhn-invalid number is reported.
  it('reports a Luhn-invalid number only after a card label, with lower confidence', () => {
    const bad = inFours(breakCheck(CARD16));
    expect(run(paymentCard, `charged ${bad} today`)).toEqual([]);
    const labelled = hitFor(paymentCard, `credit card number: ${bad}`, bad);
    const valid = hitFor(paymentCard, `charged ${inFours(CARD16)}`, inFours(CARD16));
    expect(labelled?.category).toBe('PAYMENT_CARD');
    expect(labelled?.validated).toBeFalsy();
    expect(labelled?.confidence ?? 1).toBeLessThan(valid?.confidence ?? 0);
  });

  // If this fails, digit strings that cannot be card numbers are reported as cards.
  it.each([
    ['one repeated digit (Luhn-valid)', '0000 0000 0000 0000'],
    ['eleven digits', withLuhn('4999990000')],
    ['twenty digits', withLuhn('4999990000000000000')],
    ['part of a decimal', `${CARD16}.5`],
    ['inside a code', `AB${CARD16}`],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(paymentCard, `card ${v} here`)).toEqual([]);
  });
});
