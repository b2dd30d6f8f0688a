import { describe, expect, it } from 'vitest';
import {
  type CorpusRecord,
  classify,
  containsDayOrMonth,
  lenientCaught,
  locate,
  MASK_CHAR,
  maskSpans,
  percentile,
  rate,
  scoreCorpus,
  scoredValues,
  strictCaught,
  type ToolOutcome,
} from './score';

/** Our tool's outcome for given spans: flagged when any span, lenient output = masked text. */
function ours(text: string, findings: { start: number; end: number }[]): ToolOutcome {
  return { flagged: findings.length > 0, output: maskSpans(text, findings), findings };
}

function spanOf(text: string, part: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error('test fixture: part not in text');
  return { start, end: start + part.length };
}

describe('strict value recall', () => {
  const text = 'Pt Jane Roe, SSN 900-12-3456, seen 03/04/2025.';
  const ssn = { type: 'SSN', value: '900-12-3456' };

  it('counts a value whose every letter and digit is covered, punctuation aside', () => {
    // Two findings that leave only the hyphens uncovered still cover every digit.
    const f = [spanOf(text, '900'), spanOf(text, '12-3456')];
    expect(strictCaught(text, ssn, f)).toBe(true);
  });

  it('misses a value when a single digit stays uncovered', () => {
    expect(strictCaught(text, ssn, [spanOf(text, '900-12-345')])).toBe(false);
  });

  it('requires EVERY occurrence of the value to be covered', () => {
    const t = 'Jane Roe called; later Jane Roe came back.';
    const v = { type: 'NAME', value: 'Jane Roe' };
    expect(strictCaught(t, v, [spanOf(t, 'Jane Roe')])).toBe(false);
    expect(strictCaught(t, v, [spanOf(t, 'Jane Roe'), spanOf(t, 'Jane Roe', 10)])).toBe(true);
  });

  it('lets the 4-digit year of a DATE value stay uncovered, but not its day or month', () => {
    const date = { type: 'DATE', value: '03/04/2025' };
    expect(strictCaught(text, date, [spanOf(text, '03/04')])).toBe(true);
    expect(strictCaught(text, date, [spanOf(text, '03/')])).toBe(false);
    const long = 'seen on March 5th, 2021 at noon';
    expect(strictCaught(long, { type: 'DATE', value: 'March 5th, 2021' }, [spanOf(long, 'March 5th')])).toBe(true);
  });

  it('gives the year exception to DATE types only', () => {
    const t = 'Account 2025 on file';
    expect(strictCaught(t, { type: 'ACCOUNT', value: '2025' }, [])).toBe(false);
    expect(strictCaught(t, { type: 'DATE', value: '2025' }, [])).toBe(true);
  });

  it('uses annotated offsets when present instead of every verbatim occurrence', () => {
    const t = 'Rubija met Rubija.';
    const at = { type: 'PERSON', value: 'Rubija', start: 11, end: 17 };
    expect(strictCaught(t, at, [{ start: 11, end: 17 }])).toBe(true);
    expect(strictCaught(t, { type: 'PERSON', value: 'Rubija' }, [{ start: 11, end: 17 }])).toBe(false);
  });

  it('finds a value differing only by a typographic apostrophe, and reports unlocatable ones', () => {
    const t = 'treated at Children’s Clinic';
    expect(locate(t, { type: 'LOC', value: "Children's Clinic" })).toEqual([{ start: 11, end: 28 }]);
    expect(strictCaught(t, { type: 'LOC', value: 'Mercy Hospital' }, [])).toBeUndefined();
  });
});

describe('lenient value recall', () => {
  it('masks each finding with ONE character', () => {
    expect(
      maskSpans('ab 123 cd 45', [
        { start: 3, end: 6 },
        { start: 10, end: 12 },
      ]),
    ).toBe(`ab ${MASK_CHAR} cd ${MASK_CHAR}`);
    // Overlapping spans are one masked region.
    expect(
      maskSpans('abcdef', [
        { start: 1, end: 4 },
        { start: 2, end: 5 },
      ]),
    ).toBe(`a${MASK_CHAR}f`);
  });

  it('catches a value that no longer appears verbatim after masking', () => {
    const t = 'Call 555-0142 now';
    const v = { type: 'PHONE', value: '555-0142' };
    expect(lenientCaught(maskSpans(t, [spanOf(t, '0142')]), v)).toBe(true);
    expect(lenientCaught(maskSpans(t, []), v)).toBe(false);
  });

  it('applies to the text that comes back from a peer', () => {
    expect(lenientCaught('Hi PERSON_NAME, call PHONE_NUMBER', { type: 'NAME', value: 'Jane Roe' })).toBe(true);
    expect(lenientCaught('Hi Jane Roe, call PHONE_NUMBER', { type: 'NAME', value: 'Jane Roe' })).toBe(false);
  });

  it('can pass where strict fails: a partial finding breaks the verbatim value', () => {
    const t = 'Pt Jane Roe was seen.';
    const v = { type: 'NAME', value: 'Jane Roe' };
    const f = [spanOf(t, 'Roe')];
    expect(strictCaught(t, v, f)).toBe(false);
    expect(lenientCaught(maskSpans(t, f), v)).toBe(true);
  });

  it('still counts a leak when another copy of the value survives', () => {
    const t = 'Jane Roe and Jane Roe';
    expect(lenientCaught(maskSpans(t, [spanOf(t, 'Jane Roe')]), { type: 'NAME', value: 'Jane Roe' })).toBe(false);
  });
});

