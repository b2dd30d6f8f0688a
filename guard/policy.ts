import type { Action } from '../policies/decide';

/**
 * The guard's defaults until the managed policy (a later issue) supplies them. Each is one constant so the
 * policy loader can replace it field by field.
 */
export interface GuardPolicy {
  /** Time allowed for one check before the guard holds the prompt (fail closed), plus a per-character share. */
  budgetMs: number;
  budgetMsPerKChar: number;
  /** What happens when detection throws or overruns: 'hold' (fail closed) or 'allow'. */
  onFailure: 'hold' | 'allow';
  /** Shown in the dialog under the findings. */
  coaching: string;
  /** Send anyway (warn mode) needs a reason picked from `justifications`. */
  requireJustification: boolean;
  justifications: readonly { id: string; label: string }[];
  /** Files the guard cannot read yet: held with Send anyway offered ('warn'), refused ('block') or passed. */
  unreadableFiles: Record<UnreadableKind, Action>;
  /** Text-like files larger than this are not read; they are held as unreadable. */
  maxTextFileBytes: number;
}

export type UnreadableKind = 'pdf' | 'docx' | 'image' | 'other';

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  budgetMs: 150,
  budgetMsPerKChar: 3,
  onFailure: 'hold',
  coaching:
    'Patient identifiers must not be sent to AI chatbots. Remove them, or let PHI Guard replace them with ' +
    'placeholders such as [NAME-1] before sending.',
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
