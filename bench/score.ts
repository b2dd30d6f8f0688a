/**
 * Scoring rules of /work/shared/SCORING.md as pure functions, so that the benchmark's figures can be
 * unit-tested and compared with other tools and across versions.
 *
 * Decisions SCORING.md leaves open, made here once:
 * - Occurrences: a value with `start`/`end` (presidio) has exactly that one occurrence; otherwise every
 *   verbatim occurrence in the text counts. A value that does not occur verbatim is searched again after
 *   folding typographic quotes (’ -> ') because one ASQ-PHI annotation differs from its text only there;
 *   a value still not found is "unlocatable": excluded from value recall and reported.
 * - Lenient recall is a text-level rule (ASQ-PHI's leak rule): it checks the whole masked or redacted
 *   text, with the same quote folding, also for presidio values that carry offsets.
 * - presidio DATE_TIME "contains a day or month" (see `containsDayOrMonth`): a month name or abbreviation,
 *   a day-of-month ordinal (5th), or a numeric date with at least two of day/month/year (9/25/1945,
 *   2020-06-20). Weekday names alone ("Tuesday"), bare years and times are not dates of a person.
 * - presidio records whose only labels are unscored types count as neither PHI-bearing nor PHI-free.
 * - Character precision counts finding characters inside an occurrence of ANY annotated value (all
 *   types, scored or not: a labelled entity is not a false positive), over PHI-bearing texts only.
 * - Duplicate annotation entries (same value listed twice) are scored as separate values, as given.
 */

export interface PhiValue {
  type: string;
  value: string;
  start?: number;
  end?: number;
}

export interface CorpusRecord {
  id: string;
  text: string;
  phi: PhiValue[];
}

export interface Span {
  start: number;
  end: number;
}

export type CorpusKind = 'asq' | 'negatives' | 'presidio';

/** What one tool did with one text, in the shape both our scanner and text-only peers can fill. */
export interface ToolOutcome {
  /** Action is not `allow` (ours) or the output differs from the input (peer). */
  flagged: boolean;
  /** Text the lenient rule is applied to: ours masked by `maskSpans`, a peer's redacted output. */
  output: string;
  /** Finding spans; only our tool has them, so strict recall and precision exist only for it. */
  findings?: readonly Span[];
}

export const PRESIDIO_SCORED_TYPES: ReadonlySet<string> = new Set([
  'PERSON',
  'STREET_ADDRESS',
  'PHONE_NUMBER',
  'EMAIL_ADDRESS',
  'US_SSN',
  'CREDIT_CARD',
  'IP_ADDRESS',
  'IBAN_CODE',
  'US_DRIVER_LICENSE',
  'DOMAIN_NAME',
  'DATE_TIME',
]);

/** Per-category figures are reported only for categories with at least this many values. */
export const MIN_CATEGORY_VALUES = 10;

/**
 * One character no annotated value contains, so a masked finding can never complete a value; a
 * private-use code point rather than U+0000 so that the masked text stays printable when debugging.
 */
export const MASK_CHAR = '\uE000';

const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const ORDINAL_DAY = /\b(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b/i;
/** Two or three numeric date parts (d/m, m/d/y, y-m-d, d.m.y); a lone number is at most a year. */
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b/;

/** presidio DATE_TIME values count only when they pin a day or month, not just a year or a weekday. */
export function containsDayOrMonth(value: string): boolean {
  return MONTH.test(value) || ORDINAL_DAY.test(value) || NUMERIC_DATE.test(value);
}

/** DATE in ASQ-PHI, DATE_TIME in presidio: the types whose year may stay uncovered under strict. */
export function isDateType(type: string): boolean {
  return /^DATE/.test(type);
}

/** The annotations a corpus is scored on (presidio drops types SCORING.md does not score). */
export function scoredValues(record: CorpusRecord, kind: CorpusKind): PhiValue[] {
  if (kind !== 'presidio') return record.phi;
  return record.phi.filter(
    (v) => PRESIDIO_SCORED_TYPES.has(v.type) && (v.type !== 'DATE_TIME' || containsDayOrMonth(v.value)),
  );
}

export type RecordClass = 'phi' | 'free' | 'ignored';

/** PHI-bearing, PHI-free, or (presidio, only unscored labels) neither. */
export function classify(record: CorpusRecord, kind: CorpusKind): RecordClass {
  if (record.phi.length === 0) return 'free';
  return scoredValues(record, kind).length > 0 ? 'phi' : 'ignored';
}

/** Same-length folding of typographic quotes, so offsets in the folded text are offsets in the original. */
export function foldQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

function allIndexes(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Occurrences of a value in its text: the annotated offsets, else verbatim (then quote-folded) matches. */
export function locate(text: string, v: PhiValue): Span[] {
  if (typeof v.start === 'number' && typeof v.end === 'number') return [{ start: v.start, end: v.end }];
  let starts = allIndexes(text, v.value);
  if (starts.length === 0) starts = allIndexes(foldQuotes(text), foldQuotes(v.value));
  return starts.map((start) => ({ start, end: start + v.value.length }));
}

const ALNUM = /[\p{L}\p{N}]/u;
const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/g;

/** Offsets (relative to the occurrence) that strict recall does not require covered: years in dates. */
function exemptOffsets(occurrence: string, type: string): Set<number> {
  const exempt = new Set<number>();
  if (!isDateType(type)) return exempt;
  for (const m of occurrence.matchAll(YEAR)) {
    for (let i = 0; i < m[0].length; i++) exempt.add((m.index ?? 0) + i);
  }
  return exempt;
}

/** Boolean per UTF-16 unit: inside some finding. */
export function coverage(length: number, findings: readonly Span[]): Uint8Array {
  const covered = new Uint8Array(length);
  for (const f of findings) covered.fill(1, Math.max(0, f.start), Math.min(length, f.end));
  return covered;
}

/**
 * Strict: every letter and digit of every occurrence lies inside a finding (a DATE's year may not).
 * undefined when the value cannot be located in the text.
 */
export function strictCaught(
  text: string,
  v: PhiValue,
  findings: readonly Span[],
  covered: Uint8Array = coverage(text.length, findings),
): boolean | undefined {
  const occ = locate(text, v);
  if (occ.length === 0) return undefined;
  for (const o of occ) {
    const s = text.slice(o.start, o.end);
    const exempt = exemptOffsets(s, v.type);
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      if (ALNUM.test(String.fromCodePoint(cp)) && !exempt.has(i)) {
        for (let k = 0; k < width; k++) if (!covered[o.start + i + k]) return false;
      }
      i += width;
    }
  }
  return true;
}

/** Replaces every finding span by one mask character (overlapping spans are merged first). */
export function maskSpans(text: string, findings: readonly Span[]): string {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    const end = Math.min(text.length, f.end);
    if (f.start < pos) {
      // Overlaps the span just masked: one region, one mask character.
      if (end > pos) pos = end;
      continue;
    }
    out += text.slice(pos, f.start) + MASK_CHAR;
    pos = end;
  }
  return out + text.slice(pos);
}

