/**
 * What the popup says about the current page: whether the guard protects it (and in which mode), whether it is
 * an AI site the organisation sanctions, and who set the policy. Pure, so it is tested without a browser.
 */
import { modeFor } from '../policies/hosts';
import type { ResolvedPolicy } from '../policies/layers';
import type { Mode } from '../policies/schema';
import { siteStatus } from '../policies/shadow-ai';
import { CHATBOT_MATCHES } from '../sites/hosts';
import { patternMatches } from '../sites/index';

export interface PageStatus {
  /** protected: the guard checks prompts here; monitoring: it records only; off: policy turned it off here. */
  protection: 'protected' | 'monitoring' | 'off' | 'not-covered';
  mode: Mode;
  ai: 'sanctioned' | 'unsanctioned' | 'not-ai';
  /** Catalog name and vendor of the AI site, if known. */
  siteName?: string;
  vendor?: string;
  host?: string;
  /** Browser (enterprise) policy sets at least one setting. */
  managed: boolean;
  /** The organisation's admin server supplies policy. */
  org: boolean;
}

export function pageStatus(url: string | undefined, resolved: ResolvedPolicy): PageStatus {
  const base = { managed: resolved.managed, org: resolved.org, mode: resolved.policy.mode };
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return { ...base, protection: 'not-covered', ai: 'not-ai' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ...base, protection: 'not-covered', ai: 'not-ai' };
  const mode = modeFor(resolved.policy, u.hostname);
  const covered = CHATBOT_MATCHES.some((p) => patternMatches(p, u));
  const protection = !covered
    ? 'not-covered'
    : mode === 'off'
      ? 'off'
      : mode === 'monitor'
        ? 'monitoring'
        : 'protected';
  const status = siteStatus(u, resolved.policy);
  return {
    ...base,
    mode,
    protection,
    ai: status.kind,
    siteName: status.kind === 'not-ai' ? undefined : status.site?.name,
    vendor: status.kind === 'not-ai' ? undefined : status.site?.vendor,
    host: u.hostname,
  };
}
