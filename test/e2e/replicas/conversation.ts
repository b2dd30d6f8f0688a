/**
 * The conversation half of a replica: every prompt the site sends appears as the user's message, and a "bot"
 * answers by streaming markdown that repeats what it received (placeholders or surrogates included), a few
 * characters at a time, so placeholders arrive split over updates as real token streams split them.
 *
 * Three rendering styles, as chat sites do it:
 * - react: a React markdown renderer re-renders the whole answer per chunk; React updates text nodes in place.
 * - html:  the answer's innerHTML is rebuilt from markdown per chunk (markdown-it style); every node is new.
 * - spans: each chunk is appended as its own <span> (fade-in animation style); a placeholder ends up split
 *          over several text nodes.
 * The history of each path is kept in the page's sessionStorage (the site's server, in effect), so a reload
 * shows the previous messages again: as the chatbot received them, with placeholders.
 */
import { createElement as h, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { onSent } from './record';

export type RenderStyle = 'react' | 'html' | 'spans';

export interface ConversationMarkup {
  style: RenderStyle;
  /** Attributes of the element wrapping one message, by role. */
  user: Record<string, string>;
  assistant: Record<string, string>;
  /** Attributes of the element holding the answer's rendered markdown, inside the assistant wrapper. */
  body?: Record<string, string>;
  /** Attributes of the site's copy button, rendered in an action bar under each answer. */
  copy?: Record<string, string>;
  /** The path the site moves to after the first prompt of a new chat (like ChatGPT's /c/<id>). */
  conversationPath?: (id: string) => string;
  /** Tag names for the wrappers (Gemini's custom elements). */
  userTag?: string;
  assistantTag?: string;
}

interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

const CHUNK = 3;
const CHUNK_MS = 6;

/** The bot's answer: the prompt back in a paragraph, a list, a table, a quote and a code block. */
export function answerFor(prompt: string): string {
  const words = prompt.split(/\s+/).filter(Boolean);
  const half = Math.ceil(words.length / 2);
  return [
    `Here is a summary of your note: **${prompt}**`,
    '',
    `- First part: ${words.slice(0, half).join(' ')}`,
    `- Second part: ${words.slice(half).join(' ')}`,
    '',
    '| Part | Text |',
    '|---|---|',
    `| 1 | ${words.slice(0, half).join(' ')} |`,
    `| 2 | ${words.slice(half).join(' ')} |`,
    '',
    `> ${prompt}`,
    '',
    '```',
    `note = "${prompt}"`,
    '```',
    '',
    'Let me know if you need anything else.',
  ].join('\n');
}

// ---- markdown: blocks of paragraphs, lists, tables, quotes and code fences; **bold** and `code` inline.
type Block =
  | { kind: 'p' | 'quote'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'code'; text: string };

export function parseMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      blocks.push({ kind: 'code', text: body.join('\n') });
    } else if (line.startsWith('- ')) {
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'ul') last.items.push(line.slice(2));
      else blocks.push({ kind: 'ul', items: [line.slice(2)] });
    } else if (line.startsWith('|')) {
      if (/^\|[-|\s]+\|?$/.test(line)) continue;
      const cells = line
        .replace(/^\|/, '')
        .replace(/\|\s*$/, '')
        .split('|')
        .map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else if (line.startsWith('> ')) {
      blocks.push({ kind: 'quote', text: line.slice(2) });
    } else if (line.trim()) {
      blocks.push({ kind: 'p', text: line });
    }
  }
  return blocks;
}

