import { describe, expect, it } from 'vitest';
import { alternatives, groupByFirstChar } from './regex-source';

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
