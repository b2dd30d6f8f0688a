import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { email } from './email';

describe('email', () => {
  // If this fails, an e-mail address is missed or its span takes sentence punctuation with it.
  it.each([
    ['write to jane.roe@example.com', 'jane.roe@example.com'],
    ['mail j_roe+tag@mail.example.co.uk.', 'j_roe+tag@mail.example.co.uk'],
    ['(a-b@sub-domain.example.org)', 'a-b@sub-domain.example.org'],
    ['JANE.ROE@EXAMPLE.COM', 'JANE.ROE@EXAMPLE.COM'],
    ['x@example.health, y@example.clinic', 'x@example.health'],
  ])('finds the address in %j', (text, value) => {
    const hits = run(email, text);
    expect(hits.map((h) => h.value)).toContain(value);
    expect(hits.every((h) => h.category === 'EMAIL')).toBe(true);
  });

  it('finds each of several addresses', () => {
    expect(values(email, 'x@example.health, y@example.clinic')).toEqual(['x@example.health', 'y@example.clinic']);
  });

  // If this fails, handles, bare hosts or malformed addresses are reported as e-mail addresses.
  it.each(['foo@bar', 'a@b.c', 'user@localhost', '@mention here', 'name@ example.com', 'a@@example.com', '@@'])(
    'finds no address in %j',
    (text) => {
      expect(run(email, text)).toEqual([]);
    },
  );
});
