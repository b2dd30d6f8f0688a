/**
 * Host matching and the per-site mode: small and dependency-free, so the service worker, popup and options page
 * can use them without bundling the detection engine.
 */
import type { Mode, Policy, SiteOverride } from './schema';

/** Whether `host` is `pattern` or one of its subdomains. */
export function hostMatches(host: string, pattern: string): boolean {
  return host === pattern || host.endsWith(`.${pattern}`);
}

/** The most specific site override for `host` (chat.example.com before example.com). */
export function siteOverrideFor(policy: Policy, host: string): SiteOverride | undefined {
  let best: { len: number; o: SiteOverride } | undefined;
  for (const [pattern, o] of Object.entries(policy.sites)) {
    if (hostMatches(host, pattern) && (!best || pattern.length > best.len)) best = { len: pattern.length, o };
  }
  return best?.o;
}

export function modeFor(policy: Policy, host: string): Mode {
  return siteOverrideFor(policy, host)?.mode ?? policy.mode;
}
