/** DOM helpers the adapters share. No state, no caching: every call looks at the page as it is now. */

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** Whether `el` can hold typed text: a textarea, a text input or a contenteditable element. */
export function isEditable(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.disabled && !el.readOnly;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.disabled && !el.readOnly;
  return el instanceof HTMLElement && el.isContentEditable;
}

/** The editing host around `el`: the outermost contenteditable ancestor, or the text field itself. */
export function editingHost(el: Element): HTMLElement | undefined {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return isEditable(el) ? el : undefined;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return undefined;
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The editing host an event happened in, looking through open shadow roots via the composed path. */
export function editingHostOf(event: Event): HTMLElement | undefined {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    const host = editingHost(node);
    if (host) return host;
  }
  return undefined;
}

/** Text of a prompt box: a field's value, or an editing host's rendered text (line breaks kept). */
export function textOf(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks between paragraphs, so words in two <p> do not fuse into one token.
  const text = el.innerText;
  // Without layout (display:none, or a DOM without rendering) innerText falls back to textContent.
  return typeof text === 'string' ? text : (el.textContent ?? '');
}

/** Whether the page shows `el` (decoys such as ChatGPT's display:none textarea are not rendered). */
export function isRendered(el: Element): boolean {
  if (!el.isConnected || (el instanceof HTMLElement && el.hidden)) return false;
  return el.checkVisibility({ visibilityProperty: true });
}

/** Whether a control cannot be used now: disabled, aria-disabled, or made unclickable by a CSS class. */
export function isDisabled(el: Element): boolean {
  if ((el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.disabled) return true;
  if (el.getAttribute('aria-disabled') === 'true') return true;
  return el.classList.contains('pointer-events-none');
}

/** The first element under `root` matching one of `selectors` (tried in order) that passes `ok`. */
export function firstMatch(
  root: ParentNode,
  selectors: readonly string[],
  ok: (el: HTMLElement) => boolean,
): HTMLElement | undefined {
  for (const sel of selectors) {
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      if (ok(el)) return el;
    }
  }
  return undefined;
}

/** Whether `el` matches any of `selectors`. */
export function matchesAny(el: Element, selectors: readonly string[]): boolean {
  return selectors.some((s) => el.matches(s));
}

/** The nearest ancestor (or `el` itself) matching one of `selectors`, within `levels` steps. */
export function ancestorMatching(el: Element, selectors: readonly string[], levels = 8): Element | undefined {
  let n: Element | null = el;
  for (let i = 0; n && i <= levels; i++, n = n.parentElement) {
    if (matchesAny(n, selectors)) return n;
  }
  return undefined;
}
