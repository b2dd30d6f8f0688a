import type { Category, Finding } from '../detectors/types';

export type Action = 'allow' | 'warn' | 'block';

/**
 * The typed default policy of this stage (the full, admin-managed policy model arrives with the
 * policy issue and will produce one of these).
 */
export interface DecisionPolicy {
  /** Action for findings that identify a person on their own (record numbers, SSNs, contact data...). */
  strongAction: Action;
  /** Action for findings that identify only in combination with health information (names, dates, places). */
  weakAction: Action;
  /**
   * Weak findings are PHI only when tied to health information: in a text whose health-context
   * score is under this value (a recipe, a travel question, a coding prompt) they are allowed.
   */
  minHealthForWeak: number;
  /** A strong-category finding under this confidence (an unlabelled, unvalidated code) counts as weak. */
  strongMinConfidence: number;
  /** Minimum confidence for a finding to count at all. */
  minConfidence: number;
  /**
   * Per-category floors set by the admin policy (policies/effective.ts): a finding of the category with at
   * least `strongMinConfidence` gets at least this action. Raises, never lowers.
   */
  categoryActions?: Partial<Record<Category, Action>>;
  /** Per-category replacement for `minConfidence`. */
  categoryMinConfidence?: Partial<Record<Category, number>>;
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
  'OTHER_ID',
  'PAYMENT_CARD',
]);

export const DEFAULT_DECISION_POLICY: DecisionPolicy = {
  strongAction: 'block',
  weakAction: 'warn',
  minHealthForWeak: 0.4,
  strongMinConfidence: 0.75,
  minConfidence: 0.5,
};

/** Quasi-identifiers that identify in combination. */
const COMBINING: ReadonlySet<Category> = new Set<Category>(['NAME', 'DATE', 'LOCATION', 'AGE']);

/**
 * allow < warn < block. A function, not a Record indexed by the action: a keyed read by several string keys
 * is one megamorphic site for V8, a generic lookup per finding (npm run bench:ic).
 */
function rank(a: Action): number {
  return a === 'block' ? 2 : a === 'warn' ? 1 : 0;
}

export interface Decision {
  action: Action;
  /** Categories that drove the action, no values. */
  categories: Category[];
}

/** Whether a finding identifies on its own (strong) or only alongside health information (weak). */
export function isStrong(f: Finding, policy: DecisionPolicy = DEFAULT_DECISION_POLICY): boolean {
  return STRONG_CATEGORIES.has(f.category) && f.confidence >= policy.strongMinConfidence;
}

/**
 * allow | warn | block for a set of findings. `health` is the health-context score of the text
 * (detectors/health-context.ts): names, dates, places and unlabelled codes in a prompt with no
 * clinical content weigh less than a labelled record number anywhere.
 */
export function decide(
  findings: readonly Finding[],
  health = 1,
  policy: DecisionPolicy = DEFAULT_DECISION_POLICY,
): Decision {
  // One pass over the findings that count (at or over their confidence line) gathers what the rules below
  // ask: how many count (and the last one), two kinds of quasi-identifier, a household address, a care facility.
  let counted = 0;
  let last: Finding | undefined;
  let firstKind: Category | undefined;
  let twoKinds = false;
  let household = false;
  let careFacility = false;
  for (const f of findings) {
    if (!counts(f, policy)) continue;
    counted++;
    last = f;
    if (f.household === true) household = true;
    if (f.detector === 'care-facility') careFacility = true;
    if (!twoKinds && COMBINING.has(f.category) && !isStrong(f, policy)) {
      if (firstKind === undefined) firstKind = f.category;
      else if (f.category !== firstKind) twoKinds = true;
    }
  }
  // Weak findings count in a clearly clinical text. Below that:
  // - Two kinds of quasi-identifier together (a name and a date, a name and a place) with any clinical cue
  //   at all identify a patient's health event, even in a short prompt ("Mrs. Roe: your biopsy from Oct 3
  //   was benign"). A care facility among the findings ("fell at Sunrise Villa") is itself such a cue:
  //   being there is health information, even when the text has no clinical word.
  // - A street address with its house number (or a P.O. box) points at one household: with any health cue
  //   it counts on its own ("I live at 4821 Birchwood Ln, Tacoma ... need a GP who treats ADHD").
  let weakCounts =
    health >= policy.minHealthForWeak || (twoKinds && (health > 0 || careFacility)) || (household && health > 0);
  // A lone coarse quasi-identifier (one city, or one month and year, and no other name, date, place or
  // identifier that counts) does not single out a person: "a 55-year-old from Denver with ALS" is about as
  // identifying as "a 55-year-old with ALS". Safe Harbor removes it from a data set, but in a single
  // question it is a false alarm. Two of them together ("from Denver, since May 2023") or anything else
  // beside it count as before. A policy that sets an action for the category keeps every such finding.
  if (weakCounts && counted === 1 && last?.coarse === true && policy.categoryActions?.[last.category] === undefined)
    weakCounts = false;
  let action: Action = 'allow';
  const cats: Category[] = [];
  for (const f of findings) {
    if (!counts(f, policy)) continue;
    const strong = isStrong(f, policy);
    if (!strong && !weakCounts) continue;
    let a = strong ? policy.strongAction : policy.weakAction;
    const floor = policy.categoryActions?.[f.category];
    if (floor && f.confidence >= policy.strongMinConfidence && rank(floor) > rank(a)) a = floor;
    if (a === 'allow') continue;
    if (!cats.includes(f.category)) cats.push(f.category);
    if (rank(a) > rank(action)) action = a;
  }
  return { action, categories: cats };
}

/** Whether a finding counts at all: at or over its category's confidence line, or the policy's. */
function counts(f: Finding, policy: DecisionPolicy): boolean {
  return f.confidence >= (policy.categoryMinConfidence?.[f.category] ?? policy.minConfidence);
}
