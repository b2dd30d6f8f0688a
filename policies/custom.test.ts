import { describe, expect, it } from 'vitest';
import type { Finding } from '../detectors/types';
import { assess } from './assess';
import { compilePattern, createCustomMatcher, mergeFindings } from './custom';
import { LIMITS } from './schema';

const spans = (text: string, fs: Finding[]) => fs.map((f) => [text.slice(f.start, f.end), f.category, f.detector]);

function timeMs(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.max(best, 2);
}

describe('custom patterns (re2js)', () => {
  // If this fails, an admin pattern with nested quantifiers can freeze every clinician's browser.
  it.each([
    ['(a+)+$', 'a', '!'],
    ['(a+)+$', 'a', ''],
    ['(x+x+)+y', 'x', ''],
    ['(a|aa)+$', 'a', 'b'],
    ['(\\w+\\s?)+$', 'ab ', '!'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'aa', '!'],
  ])('%s runs in linear time on adversarial input', (pattern, unit, tail) => {
    const m = createCustomMatcher([{ id: 'evil', pattern }], []);
    expect(m.patterns).toHaveLength(1);
    const input = (n: number) => unit.repeat(Math.ceil(n / unit.length)) + tail;
    // A backtracking engine needs ~2^26 steps here (seconds); RE2 needs microseconds. Fails fast, never hangs.
    const t = performance.now();
    m.find(input(26));
    expect(performance.now() - t).toBeLessThan(250);
    // Warm the lazy DFA and the JIT first, then compare 64 KB with 1 MB: linear is ~16x, backtracking never ends.
    m.find(input(4096));
    const small = timeMs(() => m.find(input(1 << 16)));
    const t0 = performance.now();
    m.find(input(1 << 20));
    const big = performance.now() - t0;
    expect(big).toBeLessThan(5000);
    expect(big / small).toBeLessThan(16 * 8);
  });

  it('finds matches with UTF-16 offsets, category, confidence and reason from the policy', () => {
    const m = createCustomMatcher(
      [
        { id: 'seh-mrn', pattern: 'SEH-?\\d{7}', category: 'MRN', label: 'St Elsewhere MRN' },
        { id: 'bed', pattern: 'bed [a-z]\\d{2}', flags: 'i' },
      ],
      [],
    );
    const text = '😀 Pt at SEH-0012345, BED C12 → SEH9876543';
    const found = m.find(text);
    expect(spans(text, found)).toEqual([
      ['SEH-0012345', 'MRN', 'custom:seh-mrn'],
      ['SEH9876543', 'MRN', 'custom:seh-mrn'],
      ['BED C12', 'OTHER_ID', 'custom:bed'],
    ]);
    expect(found[0]).toMatchObject({ confidence: 0.9, reason: "your organisation's rule: St Elsewhere MRN" });
    // The reason names the rule, never the value it matched.
    for (const f of found) expect(f.reason).not.toMatch(/\d{4}/);
  });

  it('rejects what RE2 cannot do, flags outside ims, empty matches and oversized programs, without quoting them', () => {
    const cases = [
      { id: 'a', pattern: '(\\d)\\1' },
      { id: 'b', pattern: 'x(?=y)' },
      { id: 'c', pattern: 'abc', flags: 'g' },
      { id: 'd', pattern: '\\d*' },
      { id: 'e', pattern: '[0-9]{1000}[a-z]{100}' },
      { id: 'f', pattern: 'x'.repeat(LIMITS.patternLength + 1) },
    ];
    for (const p of cases) {
      const r = compilePattern(p);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toContain(p.pattern.slice(0, 6));
    }
    expect(compilePattern({ id: 'ok', pattern: '[0-9]{9}' }).ok).toBe(true);
  });

  it('stops after the match limit on a pathological text', () => {
    const m = createCustomMatcher([{ id: 'x', pattern: 'x' }], []);
    expect(m.find('x'.repeat(50_000))).toHaveLength(LIMITS.patternMatches);
  });
});

describe('custom terms', () => {
  const m = createCustomMatcher(
    [],
    [
      { term: 'St Elsewhere' },
      { term: 'St Elsewhere Children' },
      { term: 'Ward 7B', category: 'LOCATION' },
      { term: 'SEH', match: 'prefix' },
      { term: 'ab' },
    ],
  );

  it('finds phrases as whole words, ignoring case, longest first', () => {
    const text = 'Transferred from st elsewhere children’s to Ward 7B; not St Elsewhereville.';
    expect(spans(text, m.find(text))).toEqual([
      ['st elsewhere children', 'LOCATION', 'custom-term'],
      ['Ward 7B', 'LOCATION', 'custom-term'],
    ]);
  });

  it('finds an MRN prefix only when an identifier with enough digits follows', () => {
    const text = 'MRN SEH-0012345 and SEH0098765, but SEH ward, SEH-12 and SEHwords are not';
    expect(spans(text, m.find(text))).toEqual([
      ['SEH-0012345', 'MRN', 'custom-term'],
      ['SEH0098765', 'MRN', 'custom-term'],
    ]);
  });

  // If this fails, a long list of terms makes typing slow.
  it('stays linear with many terms and a long text', () => {
    const many = createCustomMatcher(
      [],
      Array.from({ length: LIMITS.customTerms }, (_, i) => ({ term: `st clinic number ${i}` })),
    );
    const text = 'st clinic number '.repeat(60_000);
    const t0 = performance.now();
    many.find(text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('assess with the custom matcher', () => {
  // If this fails, the organisation's identifiers are not acted on, or overlapping findings break redaction.
  it('turns custom findings into decisions and merges overlaps with built-in findings', () => {
    const custom = createCustomMatcher(
      [{ id: 'seh-mrn', pattern: 'SEH-\\d{7}', category: 'MRN' }],
      [{ term: 'Elm Ward' }],
    );
    const text = 'Summarize the stay on Elm Ward for SEH-0012345, admitted with sepsis.';
    const a = assess(text, {}, undefined, custom);
    expect(a.action).toBe('block');
    expect(a.categories).toContain('MRN');
    const plain = assess(text);
    expect(plain.findings.some((f) => f.detector === 'custom:seh-mrn')).toBe(false);
    for (let i = 1; i < a.findings.length; i++)
      expect(a.findings[i].start).toBeGreaterThanOrEqual(a.findings[i - 1].end);
  });

  it('respects a disabled category for custom findings too', () => {
    const custom = createCustomMatcher([{ id: 'x', pattern: 'SEH-\\d{7}', category: 'MRN' }], []);
    const a = assess('see SEH-0012345', { categories: { MRN: false } }, undefined, custom);
    expect(a.findings.filter((f) => f.detector.startsWith('custom'))).toEqual([]);
  });

  it('mergeFindings unions overlaps and keeps the most confident label', () => {
    const f = (start: number, end: number, confidence: number, category: Finding['category']): Finding => ({
      start,
      end,
      confidence,
      category,
      detector: 't',
      reason: 'r',
    });
    expect(mergeFindings([f(0, 5, 0.6, 'OTHER_ID'), f(10, 12, 0.9, 'NAME')], [f(3, 8, 0.9, 'MRN')])).toEqual([
      f(0, 8, 0.9, 'MRN'),
      f(10, 12, 0.9, 'NAME'),
    ]);
  });
});
