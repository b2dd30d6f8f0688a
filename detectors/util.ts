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

/**
 * Runs a global regex over the text and turns each match into a candidate through `build`, which
 * may return null to reject it. Regexes used here must have bounded quantifiers so that each start
 * position costs O(1): the whole scan is then linear (a test feeds 1 MB of adversarial input).
 */
export function matchAll(
  re: RegExp,
  text: string,
  build: (m: RegExpExecArray) => Candidate | Candidate[] | null | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const c = build(m);
    if (Array.isArray(c)) out.push(...c);
    else if (c) out.push(c);
  }
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
