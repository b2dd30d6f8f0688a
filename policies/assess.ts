import { scan } from '../detectors/engine';
import { healthScore } from '../detectors/health-context';
import type { Finding, ScanOptions } from '../detectors/types';
import { DEFAULT_DECISION_POLICY, type Decision, type DecisionPolicy, decide } from './decide';

export interface Assessment extends Decision {
  findings: Finding[];
  /** Health-context score of the whole text (0 = nothing clinical). */
  health: number;
}

/** scan + health signal + decision: the one call the CLI, the benchmark and the guard make. */
export function assess(
  text: string,
  options: ScanOptions = {},
  policy: DecisionPolicy = DEFAULT_DECISION_POLICY,
): Assessment {
  const findings = scan(text, options);
  const health = findings.length ? healthScore(text) : 0;
  return { findings, health, ...decide(findings, health, policy) };
}
