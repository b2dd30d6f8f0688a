/**
 * The organisation's own detectors: admin regexes (customPatterns) and listed terms (customTerms, e.g.
 * facility names and local MRN prefixes). They live here, not in detectors/, because they come from policy
 * at run time; the assess path runs them beside scan().
 *
 * Patterns are compiled with re2js, a port of RE2: matching is linear in the text whatever the pattern, so
 * `(a+)+$` cannot freeze a browser; the limits in LIMITS bound the constant factor. Terms use no regex at all.
 * Errors name the pattern's id and RE2's reason; they never echo the pattern, a match or any text.
 */
import { RE2JS } from 're2js';
import type { Category, Finding } from '../detectors/types';
import { type CustomPattern, type CustomTerm, LIMITS } from './schema';

export interface CompiledPattern {
  id: string;
  re: RE2JS;
  category: Category;
  confidence: number;
  reason: string;
}

const FLAG_BITS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

/** Size of RE2's compiled program, through re2js internals (undefined if a release moves them). */
function programSize(re: RE2JS): number | undefined {
  const prog = (re.re2() as unknown as { prog?: { inst?: unknown[] } }).prog;
  return Array.isArray(prog?.inst) ? prog.inst.length : undefined;
}

/** Compiles one admin pattern, or says why it cannot be used (never quoting it). */
export function compilePattern(
  p: CustomPattern,
): { ok: true; pattern: CompiledPattern } | { ok: false; reason: string } {
  if (p.pattern.length > LIMITS.patternLength) return { ok: false, reason: `longer than ${LIMITS.patternLength}` };
  let flags = 0;
  for (const f of p.flags ?? '') {
    const bit = FLAG_BITS[f];
    if (bit === undefined) return { ok: false, reason: 'flags may only be i, m and s' };
    flags |= bit;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(p.pattern, flags);
  } catch (err) {
    // RE2JSSyntaxException keeps the reason in `error` and the offending fragment in `input`: take the reason only.
    const why = (err as { error?: unknown }).error;
    return { ok: false, reason: `not valid RE2 syntax${typeof why === 'string' ? ` (${why.split(':')[0]})` : ''}` };
  }
  const size = programSize(re);
  if (size !== undefined && size > LIMITS.patternProgram) {
    return { ok: false, reason: `too complex (compiles to ${size} steps; the limit is ${LIMITS.patternProgram})` };
  }
  if (re.matches('')) return { ok: false, reason: 'matches empty text' };
  return {
    ok: true,
    pattern: {
      id: p.id,
      re,
      category: p.category ?? 'OTHER_ID',
      confidence: p.confidence ?? 0.9,
      reason: p.label ? `your organisation's rule: ${p.label}` : `your organisation's rule ${p.id}`,
    },
  };
}

interface TermEnd {
  prefix: boolean;
  category: Category;
}

/** A character trie of the lower-cased terms; a node may end a phrase, a prefix, or both. */
interface TrieNode {
  next: Map<string, TrieNode>;
  ends?: TermEnd[];
}

