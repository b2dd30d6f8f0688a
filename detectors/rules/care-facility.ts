/**
 * Care facilities, which locate a patient below state level: "Mass General", "St. Vincent's",
 * "Elm Clinic", "UCLA Medical Center", "Children's Hospital of Philadelphia", "seen at Cedar Crest".
 * Four ways in: a run of capitalised words ending in a facility word (Hospital, Clinic, Medical
 * Center...); Saint / Mount names ("St. Mary's", "Mt. Sinai"); a list of well-known health systems
 * (detectors/places.ts); and any capitalised run after a care cue ("seen at", "admitted to").
 * Source: 45 CFR 164.514(b)(2)(i)(B) (geographic subdivisions smaller than a state).
 */

import { isAsciiUpper } from '../anchors';
import { lexicon } from '../lexicon';
import {
  CENTER_QUALIFIERS,
  citedAsSource,
  EXTRA_PLACES,
  FACILITY_HEADS,
  HEALTH_SYSTEMS,
  NOT_PLACES,
  placeIndex,
  placeWordBit,
  runName,
  SPECIALTY_HEADS,
  STATE_NAMES,
  STRONG_FACILITY_HEADS,
  SYSTEM_ACRONYMS,
  TITLE_WORD,
  tokenClass,
  WIDE_AREAS,
} from '../places';
import {
  oneSpace,
  TK_CAPS,
  TK_DOT,
  TK_INITIAL,
  TK_POSSESSIVE,
  TK_TITLE,
  type Token,
  tokenAt,
  tokensOf,
} from '../tokens';
import type { Candidate, Detector } from '../types';
import { EPONYM_NOUNS } from '../vocab';

const CONNECTORS = new Set(['and', 'of', '&', 'the', 'for', 'de', 'del', 'la']);
const SAINT = new Set(['st', 'saint', 'mt', 'mount', 'ste', 'sainte']);
const CARE_VERBS = new Set([
  'seen',
  'treated',
  'admitted',
  'visited',
  'visit',
  'evaluated',
  'hospitalized',
  'hospitalised',
  'transferred',
  'discharged',
  'operated',
  'followed',
  'presented',
  'presenting',
  'diagnosed',
  'managed',
  'referred',
  'delivered',
  'born',
  'died',
  'checked',
  'consulted',
  'examined',
  'scanned',
  'imaged',
  'tested',
  'works',
  'working',
  'employed',
  'resides',
  'residing',
  'located',
  'check-up',
  'checkup',
  'appointment',
  'appt',
  'surgery',
  'stay',
  'inpatient',
  'outpatient',
  'patient',
  'admission',
  'readmitted',
  'reviewed',
  'performed',
  'done',
  'undergone',
  'underwent',
  'receiving',
  'received',
  'receives',
  'stayed',
  'went',
  'came',
  'attended',
  'attends',
  'cared',
]);
const DIRECT_VERBS = new Set(['visited', 'visiting', 'visit', 'attends', 'attended', 'attending']);
const PREPS = new Set(['at', 'to', 'in', 'from', 'by', '@', 'into', 'within']);
/** Words that stop a run after "at": not places in a clinical question. */
const NOT_FACILITY_WORD = new Set([
  'figure',
  'table',
  'appendix',
  'page',
  'section',
  'chapter',
  'step',
  'question',
  'she',
  'he',
  'they',
  'we',
  'you',
  'it',
  'mom',
  'dad',
  'mum',
  'drug',
  'results',
  'result',
  'which',
  'what',
  'there',
  'this',
  'that',
  'her',
  'him',
  'them',
  'me',
  'us',
]);

