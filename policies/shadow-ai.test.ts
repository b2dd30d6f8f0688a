import { describe, expect, it } from 'vitest';
import { resolvePolicy } from './layers';
import { aiSiteFor, navigationVerdict, siteStatus } from './shadow-ai';

const policy = (managed: object) => resolvePolicy({ managed }).policy;
const u = (s: string) => new URL(s);

describe('shadow-AI classification', () => {
  it('finds catalog sites by host, subdomain and path', () => {
    const p = policy({});
    expect(aiSiteFor(u('https://claude.ai/new'), p)?.vendor).toBe('Anthropic');
    expect(aiSiteFor(u('https://www.perplexity.ai/search'), p)?.name).toBe('Perplexity');
    expect(aiSiteFor(u('https://huggingface.co/chat/'), p)?.name).toBe('HuggingChat');
    expect(aiSiteFor(u('https://huggingface.co/models'), p)).toBeUndefined();
    expect(aiSiteFor(u('https://huggingface.co/chatter'), p)).toBeUndefined();
    expect(aiSiteFor(u('https://example.org/'), p)).toBeUndefined();
  });

  it('lets policy extend the catalog', () => {
    const p = policy({ additionalAiSites: [{ host: 'ai.intranet-tools.example', name: 'Local LLM', vendor: 'IT' }] });
    expect(siteStatus(u('https://ai.intranet-tools.example/'), p)).toEqual({
      kind: 'unsanctioned',
      site: { host: 'ai.intranet-tools.example', name: 'Local LLM', vendor: 'IT' },
    });
  });

  it('sanctioned sites and the sanctioned tool are never unsanctioned', () => {
    const p = policy({ sanctionedSites: ['chatgpt.com'], sanctionedToolUrl: 'https://copilot.microsoft.com/' });
    expect(siteStatus(u('https://chatgpt.com/'), p).kind).toBe('sanctioned');
    expect(siteStatus(u('https://copilot.microsoft.com/'), p).kind).toBe('sanctioned');
    expect(siteStatus(u('https://claude.ai/'), p).kind).toBe('unsanctioned');
    expect(siteStatus(u('https://intranet.example.org/'), p).kind).toBe('not-ai');
  });
});

describe('navigationVerdict', () => {
  const base = { sanctionedSites: ['chatgpt.com'], sanctionedToolUrl: 'https://chatgpt.com/' };

  // If these fail, the unsanctioned action an admin set is not the one applied.
  it('allow records the visit; sanctioned and non-AI sites are left alone', () => {
    const p = policy({ ...base, unsanctionedAction: 'allow' });
    expect(navigationVerdict(u('https://claude.ai/'), p).action).toBe('record');
    expect(navigationVerdict(u('https://chatgpt.com/'), p).action).toBe('none');
    expect(navigationVerdict(u('https://example.org/'), p).action).toBe('none');
  });

  it('warn shows the interstitial until the user continues to that host', () => {
    const p = policy({ ...base, unsanctionedAction: 'warn' });
    expect(navigationVerdict(u('https://claude.ai/'), p).action).toBe('warn');
    expect(navigationVerdict(u('https://claude.ai/'), p, ['claude.ai']).action).toBe('record');
  });

  it('block blocks, even after a continue, and can redirect to the sanctioned tool', () => {
    const p = policy({ ...base, unsanctionedAction: 'block' });
    expect(navigationVerdict(u('https://claude.ai/'), p, ['claude.ai']).action).toBe('block');
    const r = navigationVerdict(
      u('https://claude.ai/'),
      policy({ ...base, unsanctionedAction: 'block', redirectToSanctioned: true }),
    );
    expect(r).toMatchObject({ action: 'redirect', to: 'https://chatgpt.com/' });
  });
});