export interface CustomMatcher {
  readonly patterns: readonly CompiledPattern[];
  readonly termCount: number;
  /** Findings of the organisation's patterns and terms in `text`. */
  find(text: string): Finding[];
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isIdChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** Digits an identifier after an MRN prefix must have, so "SEH ward" is not an identifier. */
const PREFIX_MIN_DIGITS = 4;

/**
 * Builds the matcher for a policy's patterns and terms (patterns that do not compile were already dropped
 * and reported when the policy was parsed; any left are skipped here).
 */
export function createCustomMatcher(patterns: readonly CustomPattern[], terms: readonly CustomTerm[]): CustomMatcher {
  const compiled: CompiledPattern[] = [];
  for (const p of patterns.slice(0, LIMITS.customPatterns)) {
    const c = compilePattern(p);
    if (c.ok) compiled.push(c.pattern);
  }
  // A trie walked from each word start: the cost per start is bounded by the longest term, not the term count.
  const root: TrieNode = { next: new Map() };
  let termCount = 0;
  for (const t of terms.slice(0, LIMITS.customTerms)) {
    const term = t.term.toLowerCase();
    if (term.length < 2 || term.length > LIMITS.termLength) continue;
    let node = root;
    for (const ch of term) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    const prefix = t.match === 'prefix';
    node.ends ??= [];
    node.ends.push({ prefix, category: t.category ?? (prefix ? 'MRN' : 'LOCATION') });
    termCount++;
  }

  /** End of the identifier after a prefix ending at `end`, or -1 when none with enough digits follows. */
  function identifierEnd(text: string, end: number): number {
    let j = end;
    if (text[j] === '-' || text[j] === ' ' || text[j] === ':' || text[j] === '#') j++;
    let k = j;
    let digits = 0;
    while (k < text.length && k - j < 40 && isIdChar(text[k])) {
      if (isDigit(text[k])) digits++;
      k++;
    }
    return digits >= PREFIX_MIN_DIGITS && !isIdChar(text[k]) ? k : -1;
  }

  function findTerms(text: string, out: Finding[]) {
    if (!termCount) return;
    // Lower-casing can change the length of a few characters (İ); keep those as they are so offsets hold.
    let lower = text.toLowerCase();
    if (lower.length !== text.length) {
      lower = [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
    }
    for (let i = 0; i < lower.length; i++) {
      if (isWordChar(lower[i - 1]) || !isWordChar(lower[i])) continue;
      let node: TrieNode | undefined = root;
      let best: { end: number; term: TermEnd } | undefined;
      for (let j = i; node && j <= lower.length; j++) {
        for (const e of node.ends ?? []) {
          const end = e.prefix ? identifierEnd(text, j) : isWordChar(lower[j]) && isWordChar(lower[j - 1]) ? -1 : j;
          if (end > i && (!best || end > best.end)) best = { end, term: e };
        }
        node = j < lower.length ? node.next.get(lower[j]) : undefined;
      }
      if (!best) continue;
      out.push({
        start: i,
        end: best.end,
        category: best.term.category,
        detector: 'custom-term',
        confidence: 0.9,
        reason: best.term.prefix
          ? "an identifier with your organisation's record prefix"
          : "a name on your organisation's list",
      });
      i = best.end - 1;
    }
  }

  function findPatterns(text: string, out: Finding[]) {
    for (const p of compiled) {
      // test() runs RE2's DFA without captures: the common no-match case costs one fast pass.
      if (!p.re.test(text)) continue;
      const m = p.re.matcher(text);
      let n = 0;
      while (n < LIMITS.patternMatches && m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) {
          out.push({
            start,
            end,
            category: p.category,
            detector: `custom:${p.id}`,
            confidence: p.confidence,
            reason: p.reason,
          });
          n++;
        }
      }
    }
  }

  return {
    patterns: compiled,
    termCount,
    find(text: string): Finding[] {
      if (!text || (!compiled.length && !termCount)) return [];
      const out: Finding[] = [];
      findPatterns(text, out);
      findTerms(text, out);
      return out;
    },
  };
}

export const NO_CUSTOM: CustomMatcher = createCustomMatcher([], []);

/**
 * Joins the built-in findings with the organisation's: overlapping findings become one covering their union,
 * labelled by the most confident (as the engine merges its own), so redaction never sees overlaps.
 */
export function mergeFindings(base: readonly Finding[], extra: readonly Finding[]): Finding[] {
  if (!extra.length) return [...base];
  const all = [...base, ...extra].map((f) => ({ ...f })).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of all) {
    const cur = out[out.length - 1];
    if (cur && f.start < cur.end) {
      if (f.confidence > cur.confidence) {
        cur.category = f.category;
        cur.detector = f.detector;
        cur.confidence = f.confidence;
        cur.reason = f.reason;
      }
      if (f.end > cur.end) cur.end = f.end;
      continue;
    }
    out.push(f);
  }
  return out;
}
