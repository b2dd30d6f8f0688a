import { describe, expect, it } from 'vitest';
import { hostMatches } from '../policies/hosts';
import { isHostname } from '../policies/schema';
import { CHATBOT_MATCHES } from '../sites/hosts';
import { AI_SITES } from './ai-sites';

// If these fail, shadow-AI discovery misses sites, double-counts them, or ships an entry that can never match.
describe('AI site catalog', () => {
  it('has at least 150 sites', () => {
    expect(AI_SITES.length).toBeGreaterThanOrEqual(150);
  });

  it('has valid lower-case host names and paths', () => {
    for (const s of AI_SITES) {
      expect(isHostname(s.host), s.host).toBe(true);
      if (s.path !== undefined) expect(s.path, s.host).toMatch(/^\/[a-z0-9/_-]+$/);
    }
  });

  it('gives every site a name and a vendor', () => {
    for (const s of AI_SITES) {
      expect(s.name.trim(), s.host).not.toBe('');
      expect(s.vendor.trim(), s.host).not.toBe('');
    }
  });

  it('lists each host (and path) once, and no entry is hidden by a broader one', () => {
    const keys = AI_SITES.map((s) => `${s.host}${s.path ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of AI_SITES) {
      for (const b of AI_SITES) {
        if (a === b || b.path) continue;
        expect(hostMatches(a.host, b.host), `${a.host} is covered by ${b.host}`).toBe(false);
      }
    }
  });

  it('includes every site the guard runs on', () => {
    for (const pattern of CHATBOT_MATCHES) {
      const url = new URL(pattern.replace(/\*$/, ''));
      const found = AI_SITES.some(
        (s) => hostMatches(url.hostname, s.host) && (!s.path || url.pathname.startsWith(s.path)),
      );
      expect(found, pattern).toBe(true);
    }
  });
});
