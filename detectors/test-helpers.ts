/**
 * Helpers for the detector and policy tests only (never imported by shipped code): run one detector
 * or the whole scan and look at what was covered, and build checksum-valid synthetic identifiers
 * from the published algorithms, independently of the code under test.
 */
import { lowerSameLength, scan } from './engine';
import type { Category, Detector, Finding, ScanInput, ScanOptions } from './types';

export interface Hit {
  /** The covered substring, text.slice(start, end). */
  value: string;
  category: Category;
  confidence: number;
  start: number;
  end: number;
  validated?: boolean;
  reason?: string;
  detector?: string;
}

export function inputOf(text: string): ScanInput {
  return { text, lower: lowerSameLength(text) };
}

/** The raw candidates of one detector (before context boost, threshold and merge), sorted by start. */
export function run(d: Detector, text: string): Hit[] {
  return d
    .detect(inputOf(text))
    .map((c) => ({
      value: text.slice(c.start, c.end),
      category: c.category,
      confidence: c.confidence,
      start: c.start,
      end: c.end,
      validated: c.validated,
      reason: c.reason,
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Covered substrings of one detector's candidates. */
export function values(d: Detector, text: string): string[] {
  return run(d, text).map((h) => h.value);
}

/** Findings of the full engine, with their covered substring. */
export function scanHits(text: string, options?: ScanOptions): Hit[] {
  return scan(text, options).map((f) => ({
    value: text.slice(f.start, f.end),
    category: f.category,
    confidence: f.confidence,
    start: f.start,
    end: f.end,
    detector: f.detector,
  }));
}

/** The candidate of a detector that covers exactly `value`, or undefined. */
export function hitFor(d: Detector, text: string, value: string): Hit | undefined {
  return run(d, text).find((h) => h.value === value);
}

// ---- Checksums, written from the published algorithms (not from detectors/) ----

/** Luhn check digit to append to `payload` (ISO/IEC 7812-1 Annex B). */
export function luhnDigit(payload: string): string {
  let sum = 0;
  let double = true; // the digit left of the check digit is doubled
  for (let i = payload.length - 1; i >= 0; i--) {
    let d = Number(payload[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

export function withLuhn(payload: string): string {
  return payload + luhnDigit(payload);
}

/** A check digit that is NOT the right one. */
export function wrongDigit(right: string): string {
  return String((Number(right) + 1) % 10);
}

/** NPI: 9 digits + Luhn digit computed over "80840" + those 9 digits (CMS NPI check digit paper). */
export function npiFor(nine: string): string {
  const check = luhnDigit(`80840${nine}`);
  return nine + check;
}

/** DEA: two letters + six digits + check = last digit of (d1+d3+d5) + 2*(d2+d4+d6). */
export function deaFor(letters: string, six: string): string {
  const d = six.split('').map(Number);
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return `${letters}${six}${sum % 10}`;
}

/** VIN with the position-9 check digit of 49 CFR 565.15 filled in (`vin17` has any character there). */
export function vinFor(vin17: string): string {
  const translit: Record<string, number> = {
    A: 1,
    B: 2,
    C: 3,
    D: 4,
    E: 5,
    F: 6,
    G: 7,
    H: 8,
    J: 1,
    K: 2,
    L: 3,
    M: 4,
    N: 5,
    P: 7,
    R: 9,
    S: 2,
    T: 3,
    U: 4,
    V: 5,
    W: 6,
    X: 7,
    Y: 8,
    Z: 9,
  };
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    if (i === 8) continue;
    const c = vin17[i];
    sum += (/\d/.test(c) ? Number(c) : translit[c]) * weights[i];
  }
  const r = sum % 11;
  return `${vin17.slice(0, 8)}${r === 10 ? 'X' : r}${vin17.slice(9)}`;
}

/** IBAN with ISO 7064 mod 97-10 check digits for a country code and BBAN. */
export function ibanFor(country: string, bban: string): string {
  const numeric = (s: string) => s.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of numeric(`${bban}${country}00`)) rem = (rem * 10 + Number(d)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

/** Groups a string in blocks of four, as IBANs and cards are printed. */
export function inFours(s: string): string {
  return s.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A finding for decision, redaction and report tests: span 0-4 unless `more` says otherwise. */
export function findingOf(category: Category, confidence = 0.9, more: Partial<Finding> = {}): Finding {
  return { start: 0, end: 4, category, detector: 'test', confidence, reason: 'test', ...more };
}

/** Findings over each occurrence of the given values in `text`, in text order. */
export function findingsFor(text: string, spans: [string, Category][]): Finding[] {
  const out: Finding[] = [];
  for (const [value, category] of spans) {
    let from = 0;
    for (let i = text.indexOf(value, from); i >= 0; i = text.indexOf(value, from)) {
      out.push(findingOf(category, 0.9, { start: i, end: i + value.length }));
      from = i + value.length;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A seeded source of whole numbers for generated test texts: `next(n)` is in [0, n). The same seed gives
 * the same sequence on every run (a linear congruential generator), so a failing text can be rebuilt.
 */
export function seededInts(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}
