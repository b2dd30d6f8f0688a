import { describe, expect, it } from 'vitest';
import { regexReach } from './util';

describe('regexReach', () => {
  // If this fails, matchAll may cut a region's window too short and miss or change a match near a
  // region's end (the gating property test in scan.property.test.ts is the end-to-end check).
  it.each([
    [/abc/g, 3],
    [/a{2,5}/g, 5],
    [/(?<![a-z])ab(?![a-z])/g, 3],
    [/\bab\b/g, 3],
    [/a|bcd/g, 3],
    [/(a)(b)\2/g, 3],
    [/(?:x|y(?=zz)){0,3}/g, 5],
    [/[\]a]{2}/g, 2],
    [/\p{L}{1,3}/gu, 6],
    [/a$/g, 2],
    [/\d{4}(?!\d)/g, 5],
    [/a{2}b?/g, 3],
  ])('%s reaches %d', (re, want) => {
    expect(regexReach(re)).toBe(want);
  });

  // If this fails, an unbounded or unreadable pattern would be cut: it must never be.
  it.each([/a+/g, /a*/g, /a{2,}/g, /(?<n>a)\k<n>/g, /[a-z]+@x/g])('%s is unbounded', (re) => {
    expect(regexReach(re)).toBe(Number.POSITIVE_INFINITY);
  });
});
