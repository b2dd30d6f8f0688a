/**
 * Shadow-AI discovery in the background: every top-level navigation is classified (policies/shadow-ai.ts); a
 * visit to an unsanctioned AI site is recorded as an event, and the policy's unsanctioned action applies.
 *
 * Mechanism: webNavigation.onBeforeNavigate, then tabs.update to the extension's warn/block page (or to the
 * sanctioned tool). Chosen over declarativeNetRequest because the catalog and the sanctioned list change with
 * policy at run time and match by host suffix and path, a redirect to an extension page through DNR needs host
 * permissions for every AI site and a web-accessible page, and "continue anyway" is a per-session choice that
 * is simple here and awkward as DNR session rules. The cost: the site's first request may leave before the
 * tab is replaced; no prompt can, because the page never stays long enough to be used (docs/shadow-ai.md).
 */
import { storage } from 'wxt/utils/storage';
import { hostMatches } from '../policies/hosts';
import { isHostname, type Policy } from '../policies/schema';
import { navigationVerdict } from '../policies/shadow-ai';
import type { EventSink } from './activity';

/** Hosts the user chose to continue to on the warn page, for this browser session. */
export const continuedHosts = storage.defineItem<string[]>('session:continuedHosts', { fallback: [] });
/** When each unsanctioned host was last recorded (allow mode records a visit at most every few minutes). */
export const recentVisits = storage.defineItem<Record<string, number>>('session:shadowVisits', { fallback: {} });

const RECORD_EVERY_MS = 10 * 60 * 1000;

export interface ShadowDeps {
  policy(): Promise<Policy>;
  /** Points the tab at `url` (tabs.update). */
  navigate(tabId: number, url: string): Promise<void>;
  /** URL of the extension's warn/block page with these query parameters. */
  pageUrl(params: Record<string, string>): string;
  events: EventSink;
  now?: () => number;
}

export interface Navigation {
  tabId: number;
  frameId: number;
  url: string;
}

export type ShadowResult = 'ignored' | 'none' | 'record' | 'warn' | 'block' | 'redirect';

export async function handleNavigation(nav: Navigation, deps: ShadowDeps): Promise<ShadowResult> {
  if (nav.frameId !== 0 || nav.tabId < 0) return 'ignored';
  let url: URL;
  try {
    url = new URL(nav.url);
  } catch {
    return 'ignored';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'ignored';
  const policy = await deps.policy();
  const verdict = navigationVerdict(url, policy, await continuedHosts.getValue());
  if (verdict.action === 'none') return 'none';
  const now = deps.now?.() ?? Date.now();
  const site = url.hostname;
  if (verdict.action === 'record') {
    const seen = { ...(await recentVisits.getValue()) };
    if (now - (seen[site] ?? 0) < RECORD_EVERY_MS) return 'record';
    seen[site] = now;
    await recentVisits.setValue(seen);
    await deps.events.record({ at: now, action: 'unsanctioned_visit', site, categories: [], response: 'allow' });
    return 'record';
  }
  // Replace the page first; the event can wait a moment.
  if (verdict.action === 'redirect') await deps.navigate(nav.tabId, verdict.to);
  else await deps.navigate(nav.tabId, deps.pageUrl({ host: site, action: verdict.action }));
  await deps.events.record({ at: now, action: 'unsanctioned_visit', site, categories: [], response: verdict.action });
  return verdict.action;
}

/**
 * The user pressed Continue on the warn page for `host`. Accepted only when the policy still says warn for it
 * (a block cannot be continued past); returns the address to go to (the site's front page: the original URL
 * is not kept, since a query string can carry a prompt).
 */
export async function continueTo(
  host: string,
  deps: Pick<ShadowDeps, 'policy' | 'events' | 'now'>,
): Promise<string | undefined> {
  if (!isHostname(host)) return undefined;
  const policy = await deps.policy();
  const target = `https://${host}/`;
  if (navigationVerdict(new URL(target), policy).action !== 'warn') return undefined;
  const hosts = await continuedHosts.getValue();
  if (!hosts.some((h) => hostMatches(host, h))) await continuedHosts.setValue([...hosts, host]);
  await deps.events.record({
    at: deps.now?.() ?? Date.now(),
    action: 'unsanctioned_visit',
    site: host,
    categories: [],
    response: 'continued',
  });
  return target;
}
