// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendControlOnPath } from './define';
import { FIXTURES } from './fixtures';
import { findChatInput } from './heuristics';
import { CHATBOT_MATCHES } from './hosts';
import { adapterFor, generic, patternMatches, SITES } from './index';

/** Files in sites/ that are not adapters. */
const NOT_ADAPTERS = new Set(['hosts', 'index', 'types', 'dom', 'define', 'fixtures', 'generic', 'heuristics']);
const adapterFiles = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((f) => !NOT_ADAPTERS.has(f));

// If these fail, a site file exists that the guard never loads, or a host the manifest claims has no adapter.
describe('site registry', () => {
  it('registers every adapter file, under its file name', () => {
    expect(SITES.map((s) => s.id).sort()).toEqual([...adapterFiles].sort());
  });

  it.each(CHATBOT_MATCHES)('%s has exactly one adapter', (pattern) => {
    expect(SITES.filter((s) => s.matches.includes(pattern))).toHaveLength(1);
  });

  it('adapters claim no pattern that hosts.ts does not list', () => {
    const listed: readonly string[] = CHATBOT_MATCHES;
    for (const s of SITES) for (const p of s.matches) expect(listed).toContain(p);
  });

  it('every adapter has a fixture', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual([...adapterFiles].sort());
  });

  it('picks adapters by URL, the generic one elsewhere', () => {
    expect(adapterFor(new URL('https://chatgpt.com/c/1')).id).toBe('chatgpt');
    expect(adapterFor(new URL('https://chat.openai.com/')).id).toBe('chatgpt');
    expect(adapterFor(new URL('https://huggingface.co/chat/conversation/9')).id).toBe('huggingchat');
    expect(adapterFor(new URL('https://huggingface.co/models')).id).toBe('generic');
    expect(adapterFor(new URL('https://ai.example.org/')).id).toBe(generic.id);
    expect(patternMatches('https://claude.ai/*', new URL('http://claude.ai/'))).toBe(false);
  });
});

// If these fail, the adapter no longer finds the prompt box or the send button in the markup the site uses.
describe.each(SITES.map((s) => [s.id, s] as const))('%s adapter on its fixture', (id, adapter) => {
  const load = () => {
    document.body.innerHTML = FIXTURES[id];
    const composer = document.querySelector<HTMLElement>('[data-fixture="composer"]');
    const send = document.querySelector<HTMLElement>('[data-fixture="send"]');
    if (!composer || !send) throw new Error(`fixture ${id} lacks a composer or send node`);
    return { composer, send };
  };

  it('finds the composer, skipping decoys', () => {
    const { composer } = load();
    expect(adapter.findComposer(document)).toBe(composer);
    expect(adapter.isComposer(composer)).toBe(true);
    expect(adapter.readText(composer).trim()).toBe('hello');
  });

  it('finds the send control and recognises it on a click path from an inner node', () => {
    const { composer, send } = load();
    expect(adapter.findSendControl(composer)).toBe(send);
    const inner = send.querySelector('path') ?? send;
    const path: EventTarget[] = [];
    for (let n: Element | null = inner; n; n = n.parentElement) path.push(n);
    expect(sendControlOnPath(adapter, path)).toBe(send);
  });

  it('does not take the attach button for a send control', () => {
    load();
    for (const b of document.querySelectorAll(
      '[aria-label*="ttach"], [aria-label*="Add files"], [aria-label*="Upload"]',
    )) {
      expect(adapter.isSendControl(b)).toBe(false);
    }
  });

  it('the generic scorer also finds this composer (the fallback if the adapter breaks)', () => {
    const { composer } = load();
    // Without layout, the size and position signals are absent; the label and editor kind must carry it.
    const found = findChatInput(document);
    if (found) expect(found).toBe(composer);
  });
});

describe('generic adapter', () => {
  it('prefers a labelled chat box over a search field and a notes textarea', () => {
    document.body.innerHTML = `<input type="text" aria-label="Search chats">
      <textarea aria-label="Notes"></textarea>
      <form><textarea id="q" placeholder="Message the assistant"></textarea><button type="submit" aria-label="Send"></button></form>`;
    expect(findChatInput(document)?.id).toBe('q');
    const q = document.getElementById('q') as HTMLElement;
    expect(generic.isComposer(q)).toBe(true);
    expect(generic.findSendControl(q)?.getAttribute('aria-label')).toBe('Send');
  });

  it('finds nothing on a page with no chat-like input', () => {
    document.body.innerHTML = '<input type="text" aria-label="Username"><input type="password">';
    expect(findChatInput(document)).toBeUndefined();
  });
});
