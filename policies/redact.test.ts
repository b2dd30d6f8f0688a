import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsFor } from '../detectors/test-helpers';
import type { Category, Finding } from '../detectors/types';
import { redact } from './redact';

describe('redact', () => {
  // If this fails, the model reading the redacted prompt can no longer tell that two mentions are the
  // same person, or the placeholders are not the documented [LABEL-n] form.
  it('replaces each finding with a stable per-value placeholder', () => {
    const text = 'Jane Roe saw Ann Lee. Later Jane Roe called.';
    const r = redact(
      text,
      findingsFor(text, [
        ['Jane Roe', 'NAME'],
        ['Ann Lee', 'NAME'],
      ]),
    );
    expect(r.text).toBe('[NAME-1] saw [NAME-2]. Later [NAME-1] called.');
    expect([...r.mapping]).toEqual([
      ['[NAME-1]', 'Jane Roe'],
      ['[NAME-2]', 'Ann Lee'],
    ]);
  });

  it('numbers each category separately, in order of first appearance', () => {
    const text = 'Ann Lee, 900-12-3456, Feb 2, Jo Doe, Mar 3, Feb 2.';
    const r = redact(
      text,
      findingsFor(text, [
        ['Ann Lee', 'NAME'],
        ['Jo Doe', 'NAME'],
        ['900-12-3456', 'SSN'],
        ['Feb 2', 'DATE'],
        ['Mar 3', 'DATE'],
      ]),
    );
    expect(r.text).toBe('[NAME-1], [SSN-1], [DATE-1], [NAME-2], [DATE-2], [DATE-1].');
  });

  it('uses the documented label of each category', () => {
    const cats: [Category, string][] = [
      ['HEALTH_PLAN', 'HEALTH-PLAN-ID'],
      ['IP_ADDRESS', 'IP'],
      ['OTHER_ID', 'ID'],
      ['PAYMENT_CARD', 'CARD'],
      ['DEVICE', 'DEVICE-ID'],
      ['LOCATION', 'LOCATION'],
    ];
    for (const [cat, label] of cats)
      expect(redact('xx val yy', findingsFor('xx val yy', [['val', cat]])).text).toBe(`xx [${label}-1] yy`);
  });

  // If this fails, "Jane Roe" and "JANE  ROE" become two people in the redacted prompt.
  it('gives values differing only in case or inner whitespace the same placeholder', () => {
    const text = 'Jane Roe, then JANE  ROE, then jane\nroe.';
    const r = redact(
      text,
      findingsFor(text, [
        ['Jane Roe', 'NAME'],
        ['JANE  ROE', 'NAME'],
        ['jane\nroe', 'NAME'],
      ]),
    );
    expect(r.text).toBe('[NAME-1], then [NAME-1], then [NAME-1].');
    // The mapping keeps the original (first) spelling, so the answer can be restored faithfully.
    expect(r.mapping.get('[NAME-1]')).toBe('Jane Roe');
    expect(r.mapping.size).toBe(1);
  });

  it('gives the same text in two categories two placeholders', () => {
    const text = 'Mercy and Mercy';
    const r = redact(text, [
      { start: 0, end: 5, category: 'NAME', detector: 't', confidence: 0.9, reason: 't' },
      { start: 10, end: 15, category: 'LOCATION', detector: 't', confidence: 0.9, reason: 't' },
    ]);
    expect(r.text).toBe('[NAME-1] and [LOCATION-1]');
  });

  // If this fails, a conversation's second message renumbers its people ([NAME-1] would now mean someone
  // else) or the earlier mapping is lost or modified.
  it('continues the numbering and reuses placeholders from a previous mapping', () => {
    const previous = new Map([
      ['[NAME-1]', 'Jane Roe'],
      ['[NAME-2]', 'Ann Lee'],
      ['[DATE-1]', 'Feb 2'],
    ]);
    const before = [...previous];
    const text = 'Bo Park met ann lee on Mar 3.';
    const r = redact(
      text,
      findingsFor(text, [
        ['Bo Park', 'NAME'],
        ['ann lee', 'NAME'],
        ['Mar 3', 'DATE'],
      ]),
    );
    expect(r.text).toBe('[NAME-1] met [NAME-2] on [DATE-1].');
    const r2 = redact(
      text,
      findingsFor(text, [
        ['Bo Park', 'NAME'],
        ['ann lee', 'NAME'],
        ['Mar 3', 'DATE'],
      ]),
      previous,
    );
    expect(r2.text).toBe('[NAME-3] met [NAME-2] on [DATE-2].');
    expect(r2.mapping.get('[NAME-1]')).toBe('Jane Roe');
    expect(r2.mapping.get('[NAME-3]')).toBe('Bo Park');
    expect(r2.mapping.get('[DATE-2]')).toBe('Mar 3');
    expect([...previous]).toEqual(before);
  });

  it('leaves a text without findings unchanged', () => {
    const r = redact('nothing here', []);
    expect(r.text).toBe('nothing here');
    expect(r.mapping.size).toBe(0);
  });

  it('accepts findings in any order and skips one that overlaps an earlier one', () => {
    const text = 'abc def ghi';
    const mk = (start: number, end: number): Finding => ({
      start,
      end,
      category: 'OTHER_ID',
      detector: 't',
      confidence: 0.9,
      reason: 't',
    });
    expect(redact(text, [mk(8, 11), mk(0, 3)]).text).toBe('[ID-1] def [ID-2]');
    expect(redact(text, [mk(0, 5), mk(4, 7)]).text).toBe('[ID-1]ef ghi');
  });

  // If this fails, redaction changes text outside the findings (the prompt's meaning) or the mapping
  // does not hold the values it replaced (the answer cannot be restored).
  it('changes nothing outside findings and maps each placeholder to a value it replaced', () => {
    const arb = fc
      .tuple(
        fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).filter((s) => !s.includes('[')),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom<Category>('NAME', 'DATE', 'SSN', 'OTHER_ID'))),
      )
      .map(([text, raw]) => {
        // Turn random numbers into sorted, non-overlapping, non-empty spans.
        const spans: Finding[] = [];
        let pos = 0;
        for (const [gap, len, category] of raw) {
          const start = pos + (text.length ? gap % 7 : 0);
          const end = start + len + 1;
          if (end > text.length) break;
          spans.push({ start, end, category, detector: 't', confidence: 0.9, reason: 't' });
          pos = end;
        }
        return { text, spans };
      });
    fc.assert(
      fc.property(arb, ({ text, spans }) => {
        const r = redact(text, spans);
        // Walk the output: gaps must be the original text, placeholders must map to the replaced value.
        let out = 0;
        let pos = 0;
        for (const s of spans) {
          const gap = text.slice(pos, s.start);
          expect(r.text.slice(out, out + gap.length)).toBe(gap);
          out += gap.length;
          const ph = /^\[[A-Z-]+-\d+\]/.exec(r.text.slice(out))?.[0];
          expect(ph).toBeDefined();
          const mapped = r.mapping.get(ph as string) ?? '';
          const norm = (v: string) => v.toLowerCase().replace(/\s+/g, ' ').trim();
          expect(norm(mapped)).toBe(norm(text.slice(s.start, s.end)));
          out += (ph as string).length;
          pos = s.end;
        }
        expect(r.text.slice(out)).toBe(text.slice(pos));
        for (const v of r.mapping.values()) expect(text).toContain(v);
      }),
      { numRuns: 300 },
    );
  });
});