type Phrase = string[];
/** `keys`: the words as token keys compare with them (a final 's removed, as from a key). */
const SYSTEMS: Map<string, { words: Phrase; keys: string[]; ambiguous: boolean }[]> = new Map();
for (const raw of HEALTH_SYSTEMS) {
  const ambiguous = raw.startsWith('?');
  const words = (ambiguous ? raw.slice(1) : raw).split(/\s+/).map((w) => w.replace(/\.$/, ''));
  const keys = words.map((w) => w.replace(/[’']s$/, ''));
  const list = SYSTEMS.get(words[0]) ?? [];
  list.push({ words, keys, ambiguous });
  SYSTEMS.set(words[0], list);
}
for (const l of SYSTEMS.values()) l.sort((a, b) => b.words.length - a.words.length);

/**
 * The word lists this detector tests, as bits of the place word classes (places.ts): a token's key is
 * looked up once for all of them (and for the other place detectors' lists), rather than once per list.
 */
const SYSTEM_FIRST = placeWordBit(() => SYSTEMS.keys());
const SAINT_WORD = placeWordBit(SAINT);
const NOT_CAP = placeWordBit(NOT_PLACES, NOT_FACILITY_WORD); // a capitalised word that never makes a facility
const HEAD = placeWordBit(FACILITY_HEADS);
const STRONG_HEAD = placeWordBit(STRONG_FACILITY_HEADS);
const CONNECTOR = placeWordBit(CONNECTORS);

/** Heads that alone name a hospital department or a specialty, not a place: "referred to Cardiology". */
const DEPARTMENT = new Set([
  ...SPECIALTY_HEADS,
  'pediatrics',
  'paediatrics',
  'rehab',
  'rehabilitation',
  'hospice',
  'pharmacy',
]);
const QUALIFIER = placeWordBit(CENTER_QUALIFIERS);
const EPONYM = placeWordBit(EPONYM_NOUNS);
const ACRONYM = placeWordBit(SYSTEM_ACRONYMS);
const DIRECT_VERB = placeWordBit(DIRECT_VERBS);
const CARE_VERB = placeWordBit(CARE_VERBS);
const PREP = placeWordBit(PREPS);

/** A finding of this detector: tokens `first` to `last`. */
function finding(first: Token, last: Token, confidence: number, reason: string): Candidate {
  return { start: first.start, end: last.end, category: 'LOCATION', confidence, reason };
}

/** The longest listed health system whose words start at token i, if any. */
function systemAt(toks: Token[], i: number): { words: Phrase; keys: string[]; ambiguous: boolean } | undefined {
  const list = SYSTEMS.get(toks[i].key);
  if (list === undefined) return undefined;
  for (const p of list) {
    let k = 0;
    while (k < p.keys.length && toks[i + k]?.key === p.keys[k]) k++;
    if (k === p.keys.length) return p;
  }
  return undefined;
}

function capWord(text: string, t: Token): boolean {
  // (A title-case or all-capitals token has no digit.)
  return (t.flags & (TK_TITLE | TK_CAPS)) !== 0 && (tokenClass(text, t) & NOT_CAP) === 0;
}

/** Abbreviations inside facility names, after which ". " does not end the name ("St. Mary's", "Univ. Hosp."). */
const NAME_ABBREVIATIONS = new Set([
  'st',
  'mt',
  'ste',
  'med',
  'ctr',
  'cntr',
  'hosp',
  'univ',
  'gen',
  'mem',
  'reg',
  'inst',
  'assoc',
  'dept',
  'ft',
  'comm',
  'natl',
  'intl',
  'hlth',
  'sch',
  'co',
  'inc',
  'n',
  's',
  'e',
  'w',
]);

/** Words may join with a space, a hyphen, or ". " after an abbreviation (St., Mt., Med.). */
function joined(text: string, a: Token, b: Token): boolean {
  // The gap is " ", "." or ". " after a token followed by a full stop (a.dot), or " & ".
  const len = b.start - a.end;
  if (len === 1) return (a.flags & TK_DOT) !== 0 || text.charCodeAt(a.end) === 32;
  // ". " only after an abbreviation: "Elm Clinic. Biopsy today" is two sentences.
  if (len === 2) return (a.flags & TK_DOT) !== 0 && text.charCodeAt(a.end + 1) === 32 && NAME_ABBREVIATIONS.has(a.key);
  return (
    len === 3 && text.charCodeAt(a.end) === 32 && text.charCodeAt(a.end + 1) === 38 && text.charCodeAt(a.end + 2) === 32
  );
}

/** "UWMC", "BMC", "VUMC": /^[A-Z]{1,4}MC$/ by character codes. */
function mcAcronym(s: string): boolean {
  const len = s.length;
  if (len < 3 || len > 6 || s.charCodeAt(len - 2) !== 77 || s.charCodeAt(len - 1) !== 67) return false;
  for (let j = 0; j < len - 2; j++) {
    const c = s.charCodeAt(j);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

export const careFacility: Detector = {
  id: 'care-facility',
  category: 'LOCATION',
  description: 'Hospital, clinic or health system name',
  source: '45 CFR 164.514(b)(2)(i)(B)',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    const out: Candidate[] = [];
    const n = toks.length;
    // Every way in below starts at a title-case or all-capitals word: only those are visited (most tokens
    // are lower-case words). `from`: the first token not yet part of a finding.
    const { caps, capClass } = placeIndex(input);
    let from = 0;
    for (let c = 0; c < caps.length; c++) {
      const i = caps[c];
      if (i < from) continue;
      const t = toks[i];
      const tb = capClass[c]; // tokenClass(text, t), | TITLE_WORD (no list's bit)
      // Known health system names, longest first.
      if ((tb & SYSTEM_FIRST) !== 0 && ((t.flags & TK_CAPS) !== 0 || (tb & ACRONYM) === 0)) {
        const hit = systemAt(toks, i);
        if (hit) {
          const end = extendRun(text, toks, caps, capClass, c, i + hit.words.length - 1);
          // (A source word may have joined the run: "the Mayo Clinic Diet".)
          const named = i + hit.words.length - 1;
          if (
            (!hit.ambiguous || hasCue(text, toks, i)) &&
            !citedAsSource(text, toks, i, end) &&
            (end === named || !citedAsSource(text, toks, i, named))
          ) {
            out.push(finding(t, toks[end], 0.85, 'known health system'));
            from = end + 1;
            continue;
          }
        }
      }
      // Saint / Mount names: "St. Vincent's", "Mt. Sinai", "Saint Mary's Hospital". Not "St. John's wort".
      if (
        (tb & SAINT_WORD) !== 0 &&
        (tb & TITLE_WORD) !== 0 &&
        i + 1 < n &&
        joined(text, t, toks[i + 1]) &&
        (toks[i + 1].flags & TK_TITLE) !== 0
      ) {
        const nxt = toks[i + 2];
        if (!(nxt && (nxt.key === 'wort' || nxt.key === 'worts'))) {
          const end = extendRun(text, toks, caps, capClass, c, i + 1);
          out.push(finding(t, toks[end], 0.8, 'saint or mount name'));
          from = end + 1;
          continue;
        }
      }
      // Not capWord(t) (title or caps is known here, so no digit).
      if ((tb & NOT_CAP) !== 0) continue;
      // A capitalised run; does it end in (or contain) a facility word? A run goes on only to a capitalised
      // word (an entry of `caps`) at most three tokens on (directly, or over one or two connectors): without
      // one (a lone capitalised word, the usual case) it is the word alone, and extendRun is not called.
      const end = c + 1 < caps.length && caps[c + 1] <= i + 3 ? extendRun(text, toks, caps, capClass, c, i) : i;
      let head = -1;
      let strong = false;
      // Each test below needs a title-case or all-capitals word: the run's entries in `caps`, with their
      // classes (tokenClass, | TITLE_WORD for title case, else all capitals).
      for (let cc = c; cc < caps.length && caps[cc] <= end; cc++) {
        const k = caps[cc];
        const kb = capClass[cc];
        const title = (kb & TITLE_WORD) !== 0;
        // (The token is read only where a test needs more than its classes.)
        // "Chicago Med", "Penn Medical": the short form ends the name (not "Med Rec No", "Medical Record").
        if (k === end && k > i && title && (toks[k].key === 'med' || toks[k].key === 'medical')) head = k;
        // "Akron Children's": a possessive "Children's" ends a name (the token's key is "children").
        if ((kb & HEAD) !== 0 || ((toks[k].flags & TK_POSSESSIVE) !== 0 && toks[k].key === 'children')) {
          const tk = toks[k];
          // "Birchwood Family Medicine", "Stanford Medicine"; not a specialty alone ("Internal Medicine").
          if (tk.key === 'medicine' && (k === i || (k - 1 === i && MEDICINE_KINDS.has(toks[i].key)))) continue;
          head = k;
          strong ||=
            (kb & STRONG_HEAD) !== 0 ||
            ((tk.key === 'center' || tk.key === 'centre' || tk.key === 'ctr') &&
              k > i &&
              ((cc > 0 && caps[cc - 1] === k - 1 ? capClass[cc - 1] : tokenClass(text, toks[k - 1])) & QUALIFIER) !==
                0) ||
            // "Riverbend Family Practice", "Buckeye Home Care", "Elm Urgent Care": a name, then a kind of care
            // before the head (not "Family Practice" or "Home Care" alone).
            ((tk.key === 'practice' || tk.key === 'care') && k - 1 > i && CARE_KINDS.has(toks[k - 1].key)) ||
            // "Cook County Health", "Kern County General": a county's own health system.
            (k - 1 > i && toks[k - 1].key === 'county');
        }
        // Hospital acronyms: "UWMC", "BMC", "VUMC".
        if (!title && mcAcronym(toks[k].text)) {
          head = k;
          strong = true;
        }
      }
      if (head < 0) {
        // Without a facility word, only a care cue makes a place ("seen at Cedar Crest"), and not before
        // an eponym's noun.
        if (
          hasCue(text, toks, i) === 'care' &&
          !(end + 1 < n && (tokenClass(text, toks[end + 1]) & EPONYM) !== 0) &&
          !wideArea(toks, i, end)
        ) {
          const f = finding(t, toks[end], 0.7, 'place after a care cue');
          // "visiting Kyoto": a city visited is a trip, coarse like any city (city-state's rule).
          if (VISITS.has(toks[i - 1].key) && cityTail(toks, i, end)) f.coarse = true;
          out.push(f);
        }
        from = end + 1;
        continue;
      }
      // "recommendations from Mayo Clinic", "data from the Cleveland Clinic": an institution cited as
      // a source of knowledge, not where a patient was.
      if (citedAsSource(text, toks, i, end) || (head < end && citedAsSource(text, toks, i, head))) {
        from = end + 1;
        continue;
      }
      const cue = hasCue(text, toks, i);
      // A facility name ends in its facility word ("Riverside Hospital") or continues with "of"/"for"
      // ("Hospital for Special Surgery"); a heading such as "Hospital Course" or "Clinic Notes" does not.
      // "UMC Las Vegas", "Baptist East Louisville", "VA Loma Linda" (with a cue): a system's name, then its city.
      const headFirst =
        head === i &&
        end > i &&
        (tokenClass(text, toks[i + 1]) & (CONNECTOR | HEAD)) === 0 &&
        !((strong || cue) && cityTail(toks, i + 1, end));
      if ((strong || cue) && !headFirst && !(head === i && end === i && !/MC$/.test(toks[i].text))) {
        out.push(finding(t, toks[end], strong ? 0.85 : 0.7, 'care facility name'));
      } else if (cue === 'care' && !(head === i && end === i && DEPARTMENT.has(t.key))) {
        // (Not a department alone: "referred to Cardiology".)
        out.push(finding(t, toks[end], 0.7, 'place after a care cue'));
      }
      from = end + 1;
    }
    for (const c of out) {
      const fac = text[c.end] === ' ' ? FACILITY_AFTER.exec(text.slice(c.end + 1, c.end + 24)) : null;
      if (fac) c.end += 1 + fac[0].length;
    }
    return out;
  },
};

/** Words that make "practice" or "care" the head of a facility's name: "Family Practice", "Home Care". */
const CARE_KINDS = new Set([
  'family',
  'medical',
  'dental',
  'group',
  'pediatric',
  'home',
  'urgent',
  'primary',
  'senior',
  'memory',
]);

/** Specialties named "X Medicine": with one of these first, "Medicine" is not a facility's name. */
const MEDICINE_KINDS = new Set([
  'family',
  'internal',
  'emergency',
  'sports',
  'integrative',
  'functional',
  'nuclear',
  'preventive',
  'physical',
  'tropical',
  'travel',
  'hospital',
  'occupational',
  'pain',
  'sleep',
  'addiction',
  'lifestyle',
  'palliative',
  'aviation',
  'veterinary',
  'respiratory',
  'adolescent',
  'reproductive',
  'regenerative',
  'precision',
  'geriatric',
  'academic',
  'evidence-based',
  'alternative',
  'complementary',
  'chinese',
  'western',
  'modern',
  'general',
  'critical',
  'vascular',
  'transfusion',
  'laboratory',
  'forensic',
  'rehabilitation',
  'pulmonary',
  'maternal-fetal',
  'obesity',
  'genomic',
]);

/** A lower-case facility word after a name belongs to it: "NYU Langone clinic". */
const FACILITY_AFTER = /^(?:clinic|hospital|hosp|medical center|health center|er|urgent care|office|practice|campus)\b/;

/**
 * Extends a run of capitalised words from index i (inclusive) and returns the last index. `caps` and
 * `capClass` are the place index's; `c` a position in `caps` at or before the first entry after i.
 */
function extendRun(text: string, toks: Token[], caps: number[], capClass: number[], c: number, i: number): number {
  let end = i;
  let words = 1;
  let cb = c;
  while (end + 1 < toks.length && words < 7) {
    const a = toks[end];
    const b = toks[end + 1];
    // b is capitalised (TK_TITLE or TK_CAPS) when it is the next entry of `caps`, with its bits there.
    while (cb < caps.length && caps[cb] <= end) cb++;
    const cap = cb < caps.length && caps[cb] === end + 1;
    // The classes of b are looked up only when a test below can use them: a lower-case word can only be a
    // connector, and a connector's token has at most 5 characters ("and", or "the's": keys of up to 3
    // ASCII letters without a "k", which only ASCII letters lower-case to, and 's).
    const bb = cap ? capClass[cb] : (a.flags & TK_POSSESSIVE) !== 0 || b.end - b.start <= 5 ? tokenClass(text, b) : 0;
    if ((a.flags & TK_POSSESSIVE) !== 0 && (bb & (HEAD | QUALIFIER)) === 0) break;
    // capWord(b), with b's bits at hand (a capitalised word has no digit).
    if (cap && (bb & NOT_CAP) === 0 && joined(text, a, b)) {
      end++;
      words++;
      continue;
    }
    // Connectors inside a name: "Brigham and Women's", "Hospital of the University of Pennsylvania". Not
    // "the" straight after a capitalised word ("Compare the Cleveland Clinic": a sentence's first word
    // and an article); inside a name it follows another connector ("of the", read in the loop below).
    if ((bb & CONNECTOR) !== 0 && oneSpace(text, a, b) && b.key !== 'the') {
      let k = end + 2;
      while (k < toks.length && (tokenClass(text, toks[k]) & CONNECTOR) !== 0 && k - end < 3) k++;
      if (
        k < toks.length &&
        capWord(text, toks[k]) &&
        oneSpace(text, toks[k - 1], toks[k]) &&
        // "Hospital for Special Surgery", but not "Elm Pulmonology for PFTs".
        (b.key !== 'for' || !isAsciiUpper(text.charCodeAt(toks[k].start + 1)))
      ) {
        if (b.key === 'at' || b.key === 'and') {
          // "X and Y Hospital" is one name only when a facility word follows.
          let m = k;
          let found = false;
          while (m < toks.length && m - k < 4 && capWord(text, toks[m])) {
            if ((tokenClass(text, toks[m]) & HEAD) !== 0 || (toks[m].flags & TK_POSSESSIVE) !== 0) found = true;
            m++;
          }
          if (!found) break;
        }
        end = k;
        words++;
        continue;
      }
    }
    break;
  }
  return end;
}

const VISITS = new Set(['visit', 'visiting', 'visited']);
const DIRECTIONS = new Set([
  'east',
  'west',
  'north',
  'south',
  'central',
  'downtown',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
/** Whether tokens s..end (after one direction word, if any) are a listed city: "East Louisville", "Las Vegas". */
function cityTail(toks: Token[], s: number, end: number): boolean {
  if (s < end && DIRECTIONS.has(toks[s].key)) s++;
  if (end - s > 2) return false;
  const name = runName(toks, s, end);
  return lexicon().cities.has(name) || EXTRA_PLACES.includes(name);
}

/** Whether tokens i..end name a state, a country or a world region ("born in Latin America"), not a place of care. */
function wideArea(toks: Token[], i: number, end: number): boolean {
  if (end - i > 2) return false;
  const name = runName(toks, i, end);
  return WIDE_AREAS.has(name) || STATE_NAMES.has(name);
}

/** 'care' after "seen at" etc., 'prep' after a bare at/to/from, or undefined. */
function hasCue(text: string, toks: Token[], i: number): 'care' | 'prep' | undefined {
  // (Never toks[-1]: V8 reads a negative index as a named property, far more slowly than an element.)
  if (i === 0) return undefined;
  const p1 = toks[i - 1];
  const p2 = tokenAt(toks, i - 2);
  // The cue must be in the same clause: only spaces (or " @ ") between it and the run.
  const gap = cueGap(text, p1.end, toks[i].start);
  if (gap === NO_GAP) return undefined;
  // A verb directly before the place only when it takes a place as object ("visited Elm Clinic",
  // "seen @ UCSF"); otherwise a preposition must come between ("seen at"), so "patient HIV status"
  // or "admission ID" do not make places.
  const b1 = tokenClass(text, p1);
  if (((b1 & DIRECT_VERB) !== 0 || (gap === AT_GAP && (b1 & CARE_VERB) !== 0)) && (toks[i].flags & TK_INITIAL) === 0)
    return 'care';
  if (
    (b1 & PREP) !== 0 &&
    p1.key !== 'from' &&
    p1.key !== 'by' &&
    p2 &&
    (tokenClass(text, p2) & CARE_VERB) !== 0 &&
    oneSpace(text, p2, p1)
  )
    return 'care';
  if (p1.key === 'at' || p1.key === 'to' || p1.key === 'from') return 'prep';
  // "followed by Elm Valley Cardiology": enough for a name with a facility word (never for a person).
  if (p1.key === 'by' && p2 && (tokenClass(text, p2) & CARE_VERB) !== 0 && oneSpace(text, p2, p1)) return 'prep';
  return undefined;
}

const NO_GAP = 0;
const SPACE_GAP = 1;
const AT_GAP = 2;
/** The gap before a cued run: SPACE_GAP for /^ {1,2}$/, AT_GAP for /^ ?@ ?$/, otherwise NO_GAP. */
function cueGap(text: string, from: number, to: number): number {
  let p = from;
  if (p < to && text.charCodeAt(p) === 32) p++;
  if (p < to && text.charCodeAt(p) === 64) {
    p++;
    if (p < to && text.charCodeAt(p) === 32) p++;
    return p === to ? AT_GAP : NO_GAP;
  }
  if (p < to && text.charCodeAt(p) === 32) p++;
  return p === to && p > from ? SPACE_GAP : NO_GAP;
}
