/**
 * Web addresses: scheme URLs (http, https, ftp), www. hosts, and bare domain names with a common
 * top-level domain ("clinic-portal.org/patient/77"). A patient portal link or a personal site
 * identifies; well-known reference sites are not PHI by themselves but are reported with lower
 * confidence because the path may carry identifiers.
 * Source: RFC 3986 https://www.rfc-editor.org/rfc/rfc3986 ; 45 CFR 164.514(b)(2)(i)(N).
 */
import { addStart, colonsOf, isAlpha, isDigit, isWord, matchStarts } from '../anchors';
import type { Detector, ScanInput } from '../types';
import { gatingOn, trimEnd } from '../util';

const SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'`]{1,2048}/gi;
const WWW = /(?<![\w@./-])www\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}(?:[/?#][^\s<>"'`]{0,2048})?/gi;
const TLDS =
  'com|org|net|edu|gov|io|info|biz|health|care|clinic|hospital|doctor|me|co|us|uk|ca|au|de|fr|nl|be|ch|at|se|no|dk|fi|es|it|pt|pl|cz|ie|nz|in|br|mx|jp|cn|ru|ee|cy|gr|hu|ro|sk|si|hr|lt|lv|is|app|dev|ly';
const BARE = new RegExp(
  String.raw`(?<![\w@.\/-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?){0,4}\.(?:${TLDS})(?:\.[a-z]{2})?(?![\w@-])(?:/[^\s<>"'\x60]{0,2048})?`,
  'gi',
);

const TLD_SET: ReadonlySet<string> = new Set(TLDS.split('|'));
const TLD_MAX = Math.max(...TLDS.split('|').map((x) => x.length));

/**
 * Whether the "." at `h` starts a known TLD, as the regex `\.(?:TLDS)(?![a-z0-9-])` (i flag) decides: the
 * TLDs are ASCII letters and the look-ahead forbids a letter after them, so the TLD is the whole run of
 * letters after the dot, and a digit or "-" must not follow it. The letters are read lower case from the
 * lower-cased copy (same offsets).
 */
function tldAt(t: string, lower: string, h: number): boolean {
  let e = h + 1;
  while (isAlpha(t.charCodeAt(e))) e++;
  const len = e - h - 1;
  if (len < 2 || len > TLD_MAX) return false;
  const c = t.charCodeAt(e);
  return !isDigit(c) && c !== 45 && TLD_SET.has(lower.slice(h + 1, e));
}

/** A character the look-behind of BARE rejects before a domain: letters, digits, _ @ . / - */
function domainChar(c: number): boolean {
  return isWord(c) || c === 64 || c === 46 || c === 47 || c === 45;
}

/** Where SCHEME can start: "http", "https" or "ftp" (lower case in the lower-cased copy) before "://". */
function schemeStarts(input: ScanInput): number[] {
  const t = input.text;
  const lower = input.lower;
  const out: number[] = [];
  for (const c of colonsOf(input)) {
    if (!t.startsWith('//', c + 1)) continue;
    let s = -1;
    if (c >= 5 && lower.startsWith('https', c - 5)) s = c - 5;
    else if (c >= 4 && lower.startsWith('http', c - 4)) s = c - 4;
    else if (c >= 3 && lower.startsWith('ftp', c - 3)) s = c - 3;
    if (s >= 0) addStart(out, s);
  }
  return out;
}

/**
 * Where a bare domain can start: a domain ends in a known TLD (a dot found by indexOf, then tldAt) and,
 * by its look-behind, starts where a run of letters, digits and _ @ . / - starts. So each TLD hint has one
 * candidate start, the start of its run, searched when it lies within 260 characters before the hint (the
 * window a domain was always sought in). Each run is walked once: linear. The same walk over the dots
 * collects where WWW can start: "www" (lower case in the lower-cased copy) before a dot.
 */
function domainStarts(t: string, lower: string, www: number[]): number[] {
  const out: number[] = [];
  let runStart = -1;
  let scanned = -1;
  for (let h = t.indexOf('.'); h >= 0; h = t.indexOf('.', h + 1)) {
    if (h >= 3 && lower.startsWith('www', h - 3)) addStart(www, h - 3);
    if (!tldAt(t, lower, h)) continue;
    let start = -1;
    if (runStart >= 0) {
      let k = scanned + 1;
      while (k < h && domainChar(t.charCodeAt(k))) k++;
      if (k >= h) start = runStart; // still the previous hint's run
    }
    if (start < 0) {
      let k = h;
      while (k > 0 && domainChar(t.charCodeAt(k - 1))) k--;
      start = k;
    }
    runStart = start;
    scanned = h;
    if (start >= h - 260) addStart(out, start);
  }
  return out;
}

export const url: Detector = {
  id: 'url',
  category: 'URL',
  description: 'Web address (URL, www host or bare domain)',
  source: 'https://www.rfc-editor.org/rfc/rfc3986',
  detect(input) {
    const t = input.text;
    // A scheme needs "://" and a www host "www." (ASCII, so the lower-cased copy shows it): the regexes run
    // only where those are. Bare domains can only start shortly before a ".tld".
    const scheme = schemeStarts(input);
    const www: number[] = [];
    const bare = domainStarts(t, input.lower, www);
    // Nothing can start: no closure or regex call (with gating off, a test hook, every regex runs).
    if (scheme.length + www.length + bare.length === 0 && gatingOn()) return [];
    const build = (conf: number) => (m: RegExpExecArray) => {
      const end = trimEnd(t, m.index, m.index + m[0].length);
      if (end <= m.index) return null;
      return { start: m.index, end, category: 'URL' as const, confidence: conf, reason: 'web address' };
    };
    const out = matchStarts(SCHEME, scheme, t, build(0.9));
    matchStarts(WWW, www, t, build(0.85), out);
    matchStarts(
      BARE,
      bare,
      t,
      (m) => {
        // "e.g." / "i.e." / "vs.co" style false starts and numbers like 3.co are not domains.
        if (/^\d+\./.test(m[0]) || !/[a-z]{2,}/i.test(m[0].split('.')[0])) return null;
        return build(0.7)(m);
      },
      out,
    );
    return out;
  },
};
