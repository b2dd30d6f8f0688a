import type { Finding } from '../detectors/types';
import { BADGE_HOST_TAG } from '../guard/badge';
import { DIALOG_HOST_TAG } from '../guard/dialog';
import { TOAST_HOST_TAG } from '../guard/toast';
import type { Redaction } from '../policies/redact';
import { matchesAny } from '../sites/dom';
import type { SiteAdapter } from '../sites/types';
import { CHIPS_HOST_TAG, createChips } from './chips';
import { watchCopy } from './copy';
import { createRestorer, HIGHLIGHT_NAME, type RestoredValue } from './dom';
import { createSurrogates } from './surrogates';
import { type PlaceholderStyle, Vaults } from './vault';

/**
 * Reversible redaction for one page: the guard redacts through `redact` (consistent placeholders for the
 * conversation), and the page's text that shows those placeholders is restored on screen. Everything here is
 * memory of this content script; nothing is stored or sent (restore/README.md).
 */

export interface RestoreSettings {
  /** Policy `restoreAnswers`. Off: placeholders stay as sent, the vault is forgotten. */
  restoreAnswers: boolean;
  placeholderStyle: PlaceholderStyle;
}

export interface Restore {
  redact(text: string, findings: readonly Finding[]): Redaction;
  /** The page navigated (SPA): a different conversation shows its own vault, a new chat starts empty. */
  navigate(url: URL): void;
  configure(settings: RestoreSettings): void;
  stop(): void;
}

/** PHI Guard's own elements on the page: never restored into (nor counted as the site's text). */
const OUR_UI = [CHIPS_HOST_TAG, DIALOG_HOST_TAG, BADGE_HOST_TAG, TOAST_HOST_TAG, 'style[data-phi-guard]'].join(', ');

const HIGHLIGHT_STYLE = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(116, 198, 157, 0.35); text-decoration: underline dotted #2d6a4f; }`;

export function startRestore(opts: {
  doc: Document;
  adapter: SiteAdapter;
  url: URL;
  settings: RestoreSettings;
  /** performance.now, injectable for tests. */
  now?: () => number;
  /** The page's address now (location.href); checked on every redaction and pass, so a switch of
   * conversation is seen at once, not at the next location poll. */
  href?: () => string;
}): Restore {
  const { doc, adapter } = opts;
  const win = doc.defaultView as Window;
  const now = opts.now ?? (() => win.performance.now());
  let settings = opts.settings;
  const vaults = new Vaults(opts.url, adapter.conversation.newChatPaths, () => createSurrogates());
  /** The clinician's switch in a chip: per conversation, back on in the next one. */
  let shownAsSent = false;
  let lastHref = opts.url.href;
  /** Moves to the conversation at `href`: returns whether it changed. (Compares strings first: this runs on
   * every restorer pass.) */
  const follow = (href: string): boolean => {
    if (href === lastHref) return false;
    lastHref = href;
    if (!vaults.navigate(new URL(href), now())) return false;
    shownAsSent = false;
    return true;
  };
  /** Follows the address bar, when the page gave a way to read it. */
  const sync = (): boolean => {
    const href = opts.href?.();
    return href !== undefined && follow(href);
  };

  const style = doc.createElement('style');
  style.dataset.phiGuard = 'restored';
  style.textContent = HIGHLIGHT_STYLE;

  const isOurs = (node: Node): boolean => {
    const el = node instanceof Element ? node : node.parentElement;
    return !!el?.closest(OUR_UI);
  };
  const enabled = () => settings.restoreAnswers && !shownAsSent;
  const chips = createChips({
    doc,
    enabled,
    toggle: () => {
      shownAsSent = !shownAsSent;
      restorer.refresh();
    },
  });
  const restorer = createRestorer({
    doc,
    vault: () => {
      sync();
      return settings.restoreAnswers ? vaults.peek() : undefined;
    },
    enabled,
    messageOf: (el) => {
      for (let a: Element | null = el; a; a = a.parentElement) {
        if (matchesAny(a, adapter.conversation.messages)) return outermostMessage(a);
      }
      return undefined;
    },
    isOurs,
    changed: () => {
      // Sites that rebuild an answer's HTML per chunk make new blocks each time: re-render the chips only
      // when what they say changes.
      const messages = restorer.messages();
      const key = signature(messages);
      if (key === shownKey && [...messages.keys()].every((m) => m.isConnected)) return;
      shownKey = key;
      chips.render(messages);
    },
  });
  let shownKey = '';
  const ids = new WeakMap<Element, number>();
  let nextId = 0;
  /** Which messages show which values, and whether restored: equal keys render equal chips. */
  const signature = (messages: Map<Element, RestoredValue[]>): string => {
    let out = enabled() ? '1' : '0';
    for (const [m, values] of messages) {
      let id = ids.get(m);
      if (id === undefined) {
        id = nextId++;
        ids.set(m, id);
      }
      out += `|${id}:${values.map((v) => v.token).join(',')}`;
    }
    return out;
  };
  /** The outermost element of a nested run of message matches (a message inside a message wrapper). */
  function outermostMessage(el: Element): Element {
    let out = el;
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (matchesAny(a, adapter.conversation.messages)) out = a;
    }
    return out;
  }
  const unwatchCopy = watchCopy({
    win,
    shows: (el) => enabled() && restorer.shows(el),
    messages: () => (enabled() ? restorer.messages().keys() : []),
    isCopyControl: (el) => matchesAny(el, adapter.conversation.copy),
  });

  return {
    redact(text, findings) {
      if (sync()) restorer.refresh();
      const r = vaults.current().redact(text, findings, settings.placeholderStyle, now());
      if (settings.restoreAnswers) {
        if (!style.isConnected) doc.documentElement.append(style);
        // The user's own message shows the placeholders as soon as the site renders it.
        queueMicrotask(() => restorer.refresh());
      }
      return r;
    },
    navigate(url) {
      // The location poll: sync() may have followed the address already; refresh either way.
      follow(url.href);
      restorer.refresh();
    },
    configure(next) {
      const wasOn = settings.restoreAnswers;
      settings = next;
      if (wasOn && !next.restoreAnswers) vaults.clear();
      restorer.refresh();
    },
    stop() {
      unwatchCopy();
      restorer.stop();
      chips.destroy();
      style.remove();
      vaults.clear();
    },
  };
}
