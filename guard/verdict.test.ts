import { describe, expect, it } from 'vitest';
import { assess } from '../policies/assess';
import { budgetFor, DEFAULT_GUARD_POLICY } from './policy';
import { Checker } from './verdict';

// If these fail, a detector bug or a slow scan could let a prompt through unchecked (fail open).
describe('Checker', () => {
  it('passes a clean prompt and reports findings for PHI', () => {
    const c = new Checker(assess);
    expect(c.check('Write a haiku about autumn').action).toBe('allow');
    const v = c.check('SSN 900-12-3456');
    expect(v.action).toBe('block');
    expect(v.findings).toHaveLength(1);
  });

  it('holds (block) when detection throws, and does not cache the failure', () => {
    let calls = 0;
    const c = new Checker(() => {
      calls++;
      throw new Error('x');
    });
    expect(c.check('anything')).toMatchObject({ action: 'block', failure: 'error' });
    c.check('anything');
    expect(calls).toBe(2);
  });

  it('holds a late result (at least warn), keeping its findings', () => {
    let t = 0;
    const slow = (text: string) => {
      t += budgetFor(text.length) + 1;
      return assess(text);
    };
    const c = new Checker(slow, DEFAULT_GUARD_POLICY, () => t);
    expect(c.check('Write a haiku')).toMatchObject({ action: 'warn', failure: 'timeout', findings: [] });
    expect(c.check('SSN 900-12-3456')).toMatchObject({ action: 'block', failure: 'timeout' });
  });

  it('fails open only when the policy says so', () => {
    const c = new Checker(
      () => {
        throw new Error('x');
      },
      { ...DEFAULT_GUARD_POLICY, onFailure: 'allow' },
    );
    expect(c.check('x').action).toBe('allow');
  });

  it('remembers the last text, so the badge check makes the Enter check free', () => {
    let calls = 0;
    const c = new Checker((t) => {
      calls++;
      return assess(t);
    });
    c.check('same text');
    c.check('same text');
    expect(calls).toBe(1);
    expect(c.cached('same text')?.action).toBe('allow');
    expect(c.cached('other')).toBeUndefined();
  });

  it('gives long texts a larger budget', () => {
    expect(budgetFor(100_000)).toBeGreaterThan(budgetFor(100));
  });
});
