import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policies/layers';
import { pageStatus } from './site-status';

// If these fail, the popup tells a clinician a site is protected (or approved) when it is not.
describe('pageStatus', () => {
  it('a covered chatbot is protected; other pages are not covered', () => {
    const r = resolvePolicy({});
    expect(pageStatus('https://chatgpt.com/c/1', r)).toMatchObject({
      protection: 'protected',
      ai: 'unsanctioned',
      siteName: 'ChatGPT',
    });
    expect(pageStatus('https://example.org/', r)).toMatchObject({ protection: 'not-covered', ai: 'not-ai' });
    expect(pageStatus('https://openevidence.com/', r)).toMatchObject({ protection: 'not-covered', ai: 'unsanctioned' });
    expect(pageStatus('chrome://extensions', r)).toMatchObject({ protection: 'not-covered' });
    expect(pageStatus(undefined, r)).toMatchObject({ protection: 'not-covered' });
  });

  it('follows the mode on the site and the sanctioned list, and says when the browser is managed', () => {
    const r = resolvePolicy({
      managed: {
        sanctionedSites: ['claude.ai'],
        sites: { 'poe.com': { mode: 'off' }, 'grok.com': { mode: 'monitor' } },
      },
    });
    expect(pageStatus('https://claude.ai/new', r)).toMatchObject({
      protection: 'protected',
      ai: 'sanctioned',
      managed: true,
    });
    expect(pageStatus('https://poe.com/', r)).toMatchObject({ protection: 'off', mode: 'off' });
    expect(pageStatus('https://grok.com/', r)).toMatchObject({ protection: 'monitoring' });
    expect(pageStatus('https://chatgpt.com/', resolvePolicy({})).managed).toBe(false);
  });
});