function inlineParts(text: string): Array<{ bold?: boolean; code?: boolean; text: string }> {
  const out: Array<{ bold?: boolean; code?: boolean; text: string }> = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`/g;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > pos) out.push({ text: text.slice(pos, m.index) });
    out.push(m[1] !== undefined ? { bold: true, text: m[1] } : { code: true, text: m[2] });
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

function inlineReact(text: string): ReactNode[] {
  return inlineParts(text).map((p, i) =>
    p.bold ? h('strong', { key: i }, p.text) : p.code ? h('code', { key: i }, p.text) : p.text,
  );
}

function MarkdownReact({ md }: { md: string }) {
  return h(
    'div',
    null,
    parseMarkdown(md).map((b, i) => {
      switch (b.kind) {
        case 'p':
          return h('p', { key: i }, inlineReact(b.text));
        case 'quote':
          return h('blockquote', { key: i }, h('p', null, inlineReact(b.text)));
        case 'ul':
          return h(
            'ul',
            { key: i },
            b.items.map((it, j) => h('li', { key: j }, inlineReact(it))),
          );
        case 'table':
          return h(
            'table',
            { key: i },
            h(
              'tbody',
              null,
              b.rows.map((r, j) =>
                h(
                  'tr',
                  { key: j },
                  r.map((c, k) => h(j === 0 ? 'th' : 'td', { key: k }, inlineReact(c))),
                ),
              ),
            ),
          );
        default:
          return h('pre', { key: i }, h('code', null, b.text));
      }
    }),
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inlineHtml(text: string): string {
  return inlineParts(text)
    .map((p) => (p.bold ? `<strong>${esc(p.text)}</strong>` : p.code ? `<code>${esc(p.text)}</code>` : esc(p.text)))
    .join('');
}

export function markdownHtml(md: string): string {
  return parseMarkdown(md)
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${inlineHtml(b.text)}</p>`;
        case 'quote':
          return `<blockquote><p>${inlineHtml(b.text)}</p></blockquote>`;
        case 'ul':
          return `<ul>${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</ul>`;
        case 'table':
          return `<table><tbody>${b.rows
            .map(
              (r, j) =>
                `<tr>${r.map((c) => (j === 0 ? `<th>${inlineHtml(c)}</th>` : `<td>${inlineHtml(c)}</td>`)).join('')}</tr>`,
            )
            .join('')}</tbody></table>`;
        default:
          return `<pre><code>${esc(b.text)}</code></pre>`;
      }
    })
    .join('');
}

// ---- the conversation

