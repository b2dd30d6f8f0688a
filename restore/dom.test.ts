// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingsFor } from '../detectors/test-helpers';
import { createRestorer, type Restorer } from './dom';
import { Vault } from './vault';

/** Lets the MutationObserver deliver (it runs as a microtask after the page's change). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('restorer', () => {
  let vault: Vault | undefined;
  let on = true;
  let changes = 0;
  let restorer: Restorer;

  beforeEach(() => {
    document.body.innerHTML = '';
    vault = new Vault();
    const prompt = 'Jane Roe born 01/02/1900';
    vault.redact(
      prompt,
      findingsFor(prompt, [
        ['Jane Roe', 'NAME'],
        ['01/02/1900', 'DATE'],
      ]),
      'typed',
      0,
    );
    on = true;
    changes = 0;
    restorer = createRestorer({
      doc: document,
      vault: () => (vault && vault.size > 0 ? vault : undefined),
      enabled: () => on,
      messageOf: (el) => el.closest('[data-role]') ?? undefined,
      isOurs: (n) => !!(n instanceof Element ? n : n.parentElement)?.closest('phi-guard-restored'),
      changed: () => changes++,
    });
  });
  afterEach(() => restorer.stop());

  it('puts the values back where the page shows placeholders, and lists them per message', () => {
    document.body.innerHTML =
      '<div data-role="assistant"><p>About <strong>[NAME-1]</strong>, born [DATE-1].</p><ul><li>[NAME-1] again</li></ul></div>';
    restorer.refresh();
    expect(document.body.textContent).toBe('About Jane Roe, born 01/02/1900.Jane Roe again');
    const [[message, values]] = [...restorer.messages()];
    expect((message as HTMLElement).dataset.role).toBe('assistant');
    expect(values).toEqual([
      { token: '[NAME-1]', original: 'Jane Roe' },
      { token: '[DATE-1]', original: '01/02/1900' },
    ]);
    expect(changes).toBeGreaterThan(0);
  });

  it('follows a streamed answer whose text node the framework rewrites in place', async () => {
    document.body.innerHTML = '<div data-role="assistant"><p>x</p></div>';
    restorer.refresh();
    const node = document.querySelector('p')?.firstChild as Text;
    let text = '';
    for (const chunk of ['Pt [NA', 'ME-1] w', 'as born [DATE', '-1] and [NAME-1]', ' is well.']) {
      // React sets the whole new string on its own node: the restored text is not what it wrote.
      text += chunk;
      node.data = text;
      await settle();
    }
    expect(node.data).toBe('Pt Jane Roe was born 01/02/1900 and Jane Roe is well.');
    // The switch shows the site's text again, exactly as it wrote it last.
    on = false;
    restorer.refresh();
    expect(node.data).toBe(text);
    on = true;
    restorer.refresh();
    expect(node.data).toBe('Pt Jane Roe was born 01/02/1900 and Jane Roe is well.');
  });

  it('joins a placeholder split over spans (one span per streamed chunk)', async () => {
    document.body.innerHTML = '<div data-role="assistant"><p></p></div>';
    restorer.refresh();
    const p = document.querySelector('p') as HTMLParagraphElement;
    for (const chunk of ['For ', '[NA', 'ME-', '1]', ', see ', '[DATE-1', '].']) {
      const span = document.createElement('span');
      span.textContent = chunk;
      p.append(span);
      await settle();
    }
    expect(p.textContent).toBe('For Jane Roe, see 01/02/1900.');
    expect(p.children).toHaveLength(7);
  });

  it('restores answers whose HTML is rebuilt on every chunk', async () => {
    document.body.innerHTML = '<div data-role="assistant"><div class="md"></div></div>';
    restorer.refresh();
    const md = document.querySelector('.md') as HTMLElement;
    md.innerHTML = '<p>[NAME-1]</p>';
    await settle();
    md.innerHTML = '<p>[NAME-1] has</p><table><tr><td>[DATE-1]</td></tr></table><pre><code>x = "[NAME-1]"</code></pre>';
    await settle();
    expect(md.textContent).toBe('Jane Roe has01/02/1900x = "Jane Roe"');
  });

  it('never writes into the prompt box or any editable element', async () => {
    document.body.innerHTML =
      '<div contenteditable="true"><p>[NAME-1] typed</p></div><textarea>[NAME-1]</textarea><p>[NAME-1]</p>';
    restorer.refresh();
    await settle();
    expect(document.querySelector('[contenteditable] p')?.textContent).toBe('[NAME-1] typed');
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe('[NAME-1]');
    expect(document.querySelector('body > p')?.textContent).toBe('Jane Roe');
  });

  it('changes nothing on a page whose conversation has no replacements', async () => {
    vault = undefined;
    document.body.innerHTML = '<p>[NAME-1] and [DATE-1]</p>';
    restorer.refresh();
    document.querySelector('p')?.append(' more [NAME-1]');
    await settle();
    expect(document.body.textContent).toBe('[NAME-1] and [DATE-1] more [NAME-1]');
    expect(restorer.messages().size).toBe(0);
  });

  it('leaves placeholders of another conversation alone', () => {
    document.body.innerHTML = '<p>[NAME-7] and [MRN-1]</p>';
    restorer.refresh();
    expect(document.body.textContent).toBe('[NAME-7] and [MRN-1]');
  });

  it('forgets messages the page removed', async () => {
    document.body.innerHTML = '<div data-role="a"><p>[NAME-1]</p></div>';
    restorer.refresh();
    expect(restorer.messages().size).toBe(1);
    document.body.innerHTML = '';
    await settle();
    expect(restorer.messages().size).toBe(0);
  });
});
