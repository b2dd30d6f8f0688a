/**
 * Cities, towns and ZIP codes: "Dallas, TX", "Rochester, Minnesota", "Denver, CO 80202",
 * "from Chicago", "in San Fran", "lives in Brooklyn"; ZIP codes after a state or a ZIP label.
 * Known places come from the public city list (detectors/data/cities.ts: US cities of 50,000+,
 * world cities of 1M+). A bare state is not PHI (Safe Harbor allows the state) and is not reported.
 * Source: 45 CFR 164.514(b)(2)(i)(B); USPS Publication 28 (state codes, ZIP format).
 */
import { lexicon } from '../lexicon';
import {
  citedAsSource,
  EXTRA_PLACES,
  NOT_PLACES,
  placeIndex,
  placeWordBit,
  runName,
  STATE_NAMES,
  US_STATES,
} from '../places';
import {
  oneSpace,
  sentenceStart,
  TK_CAPS,
  TK_DOT,
  TK_TITLE,
  type Token,
  tokenAt,
  tokenIs,
  tokensOf,
  wordEnd,
} from '../tokens';
import type { Candidate, Detector } from '../types';
import { before, digitRuns, hasDigitRun, matchAll, NEAR_DIGIT, type Regions, within } from '../util';

const PLACE_PREPS = new Set(['in', 'from', 'at', 'near', 'to', 'of', 'around', 'outside', 'towards', 'toward']);
const CITY_PREFIX = new Set([
  'san',
  'santa',
  'los',
  'las',
  'el',
  'fort',
  'ft',
  'port',
  'saint',
  'st',
  'lake',
  'palm',
  'baton',
  'des',
  'grand',
  'salt',
  'glen',
]);
const ZIP_AFTER_STATE = /(?:^|[\s,])(\d{5}(?:-\d{4})?)(?!\d)/y;
const BARE_ZIP = /(?<![\w-])\d{5}(?:-\d{4})?(?![\w]|[.-]\d)/g;
const ZIP_LABEL = /(?:zip|zip ?code|postal code|postcode)\W{0,4}(\d{5}(?:-\d{4})?)(?!\d)/dg;
const extra = new Set(EXTRA_PLACES);
const FACILITY_HEAD_AFTER = /^ (?:clinic|hospital|health|medical)\b/i;
/** Words after a city name that make it an eponym: "Framingham Risk Score", "Philadelphia chromosome". */
const CITY_EPONYM = new Set([
  // "Kawasaki disease", "Lyme disease", "Stockholm syndrome": a disease named after a place.
  'disease',
  'diseases',
  'syndrome',
  'encephalitis',
  'score',
  'scores',
  'study',
  'studies',
  'scale',
  'chromosome',
  'criteria',
  'classification',
  'risk',
  'heart',
  'coma',
  'rule',
  'rules',
  'protocol',
  'trial',
  'model',
  'method',
  'equation',
  'formula',
  'test',
  'declaration',
  'convention',
  'agreement',
  'accord',
  'accords',
  'consensus',
  'statement',
  'strain',
  'virus',
  'fever',
  'system',
]);
/** A lower-case facility word after a city belongs to the place: "Seattle clinic", "SF General". */
const FACILITY_AFTER =
  /^(?:clinic|hospital|hosp|medical center|health center|general|er|urgent care|office|practice|va|nursing home)\b/i;

/** Whether token i follows the article "a" or "an" and one space. */
function indefiniteBefore(text: string, toks: Token[], i: number): boolean {
  const p = tokenAt(toks, i - 1);
  return p !== undefined && (p.key === 'a' || p.key === 'an') && oneSpace(text, p, toks[i]);
}

/** End of a full state name of one to three title-case words starting at token s ("New Mexico"), or -1. */
function stateNameEnd(toks: Token[], s: number): number {
  // Every state name starts with one of these words: no name is built for other words.
  if (s >= toks.length || !STATE_FIRSTS.has(toks[s].key)) return -1;
  let name = '';
  let ends = -1;
  // Longest first, as three words, then two, then one.
  const keys: string[] = [];
  for (let w = 0; w < 3 && s + w < toks.length && (toks[s + w].flags & TK_TITLE) !== 0; w++) keys.push(toks[s + w].key);
  for (let w = keys.length; w >= 1 && ends < 0; w--) {
    name = w === 1 ? keys[0] : w === 2 ? `${keys[0]} ${keys[1]}` : `${keys[0]} ${keys[1]} ${keys[2]}`;
    if (STATE_NAMES.has(name)) ends = toks[s + w - 1].end;
  }
  return ends;
}

/**
 * Bits of a word for this detector, as place word classes (places.ts): one lookup per capitalised token for
 * all lists (and those of the other place detectors). The city list is decoded on first use (lexicon()).
 */
