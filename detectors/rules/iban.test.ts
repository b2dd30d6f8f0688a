import { describe, expect, it } from 'vitest';
import { ibanFor, inFours, run } from '../test-helpers';
import { iban, ibanValid } from './iban';

// Valid IBANs are built here with ISO 7064 mod 97-10 check digits over synthetic BBANs.
const VALID = [
  ibanFor('DE', '999999990000000001'),
  ibanFor('GB', 'ZZZZ99999900000042'),
  ibanFor('FR', '99999000000000000000001'),
];
const breakCheck = (v: string) => `${v.slice(0, 2)}${v[2] === '9' ? '0' : '9'}${v.slice(3)}`;

describe('iban', () => {
  // If this fails, the mod-97 check no longer matches ISO 13616.
  it.each(VALID)('validates the constructed IBAN %s', (v) => {
    expect(ibanValid(v)).toBe(true);
    expect(ibanValid(inFours(v))).toBe(true);
    expect(ibanValid(breakCheck(v))).toBe(false);
  });

  // If this fails, a bank account number is missed in either print form.
  it.each(VALID.flatMap((v) => [v, inFours(v)]))('finds %s', (v) => {
    const hits = run(iban, `pay to ${v} please`);
    expect(hits.map((h) => [h.value, h.category])).toEqual([[v, 'ACCOUNT']]);
  });

  // If this fails, codes that merely look like IBANs are reported as account numbers.
  it.each([
    ['wrong check digits', breakCheck(VALID[0])],
    ['too short', ibanFor('DE', '1234567890')],
    ['no country letters', `12${VALID[0].slice(2)}`],
    ['inside a word', `X${VALID[0]}`],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(iban, `pay to ${v} please`)).toEqual([]);
  });
});
