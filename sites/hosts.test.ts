import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CHATBOT_MATCHES } from './hosts';

// A broken pattern here means the guard silently does not load on that chatbot, or loads on pages it should not.
describe('CHATBOT_MATCHES', () => {
  it.each(CHATBOT_MATCHES)('%s is an https pattern for one exact host', (pattern) => {
    expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/[^*]*\*$/);
    expect(() => new MatchPattern(pattern)).not.toThrow();
  });

  it('has no duplicate hosts', () => {
    const hosts = CHATBOT_MATCHES.map((p) => new URL(p.replace('*', '')).host);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('covers the chat pages and not their neighbours', () => {
    const matches = (url: string) => CHATBOT_MATCHES.some((p) => new MatchPattern(p).includes(url));
    expect(matches('https://chatgpt.com/c/123')).toBe(true);
    expect(matches('https://huggingface.co/chat/conversation/1')).toBe(true);
    expect(matches('https://huggingface.co/models')).toBe(false);
    expect(matches('http://chatgpt.com/')).toBe(false);
    expect(matches('https://evil.chatgpt.com.example.org/')).toBe(false);
    expect(matches('https://example.org/')).toBe(false);
  });
});
