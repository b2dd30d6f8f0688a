// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { messageFor, watchCopy } from './copy';

describe('messageFor: the message a copy button belongs to', () => {
  it('takes the restored message just above the action bar, not another one', () => {
    document.body.innerHTML = `<main>
      <section id="t1"><div class="msg" id="m1">a</div><div class="bar"><button id="c1">Copy</button></div></section>
      <section id="t2"><div class="msg" id="m2">b</div><div class="bar"><button id="c2">Copy</button></div></section>
    </main>`;
    const msgs = [...document.querySelectorAll('.msg')];
    expect(messageFor(document.querySelector('#c1') as Element, msgs)?.id).toBe('m1');
    expect(messageFor(document.querySelector('#c2') as Element, msgs)?.id).toBe('m2');
  });

  it('takes the message around the button, and nothing when no restored message is near', () => {
    document.body.innerHTML =
      '<div class="msg" id="m"><p>x</p><button id="in">Copy</button></div><button id="out">Copy</button>';
    const msgs = [...document.querySelectorAll('.msg')];
    expect(messageFor(document.querySelector('#in') as Element, msgs)?.id).toBe('m');
    expect(messageFor(document.querySelector('#in') as Element, [])).toBeUndefined();
  });
});

describe('watchCopy: a selection of restored text is copied as shown', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  function copyEvent(): { event: Event; data: Map<string, string> } {
    const data = new Map<string, string>();
    const event = new Event('copy', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', {
      value: { setData: (t: string, v: string) => data.set(t, v), getData: (t: string) => data.get(t) ?? '' },
    });
    return { event, data };
  }

  /** Watches copies with `shows`, selects the element `sel` and copies it as the user would. */
  function copySelectionOf(sel: string, shows: (el: Element) => boolean) {
    stop = watchCopy({ win: window, shows, messages: () => [], isCopyControl: () => false, isTrusted: () => true });
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel) as Element);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    const copy = copyEvent();
    document.querySelector(sel)?.dispatchEvent(copy.event);
    return copy;
  }

  it('writes the selection and keeps the site from putting its placeholder text over it', () => {
    document.body.innerHTML = '<div id="m"><p id="p">About Jane Roe</p></div>';
    let siteRan = false;
    document.addEventListener('copy', () => {
      siteRan = true;
    });
    const { event, data } = copySelectionOf('#p', (el) => el.closest('#m') !== null);
    expect(data.get('text/plain')).toBe('About Jane Roe');
    expect(event.defaultPrevented).toBe(true);
    expect(siteRan).toBe(false);
  });

  it('leaves copies of text without restored values to the site', () => {
    document.body.innerHTML = '<div id="other"><p id="p">Plain text</p></div>';
    const { event, data } = copySelectionOf('#p', () => false);
    expect(data.size).toBe(0);
    expect(event.defaultPrevented).toBe(false);
  });
});
