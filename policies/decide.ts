import type { Category, Finding } from '../detectors/types';

export type Action = 'allow' | 'warn' | 'block';

/**
 * The typed default policy of this stage (the full, admin-managed policy model arrives with the
 * policy issue and will produce one of these).
 */
export interface DecisionPolicy {
  /** Action for findings that identify a person on their own (record numbers, SSNs, contact data...). */
  strongAction: Action;
  /** Action for findings that identify only in combination (names, dates, places). */
  weakAction: Action;
  /**
   * Weak findings in a prompt with no health context (a recipe, a travel question) are PHI only if
   * tied to health information; under this health score they are allowed.
   */
  minHealthForWeak: number;
  /** Minimum confidence for a finding to count at all. */
  minConfidence: number;
}

/** Categories that are an identifier by themselves, whatever the surrounding text. */
export const STRONG_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'PHONE',
  'FAX',
  'EMAIL',
  'IP_ADDRESS',
  'URL',
  'OTHER_ID',
  'PAYMENT_CARD',
]);

export const DEFAULT_DECISION_POLICY: DecisionPolicy = {
  strongAction: 'block',
  weakAction: 'warn',
  minHealthForWeak: 0,
  minConfidence: 0.5,
};

const RANK: Record<Action, number> = { allow: 0, warn: 1, block: 2 };

export interface Decision {
  action: Action;
  /** Categories that drove the action, most severe first, no values. */
  categories: Category[];
}

/**
 * allow | warn | block for a set of findings. `health` is the health-context score of the text
 * (see detectors/health-context.ts): names and dates in a prompt with no clinical content weigh less
 * than a record number anywhere.
 */
export function decide(
  findings: readonly Finding[],
  health = 1,
  policy: DecisionPolicy = DEFAULT_DECISION_POLICY,
): Decision {
  let action: Action = 'allow';
  const cats = new Set<Category>();
  for (const f of findings) {
    if (f.confidence < policy.minConfidence) continue;
    const strong = STRONG_CATEGORIES.has(f.category);
    if (!strong && health < policy.minHealthForWeak) continue;
    const a = strong ? policy.strongAction : policy.weakAction;
    if (a === 'allow') continue;
    cats.add(f.category);
    if (RANK[a] > RANK[action]) action = a;
  }
  return { action, categories: [...cats] };
}