const NOT_PLACE = placeWordBit(NOT_PLACES);
const LISTED = placeWordBit(() => lexicon().cities, extra); // a listed place (city list or EXTRA_PLACES)
// First word of a listed place or state name of several words ("new" for "new york").
const MULTI_FIRST = placeWordBit(() =>
  [lexicon().cities, extra, STATE_NAMES].flatMap((list) =>
    [...list].filter((name) => name.includes(' ')).map((name) => name.slice(0, name.indexOf(' '))),
  ),
);
const PREFIX = placeWordBit(CITY_PREFIX);
const COUNTY = placeWordBit(['county', 'parish']);

/** First words of the state names ("new" for "new york", "texas"). */
const STATE_FIRSTS = new Set([...STATE_NAMES].map((name) => name.split(' ')[0]));
/**
 * The AP style's state abbreviations, as token keys (a token keeps inner full stops and drops the last):
 * "Calif.", "Mass.", "N.J.", "W.Va.". They count only after a comma and with their full stop.
 */
const AP_STATES = new Set(
  (
    'ala,ariz,ark,calif,cal,colo,conn,del,fla,ga,ill,ind,kan,kans,ky,la,md,mass,mich,minn,miss,mo,mont,neb,' +
    'nebr,nev,n.h,n.j,n.m,n.y,n.c,n.d,okla,ore,oreg,pa,penn,r.i,s.c,s.d,tenn,tex,vt,va,wash,w.va,wis,wisc,wyo,d.c'
  ).split(','),
);
/** A word a state can start with: a state code, the first word of a state name or an AP abbreviation. */
const STATE_START = placeWordBit(Object.keys(US_STATES), STATE_FIRSTS, AP_STATES);

/** The gap between a city and a state when it is ", ", "," or " "; otherwise ''. */
function separator(text: string, from: number, to: number): string {
  const len = to - from;
  const c = text.charCodeAt(from);
  if (len === 1) return c === 44 ? ',' : c === 32 ? ' ' : '';
  if (len === 2 && c === 44 && text.charCodeAt(from + 1) === 32) return ', ';
  return '';
}

/** The end of a ZIP code right after a state (at `end`), or `end`. */
function zipAfter(text: string, end: number): number {
  ZIP_AFTER_STATE.lastIndex = end;
  const m = ZIP_AFTER_STATE.exec(text);
  return m ? end + m[0].length : end;
}

/**
 * Regions where a match of ZIP_LABEL or BARE_ZIP can start: every match has a run of exactly five digits
 * (its ZIP code: no digit before or after the five, by the regexes) starting at most 15 characters after
 * the match's start ("postal code" and four non-word characters). Most texts have none, and then
 * neither regex runs.
 */
function zipRegions(starts: number[]): Regions {
  const out: [number, number][] = [];
  for (const first of starts) {
    const from = Math.max(0, first - NEAR_DIGIT);
    // (Not out[out.length - 1] on an empty list: V8 reads index -1 as a named property, a generic lookup.)
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (last && from <= last[1]) last[1] = first + 1;
    else out.push([from, first + 1]);
  }
  return out;
}

/** Whether one of the 1 to 3 capitalised tokens right after caps[c] (with no other token between) is a STATE_START word. */
function stateAhead(caps: number[], capClass: number[], c: number): boolean {
  for (let m = 1; m <= 3 && c + m < caps.length && caps[c + m] === caps[c] + m; m++) {
    if ((capClass[c + m] & STATE_START) !== 0) return true;
  }
  return false;
}

/**
 * The index of "County" or "Parish" one or two title-case words after caps[c] ("Cook County", "Anne Arundel
 * County"), all on one line with single spaces; otherwise -1. Not "County" alone or in capitals.
 */
/** Words that start a sentence or a phrase before "County" without naming one ("In County Durham"). */
const NOT_COUNTY_NAME = new Set([
  'in',
  'the',
  'a',
  'of',
  'at',
  'from',
  'to',
  'for',
  'and',
  'our',
  'my',
  'this',
  'that',
  'each',
  'every',
  'per',
  'by',
  'with',
  'which',
  'what',
  'county',
  'parish',
  'any',
  'one',
  'same',
  'home',
  'local',
  'rural',
  'urban',
  'neighboring',
  'neighbouring',
  'adjacent',
  'nearby',
]);
function countyAt(text: string, toks: Token[], caps: number[], c: number): number {
  const i = caps[c];
  for (let m = 1; m <= 2 && c + m < caps.length && caps[c + m] === i + m; m++) {
    const t = toks[i + m];
    if (!oneSpace(text, toks[i + m - 1], t) || (t.flags & TK_TITLE) === 0) return -1;
    if (t.key === 'county' || t.key === 'parish')
      return (toks[i].flags & TK_TITLE) !== 0 && !NOT_COUNTY_NAME.has(toks[i].key) ? i + m : -1;
  }
  return -1;
}