/** Lenient: the value no longer appears verbatim in the (masked or redacted) output. */
export function lenientCaught(output: string, v: PhiValue): boolean {
  return !foldQuotes(output).includes(foldQuotes(v.value));
}

export interface Ratio {
  hit: number;
  n: number;
}

export interface CategoryScore {
  n: number;
  strict?: number;
  lenient: number;
}

export interface CorpusScore {
  /** Located scored values (denominator of value recall). */
  values: number;
  unlocatable: number;
  strict?: Ratio;
  lenient: Ratio;
  /** Every type with its counts; filter with MIN_CATEGORY_VALUES for reporting. */
  byType: Map<string, CategoryScore>;
  query: Ratio;
  falseAlarm: Ratio;
  /** Characters inside findings that lie in an annotated value, over all finding characters. */
  precision?: Ratio;
  /** presidio records with only unscored labels. */
  ignored: number;
}

export function rate(r: Ratio): number {
  return r.n === 0 ? Number.NaN : r.hit / r.n;
}

/** Missed values and false alarms of one record, for the developer's --misses listing. */
export interface RecordMisses {
  strictMissed: PhiValue[];
  lenientMissed: PhiValue[];
  falseAlarm: boolean;
}

/**
 * Scores one tool on one corpus. `outcomes[i]` belongs to `records[i]`; strict recall and precision
 * are computed only when every outcome carries findings.
 */
export function scoreCorpus(
  records: readonly CorpusRecord[],
  kind: CorpusKind,
  outcomes: readonly ToolOutcome[],
  onRecord?: (record: CorpusRecord, misses: RecordMisses) => void,
): CorpusScore {
  if (records.length !== outcomes.length) throw new Error('scoreCorpus: one outcome per record expected');
  const withSpans = outcomes.every((o) => o.findings !== undefined);
  const strict: Ratio = { hit: 0, n: 0 };
  const lenient: Ratio = { hit: 0, n: 0 };
  const query: Ratio = { hit: 0, n: 0 };
  const falseAlarm: Ratio = { hit: 0, n: 0 };
  const precision: Ratio = { hit: 0, n: 0 };
  const byType = new Map<string, CategoryScore>();
  let unlocatable = 0;
  let ignored = 0;

  records.forEach((rec, i) => {
    const out = outcomes[i];
    const cls = classify(rec, kind);
    if (cls === 'ignored') {
      ignored++;
      return;
    }
    if (cls === 'free') {
      falseAlarm.n++;
      if (out.flagged) falseAlarm.hit++;
      onRecord?.(rec, { strictMissed: [], lenientMissed: [], falseAlarm: out.flagged });
      return;
    }
    query.n++;
    if (out.flagged) query.hit++;
    const covered = withSpans ? coverage(rec.text.length, out.findings ?? []) : undefined;
    const strictMissed: PhiValue[] = [];
    const lenientMissed: PhiValue[] = [];
    for (const v of scoredValues(rec, kind)) {
      const occ = locate(rec.text, v);
      if (occ.length === 0) {
        unlocatable++;
        continue;
      }
      const cat: CategoryScore = byType.get(v.type) ?? { n: 0, lenient: 0, ...(withSpans ? { strict: 0 } : {}) };
      byType.set(v.type, cat);
      cat.n++;
      lenient.n++;
      if (lenientCaught(out.output, v)) {
        lenient.hit++;
        cat.lenient++;
      } else lenientMissed.push(v);
      if (covered) {
        strict.n++;
        if (strictCaught(rec.text, v, out.findings ?? [], covered)) {
          strict.hit++;
          cat.strict = (cat.strict ?? 0) + 1;
        } else strictMissed.push(v);
      }
    }
    if (covered) {
      const annotated = coverage(
        rec.text.length,
        rec.phi.flatMap((v) => locate(rec.text, v)),
      );
      for (let k = 0; k < covered.length; k++) {
        if (!covered[k]) continue;
        precision.n++;
        if (annotated[k]) precision.hit++;
      }
    }
    onRecord?.(rec, { strictMissed, lenientMissed, falseAlarm: false });
  });

  return {
    values: lenient.n,
    unlocatable,
    ...(withSpans ? { strict, precision } : {}),
    lenient,
    byType,
    query,
    falseAlarm,
    ignored,
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
