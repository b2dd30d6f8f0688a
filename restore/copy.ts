import { isEditable, textOf } from '../sites/dom';

/**
 * Copying a restored answer copies the restored text.
 *
 * - A selection copied with Ctrl+C / the context menu: the page shows restored text already, but sites hook
 *   `copy` to put their own (placeholder) text on the clipboard. When the selection touches restored values,
 *   we write the selection as shown and stop the site's handler.
 * - The site's own copy button writes its state, the placeholder text, with navigator.clipboard. Once the
 *   site's write is done, we write the message as shown (its rendered text) within the click's user
 *   activation. The site's markdown markup is lost on that path; the values are right.
 */

export interface CopyDeps {
  win: Window;
  /** Whether the page shows restored values inside (or around) `el`. */
  shows(el: Element): boolean;
  /** Messages holding restored values now. */
  messages(): Iterable<Element>;
  /** Whether `el` is one of the site's copy-message controls. */
  isCopyControl(el: Element): boolean;
  isTrusted?: (e: Event) => boolean;
  /** How long after the click the restored text replaces what the site wrote. */
  delayMs?: number;
}

export function watchCopy(deps: CopyDeps): () => void {
  const { win } = deps;
  const doc = win.document;
  const trusted = deps.isTrusted ?? ((e: Event) => e.isTrusted);

  function onCopy(ev: Event) {
    const e = ev as ClipboardEvent;
    if (!trusted(e) || !e.clipboardData) return;
    const sel = doc.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const anchor = range.commonAncestorContainer;
    const el = anchor instanceof Element ? anchor : anchor.parentElement;
    if (!el || isEditable(el) || !deps.shows(el)) return;
    const box = doc.createElement('div');
    box.append(range.cloneContents());
    e.clipboardData.setData('text/plain', sel.toString());
    e.clipboardData.setData('text/html', box.innerHTML);
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  function onClick(ev: Event) {
    if (!trusted(ev)) return;
    let control: Element | undefined;
    for (const n of ev.composedPath()) {
      if (n instanceof Element && deps.isCopyControl(n)) {
        control = n;
        break;
      }
    }
    if (!control) return;
    const message = messageFor(control, [...deps.messages()]);
    if (!message) return;
    // The message as shown, line breaks kept.
    const text = textOf(message as HTMLElement);
    win.setTimeout(() => {
      win.navigator.clipboard?.writeText(text).catch(() => {
        // No clipboard access (the page lost focus): the site's copy stands, with placeholders.
      });
    }, deps.delayMs ?? 150);
  }

  win.addEventListener('copy', onCopy, true);
  win.addEventListener('click', onClick, true);
  return () => {
    win.removeEventListener('copy', onCopy, true);
    win.removeEventListener('click', onClick, true);
  };
}

/**
 * The restored message a copy control belongs to: the nearest ancestor of the control that holds restored
 * messages decides; among them, the last one before the control in document order (action bars sit under
 * their message), or the first one when none precedes it.
 */
export function messageFor(control: Element, messages: readonly Element[]): Element | undefined {
  if (messages.length === 0) return undefined;
  for (let a = control.parentElement; a; a = a.parentElement) {
    const inside = messages.filter((m) => a.contains(m) && m !== a);
    const around = messages.find((m) => m.contains(control));
    if (around) return around;
    if (inside.length === 0) continue;
    const before = inside.filter((m) => m.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING);
    return before.length > 0 ? before[before.length - 1] : inside[0];
  }
  return undefined;
}
