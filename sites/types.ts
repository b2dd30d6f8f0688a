/**
 * What the guard needs to know about one chatbot page. An adapter depends on nothing but DOM types: it finds
 * nodes fresh on every call (single-page apps re-render their composers), never caches them.
 */
export interface SiteKeys {
  /** Plain Enter sends (Shift+Enter never does). */
  enter: boolean;
  /** Ctrl+Enter / Cmd+Enter sends. */
  modEnter: boolean;
  /** The editor sends on a beforeinput insertParagraph (virtual keyboards send keyCode 229, then this). */
  insertParagraph: boolean;
}

/** How the guard replays a held submission that came from a gesture it cannot repeat as-is. */
export type SubmitPath = 'button' | 'form' | 'enter';

export interface SiteAdapter {
  /** The adapter's file name in sites/ (kebab-case). */
  id: string;
  /** Human name for the docs and the dialog. */
  name: string;
  /** Patterns from sites/hosts.ts this adapter serves (empty for the generic fallback). */
  matches: readonly string[];
  /** The main prompt box under `root`, skipping hidden decoys; undefined when the page has none yet. */
  findComposer(root: ParentNode): HTMLElement | undefined;
  /** Whether `host` (a textarea, text input or contenteditable editing host) is a prompt box of this site. */
  isComposer(host: HTMLElement): boolean;
  /** The prompt text as the site will send it (paragraphs separated by newlines). */
  readText(composer: HTMLElement): string;
  /** Whether `el` is (the element that owns) a send control: a node on a click's composed path. */
  isSendControl(el: Element): boolean;
  /** The send control belonging to `composer` as the page shows it now, disabled or not. */
  findSendControl(composer: HTMLElement): HTMLElement | undefined;
  keys: SiteKeys;
  /** How the site sends when the guard must replay without the user's gesture (e.g. after a held paste). */
  submit: SubmitPath;
  /** Pasted text this long or longer becomes an attachment instead of composer text (Claude, HuggingChat). */
  pasteAttachmentChars?: number;
  /** The conversation shown: where restored answers group their messages and keep their placeholders. */
  conversation: ConversationSpec;
}

/**
 * How a site shows a conversation (restore/: placeholders in answers are put back on the device). Selectors
 * are best effort from public code, not checked against the live sites: restoration works on any text of the
 * page without them; they only group restored values per message and find the site's copy buttons.
 */
export interface ConversationSpec {
  /** Elements that are one message (the user's or the assistant's), outermost first. */
  messages: readonly string[];
  /** The site's own "copy message" controls. */
  copy: readonly string[];
  /** Paths of a new, empty conversation; the first send there moves to the conversation's own path. */
  newChatPaths: readonly string[];
}
