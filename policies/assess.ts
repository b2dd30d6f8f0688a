import { scanInput, scanInputOf } from '../detectors/engine';
import { healthScore } from '../detectors/health-context';
import { tokensOf } from '../detectors/tokens';
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
  // scan(text, options), keeping its input: the health score reads the tokens the detectors cached in it.
  const input = scanInputOf(text);
  const builtIn = input ? scanInput(input, options) : [];
  const extra = custom ? custom.find(text).filter((f) => options.categories?.[f.category] !== false) : [];
  const findings = extra.length ? mergeFindings(builtIn, extra) : builtIn;
  const health = findings.length ? healthScore(text, input ? tokensOf(input) : undefined) : 0;
  const { action, categories } = decide(findings, health, policy);
  return { findings, health, action, categories };
}
