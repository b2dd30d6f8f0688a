/**
 * Replaces a prompt box's text through the editor's own input pipeline, so the site's state (React,
 * ProseMirror, Lexical, Quill, Svelte) really changes, then checks the box shows exactly the new text.
 * Writing innerHTML or .value directly would change what is on screen but not what the site sends.
 */

export type RewriteMethod = 'value-setter' | 'execCommand' | 'paste' | 'beforeinput';

export interface RewriteResult {
  ok: boolean;
  /** The method that produced the text (ok), or the last one tried. */
  method: RewriteMethod | 'none';
}

/** Text compared the way a person reads it: whitespace runs (paragraph breaks included) are one space. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/[\u00a0\u200b]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

/** Waits until `read()` shows `text` (editors apply DOM changes in microtasks or on a frame) or time runs out. */
export async function waitForText(read: () => string, text: string, timeoutMs = 600): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    if (sameText(read(), text)) return true;
    if (performance.now() > end) return false;
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Selects the whole content of a contenteditable host, as Ctrl+A would. */
function selectAll(host: HTMLElement): void {
  host.focus();
  const sel = host.ownerDocument.getSelection();
  if (!sel) return;
  const range = host.ownerDocument.createRange();
  range.selectNodeContents(host);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** One turn of the event loop, so an editor can take in a selection change before the next step. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

function setFieldValue(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  // The prototype's setter, not `field.value =`: React replaces the instance's setter to track its own writes,
  // and a write it did not see is what makes its onChange fire on the next input event.
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, text);
  else field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
}

function pasteText(host: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  host.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

function beforeInputText(host: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const init = { inputType: 'insertReplacementText', data: text, dataTransfer: data, bubbles: true, cancelable: true };
  host.dispatchEvent(new InputEvent('beforeinput', init));
}

/**
 * Makes `box` (a textarea, text input or contenteditable host) hold `text`. Contenteditable editors get,
 * in turn, execCommand('insertText') over a full selection (what typing does), a synthetic paste carrying
 * the text (every rich editor handles paste in script), then a beforeinput; the first that leaves the box
 * showing `text` wins. `read` is the adapter's reader, so the check sees what the site will send.
 */
export async function rewriteBox(
  box: HTMLElement,
  text: string,
  read: (box: HTMLElement) => string,
): Promise<RewriteResult> {
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    box.focus();
    setFieldValue(box, text);
    return { ok: await waitForText(() => read(box), text), method: 'value-setter' };
  }
  const attempts: [RewriteMethod, () => void][] = [
    ['execCommand', () => box.ownerDocument.execCommand('insertText', false, text)],
    ['paste', () => pasteText(box, text)],
    ['beforeinput', () => beforeInputText(box, text)],
  ];
  let method: RewriteMethod | 'none' = 'none';
  for (const [name, attempt] of attempts) {
    method = name;
    selectAll(box);
    await tick();
    try {
      attempt();
    } catch {
      continue;
    }
    if (await waitForText(() => read(box), text, 400)) return { ok: true, method };
  }
  return { ok: false, method };
}
