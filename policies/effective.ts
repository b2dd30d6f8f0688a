/**
 * From the merged policy to what one page needs: the mode on this host, the DecisionPolicy decide() takes,
 * the scan options (categories off, per-category thresholds) and the organisation's custom matcher, bound
 * into one `assess` function for the guard.
 *
 * Modes: off checks nothing; monitor checks and records what would have been held but never holds; warn
 * holds with Send anyway, except that confident findings of categories with `action: block` (by default the
 * strong identifiers) block; block holds everything with no Send anyway.
 */
import type { Category, ScanOptions } from '../detectors/types';
import { type Assessment, assess } from './assess';
import { type CustomMatcher, createCustomMatcher } from './custom';
import { DEFAULT_DECISION_POLICY, type DecisionPolicy } from './decide';
import { modeFor } from './hosts';
import type { Mode, Policy } from './schema';

export { hostMatches, modeFor, siteOverrideFor } from './hosts';

/** decide()'s policy for a mode. Monitor decides as warn does: it records what warn would have held. */
export function decisionPolicyFor(policy: Policy, mode: Mode): DecisionPolicy {
  const base: Exclude<DecisionPolicy['strongAction'], 'allow'> = mode === 'block' ? 'block' : 'warn';
  const categoryActions: Partial<Record<Category, 'warn' | 'block'>> = {};
  const categoryMinConfidence: Partial<Record<Category, number>> = {};
  for (const [cat, s] of Object.entries(policy.categories) as [
    Category,
    NonNullable<Policy['categories'][Category]>,
  ][]) {
    if (s.action) categoryActions[cat] = s.action;
    if (s.minConfidence !== undefined) categoryMinConfidence[cat] = s.minConfidence;
  }
  return {
    ...DEFAULT_DECISION_POLICY,
    strongAction: base,
    weakAction: base,
    categoryActions,
    categoryMinConfidence,
  };
}

/** The engine's options: disabled categories are not detected; per-category thresholds replace the default. */
export function scanOptionsFor(policy: Policy): ScanOptions {
  const categories: Partial<Record<Category, boolean>> = {};
  const thresholds: Partial<Record<Category, number>> = {};
  for (const [cat, s] of Object.entries(policy.categories) as [
    Category,
    NonNullable<Policy['categories'][Category]>,
  ][]) {
    if (s.enabled === false) categories[cat] = false;
    if (s.minConfidence !== undefined) thresholds[cat] = s.minConfidence;
  }
  return { categories, thresholds };
}

export interface SitePolicy {
  host: string;
  mode: Mode;
  decision: DecisionPolicy;
  scan: ScanOptions;
  custom: CustomMatcher;
  policy: Policy;
}

const matchers = new WeakMap<Policy, CustomMatcher>();

/** Everything the guard needs on `host`. The custom matcher is compiled once per policy object. */
export function sitePolicy(policy: Policy, host: string): SitePolicy {
  let custom = matchers.get(policy);
  if (!custom) {
    custom = createCustomMatcher(policy.customPatterns, policy.customTerms);
    matchers.set(policy, custom);
  }
  const mode = modeFor(policy, host);
  return { host, mode, decision: decisionPolicyFor(policy, mode), scan: scanOptionsFor(policy), custom, policy };
}

const NOTHING: Assessment = { findings: [], health: 0, action: 'allow', categories: [] };

/**
 * The assess function for a page under `site`: off returns allow without looking; monitor returns allow and
 * says in `monitored` what would have happened; warn and block decide.
 */
export function assessorFor(site: SitePolicy): (text: string) => Assessment {
  if (site.mode === 'off') return () => ({ ...NOTHING, findings: [], categories: [] });
  return (text) => {
    const a = assess(text, site.scan, site.decision, site.custom);
    if (site.mode !== 'monitor' || a.action === 'allow') return a;
    return { ...a, action: 'allow', monitored: a.action };
  };
}
