/**
 * IPv4 (dotted quad, each octet 0-255) and IPv6 (RFC 4291 text forms, including :: compression and
 * an embedded IPv4 tail). Candidates are found with a simple bounded token regex and validated in
 * code, which keeps matching linear.
 * Source: RFC 791; RFC 4291 section 2.2 https://www.rfc-editor.org/rfc/rfc4291#section-2.2
 */

import { addStart, colonsOf, isDigit, isWord, matchStarts } from '../anchors';
import type { Detector, ScanInput } from '../types';
import { digitRuns, gatingOn } from '../util';

const V4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/\d{1,2})?(?![\w]|\.\d)/g;
const V6 = /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])/gi;

export function ipv6Valid(s: string): boolean {
  let body = s;
  let groupsNeeded = 8;
  const last = s.lastIndexOf(':');
  const tail = s.slice(last + 1);
  if (tail.includes('.')) {
    const octets = tail.split('.');
    if (octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) return false;
    body = s.slice(0, last + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
    groupsNeeded = 6;
  }
  const parts = body.split('::');
  if (parts.length > 2) return false;
  const groups = parts.map((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.some((x) => !/^[0-9a-f]{1,4}$/i.test(x)))) return false;
  const n = groups.reduce((a, g) => a + g.length, 0);
  return parts.length === 2 ? n < groupsNeeded : n === groupsNeeded;
}

/**
 * Where an IPv6 address can start: it has two colons at most 5 apart (":" then up to 4 hex digits then
 * ":"), and starts right before the first at the start of the 0-4 hex digits there, which its look-behind
 * wants after neither \w, ":" nor "." (hex digits are \w, so they are the whole run of them). A lone colon
 * ("Note: ...", "10:30") starts nothing.
 */
function pairedColons(input: ScanInput): number[] {
  const text = input.text;
  const colons = colonsOf(input);
  const out: number[] = [];
  for (let k = 0; k + 1 < colons.length; k++) {
    const i = colons[k];
    if (colons[k + 1] - i <= 5) {
      let s = i;
      while (s > 0 && i - s <= 4 && isHex(text.charCodeAt(s - 1))) s--;
      const prev = text.charCodeAt(s - 1);
      if (i - s <= 4 && !isWord(prev) && prev !== 58 && prev !== 46) addStart(out, s);
    }
  }
  return out;
}

/** `[0-9a-f]` under the i flag. */
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Where V4 can start: four runs of 1-3 digits joined by single dots, the first after neither \w nor ".".
 */
function quadStarts(input: ScanInput): number[] {
  const t = input.text;
  const runs = digitRuns(input);
  const out: number[] = [];
  for (let k = 0; k + 7 < runs.length; k += 2) {
    const prev = t.charCodeAt(runs[k] - 1);
    if (isWord(prev) || prev === 46) continue;
    let ok = true;
    for (let j = k; j <= k + 6 && ok; j += 2) {
      ok =
        runs[j + 1] - runs[j] <= 3 &&
        (j === k + 6 || (runs[j + 2] === runs[j + 1] + 1 && t.charCodeAt(runs[j + 1]) === 46));
    }
    if (ok) addStart(out, runs[k]);
  }
  return out;
}

export const ipAddress: Detector = {
  id: 'ip-address',
  category: 'IP_ADDRESS',
  description: 'IPv4 or IPv6 address',
  source: 'https://www.rfc-editor.org/rfc/rfc791 ; https://www.rfc-editor.org/rfc/rfc4291#section-2.2',
  contextWords: ['ip', 'address', 'host', 'server', 'login'],
  detect(input) {
    const t = input.text;
    const quads = quadStarts(input);
    const pairs = pairedColons(input);
    // Nothing can start: no closure or regex call (with gating off, a test hook, every regex runs).
    if (quads.length + pairs.length === 0 && gatingOn()) return [];
    const out = matchStarts(V4, quads, t, (m) => {
      if (![m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255)) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        category: 'IP_ADDRESS',
        confidence: 0.85,
        reason: 'IPv4 address',
        validated: true,
      };
    });
    matchStarts(
      V6,
      pairs,
      t,
      (m) => {
        const s = m[0];
        if ((s.match(/:/g)?.length ?? 0) < 2 || !/[0-9a-f]/i.test(s) || !ipv6Valid(s)) return null;
        // Times such as 10:30:00 are not addresses: require a hex letter, '::', or 5+ groups.
        if (!/[a-f]/i.test(s) && !s.includes('::') && s.split(':').length < 5) return null;
        // Code such as "C::D" or "a::b" (C++ scopes) is valid IPv6 text but not an address: a compressed
        // address needs a digit or at least three groups.
        if (s.includes('::') && !/\d/.test(s) && s.split(':').filter(Boolean).length < 3) return null;
        return {
          start: m.index,
          end: m.index + s.length,
          category: 'IP_ADDRESS',
          confidence: 0.85,
          reason: 'IPv6 address',
          validated: true,
        };
      },
      out,
    );
    return out;
  },
};
