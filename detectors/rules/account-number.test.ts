import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { accountNumber } from './account-number';

describe('account-number', () => {
  // If this fails, a labelled billing / bank / claim number is missed or its span is wrong.
  it.each([
    ['acct no. 55-0192', '55-0192'],
    ['account #: 900123456', '900123456'],
    ['claim 88812345 denied', '88812345'],
    ['invoice INV-20931.', 'INV-20931'],
    ['billing id: BX77120', 'BX77120'],
    ['a/c 0099-8812', '0099-8812'],
    ['guarantor # G-449912', 'G-449912'],
  ])('finds the value in %j', (text, value) => {
    const hits = run(accountNumber, text);
    expect(hits.map((h) => [h.value, h.category])).toEqual([[value, 'ACCOUNT']]);
  });

  // If this fails, the words account / claim followed by quantities or years become account numbers.
  it.each([
    'account for 2024',
    'claim 12 items',
    'take into account 3 factors',
    'the account was closed',
    'claim 100',
    'routing is fine',
  ])('finds no account number in %j', (text) => {
    expect(values(accountNumber, text)).toEqual([]);
  });
});
