// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textOf } from '../sites/dom';
import { rewriteBox, sameText } from './rewrite';

// If these fail, Redact & send could send text other than the redacted prompt, or report success wrongly.
describe('rewrite', () => {
  it('compares text as read, ignoring paragraph and space differences only', () => {
    expect(sameText('a\n\nb  c', 'a\nb c')).toBe(true);
    expect(sameText('a\u00a0b', 'a b')).toBe(true);
    expect(sameText('[SSN-1]', '900-12-3456')).toBe(false);
  });

  it('sets a textarea through the prototype setter and fires input, as React needs', async () => {
    document.body.innerHTML = '<textarea id="t">SSN 900-12-3456</textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    const seen: string[] = [];
    t.addEventListener('input', (e) => seen.push(`${(e as InputEvent).inputType}:${t.value}`));
    const r = await rewriteBox(t, 'SSN [SSN-1]', textOf);
    expect(r).toEqual({ ok: true, method: 'value-setter' });
    expect(seen).toEqual(['insertReplacementText:SSN [SSN-1]']);
  });

  it('reports failure when the editor does not take the text', async () => {
    document.body.innerHTML = '<textarea id="t">x</textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    // A site that rejects programmatic edits: it restores its own state on every input.
    t.addEventListener('input', () => {
      t.value = 'x';
    });
    expect((await rewriteBox(t, 'y', textOf)).ok).toBe(false);
  });
});
