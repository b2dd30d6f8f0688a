import type { Action } from '../policies/decide';
import { DEFAULT_COACHING, type Mode, type Policy } from '../policies/schema';

/**
 * The guard's settings: the defaults below, with the admin policy's fields mapped on by `guardPolicyFor`.
 */
export interface GuardPolicy {
  /** Time allowed for one check before the guard holds the prompt (fail closed), plus a per-character share. */
  budgetMs: number;
  budgetMsPerKChar: number;
  /** What happens when detection throws or overruns: 'hold' (fail closed) or 'allow'. */
  onFailure: 'hold' | 'allow';
  /** Shown in the dialog under the findings. */
  coaching: string;
  /** The organisation's guidance, linked under the coaching text. */
  helpLink?: string;
  /** Send anyway (warn mode) needs a reason picked from `justifications`. */
  requireJustification: boolean;
  justifications: readonly { id: string; label: string }[];
  /** Files the guard cannot read yet: held with Send anyway offered ('warn'), refused ('block') or passed. */
  unreadableFiles: Record<UnreadableKind, Action>;
  /** Text-like files larger than this are not read; they are held as unreadable. */
  maxTextFileBytes: number;
  /** Mode redact: a prompt with findings is redacted and sent without the dialog (a notice says so). */
  autoRedact?: boolean;
}

export type UnreadableKind = 'pdf' | 'docx' | 'image' | 'other';

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  budgetMs: 150,
  budgetMsPerKChar: 3,
  onFailure: 'hold',
  coaching: DEFAULT_COACHING,
  requireJustification: true,
  justifications: [
    { id: 'not-phi', label: 'Not patient information (false alarm)' },
    { id: 'synthetic', label: 'Test or synthetic data' },
    { id: 'approved-tool', label: 'Approved tool with a BAA' },
    { id: 'patient-request', label: 'The patient asked me to' },
  ],
  unreadableFiles: { pdf: 'warn', docx: 'warn', image: 'warn', other: 'warn' },
  maxTextFileBytes: 5_000_000,
};

/** The time budget for checking `chars` characters. */
export function budgetFor(chars: number, policy: GuardPolicy = DEFAULT_GUARD_POLICY): number {
  return policy.budgetMs + (chars / 1000) * policy.budgetMsPerKChar;
}

/**
 * The guard's settings under the admin policy in `mode` (policies/effective.ts decides the mode per site): block
 * refuses files it cannot read, monitor and off let them pass, and a failed check lets a monitored prompt pass.
 */
export function guardPolicyFor(policy: Policy, mode: Mode, base: GuardPolicy = DEFAULT_GUARD_POLICY): GuardPolicy {
  const unreadable = (a: Action): Record<UnreadableKind, Action> => ({ pdf: a, docx: a, image: a, other: a });
  return {
    ...base,
    coaching: policy.coachingMessage,
    helpLink: policy.helpLink,
    requireJustification: policy.requireJustification,
    onFailure: policy.failClosed && mode !== 'monitor' && mode !== 'off' ? 'hold' : 'allow',
    unreadableFiles:
      mode === 'block'
        ? unreadable('block')
        : mode === 'warn' || mode === 'redact'
          ? base.unreadableFiles
          : unreadable('allow'),
    autoRedact: mode === 'redact',
  };
}
