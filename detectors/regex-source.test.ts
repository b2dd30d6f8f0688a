import { describe, expect, it } from 'vitest';
import { alternatives, groupByFirstChar, minDigitRun, prefixesOf, regexReach } from './regex-source';

describe('alternatives', () => {
  // If this fails, a label or health term is split inside a group or at an escaped bar.
  it('splits only at top-level bars', () => {
    expect(alternatives('a|b(?:c|d)|e\\|f|(g|h)i')).toEqual(['a', 'b(?:c|d)', 'e\\|f', '(g|h)i']);
    expect(alternatives('single')).toEqual(['single']);
  });
});

describe('groupByFirstChar', () => {
  // If this fails, the regrouped union no longer tries the same alternatives in the same order.
  it('groups by first character in first-seen order, keeping order within a group', () => {
    expect(groupByFirstChar(['mrn', 'chart', 'mr ?#', 'cert'])).toBe('m(?:rn|r ?#)|c(?:hart|ert)');
  });

  it('leaves alternatives it cannot regroup after the groups', () => {
    expect(groupByFirstChar(['\\d+x', 'ab', 'a?c', '(?:x|y)z', 'ad'])).toBe('a(?:b|d)|\\d+x|a?c|(?:x|y)z');
  });

  // If this fails, a regrouped source matches other strings than the original alternatives.
  it('matches exactly what the alternatives match', () => {
    const alts = ['pt', 'pts', 'pain', 'dx', 'd ?x', 'ph', 'a-?fib'];
    const grouped = new RegExp(`^(?:${groupByFirstChar(alts)})$`);
    const plain = new RegExp(`^(?:${alts.join('|')})$`);
    for (const s of ['pt', 'pts', 'pain', 'dx', 'd x', 'ph', 'afib', 'a-fib', 'p', 'ptx', 'd  x', 'fib'])
      expect(grouped.test(s), s).toBe(plain.test(s));
  });
});

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
  it.each([
    /a+/g,
    /a*/g,
    /a{2,}/g,
    /(?<n>a)\k<n>/g,
    /[a-z]+@x/g,
    /x(?:[a-z]*y)?/g,
    // An empty class followed by a literal ']' (not a class holding ']'): not read, so not cut.
    // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: the empty class is the case under test
    /a[]]b/g,
    // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: the empty class is the case under test
    /a[^]]b/g,
  ])('%s is unbounded', (re) => {
    expect(regexReach(re)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('minDigitRun', () => {
  // If this fails, matchAll may pass over a digit region where a match starts and lose a finding (the
  // gating property test in scan.property.test.ts is the end-to-end check): the count must never exceed
  // the digits every match really holds.
  it.each([
    [/\d{5}/g, 5],
    [/(?<![\w-])\d{3}-?\d{4}(?!\d)/g, 4],
    [/\(01\)\d{14}/g, 14],
    [/(?:19|20)\d\d/g, 4],
    [/[0-9]{2}[0-9]?x/g, 2],
    [/(\d\d){3}/g, 6],
    [/(?:\d{3}|\d{5})/g, 3],
    [/#?\d{7,19}/g, 7],
    [/\d{3}(?=\d{4})/g, 3],
    [/(\d{3})\1/g, 3],
  ])('%s holds %d consecutive digits', (re, want) => {
    expect(minDigitRun(re)).toBe(want);
  });

  // If this fails, a pattern whose matches need not hold consecutive digits would prune regions.
  it.each([/\d(?:[ -]?\d){11,18}/g, /a|\d{9}/g, /[\d ]{5}/g, /[^0-9]{3}/g, /\d?\d?/g, /\p{Nd}{5}/gu])(
    '%s holds at most one digit in a row for sure',
    (re) => {
      expect(minDigitRun(re)).toBeLessThanOrEqual(1);
    },
  );
});

describe('prefixesOf', () => {
  it('reads the first characters of a label source', () => {
    expect(prefixesOf('mrn', 3)?.sort()).toEqual(['mrn']);
    expect(prefixesOf('(?:pt|patient)? ?ids?', 3)?.sort()).toEqual([' id', 'id', 'ids', 'pat', 'pt ', 'pti']);
    expect(prefixesOf('d/c|licen[cs]e|acct\\.?', 3)?.sort()).toEqual(['acc', 'd/c', 'lic']);
    expect(prefixesOf('id|dl', 3)?.sort()).toEqual(['dl', 'id']);
    expect(prefixesOf('a\\d', 3)).toBeNull();
    expect(prefixesOf('ab+c', 3)).toBeNull();
  });
});
