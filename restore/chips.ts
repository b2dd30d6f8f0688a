import type { RestoredValue } from './dom';

/**
 * The per-message marker: a small chip at the top right of each message that shows placeholders of this
 * conversation ("2 restored on this device"). Clicking it lists what each placeholder stands for and offers
 * the switch between restored values and placeholders. It lives in a closed shadow root on the document
 * element, outside the site's tree, and follows its message on scroll and resize.
 */

export const CHIPS_HOST_TAG = 'phi-guard-restored';

export interface ChipsDeps {
  doc: Document;
  /** Whether values are put back now (the chip's switch flips it). */
  enabled(): boolean;
  toggle(): void;
}

export interface Chips {
  /** Shows one chip per message with its values (an empty map hides them all). */
  render(messages: Map<Element, RestoredValue[]>): void;
  /** Moves the chips to their messages (after scroll, resize or layout changes). */
  place(): void;
  destroy(): void;
}

const STYLE = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483645; pointer-events: none; }
.chip { position: fixed; pointer-events: auto; font: 600 11px/1.2 system-ui, sans-serif; color: #0b4f2e;
  background: #e3f6ea; border: 1px solid #74c69d; border-radius: 10px; padding: 2px 8px; cursor: pointer; }
.chip.off { color: #5c4400; background: #fff4d6; border-color: #e0b84c; }
.panel { position: fixed; pointer-events: auto; font: 12px/1.4 system-ui, sans-serif; color: #1b1b1b;
  background: #fff; border: 1px solid #bbb; border-radius: 6px; padding: 8px 10px; max-width: 360px;
  box-shadow: 0 2px 10px rgba(0,0,0,.2); }
.panel p { margin: 0 0 6px; } .panel ul { margin: 0 0 8px; padding-left: 16px; }
.panel code { font: 11px ui-monospace, monospace; background: #f1f1f1; padding: 0 3px; border-radius: 3px; }
.panel button { font: 600 12px system-ui, sans-serif; }
`;

export function createChips(deps: ChipsDeps): Chips {
  const { doc } = deps;
  const win = doc.defaultView as Window;
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let current = new Map<Element, RestoredValue[]>();
  const chips = new Map<Element, HTMLButtonElement>();
  let panel: { message: Element; el: HTMLDivElement } | undefined;
  let frame = 0;

  function ensureRoot(): ShadowRoot {
    if (host?.isConnected && root) return root;
    host = doc.createElement(CHIPS_HOST_TAG);
    root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    doc.documentElement.append(host);
    chips.clear();
    return root;
  }

  const label = (n: number, on: boolean) =>
    on ? `${n} restored on this device` : `${n} placeholder${n === 1 ? '' : 's'} shown`;

  function openPanel(message: Element) {
    closePanel();
    const values = current.get(message);
    if (!values) return;
    const on = deps.enabled();
    const el = doc.createElement('div');
    el.className = 'panel';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', 'PHI Guard: restored values');
    const intro = doc.createElement('p');
    intro.textContent = on
      ? 'The chatbot received placeholders. PHI Guard shows the original values here, on this device only:'
      : 'The chatbot received placeholders; restoring is off for this conversation:';
    const list = doc.createElement('ul');
    for (const v of values) {
      const li = doc.createElement('li');
      const code = doc.createElement('code');
      code.textContent = v.token;
      li.append(code, ` → ${v.original}`);
      list.append(li);
    }
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = on ? 'Show placeholders' : 'Restore values';
    button.addEventListener('click', () => {
      closePanel();
      deps.toggle();
    });
    el.append(intro, list, button);
    ensureRoot().append(el);
    panel = { message, el };
    // Positioned now, not at the next frame: a click must land where the panel is first painted.
    layout();
  }

  function closePanel() {
    panel?.el.remove();
    panel = undefined;
  }

  function render(messages: Map<Element, RestoredValue[]>) {
    current = messages;
    const on = deps.enabled();
    for (const [message, chip] of chips) {
      if (!messages.has(message)) {
        chip.remove();
        chips.delete(message);
      }
    }
    if (panel && !messages.has(panel.message)) closePanel();
    if (messages.size === 0) return;
    const r = ensureRoot();
    for (const [message, values] of messages) {
      let chip = chips.get(message);
      if (!chip) {
        chip = doc.createElement('button');
        chip.type = 'button';
        const m = message;
        chip.addEventListener('click', () => (panel?.message === m ? closePanel() : openPanel(m)));
        r.append(chip);
        chips.set(message, chip);
      }
      chip.className = on ? 'chip' : 'chip off';
      chip.textContent = label(values.length, on);
      chip.title = 'PHI Guard: what the placeholders in this message stand for';
    }
    if (panel) openPanel(panel.message);
    layout();
  }

  /** Puts every chip (and the panel) at its message's top right corner. */
  function layout() {
    for (const [message, chip] of chips) {
      const rect = message.getBoundingClientRect();
      const visible = rect.bottom > 0 && rect.top < win.innerHeight && rect.width > 0;
      chip.style.display = visible ? 'block' : 'none';
      if (!visible) continue;
      chip.style.top = `${Math.max(0, rect.top + 2)}px`;
      chip.style.left = `${Math.max(0, rect.right - chip.offsetWidth - 4)}px`;
      if (panel?.message === message) {
        panel.el.style.top = `${Math.max(0, rect.top + 24)}px`;
        panel.el.style.left = `${Math.max(0, rect.right - 364)}px`;
      }
    }
  }

  /** Scroll and resize: one layout per frame. */
  function place() {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  }

  const onMove = () => place();
  win.addEventListener('scroll', onMove, { capture: true, passive: true });
  win.addEventListener('resize', onMove, { passive: true });

  return {
    render,
    place,
    destroy() {
      win.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
      if (frame) win.cancelAnimationFrame(frame);
      host?.remove();
      chips.clear();
    },
  };
}
