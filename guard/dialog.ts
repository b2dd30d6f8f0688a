/**
 * The hold dialog: a modal <dialog> in a closed shadow root, so page scripts can neither read the findings
 * (the values appear only here) nor press its buttons. Keyboard: focus starts on the safe action (Edit),
 * Tab cycles inside the dialog, Escape is Edit. Nothing in it is written to the page's DOM or to storage.
 */

export interface DialogItem {
  /** Category shown to the user, e.g. "SSN" or "Patient name (DICOM 0010,0010)". */
  label: string;
  /** Why it was flagged, never containing the value. */
  reason: string;
  /** The value with a little context each side, shown only inside the closed shadow root. */
  before: string;
  value: string;
  after: string;
}

export interface DialogRequest {
  title: string;
  summary: string;
  items: DialogItem[];
  coaching?: string;
  /** The organisation's guidance (https), linked under the coaching text. */
  helpLink?: string;
  /** Label of the safe action (always offered): "Edit", "Cancel upload", "OK". */
  editLabel: string;
  /** Offered when set: "Redact & send". */
  redactLabel?: string;
  /** Offered when set (warn mode): "Send anyway". */
  sendLabel?: string;
  /** Reasons to choose from before Send anyway; when `requireJustification`, Send anyway waits for one. */
  justifications?: readonly { id: string; label: string }[];
  requireJustification?: boolean;
}

export type DialogChoice = { action: 'edit' } | { action: 'redact' } | { action: 'send'; justification?: string };

export interface GuardDialog {
  open(request: DialogRequest): Promise<DialogChoice>;
  readonly isOpen: boolean;
  /** Closes any open dialog as Edit and removes the host (content script invalidated). */
  destroy(): void;
}

export const DIALOG_HOST_TAG = 'phi-guard-dialog';

const STYLE = `
:host { all: initial; }
dialog { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1f; background: #fff;
  border: 1px solid #c9c9d1; border-radius: 12px; padding: 20px 22px; width: min(560px, 92vw);
  max-height: 85vh; overflow: auto; box-shadow: 0 18px 50px rgba(0,0,0,.28); }
dialog::backdrop { background: rgba(15, 15, 25, .45); }
h2 { font-size: 17px; margin: 0 0 6px; }
p { margin: 6px 0; }
ul { list-style: none; padding: 0; margin: 10px 0; max-height: 40vh; overflow: auto; }
li { border: 1px solid #e2e2e8; border-radius: 8px; padding: 8px 10px; margin: 6px 0; }
.cat { font-weight: 600; } .why { color: #555; font-size: 12px; }
.ctx { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; white-space: pre-wrap;
  word-break: break-word; margin-top: 4px; color: #333; }
a { color: #3b5bdb; }
mark { background: #ffe08a; color: inherit; border-radius: 3px; padding: 0 2px; }
.coach { background: #f3f6ff; border-left: 3px solid #3b5bdb; padding: 8px 10px; border-radius: 4px; }
.row { display: flex; gap: 8px; flex-wrap: wrap; justify-content: flex-end; margin-top: 14px; align-items: center; }
label { font-size: 13px; margin-right: auto; }
select { font: inherit; margin-left: 6px; }
button { font: inherit; padding: 7px 14px; border-radius: 8px; border: 1px solid #b8b8c4; background: #fff;
  cursor: pointer; }
button.primary { background: #3b5bdb; color: #fff; border-color: #3b5bdb; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, select:focus-visible { outline: 3px solid #91a7ff; outline-offset: 2px; }
`;

/** Events that must not leak from the dialog to the page's own listeners (shortcuts, analytics). */
const CONTAINED = ['keydown', 'keyup', 'keypress', 'click', 'pointerdown', 'mousedown', 'input', 'change', 'focusin'];

