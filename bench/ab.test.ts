import { describe, expect, it } from 'vitest';
import { parseAbArgs, summarise } from './ab';

describe('bench:ab arguments', () => {
  it('takes two revisions and a run count', () => {
    expect(parseAbArgs(['main', '.'])).toEqual({ a: 'main', b: '.', runs: 8 });
    expect(parseAbArgs(['HEAD~1', 'HEAD', '--runs', '12'])).toEqual({ a: 'HEAD~1', b: 'HEAD', runs: 12 });
  });

  it('rejects bad input with a message that says what is wrong', () => {
    expect(() => parseAbArgs(['main'])).toThrow(/two revisions/);
    expect(() => parseAbArgs(['a', 'b', 'c'])).toThrow(/two revisions/);
    expect(() => parseAbArgs(['a', 'b', '--runs'])).toThrow(/--runs takes a whole number/);
    expect(() => parseAbArgs(['a', 'b', '--runs', '1'])).toThrow(/--runs takes a whole number/);
    expect(() => parseAbArgs(['a', 'b', '--runs', '2.5'])).toThrow(/--runs takes a whole number/);
    expect(() => parseAbArgs(['a', 'b', '--fast'])).toThrow(/unknown option --fast/);
  });
});

describe('bench:ab summary', () => {
  it('takes the median and the fastest process of each side per corpus, sums each, and divides A by B', () => {
    const a = [
      { x: 10, y: 100 },
      { x: 30, y: 90 },
      { x: 20, y: 200 },
    ];
    const b = [
      { x: 5, y: 50 },
      { x: 15, y: 70 },
    ];
    const rows = summarise(a, b);
    expect(rows.map((r) => r.corpus)).toEqual(['x', 'y', 'all']);
    expect(rows[0]).toEqual({ corpus: 'x', a: 20, b: 10, ratio: 2, aMin: 10, bMin: 5, minRatio: 2 });
    expect(rows[1]).toEqual({ corpus: 'y', a: 100, b: 60, ratio: 100 / 60, aMin: 90, bMin: 50, minRatio: 90 / 50 });
    expect(rows[2]).toEqual({ corpus: 'all', a: 120, b: 70, ratio: 120 / 70, aMin: 100, bMin: 55, minRatio: 100 / 55 });
  });

  it('refuses an empty side', () => {
    expect(() => summarise([], [{ x: 1 }])).toThrow(/no process figures/);
  });
});
