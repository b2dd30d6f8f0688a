/**
 * E-mail addresses (RFC 5322 addr-spec, the dot-atom form people type).
 * Source: https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1 ; 45 CFR 164.514(b)(2)(i)(F).
 */

import { addStart, isWord, matchStarts } from '../anchors';
import type { Detector } from '../types';

const RE =
  /(?<![\w.+-])[\w+-](?:[\w.+-]{0,62}[\w+-])?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?){0,6}\.[a-z]{2,24}(?![\w@])/gi;

/** `[\w.+-]` */
function localChar(c: number): boolean {
  return isWord(c) || c === 46 || c === 43 || c === 45;
}

export const email: Detector = {
  id: 'email',
  category: 'EMAIL',
  description: 'E-mail address',
  source: 'https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1',
  detect(input) {
    // The local part is 1-64 characters of [\w.+-] with none of them before it (the look-behind), so an
    // address starts where the run of those characters ending at an "@" starts.
    const t = input.text;
    const starts: number[] = [];
    for (let a = t.indexOf('@'); a >= 0; a = t.indexOf('@', a + 1)) {
      let s = a;
      while (s > 0 && a - s <= 64 && localChar(t.charCodeAt(s - 1))) s--;
      if (s < a && a - s <= 64) addStart(starts, s);
    }
    return matchStarts(RE, starts, t, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'EMAIL',
      confidence: 0.95,
      reason: 'e-mail address',
      validated: true,
    }));
  },
};
