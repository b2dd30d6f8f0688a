import { firstMatch, isEditable, isRendered, matchesAny, textOf } from './dom';
import { composerContainer, findChatInput, looksLikeSendControl } from './heuristics';
import type { ConversationSpec, SiteAdapter, SiteKeys, SubmitPath } from './types';

/** What a site file declares; `defineSite` turns it into an adapter with the shared behaviour. */
export interface SiteSpec {
  id: string;
  name: string;
  matches: readonly string[];
  /** Prompt box selectors, most specific (stable ids, data-testid, aria) first, editor classes as fallback. */
  composer: readonly string[];
  /** Send control selectors, tried on every node of a click's composed path. */
  send: readonly string[];
  keys?: Partial<SiteKeys>;
  submit: SubmitPath;
  pasteAttachmentChars?: number;
  /** Message and copy selectors and new-chat paths (unverified on the live sites; see ConversationSpec). */
  conversation?: Partial<ConversationSpec>;
}

/** What every site gets unless it says otherwise: common new-chat paths and copy labels. */
export const DEFAULT_CONVERSATION: ConversationSpec = {
  messages: ['[data-message-author-role]', '[data-testid*="message"]', 'article'],
  copy: ['button[aria-label*="Copy" i]', 'button[data-testid*="copy" i]', 'button[title*="Copy" i]'],
  newChatPaths: ['/', '/new', '/chat', '/chat/', '/app'],
};

const DEFAULT_KEYS: SiteKeys = { enter: true, modEnter: true, insertParagraph: false };

/** Any textarea or rich editor counts as a prompt box on a chatbot page: edit-message boxes send too. */
function isMultiline(host: HTMLElement): boolean {
  return host instanceof HTMLTextAreaElement || (!(host instanceof HTMLInputElement) && host.isContentEditable);
}

export function defineSite(spec: SiteSpec): SiteAdapter {
  const keys = { ...DEFAULT_KEYS, ...spec.keys };
  // The site's own selectors first; if a redesign broke them all, the generic scorer still finds a prompt box.
  const findComposer = (root: ParentNode) =>
    firstMatch(root, spec.composer, (el) => isEditable(el) && isRendered(el)) ?? findChatInput(root);
  return {
    id: spec.id,
    name: spec.name,
    matches: spec.matches,
    keys,
    submit: spec.submit,
    pasteAttachmentChars: spec.pasteAttachmentChars,
    conversation: {
      messages: [...(spec.conversation?.messages ?? []), ...DEFAULT_CONVERSATION.messages],
      copy: [...(spec.conversation?.copy ?? []), ...DEFAULT_CONVERSATION.copy],
      newChatPaths: spec.conversation?.newChatPaths ?? DEFAULT_CONVERSATION.newChatPaths,
    },
    findComposer,
    isComposer: (host) => matchesAny(host, spec.composer) || isMultiline(host),
    readText: textOf,
    isSendControl: (el) => matchesAny(el, spec.send),
    findSendControl(composer) {
      const inside = firstMatch(composerContainer(composer), spec.send, isRendered);
      if (inside) return inside;
      // Some sites render the send button outside the composer's subtree (a sibling toolbar).
      const anywhere = firstMatch(composer.ownerDocument, spec.send, isRendered);
      if (anywhere) return anywhere;
      const container = composerContainer(composer);
      for (const el of container.querySelectorAll('button, [role="button"], input[type="submit"]')) {
        if (looksLikeSendControl(el) && isRendered(el)) return el as HTMLElement;
      }
      return undefined;
    },
  };
}

/** The send control among the nodes of a click's composed path, if any. */
export function sendControlOnPath(adapter: SiteAdapter, path: readonly EventTarget[]): HTMLElement | undefined {
  for (const node of path) {
    if (!(node instanceof HTMLElement)) continue;
    if (adapter.isSendControl(node)) return node;
  }
  return undefined;
}

/**
 * A fallback when the adapter's selectors no longer match (the site changed its markup): a send-labelled
 * button, or a submit button, in the same container as the composer.
 */
export function fallbackSendControlOnPath(
  path: readonly EventTarget[],
  composer: HTMLElement,
): HTMLElement | undefined {
  const container = composerContainer(composer);
  for (const node of path) {
    if (!(node instanceof HTMLElement) || !container.contains(node)) continue;
    if (looksLikeSendControl(node)) return node;
    if ((node instanceof HTMLButtonElement || node instanceof HTMLInputElement) && node.type === 'submit') {
      return node.form ? node : undefined;
    }
  }
  return undefined;
}