export function createDialog(doc: Document, isTrusted: (e: Event) => boolean = (e) => e.isTrusted): GuardDialog {
  let current: { host: HTMLElement; finish: (c: DialogChoice) => void } | undefined;

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: { id?: string; className?: string; textContent?: string; type?: string; value?: string } = {},
  ): HTMLElementTagNameMap[K] {
    const node = doc.createElement(tag);
    Object.assign(node, props);
    return node;
  }

  function open(req: DialogRequest): Promise<DialogChoice> {
    current?.finish({ action: 'edit' });
    const host = doc.createElement(DIALOG_HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = el('style', { textContent: STYLE });
    const dialog = el('dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'pg-title');
    dialog.setAttribute('aria-describedby', 'pg-summary');
    dialog.append(
      el('h2', { id: 'pg-title', textContent: req.title }),
      el('p', { id: 'pg-summary', textContent: req.summary }),
    );

    if (req.items.length) {
      const list = el('ul');
      list.setAttribute('aria-label', 'What was found');
      for (const item of req.items) {
        const li = el('li');
        const ctx = el('div', { className: 'ctx' });
        ctx.append(item.before, el('mark', { textContent: item.value }), item.after);
        li.append(
          el('span', { className: 'cat', textContent: item.label }),
          ' ',
          el('span', { className: 'why', textContent: `— ${item.reason}` }),
          ctx,
        );
        list.append(li);
      }
      dialog.append(list);
    }
    if (req.coaching) dialog.append(el('p', { className: 'coach', textContent: req.coaching }));
    let link: HTMLAnchorElement | undefined;
    if (req.helpLink && /^https:\/\//.test(req.helpLink)) {
      const a = el('a', { textContent: "Your organisation's guidance on AI tools" });
      a.href = req.helpLink;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      const p = el('p');
      p.append(a);
      dialog.append(p);
      link = a;
    }

    const row = el('div', { className: 'row' });
    let select: HTMLSelectElement | undefined;
    const buttons: HTMLButtonElement[] = [];
    const button = (label: string, choice: () => DialogChoice, primary = false) => {
      const b = el('button', { type: 'button', textContent: label, className: primary ? 'primary' : '' });
      b.addEventListener('click', (e) => {
        if (isTrusted(e) && !b.disabled) finish(choice());
      });
      buttons.push(b);
      return b;
    };
    if (req.sendLabel && req.justifications?.length) {
      const label = el('label', { textContent: 'Reason:' });
      select = el('select');
      select.append(el('option', { value: '', textContent: 'Choose…' }));
      for (const j of req.justifications) select.append(el('option', { value: j.id, textContent: j.label }));
      label.append(select);
      row.append(label);
    }
    const edit = button(req.editLabel, () => ({ action: 'edit' }));
    row.append(edit);
    if (req.redactLabel) row.append(button(req.redactLabel, () => ({ action: 'redact' }), true));
    if (req.sendLabel) {
      const sel = select;
      const send = button(req.sendLabel, () => ({ action: 'send', justification: sel?.value || undefined }));
      if (req.requireJustification && sel) {
        send.disabled = true;
        sel.addEventListener('change', () => {
          send.disabled = sel.value === '';
        });
      }
      row.append(send);
    }
    dialog.append(row);
    root.append(style, dialog);

    // Escape closes a modal dialog with a cancel event: treat it as Edit, the safe choice.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish({ action: 'edit' });
    });
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const focusable = [link, select, ...buttons].filter(
        (x): x is HTMLAnchorElement | HTMLSelectElement | HTMLButtonElement => !!x && !('disabled' in x && x.disabled),
      );
      if (!focusable.length) return;
      const at = focusable.indexOf(root.activeElement as HTMLButtonElement);
      const next = e.shiftKey ? (at <= 0 ? focusable.length - 1 : at - 1) : at === focusable.length - 1 ? 0 : at + 1;
      e.preventDefault();
      focusable[next].focus();
    });
    for (const type of CONTAINED) root.addEventListener(type, (e) => e.stopPropagation());

    let resolve!: (c: DialogChoice) => void;
    const done = new Promise<DialogChoice>((r) => {
      resolve = r;
    });
    function finish(choice: DialogChoice) {
      if (current?.host !== host) return;
      current = undefined;
      if (dialog.open) dialog.close();
      host.remove();
      resolve(choice);
    }
    current = { host, finish };
    doc.documentElement.append(host);
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    edit.focus();
    return done;
  }

  return {
    open,
    get isOpen() {
      return current !== undefined;
    },
    destroy() {
      current?.finish({ action: 'edit' });
    },
  };
}
