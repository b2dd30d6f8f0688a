// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CHIPS_HOST_TAG, type Chips, createChips } from './chips';

/** The chips' shadow root: closed in use, so the test reaches it by opening attachShadow's result. */
function shadowOfHost(): ShadowRoot {
  const host = document.querySelector(CHIPS_HOST_TAG) as HTMLElement & { __root?: ShadowRoot };
  if (!host?.__root) throw new Error('no chips host');
  return host.__root;
}

describe('chips', () => {
  let chips: Chips | undefined;
  const original = HTMLElement.prototype.attachShadow;
  afterEach(() => {
    chips?.destroy();
    HTMLElement.prototype.attachShadow = original;
  });

  function setup(state: { on: boolean; toggles: number }) {
    // Keep a handle on the closed root for the test (the page never gets one).
    HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, init);
      (this as HTMLElement & { __root?: ShadowRoot }).__root = root;
      return root;
    };
    document.body.innerHTML = '<div id="m1">a</div><div id="m2">b</div>';
    chips = createChips({
      doc: document,
      enabled: () => state.on,
      toggle: () => {
        state.toggles++;
        state.on = !state.on;
      },
    });
    return chips;
  }

  it('shows one chip per message, lists its values, and switches restoring from the panel', () => {
    const state = { on: true, toggles: 0 };
    const c = setup(state);
    const m1 = document.querySelector('#m1') as Element;
    const m2 = document.querySelector('#m2') as Element;
    c.render(
      new Map([
        [m1, [{ token: '[NAME-1]', original: 'Jane Roe' }]],
        [
          m2,
          [
            { token: '[NAME-1]', original: 'Jane Roe' },
            { token: '[DATE-1]', original: '01/02/1900' },
          ],
        ],
      ]),
    );
    const root = shadowOfHost();
    const labels = [...root.querySelectorAll('button.chip')].map((b) => b.textContent);
    expect(labels).toEqual(['1 restored on this device', '2 restored on this device']);
    (root.querySelectorAll('button.chip')[1] as HTMLButtonElement).click();
    const panel = root.querySelector('.panel') as HTMLElement;
    expect(panel.textContent).toContain('[NAME-1] → Jane Roe');
    expect(panel.textContent).toContain('[DATE-1] → 01/02/1900');
    (panel.querySelector('button') as HTMLButtonElement).click();
    expect(state.toggles).toBe(1);
    expect(root.querySelector('.panel')).toBeNull();
    // Re-rendered with restoring off: the chips say so.
    c.render(new Map([[m1, [{ token: '[NAME-1]', original: 'Jane Roe' }]]]));
    expect([...root.querySelectorAll('button.chip')].map((b) => b.textContent)).toEqual(['1 placeholder shown']);
  });

  it('removes the chips of messages that no longer show values', () => {
    const c = setup({ on: true, toggles: 0 });
    const m1 = document.querySelector('#m1') as Element;
    c.render(new Map([[m1, [{ token: '[NAME-1]', original: 'Jane Roe' }]]]));
    c.render(new Map());
    expect(shadowOfHost().querySelectorAll('button.chip')).toHaveLength(0);
  });
});
