import { describe, expect, it } from 'vitest';
import { findingsFor } from '../detectors/test-helpers';
import { assess } from '../policies/assess';
import { Vault, Vaults } from './vault';

describe('Vault: typed placeholders', () => {
  it('gives a value the same placeholder in every message of the conversation', () => {
    const v = new Vault();
    const m1 = 'Pt Jane Roe, DOB 01/02/1900, asks about metformin.';
    const r1 = v.redact(
      m1,
      findingsFor(m1, [
        ['Jane Roe', 'NAME'],
        ['01/02/1900', 'DATE'],
      ]),
      'typed',
      0,
    );
    expect(r1.text).toBe('Pt [NAME-1], DOB [DATE-1], asks about metformin.');
    const m2 = 'Does jane  roe need a dose change? Her brother Jon Doe asks too.';
    const r2 = v.redact(
      m2,
      findingsFor(m2, [
        ['jane  roe', 'NAME'],
        ['Jon Doe', 'NAME'],
      ]),
      'typed',
      1,
    );
    expect(r2.text).toBe('Does [NAME-1] need a dose change? Her brother [NAME-2] asks too.');
    // The mapping returned is this message's: what the leftover check needs.
    expect([...r2.mapping.keys()]).toEqual(['[NAME-1]', '[NAME-2]']);
    expect(v.replacements().map((r) => r.token)).toEqual(['[NAME-1]', '[DATE-1]', '[NAME-2]']);
  });

  it('redacts real detector findings so that nothing of the values is left', () => {
    const v = new Vault();
    const text = 'Patient Jane Roe, MRN 00012345, seen 03/04/1999 for CHF follow-up.';
    const { findings } = assess(text);
    const r = v.redact(text, findings, 'typed', 0);
    for (const value of ['Jane Roe', '00012345', '03/04/1999']) expect(r.text).not.toContain(value);
    const restored = v.find(r.text).reduceRight((t, m) => t.slice(0, m.start) + m.original + t.slice(m.end), r.text);
    expect(restored).toBe(text);
  });

  it('finds placeholders as models write them: bracketed, escaped, without brackets', () => {
    const v = new Vault();
    const text = 'Jane Roe on 01/02/1900';
    v.redact(
      text,
      findingsFor(text, [
        ['Jane Roe', 'NAME'],
        ['01/02/1900', 'DATE'],
      ]),
      'typed',
      0,
    );
    const answer = '**[NAME-1]** (seen \\[DATE-1\\]); NAME-1’s plan. [NAME-2] and [FOO-1] and COVID-19 are not ours.';
    const found = v.find(answer).map((m) => [answer.slice(m.start, m.end), m.original]);
    expect(found).toEqual([
      ['[NAME-1]', 'Jane Roe'],
      ['\\[DATE-1\\]', '01/02/1900'],
      ['NAME-1', 'Jane Roe'],
    ]);
  });

  it('finds nothing while the conversation has no replacements', () => {
    expect(new Vault().find('[NAME-1] and [DATE-1]')).toEqual([]);
  });
});

describe('Vaults: one per conversation', () => {
  const url = (path: string) => new URL(`https://chat.example/${path.replace(/^\//, '')}`);
  const fill = (v: Vault, now: number) => {
    const text = 'Jane Roe';
    v.redact(text, findingsFor(text, [['Jane Roe', 'NAME']]), 'typed', now);
  };

  it('a new chat keeps its vault when the site gives it its own address after the first send', () => {
    const vs = new Vaults(url('/'), ['/']);
    fill(vs.current(), 1000);
    expect(vs.navigate(url('/c/abc'), 2000)).toBe(true);
    expect(vs.peek()?.find('[NAME-1]')[0]?.original).toBe('Jane Roe');
    // Back to a new chat: empty, although "/" held the vault before.
    vs.navigate(url('/'), 3000);
    expect(vs.peek()).toBeUndefined();
    // Back to the conversation: its vault is still in this page's memory.
    vs.navigate(url('/c/abc'), 4000);
    expect(vs.peek()?.size).toBe(1);
  });

  it('another existing conversation never adopts the current one', () => {
    const vs = new Vaults(url('/c/one'), ['/']);
    fill(vs.current(), 1000);
    vs.navigate(url('/c/two'), 1001);
    expect(vs.peek()).toBeUndefined();
    vs.navigate(url('/c/one'), 1002);
    expect(vs.peek()?.size).toBe(1);
  });

  it('a new chat left long after its last redaction does not pass its vault on', () => {
    const vs = new Vaults(url('/'), ['/'], undefined, 60_000);
    fill(vs.current(), 0);
    vs.navigate(url('/c/late'), 61_000);
    expect(vs.peek()).toBeUndefined();
  });

  it('clear() forgets every conversation', () => {
    const vs = new Vaults(url('/c/a'), ['/']);
    fill(vs.current(), 0);
    vs.clear();
    expect(vs.peek()).toBeUndefined();
  });
});
