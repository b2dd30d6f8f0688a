import { describe, expect, it } from 'vitest';
import { lowerSameLength, scan } from './engine';
import { REGISTRY } from './registry';
import type { ScanInput } from './types';

// DESIGN.md: every regular expression must run in linear time on adversarial input. Each detector gets
// 1 MB of each hostile pattern; a quadratic slip (or catastrophic backtracking) takes minutes on that,
// while linear code takes well under a second. The bound is deliberately loose: this is not a
// performance assertion, it only catches super-linear behaviour.
const SIZE = 1 << 20;
const ABSOLUTE_MS = 5000;
/**
 * Each detector first gets 64 KB of the same input with a budget that any linear detector meets many
 * times over. Synchronous code cannot be interrupted by a test timeout, so without this step a
 * quadratic detector would hold the run for minutes on 1 MB before failing; with it, anything slower
 * than ~2 minutes on 1 MB fails here in well under a second.
 */
const PROBE_SIZE = 1 << 16;
const PROBE_MS = 500;
const RATIO = 200;
/** A baseline under this is taken as this, so a GC pause during a tiny baseline cannot fail a test. */
const BASELINE_FLOOR_MS = 5;

const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const INPUTS: Record<string, string> = {
  'long digit run': repeat('1234567890'),
  'digits with separators': repeat('1-'),
  'capitalised words': repeat('Aaa '),
  'repeated punctuation': repeat('.,;:!?-()[]{}#/\'"'),
  '@ and . runs': repeat('@.'),
  'mixed A1- patterns': repeat('A1-'),
  'St. repeated': repeat('St. '),
  'Dr. repeated': repeat('Dr. '),
  'long line without spaces': repeat('abcDEF123_'),
  'colon digit runs (IPv6, times)': repeat('1:'),
  'dot digit runs (IPv4, versions)': repeat('1.'),
  'slash digit runs (dates)': repeat('1/'),
  'URLs without spaces': repeat('http://a.co/'),
  'labels without values': repeat('MRN '),
  names: repeat('John Smith '),
  'address growth': repeat('the corner of 12 Elm St '),
  'P.O. boxes': repeat('P.O. Box 1 '),
  'month-day runs': repeat('May 3, '),
  'e-mail local parts': repeat('a@'),
  'digit lines': repeat('1\n'),
};

/** A simple linear pass over the same input: lower-casing, a character loop and a token regex. */
function baselineMs(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    lowerSameLength(text);
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    const re = /[a-z0-9]+/gi;
    let n = 0;
    while (re.exec(text)) n++;
    best = Math.min(best, performance.now() - t0);
    if (sum < 0 || n < 0) throw new Error('unreachable');
  }
  return Math.max(best, BASELINE_FLOOR_MS);
}

function fresh(text: string): ScanInput {
  // A new input object per detector: the per-input caches (tokens, digit regions) are then part of
  // each detector's measured time rather than of whichever ran first.
  return { text, lower: lowerSameLength(text) };
}

describe.each(Object.entries(INPUTS))('1 MB of %s', (name, text) => {
  let baseline = 0;
  const bound = () => Math.min(ABSOLUTE_MS, RATIO * baseline);

  it('has a baseline', () => {
    expect(text.length).toBe(SIZE);
    baseline = baselineMs(text);
    expect(baseline).toBeGreaterThan(0);
  });

  // If one of these fails, that detector is super-linear on this input: look for an unbounded
  // quantifier, nested repetition, or a loop that rescans the text from each match.
  it.each(REGISTRY.map((d) => [d.id, d] as const))(
    '%s stays linear',
    (id, d) => {
      const probe = fresh(text.slice(0, PROBE_SIZE));
      const p0 = performance.now();
      d.detect(probe);
      const probeMs = performance.now() - p0;
      expect(probeMs, `${id} on 64 KB of ${name}: ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_MS);
      const input = fresh(text);
      const t0 = performance.now();
      const out = d.detect(input);
      const ms = performance.now() - t0;
      expect(Array.isArray(out)).toBe(true);
      expect(ms, `${id} on ${name}: ${ms.toFixed(0)} ms, baseline ${baseline.toFixed(1)} ms`).toBeLessThan(bound());
    },
    30_000,
  );

  it('the full scan stays linear and returns well-formed findings', () => {
    const p0 = performance.now();
    scan(text.slice(0, PROBE_SIZE));
    const probeMs = performance.now() - p0;
    expect(probeMs, `scan on 64 KB of ${name}: ${probeMs.toFixed(0)} ms`).toBeLessThan(PROBE_MS * 4);
    const t0 = performance.now();
    const found = scan(text);
    const ms = performance.now() - t0;
    // The whole scan runs every detector, so it gets the sum of their budgets, within the absolute cap.
    expect(ms, `scan on ${name}: ${ms.toFixed(0)} ms`).toBeLessThan(Math.min(ABSOLUTE_MS * 2, RATIO * 4 * baseline));
    let prevEnd = 0;
    for (const f of found) {
      expect(f.start).toBeGreaterThanOrEqual(prevEnd);
      expect(f.end).toBeGreaterThan(f.start);
      prevEnd = f.end;
    }
    expect(prevEnd).toBeLessThanOrEqual(text.length);
  }, 60_000);
});
