import type { Finding } from '../detectors/types';
import type { Assessment } from '../policies/assess';
import type { Action } from '../policies/decide';
import { budgetFor, DEFAULT_GUARD_POLICY, type GuardPolicy } from './policy';

/** What the guard concluded about one text. */
export interface Verdict {
  /** allow = let it through; warn/block = hold (block offers no raw send). */
  action: Action;
  findings: Finding[];
  /** Why the guard holds beyond the findings: detection failed or ran out of time (fail closed). */
  failure?: 'error' | 'timeout';
  ms: number;
  /** Monitor mode: the guard lets it through, and this is what warn or block would have done. */
  monitored?: Action;
}

export type AssessFn = (text: string) => Assessment;

/**
 * Runs detection with a time budget and fails closed: a throw, or a run over the budget, holds the prompt.
 * An overrun still returns the findings it found (the dialog shows them); the result of the last text is
 * kept so the badge's idle check makes the Enter-time check free.
 */
export class Checker {
  #last: { text: string; verdict: Verdict } | undefined;

  constructor(
    private assess: AssessFn,
    private policy: GuardPolicy = DEFAULT_GUARD_POLICY,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new policy (managed storage changed while the page is open): later checks use it, none is cached. */
  configure(assess: AssessFn, policy: GuardPolicy): void {
    this.assess = assess;
    this.policy = policy;
    this.#last = undefined;
  }

  check(text: string): Verdict {
    if (this.#last?.text === text) return this.#last.verdict;
    const verdict = this.#run(text);
    // A failure is not cached: the next attempt (the user pressing Enter again) deserves a fresh try.
    if (!verdict.failure) this.#last = { text, verdict };
    return verdict;
  }

  /** The cached verdict, if `text` was checked last. */
  cached(text: string): Verdict | undefined {
    return this.#last?.text === text ? this.#last.verdict : undefined;
  }

  #run(text: string): Verdict {
    const start = this.now();
    let assessment: Assessment;
    try {
      assessment = this.assess(text);
    } catch {
      const ms = this.now() - start;
      return { action: this.policy.onFailure === 'hold' ? 'block' : 'allow', findings: [], failure: 'error', ms };
    }
    const ms = this.now() - start;
    const over = ms > budgetFor(text.length, this.policy);
    if (over && this.policy.onFailure === 'hold') {
      // The result is complete but arrived late: hold so a slow path can never become a silent pass-through.
      const action = assessment.action === 'allow' ? 'warn' : assessment.action;
      return { action, findings: assessment.findings, failure: 'timeout', ms };
    }
    if (assessment.monitored) {
      return { action: 'allow', findings: assessment.findings, monitored: assessment.monitored, ms };
    }
    return { action: assessment.action, findings: assessment.action === 'allow' ? [] : assessment.findings, ms };
  }
}
