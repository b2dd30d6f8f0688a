/**
 * Shadow-AI discovery: whether a page is an AI site, and whether the organisation sanctions it. The catalog
 * (catalog/ai-sites.ts) plus the policy's `additionalAiSites` say what is an AI site; `sanctionedSites` (and the
 * host of `sanctionedToolUrl`) say what is approved. The background applies `unsanctionedAction`.
 */
import { AI_SITES, type AiSite } from '../catalog/ai-sites';
import { hostMatches } from './hosts';
import type { Policy, UnsanctionedAction } from './schema';

export type SiteStatus =
  | { kind: 'sanctioned'; site?: AiSite }
  | { kind: 'unsanctioned'; site: AiSite }
  | { kind: 'not-ai' };

function pathMatches(pathname: string, prefix: string | undefined): boolean {
  if (!prefix) return true;
  return (
    pathname === prefix ||
    pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) ||
    pathname.startsWith(`${prefix}?`)
  );
}

/** The catalog entry for `url`, from the policy's additions first, then the built-in list. */
export function aiSiteFor(url: URL, policy: Pick<Policy, 'additionalAiSites'>): AiSite | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  let best: AiSite | undefined;
  for (const site of [...policy.additionalAiSites, ...AI_SITES] as AiSite[]) {
    if (!hostMatches(host, site.host) || !pathMatches(url.pathname, site.path)) continue;
    // The most specific entry names the site (chat.example.com over example.com).
    if (!best || site.host.length > best.host.length) best = site;
  }
  return best;
}

function isSanctioned(host: string, policy: Pick<Policy, 'sanctionedSites' | 'sanctionedToolUrl'>): boolean {
  if (policy.sanctionedSites.some((s) => hostMatches(host, s))) return true;
  if (!policy.sanctionedToolUrl) return false;
  try {
    // The tool users are sent to is sanctioned by definition (and must never loop back to the block page).
    return hostMatches(host, new URL(policy.sanctionedToolUrl).hostname);
  } catch {
    return false;
  }
}

export function siteStatus(url: URL, policy: Policy): SiteStatus {
  const site = aiSiteFor(url, policy);
  if (isSanctioned(url.hostname.toLowerCase(), policy)) return { kind: 'sanctioned', site };
  return site ? { kind: 'unsanctioned', site } : { kind: 'not-ai' };
}

export type NavigationVerdict =
  | { action: 'none' }
  | { action: 'record'; site: AiSite }
  | { action: 'warn' | 'block'; site: AiSite }
  | { action: 'redirect'; site: AiSite; to: string };

/** What to do with a top-level navigation to `url`; `allowedHosts` are the ones the user chose to continue to. */
export function navigationVerdict(url: URL, policy: Policy, allowedHosts: readonly string[] = []): NavigationVerdict {
  const status = siteStatus(url, policy);
  if (status.kind !== 'unsanctioned') return { action: 'none' };
  const action: UnsanctionedAction = policy.unsanctionedAction;
  if (action === 'allow') return { action: 'record', site: status.site };
  if (action === 'warn') {
    return allowedHosts.includes(url.hostname)
      ? { action: 'record', site: status.site }
      : { action: 'warn', site: status.site };
  }
  if (policy.redirectToSanctioned && policy.sanctionedToolUrl) {
    return { action: 'redirect', site: status.site, to: policy.sanctionedToolUrl };
  }
  return { action: 'block', site: status.site };
}