function isCap(t: Token | undefined): t is Token {
  // (A title-case or all-capitals token has no digit.)
  return tokenIs(t, TK_TITLE | TK_CAPS);
}

export const cityState: Detector = {
  id: 'city-state',
  category: 'LOCATION',
  description: 'City or town (with state, after a place preposition, or from the city list) and ZIP code',
  source: '45 CFR 164.514(b)(2)(i)(B); USPS Publication 28',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    const out: Candidate[] = [];
    const idx = placeIndex(input);
    // Starts of the runs of exactly five digits, for the ZIP code regexes: the scan's digit runs (util.ts,
    // shared), read only when one has five digits.
    const fives: number[] = [];
    if (hasDigitRun(input, 5)) {
      const runs = digitRuns(input);
      for (let r = 0; r < runs.length; r += 2) if (runs[r + 1] - runs[r] === 5) fives.push(runs[r]);
    }
    // A place starts at a capitalised word (isCap; such a token has no digit): only those are visited.
    // `from`: the first token not yet part of a finding (a finding's tokens are all capitalised words).
    const { caps, capClass } = idx;
    let from = 0;
    for (let c = 0; c < caps.length; c++) {
      const i = caps[c];
      if (i < from) continue;
      const t = toks[i];
      const tb = capClass[c];
      if ((tb & NOT_PLACE) !== 0) continue;
      // "Baltimore County", "Lancaster County, PA", "St. Tammany Parish": a county is a subdivision below
      // the state. Coarse like a city: alone it does not make a text PHI.
      // (Only when one of the next two capitalised words is "County" or "Parish": most are not.)
      const cty =
        (c + 1 < caps.length && (capClass[c + 1] & COUNTY) !== 0) ||
        (c + 2 < caps.length && (capClass[c + 2] & COUNTY) !== 0)
          ? countyAt(text, toks, caps, c)
          : -1;
      if (cty > 0) {
        let end = toks[cty].end;
        const st = toks[cty + 1];
        if (st && separator(text, end, st.start) === ', ') {
          if ((st.flags & TK_CAPS) !== 0 && st.text.length === 2 && US_STATES[st.key]) end = st.end;
          else if ((st.flags & TK_TITLE) !== 0) end = Math.max(end, stateNameEnd(toks, cty + 1));
        }
        const zip = zipAfter(text, end);
        out.push({
          start: t.start,
          end: zip,
          category: 'LOCATION',
          confidence: 0.85,
          reason: 'county',
          coarse: zip === end ? true : undefined,
        });
        from = cty + 1;
        continue;
      }
      // Most capitalised words are settled here, by the classes of the place index alone. A finding needs a
      // listed or prefix word (the known places below) or a state after a run of up to 3 capitalised words
      // (the next test): a state code or name starts with a STATE_START word, which is capitalised, and so
      // are the words between, so it is among the next three entries of `caps` that follow on from token i.
      if ((tb & (LISTED | MULTI_FIRST | PREFIX)) === 0 && !stateAhead(caps, capClass, c)) continue;
      // Longest run of up to 3 capitalised words starting here.
      let j = i;
      while (j + 1 < toks.length && j - i < 2 && isCap(toks[j + 1]) && oneSpace(text, toks[j], toks[j + 1])) j++;
      // "City, ST" / "City, State" (try the longest city run that is followed by a state).
      let matched = false;
      for (let k = j; k >= i && !matched; k--) {
        const st = toks[k + 1];
        if (!st) continue;
        const sep = separator(text, toks[k].end, st.start);
        if (sep === '') continue;
        const code = (st.flags & TK_CAPS) !== 0 && st.text.length === 2 ? st.key : '';
        let stateEnd = -1;
        // Without a comma ("Rochester MN") the code must be followed by a ZIP code.
        if (code && US_STATES[code] && (sep !== ' ' || zipAfter(text, st.end) > st.end)) stateEnd = st.end;
        else if (sep !== ' ' && (st.flags & TK_DOT) !== 0 && text.charCodeAt(st.end) === 46 && AP_STATES.has(st.key))
          stateEnd = st.end + 1;
        else if (sep !== ' ' && (st.flags & TK_TITLE) !== 0) stateEnd = stateNameEnd(toks, k + 1);
        if (stateEnd < 0) continue;
        // The run's words are the entries of `caps` from c on (consecutive capitalised tokens), with their
        // classes there; token i's has no NOT_PLACE bit (tested above).
        let notPlace = false;
        for (let x = 1; x <= k - i && !notPlace; x++) notPlace = (capClass[c + x] & NOT_PLACE) !== 0;
        if (notPlace) continue;
        const end = zipAfter(text, stateEnd);
        out.push({
          start: t.start,
          end,
          category: 'LOCATION',
          confidence: 0.9,
          reason: 'city with state',
          // With its ZIP code ("Tacoma, WA 98405") the place is finer than a city.
          coarse: end === stateEnd ? true : undefined,
        });
        matched = true;
        from = k + 2;
      }
      if (matched) continue;
      // Known places, longest match first. A run of several words can be a listed name only when its
      // first word starts a listed name of several words (most runs are not: no name is built for them).
      const listedRun = j > i && (tb & MULTI_FIRST) !== 0;
      // Unless the run can be a listed name of several words or a prefixed place ("San Lorenzo"), only
      // its first word alone, if listed, can come to anything: the loop below ends without a finding
      // when it is not (most runs, skipped here).
      if (!listedRun && !(j > i && (tb & PREFIX) !== 0) && (tb & LISTED) === 0) continue;
      let prep: boolean | undefined;
      for (let k = j; k >= i; k--) {
        const name = k === i ? t.key : listedRun ? runName(toks, i, k) : undefined;
        // (The first word alone is listed when its class says so: LISTED is the city list and EXTRA_PLACES.)
        const known =
          k === i ? (tb & LISTED) !== 0 : name !== undefined && (lexicon().cities.has(name) || extra.has(name));
        // The run's first word alone is the last try: unless it is listed, nothing can come of it (the
        // checks below could only end the loop), so they are skipped.
        if (k === i && !known) break;
        // A state alone is not PHI (Safe Harbor keeps the state); New York is also the city.
        if (name !== undefined && STATE_NAMES.has(name) && name !== 'new york') break;
        if (
          citedAsSource(
            text,
            toks,
            i,
            k + (FACILITY_HEAD_AFTER.test(text.slice(toks[k].end, toks[k].end + 12)) ? 1 : 0),
          )
        )
          break;
        const prefixed = k > i && CITY_PREFIX.has(t.key);
        if (!known && !prefixed) continue;
        if (prep === undefined) {
          const prev = tokenAt(toks, i - 1);
          prep = !!prev && PLACE_PREPS.has(prev.key) && /^\s+$/.test(text.slice(prev.end, t.start));
        }
        if (known || prep) {
          // "Framingham Risk Score", "Glasgow Coma Scale", "Philadelphia chromosome", "Hamilton's rule".
          const n1 = toks[k + 1];
          const n2 = toks[k + 2];
          if ((n1 && CITY_EPONYM.has(n1.key)) || (tokenIs(n1, TK_TITLE) && n2 && CITY_EPONYM.has(n2.key))) break;
          const lone = !prep && sentenceStart(text, toks, i);
          let conf = known ? (prep ? 0.88 : lone ? 0.45 : 0.65) : 0.7;
          let end = wordEnd(toks[k]);
          const fac =
            text[toks[k].end] === ' ' ? FACILITY_AFTER.exec(text.slice(toks[k].end + 1, toks[k].end + 24)) : null;
          if (fac) {
            end = toks[k].end + 1 + fac[0].length;
            conf = 0.88;
          }
          out.push({
            start: t.start,
            end,
            category: 'LOCATION',
            confidence: conf,
            reason: known ? 'city or town' : 'place name after a preposition',
            // A facility named after its city ("Boston Medical") is a place of care, not just a city; "a
            // Denver hospital" names none.
            coarse: fac === null || indefiniteBefore(text, toks, i) ? true : undefined,
          });
          from = k + 1;
          break;
        }
      }
    }
    const zips = zipRegions(fives);
    // No region, no match (most texts): the regexes are not started.
    if (zips.length === 0) return out;
    out.push(
      ...matchAll(within(ZIP_LABEL, zips), input.lower, (m) => {
        const [s, e] = (m as RegExpExecArray & { indices: [number, number][] }).indices[1];
        return { start: s, end: e, category: 'LOCATION', confidence: 0.9, reason: 'ZIP code (labelled)' };
      }),
    );
    // Bare ZIP right after a two-letter state code: "TX 75201".
    out.push(
      ...matchAll(within(BARE_ZIP, zips), text, (m) => {
        const b = before(input, m.index, 24);
        const st = /\b([a-z]{2})\.?,?\s{1,2}$/.exec(b);
        if (st && US_STATES[st[1]] && /[A-Z]{2}/.test(text.slice(m.index - st[0].length, m.index))) {
          return {
            start: m.index,
            end: m.index + m[0].length,
            category: 'LOCATION',
            confidence: 0.85,
            reason: 'ZIP code after state',
          };
        }
        return null;
      }),
    );
    return out;
  },
};
