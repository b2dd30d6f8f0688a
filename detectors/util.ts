import type { Candidate, Category, ScanInput } from './types';

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

/** The `n` lower-cased characters before `start` (for label and context checks). */
export function before(input: ScanInput, start: number, n = 40): string {
  return input.lower.slice(Math.max(0, start - n), start);
}

/** The `n` lower-cased characters after `end`. */
export function after(input: ScanInput, end: number, n = 40): string {
  return input.lower.slice(end, end + n);
}

/** Sorted, non-overlapping [start, end) ranges of the text worth running a regex over. */
export type Regions = readonly (readonly [number, number])[];

/**
 * Runs a global regex over the text and turns each match into a candidate through `build`, which
 * may return null to reject it. Regexes used here must have bounded quantifiers so that each start
 * position costs O(1): the whole scan is then linear (a test feeds 1 MB of adversarial input).
 *
 * With `regions`, only matches that START inside a region are sought (the regex still sees the
 * whole text, so look-behinds work). Detectors whose values must contain a digit pass the digit
 * regions: prose without digits is then skipped, which is most of a long pasted text.
 */
export function matchAll(
  pattern: RegExp | Gated,
  text: string,
  build: (m: RegExpExecArray) => Candidate | Candidate[] | null | undefined,
): Candidate[] {
  const re = pattern instanceof RegExp ? pattern : pattern.re;
  const regions = pattern instanceof RegExp || !gating ? undefined : pattern.regions;
  const out: Candidate[] = [];
  const take = (m: RegExpExecArray) => {
    const c = build(m);
    if (Array.isArray(c)) out.push(...c);
    else if (c) out.push(c);
  };
  if (!regions) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      take(m);
    }
    return out;
  }
  let from = 0;
  for (const [rs, rEnd] of regions) {
    re.lastIndex = Math.max(rs, from);
    for (;;) {
      const m = re.exec(text);
      if (!m) return out; // no match anywhere further on
      if (m.index >= rEnd) {
        from = m.index; // may start inside a later region: found again from there
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
      else take(m);
      from = re.lastIndex;
    }
  }
  return out;
}

let gating = true;
/** Test hook: turn region gating off to check that it never changes a result. */
export function setGating(on: boolean): void {
  gating = on;
}

/** A regex restricted to regions of the text (see matchAll). */
export interface Gated {
  re: RegExp;
  regions: Regions;
}

export function within(re: RegExp, regions: Regions): Gated {
  return { re, regions };
}

/** Regions where a value containing a digit can start. */
export function digits(input: ScanInput): Regions {
  return regionsAround(input, 'digit');
}

/**
 * Regions around every character of `chars` (default: digits), `before` characters before and
 * `after` after, merged; computed once per scan input and shared by the detectors.
 */
export function regionsAround(input: ScanInput, kind: 'digit' | '@' | ':', before = 96, after = 32): Regions {
  input.cache ??= {};
  const key = `regions:${kind}:${before}:${after}`;
  const hit = input.cache[key] as Regions | undefined;
  if (hit) return hit;
  const text = input.text;
  const out: [number, number][] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const match = kind === 'digit' ? c >= 48 && c <= 57 : kind === '@' ? c === 64 : c === 58;
    if (!match) continue;
    const s = Math.max(0, i - before);
    const e = Math.min(n, i + after);
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  input.cache[key] = out;
  return out;
}

export function cand(
  start: number,
  end: number,
  category: Category,
  confidence: number,
  reason: string,
  validated?: boolean,
): Candidate {
  return { start, end, category, confidence, reason, validated };
}

/** Index of group `g` of a regex match with the `d` flag. */
export function groupSpan(m: RegExpExecArray, g: number): [number, number] | undefined {
  const idx = (m as RegExpExecArray & { indices?: [number, number][] }).indices?.[g];
  return idx ? [idx[0], idx[1]] : undefined;
}

/** Trims trailing punctuation a sentence puts after an identifier ("... 12345." or "(ID 12345)"). */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[.,;:)\]'"’-]/.test(text[e - 1])) e--;
  return e;
}
