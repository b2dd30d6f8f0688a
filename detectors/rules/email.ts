/**
 * E-mail addresses (RFC 5322 addr-spec, the dot-atom form people type).
 * Source: https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1 ; 45 CFR 164.514(b)(2)(i)(F).
 */
import type { Detector } from '../types';
import { matchAll, regionsAround, within } from '../util';

const RE =
  /(?<![\w.+-])[\w+-](?:[\w.+-]{0,62}[\w+-])?@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?){0,6}\.[a-z]{2,24}(?![\w@])/gi;

export const email: Detector = {
  id: 'email',
  category: 'EMAIL',
  description: 'E-mail address',
  source: 'https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1',
  detect(input) {
    return matchAll(within(RE, regionsAround(input, '@', 70, 4)), input.text, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'EMAIL',
      confidence: 0.95,
      reason: 'e-mail address',
      validated: true,
    }));
  },
};
