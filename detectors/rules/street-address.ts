/**
 * Street addresses, US and international: "1200 W Elm St Apt 4", "90 Whitchurch Road",
 * "Wingertweg 126", "Rue de Virton 38 Suite 510", "P.O. Box 149", "PSC 4355, Box 4187 APO AP 28906",
 * "the corner of 35 Pentelis Str. and Waechter Turnpike". An address starts at an anchor (house
 * number + capitalised word near a street word, street word + number, a P.O. box or military mail
 * code) and grows over the tokens addresses are made of (numbers, capitalised words, street and
 * unit words, commas, line breaks) up to a sentence end, bounded to 160 characters. The start moves
 * back over what belongs to the same address: a building or postal number before the house number,
 * the street line before a unit line ("233 Erzsébet tér 19.\n Suite 282"), the first street of a
 * crossing ("Maarit and Hersnapvej 75"). Lower-case street words of other languages ("tér", "gate",
 * "útja") and lower-case addresses with a street or unit word after the number are anchors too.
 * Source: 45 CFR 164.514(b)(2)(i)(B); USPS Publication 28 (Postal Addressing Standards).
 */
import { isAsciiUpper, isDigit } from '../anchors';
import { LEADING_STREET, placeIndex, placeWordBit, STREET_TYPES, TITLE_WORD, tokenClass, UNIT_WORDS } from '../places';
import {
  isSpace,
  keysLowerOf,
  lowerWord,
  oneSpace,
  startsLower,
  TK_CAPS,
  TK_DIGIT,
  TK_DOT,
  TK_INITIAL,
  TK_TITLE,
  type Token,
  tokenFrom,
  tokenIs,
  tokensOf,
  wordEnd,
} from '../tokens';
import type { Candidate, Detector, ScanInput } from '../types';
import { digitRuns, type Gated, matchAll, nearDigits, type Regions, within } from '../util';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../vocab';

const MAX_LEN = 160;
const ADDRESS_CUE =
  /(?:address(?:es)?|addr|lives?|living|resid\w*|located|meet(?: me)?|send(?: it)?(?: \w+){0,4}|sent|return(?:ed)?|mail(?:ed)?|deliver\w*|ship\w*|arrived|moved|stop|home|office|corner)\b[^.?!\n]{0,24}$|\b(?:is|are|was|were) at $/;
/**
 * ADDRESS_CUE over the 60 lower-cased characters before `start`, read from after the last . ? ! or line
 * break among them: every match lies after it (no part of the regex matches one of those characters),
 * and a \b at the cut sees a non-word character either way. Same result, a much shorter subject.
 */
function addressCue(input: ScanInput, start: number): boolean {
  const lower = input.lower;
  const from = Math.max(0, start - 60);
  let p = start;
  while (p > from) {
    const c = lower.charCodeAt(p - 1);
    if (c === 46 || c === 63 || c === 33 || c === 10) break;
    p--;
  }
  return ADDRESS_CUE.test(lower.slice(p, start));
}
const POBOX = /\b(?:p\.?\s?o\.?\s?box|post office box|psc|unit|cmr)\s{0,2}\d{1,6}(?:,?\s{0,2}box\s{0,2}\d{1,6})?/gi;
const MILITARY_START = new Set(['uscgc', 'uss', 'usns', 'usnv', 'apo', 'fpo', 'dpo']);
const MILITARY = /\b(?:uss|usns|usnv|uscgc)\s[A-Z][\p{L}]{1,20}|\b(?:apo|fpo|dpo)\s(?:aa|ae|ap)\s\d{5}/giu;
const CORNER = /\bthe corner of\s/gi;
const LOWER_OK = new Set([
  'nad',
  'pod',
  'na',
  'am',
  'an',
  'im',
  'bei',
  'sur',
  'sous',
  'en',
  'og',
  'och',
  'v',
  'rúa',
  'trg',
  'útja',
  'tee',
  'gate',
  'cite',
  'dei',
  'delle',
  'della',
  'degli',
  'dal',
  'rue',
  'via',
  'de',
  'del',
  'la',
  'le',
  'les',
  'du',
  'des',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'het',
  'y',
  'e',
  'and',
  'of',
  'the',
  'nan',
  'str',
  'ten',
  'ter',
  'rkp',
  'utca',
  'út',
  'ul',
  'u',
]);

/** Street words of other languages written as the end of the street's name ("Bundesstrasse", "Hersnapvej"). */
const FOREIGN_SUFFIXES = [
  'strasse',
  'straße',
  'straeti',
  'stræti',
  'gasse',
  'weg',
  'vägen',
  'veien',
  'straat',
  'laan',
  'katu',
  'gatan',
  'vej',
  'gade',
  'allee',
  'platz',
  'plein',
  'steig',
  'damm',
  'ulica',
];
/**
 * The suffixes above by the low five bits of their last two characters (`(last & 31) << 5 | (before & 31)`),
 * so that a word is compared with few of them, and most words (whose two last characters end no suffix) with
 * none. Characters that merely share those bits only let a word on to the comparison, which settles it.
 */
const SUFFIXES_BY_END: (string[] | undefined)[] = [];
for (const s of FOREIGN_SUFFIXES) {
  const e = ((s.charCodeAt(s.length - 1) & 31) << 5) | (s.charCodeAt(s.length - 2) & 31);
  SUFFIXES_BY_END[e] = [...(SUFFIXES_BY_END[e] ?? []), s];
}

/** Set per scan: where token keys can be read at the tokens' offsets (tokens.ts keysLowerOf). */
let keyLower: string | undefined;

/**
 * True when token t's key ends in a street suffix of another language (was the regex
 * /(?:strasse|...|ulica)$/). The key's characters are read from the lower-cased text at the token's offsets
 * (see tokens.ts keyLength), from the key itself only in the rare scan where some key is not there (a
 * capital sigma or dotted capital I in the text). Such a scan lets key strings into suffixIn's reads, which
 * may leave them megamorphic for the rest of the process: slower, never wrong.
 */
function foreignSuffix(t: Token): boolean {
  return keyLower !== undefined ? suffixIn(keyLower, t.start, wordEnd(t)) : suffixIn(t.key, 0, t.key.length);
}

