import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { logger } from '../lib/logger';
import type { ScanResultMessage } from '../lib/messages';
import { assess } from '../policies/assess';
import { CHATBOT_MATCHES } from '../sites/hosts';

/** Input types whose value is free text a user could type a prompt into. */
const TEXT_INPUTS = new Set(['text', 'search', '']);

/** The editable element a key event was typed into, looking through open shadow roots. */
function editableTarget(event: Event): HTMLElement | undefined {
  const el = event.composedPath()[0];
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type)) return el;
  if (el instanceof HTMLElement && el.isContentEditable) return el;
  return undefined;
}

function textOf(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  // A keydown inside a rich editor can target a child; the prompt is the whole editing host.
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks between paragraphs, so "Dr Smith" and "DOB" in two <p> do not fuse into one token.
  return host.innerText;
}

function check(text: string): ScanResultMessage {
  try {
    const { action, findings } = assess(text);
    return { type: 'scan-result', action, count: findings.length };
  } catch {
    // A detector bug must not let PHI through unremarked: report it as a block.
    return { type: 'scan-result', action: 'block', count: 0, failed: true };
  }
}

/**
 * Stage one of the guard: on Enter in an editable element it checks the prompt and tells the background
 * the decision (no text). It does not hold the message yet; the full guard replaces this.
 */
function onKeydown(event: KeyboardEvent): void {
  // Synthetic events come from page scripts, not the user; Shift+Enter is a newline; IME Enter confirms a word.
  if (!event.isTrusted || event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
    return;
  }
  const el = editableTarget(event);
  if (!el) return;
  const text = textOf(el);
  if (!text.trim()) return;
  browser.runtime.sendMessage(check(text)).catch(() => {
    // The extension was reloaded or updated under this page; this script is an orphan and can only go quiet.
    logger.debug('background unreachable');
  });
}

export default defineContentScript({
  matches: [...CHATBOT_MATCHES],
  runAt: 'document_start',
  main(ctx: ContentScriptContext) {
    // Capture phase on window: runs before the site's own handlers, which may stop propagation or submit.
    ctx.addEventListener(window, 'keydown', onKeydown, { capture: true });
  },
});
