import { scan } from '../detectors/engine';
import { healthScore } from '../detectors/health-context';
import type { Finding, ScanOptions } from '../detectors/types';
import { type CustomMatcher, mergeFindings } from './custom';
import { type Action, DEFAULT_DECISION_POLICY, type Decision, type DecisionPolicy, decide } from './decide';

export interface Assessment extends Decision {
  findings: Finding[];
  /** Health-context score of the whole text (0 = nothing clinical). */
  health: number;
  /** Monitor mode: the action is allow, and this is what warn or block would have done. */
  monitored?: Action;
}

/**
 * scan + health signal + decision: the one call the CLI, the benchmark and the guard make. `custom` adds the
 * organisation's patterns and terms (policies/custom.ts) beside the built-in detectors.
 */
export function assess(
  text: string,
  options: ScanOptions = {},
  policy: DecisionPolicy = DEFAULT_DECISION_POLICY,
  custom?: CustomMatcher,
): Assessment {
  const builtIn = scan(text, options);
  const extra = custom ? custom.find(text).filter((f) => options.categories?.[f.category] !== false) : [];
  const findings = extra.length ? mergeFindings(builtIn, extra) : builtIn;
  const health = findings.length ? healthScore(text) : 0;
  const { action, categories } = decide(findings, health, policy);
  return { findings, health, action, categories };
}