describe('presidio type filtering', () => {
  it('decides "contains a day or month" by month words, ordinals and numeric dates', () => {
    for (const yes of ['9/25/1945', '2020-06-20 14:11:22', 'March 2021', 'Feb 21', 'the 5th', '12.03.1999']) {
      expect(containsDayOrMonth(yes), yes).toBe(true);
    }
    for (const no of ['1977', 'Tuesday', 'friday', '14:11', 'the 1990s']) {
      expect(containsDayOrMonth(no), no).toBe(false);
    }
  });

  it('scores only the listed types, and DATE_TIME only with a day or month', () => {
    const rec: CorpusRecord = {
      id: 'p1',
      text: 'x',
      phi: [
        { type: 'PERSON', value: 'A' },
        { type: 'ORGANIZATION', value: 'B' },
        { type: 'DATE_TIME', value: '1977' },
        { type: 'DATE_TIME', value: '9/25/1945' },
        { type: 'ZIP_CODE', value: 'C' },
      ],
    };
    expect(scoredValues(rec, 'presidio').map((v) => v.value)).toEqual(['A', '9/25/1945']);
    expect(scoredValues(rec, 'asq')).toHaveLength(5);
  });

  it('treats a presidio record with only unscored labels as neither PHI-bearing nor PHI-free', () => {
    const onlyOrg: CorpusRecord = { id: 'p2', text: 'Persint', phi: [{ type: 'ORGANIZATION', value: 'Persint' }] };
    expect(classify(onlyOrg, 'presidio')).toBe('ignored');
    expect(classify({ id: 'p3', text: 'hi', phi: [] }, 'presidio')).toBe('free');
    const records = [onlyOrg, { id: 'p3', text: 'hi', phi: [] }];
    const s = scoreCorpus(records, 'presidio', [
      { flagged: true, output: 'x', findings: [{ start: 0, end: 7 }] },
      { flagged: false, output: 'hi', findings: [] },
    ]);
    expect(s.ignored).toBe(1);
    expect(s.query).toEqual({ hit: 0, n: 0 });
    expect(s.falseAlarm).toEqual({ hit: 0, n: 1 });
  });
});

describe('scoreCorpus', () => {
  const phiText = 'Pt Jane Roe, SSN 900-12-3456, asks about statins.';
  const records: CorpusRecord[] = [
    {
      id: 'a',
      text: phiText,
      phi: [
        { type: 'NAME', value: 'Jane Roe' },
        { type: 'SSN', value: '900-12-3456' },
      ],
    },
    { id: 'b', text: 'A 67-year-old with diabetes since 2019.', phi: [] },
    { id: 'c', text: 'Dosing of metformin in CKD?', phi: [] },
  ];

  it('computes value recall, query recall, false alarms and character precision', () => {
    // Finds the SSN exactly, half the name, and a false "2019" in a PHI-free text.
    const f = [spanOf(phiText, 'Roe'), spanOf(phiText, '900-12-3456'), spanOf(phiText, 'statins')];
    const b = records[1].text;
    const s = scoreCorpus(records, 'asq', [ours(phiText, f), ours(b, [spanOf(b, '2019')]), ours(records[2].text, [])]);
    expect(s.strict).toEqual({ hit: 1, n: 2 });
    expect(s.lenient).toEqual({ hit: 2, n: 2 });
    expect(s.query).toEqual({ hit: 1, n: 1 });
    expect(s.falseAlarm).toEqual({ hit: 1, n: 2 });
    // 3 + 11 chars inside annotated values out of 3 + 11 + 7 finding chars; PHI-free texts excluded.
    expect(s.precision).toEqual({ hit: 14, n: 21 });
    expect(s.byType.get('NAME')).toEqual({ n: 1, strict: 0, lenient: 1 });
  });

  it('has no strict recall or precision for a peer that returns only text', () => {
    const s = scoreCorpus(records, 'asq', [
      { flagged: true, output: 'Pt NAME, SSN 900-12-3456, asks about statins.' },
      { flagged: false, output: records[1].text },
      { flagged: true, output: 'Dosing of DRUG in CKD?' },
    ]);
    expect(s.strict).toBeUndefined();
    expect(s.precision).toBeUndefined();
    expect(s.lenient).toEqual({ hit: 1, n: 2 });
    expect(rate(s.falseAlarm)).toBe(0.5);
  });

  it('counts a labelled age in a negatives record as PHI-bearing, not as a false alarm', () => {
    const rec: CorpusRecord = { id: 'n', text: 'Her 102-year-old grandmother', phi: [{ type: 'AGE', value: '102' }] };
    const s = scoreCorpus([rec], 'negatives', [ours(rec.text, [spanOf(rec.text, '102')])]);
    expect(s.falseAlarm.n).toBe(0);
    expect(s.query).toEqual({ hit: 1, n: 1 });
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
});