function element(tag: string, attrs: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export interface ConversationWindow {
  /** The markdown of the answers as the site holds it (what its copy button copies). */
  __answers: string[];
  /** Whether an answer is still streaming. */
  __streaming: boolean;
  /** Starts a new chat, as the site's "New chat" button does (path back to the start, empty thread). */
  __newChat(): void;
  /** The text a fresh render of `md` shows (textContent), to check that the thread was not corrupted. */
  __renderedText(md: string): string;
  /** Set by a test or bench: prompts are recorded but not answered. */
  __quiet?: boolean;
  /** Main-thread time of each streamed chunk: the site's render plus every microtask it triggered (mutation
   * observers included), up to the next task. bench:guard compares it with and without restoring. */
  __chunkMs: number[];
}
const w = window as unknown as ConversationWindow;

export function mountConversation(markup: ConversationMarkup): void {
  const thread = document.createElement('div');
  thread.id = 'thread';
  // A fixed-height, scrolling thread above the composer, as chat sites lay it out: the composer (and the
  // drop zone) stays where it is however long the answers get.
  thread.style.cssText = 'height:180px;overflow:auto;border-bottom:1px solid #ccc;margin-bottom:8px';
  document.body.prepend(thread);
  w.__answers = [];
  w.__streaming = false;
  w.__chunkMs = [];
  w.__renderedText = (md) => {
    const box = document.createElement('div');
    box.innerHTML = markdownHtml(md);
    return box.textContent ?? '';
  };
  // Where a new chat starts: the path of the first load in this tab (a reload may be at /c/<id>).
  const startPath = sessionStorage.getItem('replica-start') ?? location.pathname;
  sessionStorage.setItem('replica-start', startPath);
  const historyKey = () => `replica-history:${location.pathname}`;
  const load = (): Turn[] => JSON.parse(sessionStorage.getItem(historyKey()) ?? '[]') as Turn[];
  const save = (turns: Turn[]) => sessionStorage.setItem(historyKey(), JSON.stringify(turns));

  function userMessage(text: string) {
    const el = element(markup.userTag ?? 'div', markup.user);
    const body = document.createElement('div');
    body.className = 'whitespace-pre-wrap';
    body.textContent = text;
    el.append(body);
    thread.append(el);
  }

  /** An assistant message; returns its render(md) for the style. */
  function assistantMessage(): (md: string) => void {
    const el = element(markup.assistantTag ?? 'div', markup.assistant);
    const body = element('div', markup.body ?? { class: 'markdown prose' });
    el.append(body);
    const index = w.__answers.push('') - 1;
    if (markup.copy) {
      const bar = document.createElement('div');
      bar.className = 'actions';
      const copy = element('button', { type: 'button', ...markup.copy });
      copy.textContent = 'Copy';
      copy.addEventListener('click', () => {
        void navigator.clipboard.writeText(w.__answers[index]);
      });
      bar.append(copy);
      el.append(bar);
    }
    thread.append(el);
    const keep = (md: string) => {
      w.__answers[index] = md;
    };
    if (markup.style === 'react') {
      const root = createRoot(body);
      return (md) => {
        keep(md);
        // Committed now, so the chunk's timing (and the restorer's observer) covers React's DOM update.
        flushSync(() => root.render(h(MarkdownReact, { md })));
      };
    }
    if (markup.style === 'html') {
      return (md) => {
        keep(md);
        body.innerHTML = markdownHtml(md);
      };
    }
    // spans: paragraphs by line, each new chunk a span of its own.
    let shown = '';
    let para: HTMLElement | undefined;
    return (md) => {
      keep(md);
      const chunk = md.slice(shown.length);
      shown = md;
      for (const [i, part] of chunk.split('\n').entries()) {
        if (i > 0 || !para) {
          para = document.createElement('p');
          body.append(para);
        }
        if (!part) continue;
        const span = document.createElement('span');
        span.className = 'fade-in';
        span.textContent = part;
        para.append(span);
      }
    };
  }

  function stream(md: string, done: () => void) {
    const render = assistantMessage();
    w.__streaming = true;
    let n = 0;
    // The next task after a chunk: microtasks (React's commit, mutation observers) have all run by then.
    const channel = new MessageChannel();
    let t0 = 0;
    channel.port1.onmessage = () => {
      w.__chunkMs.push(performance.now() - t0);
      if (n < md.length) setTimeout(tick, CHUNK_MS);
      else {
        channel.port1.close();
        w.__streaming = false;
        done();
      }
    };
    const tick = () => {
      n = Math.min(md.length, n + CHUNK);
      t0 = performance.now();
      render(md.slice(0, n));
      channel.port2.postMessage(0);
    };
    tick();
  }

  // The thread as stored: a reload shows it again, as the site received it.
  for (const t of load()) {
    if (t.role === 'user') userMessage(t.text);
    else assistantMessage()(t.text);
  }

  onSent((text) => {
    if (w.__quiet) return;
    const turns = load();
    if (turns.length === 0 && markup.conversationPath) {
      history.pushState(null, '', markup.conversationPath(Math.random().toString(36).slice(2, 10)));
    }
    userMessage(text);
    turns.push({ role: 'user', text });
    save(turns);
    const md = answerFor(text);
    stream(md, () => {
      const after = load();
      after.push({ role: 'assistant', text: md });
      save(after);
    });
  });

  w.__newChat = () => {
    history.pushState(null, '', startPath);
    sessionStorage.removeItem(historyKey());
    thread.replaceChildren();
    w.__answers = [];
  };
}

/** Per replica: the message markup its site uses (best effort from public code) and a rendering style. */
export const CONVERSATIONS: Record<string, ConversationMarkup> = {
  chatgpt: {
    style: 'react',
    user: { 'data-message-author-role': 'user' },
    assistant: { 'data-message-author-role': 'assistant' },
    copy: { 'data-testid': 'copy-turn-action-button', 'aria-label': 'Copy' },
    conversationPath: (id) => `/c/${id}`,
  },
  claude: {
    style: 'react',
    user: { 'data-testid': 'user-message' },
    assistant: { class: 'font-claude-response' },
    copy: { 'data-testid': 'action-bar-copy', 'aria-label': 'Copy' },
    conversationPath: (id) => `/chat/${id}`,
  },
  gemini: {
    style: 'spans',
    userTag: 'user-query',
    assistantTag: 'model-response',
    user: {},
    assistant: {},
    body: { class: 'markdown markdown-main-panel' },
    copy: { 'data-test-id': 'copy-button', 'aria-label': 'Copy' },
    conversationPath: (id) => `/app/${id}`,
  },
  deepseek: {
    style: 'html',
    user: { class: 'ds-message user' },
    assistant: { class: 'ds-message assistant' },
    body: { class: 'ds-markdown' },
    conversationPath: (id) => `/a/chat/s/${id}`,
  },
  huggingchat: {
    style: 'html',
    user: { 'data-message-role': 'user' },
    assistant: { 'data-message-role': 'assistant' },
    body: { class: 'prose' },
    conversationPath: (id) => `/chat/conversation/${id}`,
  },
};

/** Sites without their own entry: article wrappers, styles alternating so every style meets several editors. */
export function conversationFor(id: string, index: number): ConversationMarkup {
  const styles: RenderStyle[] = ['react', 'html', 'spans'];
  return (
    CONVERSATIONS[id] ?? {
      style: styles[index % styles.length],
      user: { 'data-testid': 'user-message-turn' },
      assistant: { 'data-testid': 'assistant-message-turn' },
      copy: { 'aria-label': 'Copy message' },
    }
  );
}
