import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policies/layers';
import { DEFAULT_GUARD_POLICY, guardPolicyFor } from './policy';

// If these fail, the dialog ignores the admin's coaching, justification or fail-closed settings.
describe('guardPolicyFor', () => {
  const { policy } = resolvePolicy({
    managed: {
      coachingMessage: 'Ask the privacy office.',
      helpLink: 'https://intranet.example.org/ai',
      requireJustification: false,
    },
  });

  it('maps coaching, help link and the justification requirement', () => {
    expect(guardPolicyFor(policy, 'warn')).toMatchObject({
      coaching: 'Ask the privacy office.',
      helpLink: 'https://intranet.example.org/ai',
      requireJustification: false,
      onFailure: 'hold',
    });
  });

  it('the built-in policy gives the built-in guard settings', () => {
    expect(guardPolicyFor(resolvePolicy({}).policy, 'warn')).toEqual({
      ...DEFAULT_GUARD_POLICY,
      helpLink: undefined,
      autoRedact: false,
    });
  });

  it('redact mode redacts without the dialog and treats unreadable files as warn does; no other mode does', () => {
    expect(guardPolicyFor(policy, 'redact')).toMatchObject({ autoRedact: true, onFailure: 'hold' });
    expect(guardPolicyFor(policy, 'redact').unreadableFiles).toEqual(DEFAULT_GUARD_POLICY.unreadableFiles);
    for (const mode of ['off', 'monitor', 'warn', 'block'] as const) {
      expect(guardPolicyFor(policy, mode).autoRedact).toBe(false);
    }
  });

  it('block refuses unreadable files; monitor and off let them and failed checks pass; failClosed false lets a failure pass', () => {
    expect(guardPolicyFor(policy, 'block').unreadableFiles).toEqual({
      pdf: 'block',
      docx: 'block',
      image: 'block',
      other: 'block',
    });
    expect(guardPolicyFor(policy, 'monitor')).toMatchObject({ onFailure: 'allow', unreadableFiles: { pdf: 'allow' } });
    const open = resolvePolicy({ managed: { failClosed: false } }).policy;
    expect(guardPolicyFor(open, 'warn').onFailure).toBe('allow');
  });
});
