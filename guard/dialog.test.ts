// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDialog, DIALOG_HOST_TAG, type DialogRequest } from './dialog';

const REQ: DialogRequest = {
  title: 'This prompt may contain patient information',
  summary: 'PHI Guard found 1 possible identifier.',
  items: [{ label: 'SSN', reason: 'SSN format', before: 'Pt SSN ', value: '900-12-3456', after: ' today' }],
  coaching: 'Remove identifiers.',
  editLabel: 'Edit',
  redactLabel: 'Redact & send',
  sendLabel: 'Send anyway',
  justifications: [{ id: 'synthetic', label: 'Test data' }],
  requireJustification: true,
};

/** The dialog's internals, reached the way only the extension can: through attachShadow's return value. */
function captureShadow(): () => ShadowRoot {
  const original = Element.prototype.attachShadow;
  let root: ShadowRoot | undefined;
  beforeEach(() => {
    root = undefined;
    Element.prototype.attachShadow = function (init) {
      root = original.call(this, init);
      return root;
    };
  });
  afterEach(() => {
    Element.prototype.attachShadow = original;
    for (const h of document.querySelectorAll(DIALOG_HOST_TAG)) h.remove();
  });
  return () => {
    if (!root) throw new Error('no shadow root');
    return root;
  };
}

const trustAll = () => true;

// If these fail, page scripts could read the findings or press the dialog's buttons, or keyboard users are stuck.
describe('dialog', () => {
  const shadow = captureShadow();

  it('lives in a closed shadow root the page cannot open', () => {
    const d = createDialog(document, trustAll);
    void d.open(REQ);
    const host = document.querySelector(DIALOG_HOST_TAG);
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain('900-12-3456');
    expect(shadow().textContent).toContain('900-12-3456');
    d.destroy();
    expect(document.querySelector(DIALOG_HOST_TAG)).toBeNull();
  });

  it('is labelled, modal, and starts on the safe action', () => {
    const d = createDialog(document, trustAll);
    void d.open(REQ);
    const dlg = shadow().querySelector('dialog') as HTMLDialogElement;
    expect(dlg.getAttribute('aria-modal')).toBe('true');
    expect(shadow().getElementById(dlg.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(REQ.title);
    expect((shadow().activeElement as HTMLElement | null)?.textContent).toBe('Edit');
    d.destroy();
  });

  it('needs a reason before Send anyway, then resolves with it', async () => {
    const d = createDialog(document, trustAll);
    const choice = d.open(REQ);
    const [, , send] = [...shadow().querySelectorAll('button')];
    expect(send.textContent).toBe('Send anyway');
    expect(send.disabled).toBe(true);
    const select = shadow().querySelector('select') as HTMLSelectElement;
    select.value = 'synthetic';
    select.dispatchEvent(new Event('change'));
    expect(send.disabled).toBe(false);
    send.click();
    expect(await choice).toEqual({ action: 'send', justification: 'synthetic' });
  });

  it('offers only Edit and Redact & send in block mode', () => {
    const d = createDialog(document, trustAll);
    void d.open({ ...REQ, sendLabel: undefined });
    expect([...shadow().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Edit', 'Redact & send']);
    expect(shadow().querySelector('select')).toBeNull();
    d.destroy();
  });

  it('Escape (the cancel event) is Edit', async () => {
    const d = createDialog(document, trustAll);
    const choice = d.open(REQ);
    shadow()
      .querySelector('dialog')
      ?.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(await choice).toEqual({ action: 'edit' });
  });

  it('keeps Tab inside the dialog', () => {
    const d = createDialog(document, trustAll);
    void d.open({ ...REQ, sendLabel: undefined });
    const [edit, redact] = [...shadow().querySelectorAll('button')];
    const tab = (shiftKey = false) =>
      shadow()
        .querySelector('dialog')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true }));
    tab();
    expect(shadow().activeElement).toBe(redact);
    tab();
    expect(shadow().activeElement).toBe(edit);
    tab(true);
    expect(shadow().activeElement).toBe(redact);
    d.destroy();
  });

  it('ignores clicks that are not the user’s', async () => {
    const d = createDialog(document, (e) => e.isTrusted);
    let settled = false;
    void d.open(REQ).then(() => {
      settled = true;
    });
    shadow().querySelectorAll('button')[1].click();
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(d.isOpen).toBe(true);
    d.destroy();
  });
});