/** foreignSuffix of s.slice(from, to), without the slice. */
function suffixIn(s: string, from: number, to: number): boolean {
  // (Every suffix has 3 characters or more.)
  if (to - from < 3) return false;
  const list = SUFFIXES_BY_END[((s.charCodeAt(to - 1) & 31) << 5) | (s.charCodeAt(to - 2) & 31)];
  if (list === undefined) return false;
  for (let j = 0; j < list.length; j++) {
    const x = list[j];
    if (to - from >= x.length && s.startsWith(x, to - x.length)) return true;
  }
  return false;
}

/** Optional letter after the digits in isNum: none, [a-z], or [a-zA-Z]. */
const NO_LETTER = 0;
const LOWER_LETTER = 1;
const ANY_LETTER = 2;

/**
 * /^\d{min,max}$/ on a token's text, or with a letter /^\d{min,max}[a-z]?$/ (LOWER_LETTER) or the same
 * with the i flag (ANY_LETTER: without the u flag, /i matches only ASCII letters), by character codes.
 */
function isNum(s: string, min: number, max: number, letter = NO_LETTER): boolean {
  let len = s.length;
  if (letter !== NO_LETTER && len > 1) {
    // c | 32 lower-cases A-Z and leaves a-z; no other code lands in a-z.
    const c = letter === ANY_LETTER ? s.charCodeAt(len - 1) | 32 : s.charCodeAt(len - 1);
    if (c >= 97 && c <= 122) len--;
  }
  if (len < min || len > max) return false;
  for (let j = 0; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Street-type words of languages that write them in lower case after the name, before the number:
 * "Erzsébet tér 19", "Trenerys gate 232", "Luite tee 87", "Stensås terrasse 38", "Csabai kapu 39".
 */
const LOWER_STREET = new Set([
  'tér',
  'út',
  'útja',
  'utca',
  'u',
  'rkp',
  'körút',
  'köz',
  'sor',
  'sétány',
  'kapu',
  'gate',
  'gata',
  'gatan',
  'vägen',
  'väg',
  'veien',
  'vei',
  'vej',
  'gade',
  'tee',
  'põik',
  'tänav',
  'terrasse',
  'allé',
  'plass',
  'katu',
  'tie',
  'kuja',
  'polku',
  'straat',
  'laan',
  'weg',
  'gasse',
  'str',
  'ulica',
  'ul',
  'cesta',
  'náměstí',
  'třída',
  'nábřeží',
  'iela',
  'gatvė',
  'vegur',
  'braut',
  'stígur',
  'stræti',
  'vegen',
  'stien',
  'stræde',
  'plads',
  'vænget',
  'gränd',
  'torget',
  'raitti',
  'kaari',
  'rinne',
  'rakpart',
  'fasor',
  'dűlő',
  'maantee',
  'puiestee',
  'aleja',
  'osiedle',
  'gracht',
  'dijk',
  'singel',
]);

const FULL_STREET = new Set([
  'street',
  'avenue',
  'road',
  'boulevard',
  'lane',
  'drive',
  'court',
  'terrace',
  'parkway',
  'highway',
]);
/** Nouns a number counts ("3 days", "room 12", "bed 4"): after a number they are never a street name. */
const COUNTED_NOUNS = [
  'age',
  'bed',
  'day',
  'days',
  'hour',
  'hours',
  'month',
  'months',
  'page',
  'room',
  'times',
  'week',
  'weeks',
  'year',
  'years',
];
const NOT_STREET_NAME = new Set([
  ...COUNTED_NOUNS,
  'date',
  'discharge',
  'admission',
  'admit',
  'dob',
  'grade',
  'stage',
  'cycle',
  'dose',
  'doses',
  'tablet',
  'tablets',
  'capsule',
  'capsules',
  'step',
  'level',
  'type',
  'class',
  'phase',
  'part',
  'chapter',
  'section',
  'table',
  'figure',
  'floor',
  'ward',
  'version',
  'round',
  'session',
  'visit',
  'patients',
  'units',
  'items',
  'points',
  // "since Dec 2023", "on March 15": a month before a number is a date.
  ...MONTH_NAMES,
  ...MONTH_ABBREVIATIONS,
]);
/** /^\d{1,3}(?:st|nd|rd|th)$/: a numbered street ("350 5th Ave", "1 E 42nd St"). */
function ordinal(s: string): boolean {
  const len = s.length;
  if (len < 3 || len > 5) return false;
  for (let j = 0; j < len - 2; j++) if (!isDigit(s.charCodeAt(j))) return false;
  // The suffix, lower-cased by | 32 (A-Z to a-z; a-z unchanged).
  const a = s.charCodeAt(len - 2) | 32;
  const b = s.charCodeAt(len - 1) | 32;
  return (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
}

/** Whether text[from, to) holds an ASCII digit (a house number, a box number). */
function hasDigit(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}

/**
 * A unit after a number: a dose or amount ("Eliquis 5 mg"), a span of time ("from Brazil 2 weeks ago"), or
 * the rest of a numeric date ("Heart Institute 4/1/2024").
 */
const UNIT_AFTER =
  /^\s?(?:mg|mcg|ml|g|kg|units?|iu|%|mmol|meq|tabs?|caps?|puffs?|drops?|times|x|weeks?|wks?|days?|months?|mos?|years?|yrs?|hours?|hrs?|minutes?|mins?|\/\d{1,2}\/\d{2,4})\b/i;
/** A unit or a date's rest (UNIT_AFTER) follows the number token t: then t is no house number. */
function unitAfter(text: string, t: Token): boolean {
  return UNIT_AFTER.test(text.slice(t.end, t.end + 8));
}
const PLACE_PREP = new Set(['on', 'at', 'from', 'in', 'near', 'off']);

/**
 * The word lists of this file as place word classes (places.ts): a token's key is looked up once for all of
 * them (and for the other place detectors' lists), most tokens settled from the text alone (tokenClass).
 */
const LEAD = placeWordBit(LEADING_STREET);
const FULL = placeWordBit(FULL_STREET); // (also read in PlaceIndex.capClass)
const LSTREET = placeWordBit(LOWER_STREET);
const LOWER_OK_WORD = placeWordBit(LOWER_OK);
const NOT_NAME = placeWordBit(NOT_STREET_NAME);
const PREP = placeWordBit(PLACE_PREP);
const STREET = placeWordBit(STREET_TYPES);

/** "Dr. Okonkwo", "St. Vincent": Dr and St before a name are a title or a saint, not Drive or Street. */
function titleBeforeName(text: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  return (
    (t.key === 'dr' || t.key === 'st') &&
    /^\.? /.test(text.slice(t.end, t.end + 2)) &&
    !(k >= 2 && (toks[k - 1].flags & TK_TITLE) !== 0 && isNum(toks[k - 2].text, 1, 6)) &&
    tokenIs(toks[k + 1], TK_TITLE) &&
    !isStreetWord(text, toks[k + 1]) &&
    !UNIT_WORDS.has(toks[k + 1].key)
  );
}

/**
 * A street type ("Street", "Ave") or a word with a foreign street suffix; STREET_TYPES is read as a place word
 * class (tokenClass), which settles most tokens from their characters without a lookup.
 */
function isStreetWord(text: string, t: Token): boolean {
  return (tokenClass(text, t) & STREET) !== 0 || foreignSuffix(t);
}

export const streetAddress: Detector = {
  id: 'street-address',
  category: 'LOCATION',
  description: 'Street address, P.O. box or military address',
  source: '45 CFR 164.514(b)(2)(i)(B); USPS Publication 28',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    keyLower = keysLowerOf(input);
    const out: Candidate[] = [];
    const n = toks.length;
    const { caps, capClass, digits, noted } = placeIndex(input);
    // Token ranges [first, last] passed over inside found addresses (see the noted words below).
    const inside: number[] = [];
    // The loop visits only the tokens that can anchor an address (most tokens of a text cannot), in order:
    // - a token with a digit among toks[i..i+4]: a house, unit or box number for every anchor of anchorAt
    //   (see each test) but one;
    // - that one, "from Elm Street": a title-case word after a place preposition, before a title-case word
    //   and a full street word. (Far from digits, the other anchors of anchorAt and lateAnchor all fail.)
    // `dj` and `cj`: the first digit and capitalised token at or after i in the place index.
    let dj = 0;
    let cj = 0;
    for (let i = 0; i < n; i++) {
      while (dj < digits.length && digits[dj] < i) dj++;
      while (cj < caps.length && caps[cj] < i) cj++;
      // The first token from i on that is 4 tokens or less before a digit.
      let next = dj < digits.length ? Math.max(i, digits[dj] - 4) : n;
      // A "from Elm Street" anchor before it, if any: two title-case words, the second or a third title-case
      // word a full street word (capClass tells both), after a place preposition (see elmOrLate).
      for (let c = cj; c < caps.length && caps[c] < next; c++) {
        // A full street word is rare: most entries have none one or two entries on, settled by this one test
        // (a read past the end of capClass gives undefined, 0 here).
        if (((capClass[c + 1] | capClass[c + 2]) & FULL) === 0) continue;
        const k = caps[c];
        if (
          (capClass[c] & TITLE_WORD) !== 0 &&
          caps[c + 1] === k + 1 &&
          (capClass[c + 1] & TITLE_WORD) !== 0 &&
          ((capClass[c + 1] & FULL) !== 0 ||
            (caps[c + 2] === k + 2 && (capClass[c + 2] & (TITLE_WORD | FULL)) === (TITLE_WORD | FULL))) &&
          k > 0 &&
          (tokenClass(text, toks[k - 1]) & PREP) !== 0
        ) {
          next = k;
          break;
        }
      }
      if (next >= n) break;
      i = next;
      while (dj < digits.length && digits[dj] < i) dj++;
      while (cj < caps.length && caps[cj] < i) cj++;
      // A lower-case word without a digit or a full stop anchors only as "hegyalja út 98" (see lateAnchor),
      // with a digit two tokens on; every other anchor of anchorAt starts with a number, a capital or an
      // abbreviation's full stop. (Read in the place index, the token's full stop last: the token is loaded
      // only when the index's tests pass.)
      // (digits[dj] is the first digit at or after i, so a digit at i + 2 is it or the one after.)
      const nd = dj < digits.length ? digits[dj] : -1;
      if (
        nd !== i &&
        !(cj < caps.length && caps[cj] === i) &&
        nd !== i + 2 &&
        !(dj + 1 < digits.length && digits[dj + 1] === i + 2) &&
        (toks[i].flags & TK_DOT) === 0
      )
        continue;
      // Such a lower-case word (only a digit two tokens on let it through) anchors only by lateAnchor's
      // first test (see anchorAt and elmOrLate: every other test needs a digit, a capital or a full stop
      // at i): 3 characters or more, one space, then a LOWER_STREET word. Those three are settled here,
      // before the call.
      if (nd !== i && !(cj < caps.length && caps[cj] === i) && (toks[i].flags & TK_DOT) === 0) {
        const t = toks[i];
        const nx = toks[i + 1];
        if (
          t.end - t.start < 3 ||
          nx.start !== t.end + 1 ||
          text.charCodeAt(t.end) !== 32 ||
          (tokenClass(text, nx) & LSTREET) === 0
        )
          continue;
      }
      // Whether a token among toks[i+1..i+4] has a digit.
      const d = dj < digits.length && digits[dj] === i ? dj + 1 : dj;
      const ahead = d < digits.length && digits[d] <= i + 4;
      const conf = anchorAt(input, toks, i, ahead);
      if (conf === 0) continue;
      const t = toks[i];
      const end = grow(text, toks, i);
      if (end - t.start < 6) continue;
      const start = startBefore(text, toks, i);
      out.push({
        start,
        end,
        category: 'LOCATION',
        confidence: conf,
        reason: 'street address',
        household: hasDigit(text, start, end) ? true : undefined,
      });
      // The address's tokens are passed over.
      if (i + 1 < n && toks[i + 1].start < end) {
        const first = i + 1;
        while (i + 1 < n && toks[i + 1].start < end) i++;
        inside.push(first, i);
      }
    }
    // Noted for the regexes below, from the place index's candidates: tokens that can start a military
    // address, and whether a token is "corner". Every match of CORNER has one: its "corner" (ASCII letters:
    // /i without /u matches no others) lies between two spaces, so it is a whole token of 6 characters.
    // "apo", "fpo" and "dpo" count only with a digit among toks[k..k+4] (they start a match only before a
    // ZIP code two tokens on) or inside a found address, as when the loop above visited every token.
    const mil: [number, number][] = [];
    let corner = false;
    dj = 0;
    let r = 0;
    for (const k of noted) {
      const t = toks[k];
      if (t.end - t.start === 6 && t.key === 'corner') {
        corner = true;
        continue;
      }
      if (!MILITARY_START.has(t.key)) continue;
      if ((text.charCodeAt(t.start) | 32) !== 117) {
        while (dj < digits.length && digits[dj] < k) dj++;
        while (r < inside.length && inside[r + 1] < k) r += 2;
        const near = (dj < digits.length && digits[dj] <= k + 4) || (r < inside.length && inside[r] <= k);
        if (!near) continue;
      }
      mil.push([t.start, t.end]);
    }
    // Every P.O. box match has a digit among its first NEAR_DIGIT + 1 characters ("post office box" and
    // two spaces come before it), so the tighter digit regions find the same matches; and it has a box
    // word before a number (boxNumber): without one (most texts), the regex is not run.
    const digitRegions: Regions = boxNumber(input) ? nearDigits(input) : [];
    if (digitRegions.length > 0 || mil.length > 0) {
      let prevEnd = -1;
      const fromRegex = (re: RegExp | Gated, reason: string) =>
        matchAll(re, text, (m) => {
          const end = growFrom(text, toks, m.index + m[0].length);
          const k = tokenFrom(toks, m.index);
          // Look back only when the previous address does not already reach this one.
          const start =
            k > 0 && toks[k].start === m.index && toks[k - 1].end > prevEnd ? startBefore(text, toks, k) : m.index;
          prevEnd = end;
          const household = hasDigit(text, start, end) ? (true as const) : undefined;
          return { start, end, category: 'LOCATION' as const, confidence: 0.85, reason, household };
        });
      if (digitRegions.length > 0) out.push(...fromRegex(within(POBOX, digitRegions), 'post office box'));
      // Military mail: only around the few tokens that can start it (the regex is not digit-bound).
      if (mil.length > 0) out.push(...fromRegex(within(MILITARY, mil), 'military mail address'));
    }
    if (corner)
      out.push(
        ...matchAll(CORNER, text, (m) => {
          const first = tokenFrom(toks, m.index + m[0].length);
          if (first < 0) return null;
          const end = grow(text, toks, first, true);
          return end - m.index > 16
            ? { start: m.index, end, category: 'LOCATION' as const, confidence: 0.8, reason: 'street corner' }
            : null;
        }),
      );
    // (Not kept past the scan: the module would hold the last text.)
    keyLower = undefined;
    return out;
  },
};

/**
 * Whether a run of digits has "box", "psc", "unit" or "cmr" (any case) right before it, with up to two white
 * space characters between. Every match of POBOX has: its number follows one of these words and \s{0,2}, and
 * starts a run of digits (the character before it is a letter or a space). The words are read in the
 * lower-cased text: /i without /u matches ASCII letters only, which lower-case in place.
 */
function boxNumber(input: ScanInput): boolean {
  const runs = digitRuns(input);
  const { text, lower } = input;
  for (let k = 0; k < runs.length; k += 2) {
    let q = runs[k];
    for (let spaces = 0; spaces <= 2 && q > 0; spaces++) {
      // The words end in x, c, r or t: before any other character (most runs), none can end at q.
      const c = lower.charCodeAt(q - 1);
      if (c === 120 || c === 99 || c === 114 || c === 116) {
        if (q >= 3 && (endsWith3(lower, q, 'box') || endsWith3(lower, q, 'psc') || endsWith3(lower, q, 'cmr')))
          return true;
        if (q >= 4 && lower.startsWith('unit', q - 4)) return true;
        break; // (a letter is no space)
      }
      if (!isSpace(text.charCodeAt(q - 1))) break;
      q--;
    }
  }
  return false;
}

/** Whether the three characters before `q` are `w`. */
function endsWith3(s: string, q: number, w: string): boolean {
  return (
    s.charCodeAt(q - 1) === w.charCodeAt(2) &&
    s.charCodeAt(q - 2) === w.charCodeAt(1) &&
    s.charCodeAt(q - 3) === w.charCodeAt(0)
  );
}

/**
 * The confidence of a street address anchored at token i, or 0 when none is (the first anchor that holds).
 * `ahead`: whether a token among toks[i+1..i+4] has a digit.
 */
function anchorAt(input: ScanInput, toks: Token[], i: number, ahead: boolean): number {
  const text = input.text;
  const n = toks.length;
  const t = toks[i];
  const nx: Token | undefined = toks[i + 1];
  // House number + capitalised word, with a street word or another number within 5 tokens,
  // or an address cue before it.
  if ((t.flags & TK_DIGIT) !== 0 && nx && isNum(t.text, 1, 6, ANY_LETTER)) {
    const nb = tokenClass(text, nx);
    // A street word or street-suffixed word right after the number.
    const lead = (nb & LEAD) !== 0 || foreignSuffix(nx);
    if (
      // "Mr. Roe, 72, COPD, lives on Maple Ave": a number before a comma is an age or a count, unless a
      // street word follows ("72, rue de la Paix").
      (lead || text.charCodeAt(t.end) !== 44) &&
      ((nx.flags & (TK_TITLE | TK_CAPS)) !== 0 ||
        compassLetter(text, nx) ||
        ((nx.flags & TK_INITIAL) !== 0 && (nx.flags & TK_DOT) !== 0 && /^\p{Lu}$/u.test(nx.text)) ||
        lead ||
        (t.text.length >= 2 && i + 2 < n && (tokenClass(text, toks[i + 2]) & FULL) !== 0) ||
        isNum(nx.text, 1, 4) ||
        // "350 5th Ave": a numbered street, its type right after it.
        (ordinal(nx.text) && i + 2 < n && (tokenClass(text, toks[i + 2]) & STREET) !== 0))
    ) {
      let street = lead;
      // "3747 fourth avenue suite 112": a lower-case full street word close after a house number.
      // (Each loop below can only set `street`: it runs while it is not set.)
      if (!street && t.text.length >= 2) {
        for (let k = i + 2; k < Math.min(n, i + 4) && !street; k++) street = (tokenClass(text, toks[k]) & FULL) !== 0;
      }
      for (let k = i + 2; k < Math.min(n, i + 6) && !street; k++) {
        const tk = toks[k];
        // (/^[A-Z]/ on the token's text: its first character, read in the text.)
        const upper = (tk.flags & (TK_TITLE | TK_CAPS)) !== 0 || isAsciiUpper(text.charCodeAt(tk.start));
        street = (upper && isStreetWord(text, tk) && !titleBeforeName(text, toks, k)) || lowerStreet(text, toks, k);
      }
      // The house number and the street share a line.
      if (street && hasLineBreak(text, t.end, nx.start)) street = false;
      if (street) return 0.85;
      // European order: house or postal number, street name, house number ("51709 Spinatsch 94").
      // Not "Grade 2 Stage 3", "Cycle 2 Day 8", "took 2 Tylenol 500 mg": the leading number has two
      // or more digits, the word is not a clinical or time word, and no unit follows.
      const k2 = isNum(toks[i + 2]?.text ?? '', 1, 5, ANY_LETTER) ? i + 2 : i + 3;
      const numbered =
        t.text.length >= 2 &&
        (nx.flags & TK_TITLE) !== 0 &&
        oneSpace(text, t, nx) &&
        k2 < n &&
        oneSpace(text, toks[k2 - 1], toks[k2]) &&
        (nb & NOT_NAME) === 0 &&
        (k2 === i + 2 || (tokenIs(toks[i + 2], TK_TITLE) && (tokenClass(text, toks[i + 2]) & NOT_NAME) === 0)) &&
        isNum(toks[k2]?.text ?? '', 1, 5, ANY_LETTER) &&
        !unitAfter(text, toks[k2]);
      if (numbered) return 0.7;
      // "9816 214 Pavlou Drandaki": postal or building number, house number, street name.
      const doubled =
        t.text.length >= 3 &&
        isNum(nx.text, 1, 4) &&
        tokenIs(toks[i + 2], TK_TITLE) &&
        (tokenClass(text, toks[i + 2]) & NOT_NAME) === 0;
      if (((nx.flags & (TK_TITLE | TK_CAPS)) !== 0 || doubled) && addressCue(input, t.start)) return 0.7;
    }
  }
  // "Apt. 675", "Suite 282": a unit line of an address.
  if (
    tokenIs(nx, TK_DIGIT) &&
    ((t.flags & (TK_TITLE | TK_CAPS)) !== 0 || ((t.flags & TK_DOT) !== 0 && lineStart(text, toks, i))) &&
    (t.key === 'apt' || t.key === 'apartment' || t.key === 'suite' || t.key === 'ste') &&
    isNum(nx.text, 1, 5, ANY_LETTER)
  )
    return 0.7;
  // "ul. Słowicza 10", "u. 12": lower-case abbreviated street words before the name.
  if (
    (t.flags & TK_DOT) !== 0 &&
    (t.key === 'ul' || t.key === 'u' || t.key === 'al' || t.key === 'str') &&
    tokenIs(nx, TK_TITLE) &&
    (isNum(toks[i + 2]?.text ?? '', 1, 5, ANY_LETTER) ||
      (tokenIs(toks[i + 2], TK_TITLE) && isNum(toks[i + 3]?.text ?? '', 1, 5, ANY_LETTER)))
  )
    return 0.75;
  // The next two anchors need a number among toks[i+1..i+4] and a title-case or all-capitals word.
  if (!ahead || (t.flags & (TK_TITLE | TK_CAPS)) === 0) return elmOrLate(input, toks, i);
  const tb = tokenClass(text, t);
  // Street word first: "Rue de Virton 38", "Via Roma 12"; or a street-suffixed word + number.
  const tLead = (tb & LEAD) !== 0 || foreignSuffix(t);
  if (tLead) {
    for (let k = i + 1; k < Math.min(n, i + 5); k++) {
      if (isNum(toks[k].text, 1, 5, ANY_LETTER)) {
        // Not before a unit ("Avenue 2 weeks ago").
        if (unitAfter(text, toks[k])) break;
        return 0.8;
      }
      if (!((toks[k].flags & TK_TITLE) !== 0 || (tokenClass(text, toks[k]) & LOWER_OK_WORD) !== 0)) break;
    }
  }
  if ((t.flags & TK_TITLE) !== 0) {
    // One to three capitalised words then a house number: "Joaquin Suarez 2906" after an address
    // cue, or "Brucker Bundesstrasse 31" where a word has a street suffix.
    let k = i;
    // Bit k - i set where toks[k] is a lower-case street word with its number (lowerStreet).
    let lower = 0;
    while (k < i + 4 && k + 1 < n) {
      const tk = toks[k];
      // "Király u. 15": a lower-case street word of another language, with its number.
      const ls = k > i && lowerStreet(text, toks, k);
      if ((tk.flags & TK_TITLE) === 0 && !ls) break;
      if (ls) lower |= 1 << (k - i);
      const gl = toks[k + 1].start - tk.end;
      if (!(gl === 1 && text.charCodeAt(tk.end) === 32) && !(ls && gl === 2 && text.startsWith('. ', tk.end))) break;
      if (isNum(toks[k + 1]?.text ?? '', 1, 5, ANY_LETTER)) {
        // A month and its day or year ("since Dec 2023") is a date, not a street and its number.
        if (k === i && (tb & NOT_NAME) !== 0) break;
        // Not before a unit ("Eliquis 5 mg"): tested last, as it is rarely there.
        if (
          (suffixedRun(text, toks, i, k, tLead, tb, lower) || addressCue(input, t.start)) &&
          !unitAfter(text, toks[k + 1])
        )
          return 0.8;
        break;
      }
      k++;
    }
  }
  return elmOrLate(input, toks, i);
}

/**
 * Whether the words toks[i..k] before a house number have a street suffix or street word (the first
 * word's test is `tLead`; `lower` marks lower-case street words), or are two after "on"/"at":
 * "on Hoge Wei 32", "at Pod Floriánem 1677" (not a clinical or time word).
 */
function suffixedRun(
  text: string,
  toks: Token[],
  i: number,
  k: number,
  tLead: boolean,
  tb: number,
  lower: number,
): boolean {
  if (tLead || lower !== 0) return true;
  for (let j = i + 1; j <= k; j++) {
    const tj = toks[j];
    const jb = tokenClass(text, tj);
    if (foreignSuffix(tj) || (jb & LEAD) !== 0) return true;
    if (
      j === i + 1 &&
      i > 0 && // (never toks[-1]: V8 reads a negative index as a named property, a slow read)
      (toks[i - 1].key === 'on' || toks[i - 1].key === 'at') &&
      toks[i - 1].start > 0 &&
      (tb & NOT_NAME) === 0 &&
      (jb & NOT_NAME) === 0
    )
      return true;
  }
  return false;
}

/** The last anchors of anchorAt. */
function elmOrLate(input: ScanInput, toks: Token[], i: number): number {
  const text = input.text;
  const n = toks.length;
  const t = toks[i];
  const nx: Token | undefined = toks[i + 1];
  // "from Elm Street, Denver": a named street after a place preposition, without a number. (Both
  // forms need a title-case word after t: tested first.)
  if (
    (t.flags & TK_TITLE) !== 0 &&
    tokenIs(nx, TK_TITLE) &&
    i > 0 &&
    ((tokenClass(text, nx) & FULL) !== 0 ||
      (tokenIs(toks[i + 2], TK_TITLE) && (tokenClass(text, toks[i + 2]) & FULL) !== 0)) &&
    (tokenClass(text, toks[i - 1]) & PREP) !== 0
  )
    return 0.75;
  if (
    i + 2 < n &&
    (((toks[i + 2].flags & TK_DIGIT) !== 0 && (tokenClass(text, nx) & LSTREET) !== 0) ||
      ((t.flags & TK_DIGIT) !== 0 &&
        (toks[i + 1].flags & (TK_DIGIT | TK_TITLE)) === 0 &&
        ((toks[i + 2].flags & TK_DIGIT) !== 0 || tokenIs(toks[i + 3], TK_DIGIT))) ||
      ((t.flags & TK_TITLE) !== 0 && toks[i + 1].key === 'and'))
  )
    return lateAnchor(input, toks, i);
  return 0;
}

/** /^[NSEW]$/ on a token's text. */
function compassLetter(text: string, t: Token): boolean {
  if (t.end - t.start !== 1) return false;
  const c = text.charCodeAt(t.start);
  return c === 78 || c === 83 || c === 69 || c === 87;
}

/** /\n/ on text.slice(from, to). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) return true;
  return false;
}

function growFrom(text: string, toks: Token[], pos: number): number {
  const k = tokenFrom(toks, pos);
  if (k < 0 || !/^[\s,]{0,4}$/.test(text.slice(pos, toks[k].start))) return pos;
  const end = grow(text, toks, k);
  return Math.max(pos, end);
}

/** Grows an address from token i over address-like tokens; returns the end offset. */
function grow(text: string, toks: Token[], i: number, allowAnd = false): number {
  const start = toks[i].start;
  let end = toks[i].end;
  let lastIdx = i;
  // Tokens left in which lower-case words may follow a leading street word ("rue des lieutemants").
  let lead = (tokenClass(text, toks[i]) & LEAD) !== 0 ? 3 : 0;
  for (let k = i + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.end - start > MAX_LEN) break;
    // Whether the gap before t (as cleaned up below) starts with a full stop, and then holds white space.
    let dot = false;
    let dotSpace = false;
    const ga = toks[k - 1].end;
    const glen = t.start - ga;
    const g0 = text.charCodeAt(ga);
    // The usual gaps, " " and ", ", pass every test below as they are (no slice, no regex).
    if (!(glen === 1 ? g0 === 32 : glen === 2 && g0 === 44 && text.charCodeAt(ga + 1) === 32)) {
      let raw = text.slice(ga, t.start);
      // "ΧΑΝ∆ΡΙΑ", "ΑΓΙΟΣ ∆ΟΜΕΤΙΟΣ": ∆ (U+2206) written for a Greek Delta is part of the word.
      if (raw.includes('\u2206')) {
        raw = raw.replace(/\u2206/g, '');
        if (raw === '') {
          end = t.end;
          lastIdx = k;
          continue;
        }
      }
      // "Cyprus (Greek) 51034", "ΑΣΚΕΙΑ (ΑΣΣΕΙΑ)\n": a parenthesised word.
      const g = raw.length > 1 && (raw[0] === ')' || raw[raw.length - 1] === '(') ? raw.replace(/^\)|\($/g, '') : raw;
      // Gaps inside an address: spaces, commas, line breaks, "#", a dot after an abbreviation.
      if (
        !/^(?:[ \t]{0,3}|,[ \t]{0,3}|,?[ \t]{0,2}\n[ \t]{0,4}(?:>|\?{1,3})[ \t]{0,4}|[ \t]{0,2}\n{1,2}[ \t]{0,3}|,?[ \t]{0,2}\n[ \t]{0,3},?[ \t]{0,2}|[ \t]{0,2}#[ \t]{0,2}|\.[ \t]{0,2}|\.\s?\n\s?)$/.test(
          g,
        )
      )
        break;
      dot = g.startsWith('.');
      if (
        dot &&
        !((toks[k - 1].flags & TK_DIGIT) !== 0 && k >= 2 && LOWER_STREET.has(toks[k - 2].key)) &&
        !(
          toks[k - 1].text.length <= 4 &&
          /\p{L}/u.test(toks[k - 1].text) &&
          (STREET_TYPES.has(toks[k - 1].key) ||
            LEADING_STREET.has(toks[k - 1].key) ||
            UNIT_WORDS.has(toks[k - 1].key) ||
            toks[k - 1].key.length <= 3)
        )
      )
        break;
      dotSpace = dot && /\s/.test(g);
    }
    // (Every test here is pure, so their order does not change the answer.)
    const ok =
      streetLineWord(text, toks, k) ||
      // a lower-case street name right before its street word: "fourth avenue"
      (k + 1 < toks.length && FULL_STREET.has(toks[k + 1].key) && /^\p{L}+$/u.test(t.text)) ||
      // lower-case words of a street named after its leading word: "rue de pologne", "Rue tachkent"
      (lead > 0 && /^\p{Ll}[\p{L}']*$/u.test(t.text) && !ENGLISH_STOP.has(t.key)) ||
      // "Árpád fejedelem útja 62": a lower-case word before a lower-case street word
      (/^\p{Ll}\p{L}*$/u.test(t.text) &&
        !ENGLISH_STOP.has(t.key) &&
        k + 1 < toks.length &&
        lowerStreet(text, toks, k + 1)) ||
      // a lower-case word of a street name right before its number: "Rue tachkent 31", "Jiřího z Poděbrad 1874"
      (/^\p{Ll}[\p{L}']*$/u.test(t.text) &&
        !ENGLISH_STOP.has(t.key) &&
        k + 1 < toks.length &&
        (isNum(toks[k + 1].text, 1, 5, LOWER_LETTER) ||
          ((toks[k + 1].flags & TK_TITLE) !== 0 && isNum(toks[k + 2]?.text ?? '', 1, 5))) &&
        / $/.test(text.slice(t.end, toks[k + 1].start)) &&
        !unitAfter(text, toks[k + 1])) ||
      (allowAnd && t.key === 'and');
    if (!ok) break;
    // A title-case word right after a sentence-ending full stop starts a new sentence.
    // (Not after an abbreviation such as "ul." or "u.", or a house number written "97.")
    if (
      dotSpace &&
      (t.flags & TK_TITLE) !== 0 &&
      !UNIT_WORDS.has(t.key) &&
      !isStreetWord(text, t) &&
      !abbreviation(text, toks[k - 1])
    )
      break;
    end = t.end;
    lastIdx = k;
    lead = (tokenClass(text, t) & LEAD) !== 0 ? 3 : (t.flags & (TK_TITLE | TK_CAPS | TK_DIGIT)) === 0 ? lead - 1 : 0;
  }
  // Never end on a connector word.
  while (lastIdx > i && LOWER_OK.has(toks[lastIdx].key) && !isStreetWord(text, toks[lastIdx])) {
    lastIdx--;
    end = toks[lastIdx].end;
  }
  return end;
}

/** A word a full stop may follow inside an address: "ul.", "u.", "Apt.", a house number written "97.". */
function abbreviation(text: string, t: Token): boolean {
  return isStreetWord(text, t) || UNIT_WORDS.has(t.key) || (t.flags & TK_DIGIT) !== 0 || t.key.length <= 2;
}

/** English function words that never continue a street name. */
const ENGLISH_STOP = new Set([
  ...COUNTED_NOUNS,
  'and',
  'or',
  'since',
  'for',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'about',
  'until',
  'till',
  'before',
  'after',
  'with',
  'was',
  'is',
  'are',
  'were',
  'has',
  'had',
  'have',
  'x',
  'then',
  'than',
  'take',
  'took',
  'taking',
  'give',
  'gave',
  'given',
  'every',
  'each',
  'last',
  'next',
  'over',
  'under',
  'around',
  'approximately',
  'about',
  'aged',
  'minutes',
  'number',
]);

/** A lower-case foreign street word with its number right after it: "tér 19", "gate 232", "rkp. 18". */
function lowerStreet(text: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  const nx: Token | undefined = toks[k + 1];
  // The number after the word is tested first (most tokens are followed by no digit).
  if (nx === undefined || (nx.flags & TK_DIGIT) === 0 || !isNum(nx.text, 1, 5, LOWER_LETTER)) return false;
  // The gap is /^\.? $/: " " or ". ".
  const gap = nx.start - t.end;
  if (!(gap === 1 ? text.charCodeAt(t.end) === 32 : gap === 2 && text.startsWith('. ', t.end))) return false;
  return LOWER_STREET.has(t.key) && startsLower(text, t);
}

/** A gap inside one line of an address: 1-3 spaces or tabs, optionally after a comma or a full stop. */
function sameLineGap(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len < 1 || len > 4) return false;
  let p = from;
  const c = text.charCodeAt(p);
  if (c === 44 || c === 46) {
    if (len < 2) return false;
    p++;
  } else if (len > 3) return false;
  for (; p < to; p++) {
    const d = text.charCodeAt(p);
    if (d !== 32 && d !== 9) return false;
  }
  return true;
}

function lineStart(text: string, toks: Token[], k: number): boolean {
  return k === 0 || /\n[\s>?]*$/.test(text.slice(toks[k - 1].end, toks[k].start));
}

/** Tokens that can make up the street line of an address. */
function streetLineWord(text: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  return (
    (t.flags & (TK_DIGIT | TK_TITLE | TK_CAPS)) !== 0 ||
    ((t.flags & TK_INITIAL) !== 0 && /\p{Lu}/u.test(t.text)) ||
    isStreetWord(text, t) ||
    UNIT_WORDS.has(t.key) ||
    LOWER_OK.has(t.key) ||
    lowerStreet(text, toks, k)
  );
}

/**
 * Where an address whose anchor is token i really starts:
 * - with the building or postal number written before it ("94941 2505 Heatherleigh ...", "77009 P.O. Box 255");
 * - with the street it is the corner of ("Maarit and Hersnapvej 75": "X and Y" names a crossing);
 * - for a unit line ("Suite 282", "Apt. 417"), with the street line before it, on the same line
 *   ("12521 Belgrád rkp. 18. Apt. 417") or on the line above ("233 Erzsébet tér 19.\n Suite 282").
 */
function startBefore(text: string, toks: Token[], i: number): number {
  let s = i;
  const unit = /^(?:apt|apartment|suite|ste|p\.o|po|psc|unit|cmr)$/.test(toks[i].key);
  if (unit) {
    // The street line: the same line before the unit ("12521 Belgrád rkp. 18. Apt. 417"), or the line
    // above when the unit starts its line ("233 Erzsébet tér 19.\n Suite 282").
    const atLineStart = lineStart(text, toks, i);
    const end = atLineStart && i === 0 ? -1 : i - 1;
    if (end >= 0) {
      let k = end;
      while (
        k > 0 &&
        end - k < 8 &&
        sameLineGap(text, toks[k - 1].end, toks[k].start) &&
        streetLineWord(text, toks, k - 1)
      )
        k--;
      if (streetLineWord(text, toks, k) || (toks[k].flags & TK_DIGIT) !== 0) {
        let first = k;
        while (
          first <= end &&
          (toks[first].flags & TK_DIGIT) === 0 &&
          !isStreetWord(text, toks[first]) &&
          !LEADING_STREET.has(toks[first].key)
        )
          first++;
        let digit = false;
        for (let d = first; d <= end && !digit; d++) digit = (toks[d].flags & TK_DIGIT) !== 0;
        if (first <= end && digit) s = lineStart(text, toks, k) ? k : first;
      }
    }
  }
  // A number before the anchor, on the same line: "94941 2505 Heatherleigh", "77009 P.O. Box".
  if (
    s > 0 &&
    isNum(toks[s - 1].text, 1, 6) &&
    text.slice(toks[s - 1].end, toks[s].start) === ' ' &&
    toks[s].start - toks[s - 1].end === 1
  )
    s--;
  // "C. Beerninckstraat 88": an initial before the street name.
  if (
    s > 0 &&
    (toks[s - 1].flags & TK_INITIAL) !== 0 &&
    (toks[s - 1].flags & TK_DOT) !== 0 &&
    /^\p{Lu}$/u.test(toks[s - 1].text) &&
    text.slice(toks[s - 1].end, toks[s].start) === '. '
  )
    s--;
  // "in Λεωφόρος Συγγρού 119 Nino Point": the street's name before its number, after a place word.
  if (isNum(toks[s].text, 1, 5) && s > 0) {
    let k = s;
    while (
      k > 0 &&
      s - k < 3 &&
      (toks[k - 1].flags & TK_TITLE) !== 0 &&
      text.slice(toks[k - 1].end, toks[k].start) === ' '
    )
      k--;
    if (k < s && k > 0 && PLACE_PREP.has(toks[k - 1].key) && text.slice(toks[k - 1].end, toks[k].start) === ' ') s = k;
  }
  // A crossing: "Maarit and Hersnapvej 75".
  if (
    s >= 2 &&
    toks[s - 1].key === 'and' &&
    (toks[s - 2].flags & TK_TITLE) !== 0 &&
    text.slice(toks[s - 2].end, toks[s - 1].start) === ' ' &&
    text.slice(toks[s - 1].end, toks[s].start) === ' '
  )
    s -= 2;
  return toks[s].start;
}

/** "hegyalja út 98": a lower-case word, a lower-case street word and its number. */
function k1LowerStreet(text: string, toks: Token[], i: number): boolean {
  return (
    lowerWord(text, toks[i], 3) &&
    !ENGLISH_STOP.has(toks[i].key) &&
    !LOWER_STREET.has(toks[i].key) &&
    i + 1 < toks.length &&
    text.slice(toks[i].end, toks[i + 1].start) === ' ' &&
    lowerStreet(text, toks, i + 1) &&
    toks[i + 1].key.length >= 2
  );
}

/** Anchors tried when the usual ones fail: lower-case addresses and crossings. Returns a confidence, or 0. */
function lateAnchor(input: ScanInput, toks: Token[], i: number): number {
  const text = input.text;
  const n = toks.length;
  const t = toks[i];
  // Lower case: "74678 midtvollen 130 st.", "0605 πεντέλης 210 apt. 999", "hegyalja út 98.": a house
  // number, one or two lower-case words and a number, then a street or unit word.
  if (
    i + 2 < n &&
    (toks[i + 2].flags & TK_DIGIT) !== 0 &&
    LOWER_STREET.has(toks[i + 1].key) &&
    k1LowerStreet(text, toks, i)
  ) {
    return 0.75;
  }
  if (
    (t.flags & TK_DIGIT) !== 0 &&
    i + 3 < n &&
    (toks[i + 1].flags & (TK_DIGIT | TK_TITLE)) === 0 &&
    ((toks[i + 2].flags & TK_DIGIT) !== 0 || (toks[i + 3].flags & TK_DIGIT) !== 0) &&
    isNum(t.text, 2, 6) &&
    lowerWord(text, toks[i + 1], 3)
  ) {
    let k = i + 1;
    while (k < i + 3 && lowerWord(text, toks[k], 1) && !ENGLISH_STOP.has(toks[k].key)) k++;
    const num = toks[k];
    const after = toks[k + 1];
    if (
      k > i + 1 &&
      num &&
      isNum(num.text, 1, 5) &&
      after &&
      /^\.? $/.test(text.slice(num.end, after.start)) &&
      (STREET_TYPES.has(after.key) || UNIT_WORDS.has(after.key)) &&
      !unitAfter(text, num)
    ) {
      return 0.75;
    }
  }
  // A crossing with an address cue or closing the sentence: "Leon and Eyrarodda 66".
  if (
    (t.flags & TK_TITLE) !== 0 &&
    toks[i + 1]?.key === 'and' &&
    tokenIs(toks[i + 2], TK_TITLE) &&
    isNum(toks[i + 3]?.text ?? '', 1, 5) &&
    !/^(?:19|20)\d\d$/.test(toks[i + 3].text) &&
    text.slice(t.end, toks[i + 3].start) === ` and ${toks[i + 2].text} ` &&
    !NOT_STREET_NAME.has(toks[i + 2].key) &&
    (/^\s*(?:$|[.?!\n]| in\b)/.test(text.slice(toks[i + 3].end, toks[i + 3].end + 4)) || addressCue(input, t.start))
  ) {
    return 0.7;
  }
  return 0;
}
