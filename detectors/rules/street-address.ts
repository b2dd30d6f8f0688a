/**
 * Street addresses, US and international: "1200 W Elm St Apt 4", "90 Whitchurch Road",
 * "Wingertweg 126", "Rue de Virton 38 Suite 510", "P.O. Box 149", "PSC 4355, Box 4187 APO AP 28906",
 * "the corner of 35 Pentelis Str. and Waechter Turnpike". An address starts at an anchor (house
 * number + capitalised word near a street word, street word + number, a P.O. box or military mail
 * code) and grows over the tokens addresses are made of (numbers, capitalised words, street and
 * unit words, commas, line breaks) up to a sentence end, bounded to 160 characters.
 * Source: 45 CFR 164.514(b)(2)(i)(B); USPS Publication 28 (Postal Addressing Standards).
 */
import { LEADING_STREET, STREET_TYPES, UNIT_WORDS } from '../places';
import { type Token, tokenFrom, tokensOf } from '../tokens';
import type { Candidate, Detector } from '../types';
import { before, digits, type Gated, matchAll, within } from '../util';

const MAX_LEN = 160;
const ADDRESS_CUE =
  /(?:address(?:es)?|addr|lives?|living|resid\w*|located|meet(?: me)?|send(?: it)?(?: \w+){0,4}|mail(?:ed)?|deliver\w*|ship\w*|arrived|moved|stop|home|office|corner)\b[^.?!\n]{0,24}$|\b(?:is|are|was|were) at $/;
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
  'rkp',
  'utca',
  'út',
  'ul',
  'u',
]);

const FOREIGN_SUFFIX =
  /(?:stra(?:ss|ß)e|straeti|stræti|gasse|weg|vägen|veien|straat|laan|katu|gatan|vej|gade|allee|platz|plein|steig|damm|ulica)$/;

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
const NOT_STREET_NAME = new Set([
  'date',
  'discharge',
  'admission',
  'admit',
  'dob',
  'age',
  'grade',
  'stage',
  'cycle',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'hour',
  'hours',
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
  'page',
  'table',
  'figure',
  'room',
  'bed',
  'floor',
  'ward',
  'version',
  'round',
  'session',
  'visit',
  'patients',
  'units',
  'times',
  'items',
  'points',
]);
const UNIT_AFTER = /^\s?(?:mg|mcg|ml|g|kg|units?|iu|%|mmol|meq|tabs?|caps?|puffs?|drops?|times|x)\b/i;
const PLACE_PREP = new Set(['on', 'at', 'from', 'in', 'near', 'off']);

/** "Dr. Okonkwo", "St. Vincent": Dr and St before a name are a title or a saint, not Drive or Street. */
function titleBeforeName(text: string, toks: Token[], k: number): boolean {
  const t = toks[k];
  return (
    (t.key === 'dr' || t.key === 'st') &&
    /^\.? /.test(text.slice(t.end, t.end + 2)) &&
    !!toks[k + 1]?.title &&
    !isStreetWord(toks[k + 1]) &&
    !UNIT_WORDS.has(toks[k + 1].key)
  );
}

function isStreetWord(t: Token): boolean {
  return STREET_TYPES.has(t.key) || FOREIGN_SUFFIX.test(t.key);
}

