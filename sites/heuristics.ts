import { isEditable, isRendered } from './dom';

/**
 * Site-independent heuristics: what a send button and a chat prompt box look like. The generic adapter is
 * built from them, and every site adapter falls back on them when its selectors stop matching.
 */

/** Labels of controls that send a prompt, on any site (aria-label, title, data-testid or short text). */
const SEND_LABEL = /\b(send|submit)\b|send-button|submit-button/i;
const NOT_SEND_LABEL = /\b(stop|cancel|feedback|report)\b/i;

/** A label for a control from its accessible attributes (never its full text content: that could be long). */
function controlLabel(el: Element): string {
  const attrs = ['aria-label', 'title', 'data-testid', 'data-test-id', 'name'].map((a) => el.getAttribute(a) ?? '');
  const text = el.textContent ?? '';
  return `${attrs.join(' ')} ${text.length <= 20 ? text : ''}`;
}

/** Whether `el` looks like a send button by itself: a button-ish element labelled send/submit. */
export function looksLikeSendControl(el: Element): boolean {
  const buttonish =
    el instanceof HTMLButtonElement ||
    (el instanceof HTMLInputElement && el.type === 'submit') ||
    el.getAttribute('role') === 'button';
  if (!buttonish) return false;
  const label = controlLabel(el);
  return SEND_LABEL.test(label) && !NOT_SEND_LABEL.test(label);
}

/**
 * The element grouping a composer with its controls: its form if it has one, else the smallest ancestor
 * (up to a few levels) that also contains a button.
 */
export function composerContainer(composer: HTMLElement): Element {
  const form = composer.closest('form');
  if (form) return form;
  let n: Element = composer;
  for (let i = 0; i < 6 && n.parentElement; i++) {
    n = n.parentElement;
    if (n.querySelector('button, [role="button"], input[type="submit"]')) return n;
  }
  return n;
}

/** Words in a field's label or placeholder that say it is a chat prompt box. */
const CHAT_WORDS = /\b(message|prompt|ask|chat|query|question|send|talk|reply|anything)\b/i;
const NOT_CHAT_WORDS = /\b(search (?:chats|history|conversations)|password|e-?mail|user ?name|rename|title)\b/i;

/** The label-ish text of a field: aria-label, placeholder (Quill and ProseMirror keep it on a data attribute). */
function fieldLabel(el: HTMLElement): string {
  const own = ['aria-label', 'placeholder', 'data-placeholder', 'title', 'name', 'id'].map((a) => el.getAttribute(a));
  const inner = el.querySelector('[data-placeholder]')?.getAttribute('data-placeholder');
  return [...own, inner].filter(Boolean).join(' ');
}

/**
 * How much `el` looks like the prompt box of a chat page (0 = not at all). Multi-line editors and chat words
 * in the label count most; a send-like button beside it and a place low on the page count too.
 */
export function chatInputScore(el: HTMLElement): number {
  if (!isEditable(el) || !isRendered(el)) return 0;
  let score = 0;
  if (el instanceof HTMLTextAreaElement) score += 3;
  else if (el.isContentEditable && !(el.parentElement?.isContentEditable ?? false)) score += 3;
  else if (el instanceof HTMLInputElement) score += 1;
  if (el.getAttribute('role') === 'textbox' || el.getAttribute('aria-multiline') === 'true') score += 1;
  const label = fieldLabel(el);
  if (NOT_CHAT_WORDS.test(label)) return 0;
  if (CHAT_WORDS.test(label)) score += 3;
  const container = composerContainer(el);
  // A container as wide as the page says nothing about the field: every button is in it.
  const page = container === el.ownerDocument.body || container === el.ownerDocument.documentElement;
  if (!page)
    for (const b of container.querySelectorAll('button, [role="button"], input[type="submit"]')) {
      if (looksLikeSendControl(b) || (b instanceof HTMLButtonElement && b.type === 'submit')) {
        score += 2;
        break;
      }
    }
  const rect = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  if (view && rect.height > 0 && rect.top > view.innerHeight / 2) score += 1;
  if (rect.width >= 300) score += 1;
  return score;
}

/** The least score for a field to be treated as a chat prompt box on a site with no adapter. */
export const GENERIC_MIN_SCORE = 5;

const CANDIDATES = 'textarea, [contenteditable="true"], [contenteditable=""], input[type="text"], input:not([type])';

/** The best chat-like input under `root`, when it scores high enough. */
export function findChatInput(root: ParentNode): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestScore = GENERIC_MIN_SCORE - 1;
  for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
    const s = chatInputScore(el);
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}
