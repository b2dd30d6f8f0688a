import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolvePolicy } from '../policies/layers';
import type { LocalEvent } from './activity';
import { continueTo, handleNavigation, type ShadowDeps } from './shadow-nav';

beforeEach(() => fakeBrowser.reset());

function deps(managed: object, now = 1_000_000) {
  const navigations: [number, string][] = [];
  const events: LocalEvent[] = [];
  const d: ShadowDeps = {
    policy: async () => resolvePolicy({ managed }).policy,
    navigate: async (tabId, url) => {
      navigations.push([tabId, url]);
    },
    pageUrl: (p) => `chrome-extension://id/blocked.html?${new URLSearchParams(p)}`,
    events: { record: async (e) => void events.push(e) },
    now: () => now,
  };
  return { d, navigations, events };
}

const nav = (url: string, extra: Partial<{ tabId: number; frameId: number }> = {}) => ({
  tabId: 7,
  frameId: 0,
  url,
  ...extra,
});
const base = { sanctionedSites: ['chatgpt.com'], sanctionedToolUrl: 'https://chatgpt.com/' };

// If these fail, unsanctioned AI sites are not blocked, warned or recorded as the policy says.
describe('handleNavigation', () => {
  it('block: sends the tab to the block page and records the visit, host only', async () => {
    const { d, navigations, events } = deps({ ...base, unsanctionedAction: 'block' });
    expect(await handleNavigation(nav('https://claude.ai/chat/123?q=Jane%20Roe'), d)).toBe('block');
    expect(navigations).toEqual([[7, 'chrome-extension://id/blocked.html?host=claude.ai&action=block']]);
    expect(events).toEqual([
      { at: 1_000_000, action: 'unsanctioned_visit', site: 'claude.ai', categories: [], response: 'block' },
    ]);
    expect(JSON.stringify(events)).not.toContain('Jane');
  });

  it('redirect: goes straight to the sanctioned tool', async () => {
    const { d, navigations } = deps({ ...base, unsanctionedAction: 'block', redirectToSanctioned: true });
    expect(await handleNavigation(nav('https://claude.ai/'), d)).toBe('redirect');
    expect(navigations).toEqual([[7, 'https://chatgpt.com/']]);
  });

  it('leaves sanctioned, non-AI, sub-frame and non-web navigations alone', async () => {
    const { d, navigations, events } = deps({ ...base, unsanctionedAction: 'block' });
    expect(await handleNavigation(nav('https://chatgpt.com/'), d)).toBe('none');
    expect(await handleNavigation(nav('https://example.org/'), d)).toBe('none');
    expect(await handleNavigation(nav('https://claude.ai/', { frameId: 3 }), d)).toBe('ignored');
    expect(await handleNavigation(nav('chrome://settings/'), d)).toBe('ignored');
    expect(navigations).toEqual([]);
    expect(events).toEqual([]);
  });

  it('allow: records a visit at most every ten minutes per host', async () => {
    const { d, events } = deps({ ...base, unsanctionedAction: 'allow' });
    await handleNavigation(nav('https://claude.ai/'), d);
    await handleNavigation(nav('https://claude.ai/new'), d);
    await handleNavigation(nav('https://poe.com/'), d);
    expect(events.map((e) => [e.site, e.response])).toEqual([
      ['claude.ai', 'allow'],
      ['poe.com', 'allow'],
    ]);
  });

  it('warn: interstitial until the user continues, then the site opens for the session', async () => {
    const { d, navigations, events } = deps({ ...base, unsanctionedAction: 'warn' });
    expect(await handleNavigation(nav('https://claude.ai/'), d)).toBe('warn');
    expect(navigations[0][1]).toContain('action=warn');
    expect(await continueTo('claude.ai', d)).toBe('https://claude.ai/');
    expect(await handleNavigation(nav('https://claude.ai/new'), d)).toBe('record');
    expect(events.map((e) => e.response)).toEqual(['warn', 'continued', 'allow']);
  });

  it('a block cannot be continued past', async () => {
    const { d } = deps({ ...base, unsanctionedAction: 'block' });
    expect(await continueTo('claude.ai', d)).toBeUndefined();
    expect(await continueTo('not a host', d)).toBeUndefined();
    expect(await handleNavigation(nav('https://claude.ai/'), d)).toBe('block');
  });
});