export const streetAddress: Detector = {
  id: 'street-address',
  category: 'LOCATION',
  description: 'Street address, P.O. box or military address',
  source: '45 CFR 164.514(b)(2)(i)(B); USPS Publication 28',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    const out: Candidate[] = [];
    const n = toks.length;
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      let anchor = false;
      let conf = 0.8;
      // House number + capitalised word, with a street word or another number within 5 tokens,
      // or an address cue before it.
      if (
        t.hasDigit &&
        /^\d{1,6}[a-z]?$/i.test(t.text) &&
        toks[i + 1] &&
        (toks[i + 1].title ||
          toks[i + 1].caps ||
          /^[NSEW]$/.test(toks[i + 1].text) ||
          (toks[i + 1].initial && toks[i + 1].dot && /^\p{Lu}$/u.test(toks[i + 1].text)) ||
          LEADING_STREET.has(toks[i + 1].key) ||
          FOREIGN_SUFFIX.test(toks[i + 1].key) ||
          (t.text.length >= 2 && FULL_STREET.has(toks[i + 2]?.key ?? '')) ||
          /^\d{1,4}$/.test(toks[i + 1].text))
      ) {
        let street = LEADING_STREET.has(toks[i + 1].key) || FOREIGN_SUFFIX.test(toks[i + 1].key);
        // "3747 fourth avenue suite 112": a lower-case full street word close after a house number.
        for (let k = i + 1; k < Math.min(n, i + 4); k++)
          if (t.text.length >= 2 && FULL_STREET.has(toks[k].key) && k > i + 1) street = true;
        for (let k = i + 1; k < Math.min(n, i + 6); k++)
          if (
            k > i + 1 &&
            isStreetWord(toks[k]) &&
            (toks[k].title || toks[k].caps || /^[A-Z]/.test(toks[k].text)) &&
            !titleBeforeName(text, toks, k)
          )
            street = true;
        // The house number and the street share a line.
        if (/\n/.test(text.slice(t.end, toks[i + 1].start))) street = false;
        const cue = ADDRESS_CUE.test(before(input, t.start, 60));
        // European order: house or postal number, street name, house number ("51709 Spinatsch 94").
        // Not "Grade 2 Stage 3", "Cycle 2 Day 8", "took 2 Tylenol 500 mg": the leading number has two
        // or more digits, the word is not a clinical or time word, and no unit follows.
        const k2 = /^\d{1,5}[a-z]?$/i.test(toks[i + 2]?.text ?? '') ? i + 2 : i + 3;
        const numbered =
          t.text.length >= 2 &&
          toks[i + 1].title &&
          text.slice(t.end, toks[i + 1].start) === ' ' &&
          k2 < n &&
          text.slice(toks[k2 - 1].end, toks[k2].start) === ' ' &&
          !NOT_STREET_NAME.has(toks[i + 1].key) &&
          (k2 === i + 2 || (toks[i + 2]?.title && !NOT_STREET_NAME.has(toks[i + 2].key))) &&
          /^\d{1,5}[a-z]?$/i.test(toks[k2]?.text ?? '') &&
          !UNIT_AFTER.test(text.slice(toks[k2].end, toks[k2].end + 8));
        // "9816 214 Pavlou Drandaki": postal or building number, house number, street name.
        const doubled =
          t.text.length >= 3 &&
          /^\d{1,4}$/.test(toks[i + 1].text) &&
          !!toks[i + 2]?.title &&
          !NOT_STREET_NAME.has(toks[i + 2].key);
        if (street || (cue && (toks[i + 1].title || doubled || toks[i + 1].caps)) || numbered) {
          anchor = true;
          conf = street ? 0.85 : 0.7;
        }
      }
      // "Apt. 675", "Suite 282": a unit line of an address.
      if (
        !anchor &&
        (t.title || t.caps) &&
        /^(?:apt|apartment|suite|ste)$/.test(t.key) &&
        /^\d{1,5}[a-z]?$/i.test(toks[i + 1]?.text ?? '')
      ) {
        anchor = true;
        conf = 0.7;
      }
      // "ul. Słowicza 10", "u. 12": lower-case abbreviated street words before the name.
      if (
        !anchor &&
        t.dot &&
        /^(?:ul|u|al|str)$/.test(t.key) &&
        toks[i + 1]?.title &&
        /^\d{1,5}[a-z]?$/i.test(toks[i + 2]?.text ?? '')
      ) {
        anchor = true;
        conf = 0.75;
      }
      // Street word first: "Rue de Virton 38", "Via Roma 12"; or a street-suffixed word + number.
      if (!anchor && (t.title || t.caps) && (LEADING_STREET.has(t.key) || FOREIGN_SUFFIX.test(t.key))) {
        for (let k = i + 1; k < Math.min(n, i + 5); k++) {
          if (/^\d{1,5}[a-z]?$/i.test(toks[k].text)) {
            anchor = true;
            break;
          }
          if (!(toks[k].title || LOWER_OK.has(toks[k].key))) break;
        }
      }
      if (!anchor && t.title) {
        // One to three capitalised words then a house number: "Joaquin Suarez 2906" after an address
        // cue, or "Brucker Bundesstrasse 31" where a word has a street suffix.
        let k = i;
        let suffixed = false;
        while (k < i + 3 && toks[k]?.title && text.slice(toks[k].end, toks[k + 1]?.start ?? 0) === ' ') {
          suffixed ||= FOREIGN_SUFFIX.test(toks[k].key) || LEADING_STREET.has(toks[k].key);
          if (/^\d{1,5}[a-z]?$/i.test(toks[k + 1]?.text ?? '')) {
            const unit = UNIT_AFTER.test(text.slice(toks[k + 1].end, toks[k + 1].end + 8)); // "Eliquis 5 mg"
            if (!unit && (suffixed || ADDRESS_CUE.test(before(input, t.start, 60)))) anchor = true;
            break;
          }
          k++;
        }
      }
      // "from Elm Street, Denver": a named street after a place preposition, without a number.
      if (
        !anchor &&
        t.title &&
        i > 0 &&
        PLACE_PREP.has(toks[i - 1].key) &&
        ((toks[i + 1] && FULL_STREET.has(toks[i + 1].key) && toks[i + 1].title) ||
          (toks[i + 1]?.title && toks[i + 2] && FULL_STREET.has(toks[i + 2].key) && toks[i + 2].title))
      ) {
        anchor = true;
        conf = 0.75;
      }
      if (!anchor) continue;
      const end = grow(text, toks, i);
      if (end - t.start < 6) continue;
      out.push({ start: t.start, end, category: 'LOCATION', confidence: conf, reason: 'street address' });
      while (i + 1 < n && toks[i + 1].start < end) i++;
    }
    const fromRegex = (re: RegExp | Gated, reason: string) =>
      matchAll(re, text, (m) => {
        const end = growFrom(text, toks, m.index + m[0].length);
        return { start: m.index, end, category: 'LOCATION' as const, confidence: 0.85, reason };
      });
    out.push(...fromRegex(within(POBOX, digits(input)), 'post office box'));
    // Military mail: only around the few tokens that can start it (the regex is not digit-bound).
    const mil: [number, number][] = [];
    for (const t of toks) if (t.key.length <= 5 && MILITARY_START.has(t.key)) mil.push([t.start, t.end]);
    if (mil.length) out.push(...fromRegex(within(MILITARY, mil), 'military mail address'));
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
    return out;
  },
};

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
  for (let k = i + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.end - start > MAX_LEN) break;
    const g = text.slice(toks[k - 1].end, t.start);
    // Gaps inside an address: spaces, commas, line breaks, "#", a dot after an abbreviation.
    if (
      !/^(?:[ \t]{0,3}|,[ \t]{0,3}|,?[ \t]{0,2}\n[ \t]{0,4}(?:>|\?{1,3})[ \t]{0,4}|[ \t]{0,2}\n{1,2}[ \t]{0,3}|,?[ \t]{0,2}\n[ \t]{0,3},?[ \t]{0,2}|[ \t]{0,2}#[ \t]{0,2}|\.[ \t]{0,2}|\.\s?\n\s?)$/.test(
        g,
      )
    )
      break;
    if (
      g.startsWith('.') &&
      !(
        toks[k - 1].text.length <= 4 &&
        /\p{L}/u.test(toks[k - 1].text) &&
        (STREET_TYPES.has(toks[k - 1].key) || UNIT_WORDS.has(toks[k - 1].key) || toks[k - 1].key.length <= 3)
      )
    )
      break;
    const ok =
      t.hasDigit ||
      t.title ||
      (t.initial && /\p{Lu}/u.test(t.text)) ||
      t.caps ||
      isStreetWord(t) ||
      UNIT_WORDS.has(t.key) ||
      LOWER_OK.has(t.key) ||
      // a lower-case street name right before its street word: "fourth avenue"
      (k + 1 < toks.length && FULL_STREET.has(toks[k + 1].key) && /^\p{L}+$/u.test(t.text)) ||
      (allowAnd && t.key === 'and');
    if (!ok) break;
    // A title-case word right after a sentence-ending full stop starts a new sentence.
    // (Not after an abbreviation such as "ul." or "u.", or a house number written "97.")
    const prevTok = toks[k - 1];
    const abbrev = isStreetWord(prevTok) || UNIT_WORDS.has(prevTok.key) || prevTok.hasDigit || prevTok.key.length <= 2;
    if (g.startsWith('.') && /\s/.test(g) && t.title && !UNIT_WORDS.has(t.key) && !isStreetWord(t) && !abbrev) break;
    end = t.end;
    lastIdx = k;
  }
  // Never end on a connector word.
  while (lastIdx > i && LOWER_OK.has(toks[lastIdx].key)) {
    lastIdx--;
    end = toks[lastIdx].end;
  }
  return end;
}
