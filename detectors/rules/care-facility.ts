/**
 * Care facilities, which locate a patient below state level: "Mass General", "St. Vincent's",
 * "Elm Clinic", "UCLA Medical Center", "Children's Hospital of Philadelphia", "seen at Cedar Crest".
 * Four ways in: a run of capitalised words ending in a facility word (Hospital, Clinic, Medical
 * Center...); Saint / Mount names ("St. Mary's", "Mt. Sinai"); a list of well-known health systems
 * (detectors/places.ts); and any capitalised run after a care cue ("seen at", "admitted to").
 * Source: 45 CFR 164.514(b)(2)(i)(B) (geographic subdivisions smaller than a state).
 */
import {
  CENTER_QUALIFIERS,
  citedAsSource,
  FACILITY_HEADS,
  HEALTH_SYSTEMS,
  NOT_PLACES,
  STRONG_FACILITY_HEADS,
  SYSTEM_ACRONYMS,
} from '../places';
import { type Token, tokensOf } from '../tokens';
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
const SYSTEMS: Map<string, { words: Phrase; ambiguous: boolean }[]> = new Map();
for (const raw of HEALTH_SYSTEMS) {
  const ambiguous = raw.startsWith('?');
  const words = (ambiguous ? raw.slice(1) : raw).split(/\s+/).map((w) => w.replace(/\.$/, ''));
  const list = SYSTEMS.get(words[0]) ?? [];
  list.push({ words, ambiguous });
  SYSTEMS.set(words[0], list);
}
for (const l of SYSTEMS.values()) l.sort((a, b) => b.words.length - a.words.length);

function capWord(t: Token): boolean {
  return (t.title || t.caps) && !t.hasDigit && !NOT_PLACES.has(t.key) && !NOT_FACILITY_WORD.has(t.key);
}

/** Words may join with a space, a hyphen, or ". " after an abbreviation (St., Mt., Med.). */
function joined(text: string, a: Token, b: Token): boolean {
  const g = text.slice(a.end, b.start);
  return g === ' ' || (a.dot && (g === '. ' || g === '.')) || g === ' & ';
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
    let i = 0;
    while (i < n) {
      const t = toks[i];
      // Known health system names, longest first.
      // Most tokens are lower-case words: the capitalisation tests come before any lookup.
      const sys = t.title || t.caps ? SYSTEMS.get(t.key) : undefined;
      if (sys && (t.caps || !SYSTEM_ACRONYMS.has(t.key))) {
        const hit = sys.find((p) =>
          p.words.every((w, k) => toks[i + k] && toks[i + k].key === w.replace(/[’']s$/, '')),
        );
        if (hit) {
          const cue = hasCue(text, toks, i);
          const end = extendRun(text, toks, i + hit.words.length - 1);
          if ((!hit.ambiguous || cue) && !citedAsSource(toks, i, end)) {
            out.push({
              start: t.start,
              end: toks[end].end,
              category: 'LOCATION',
              confidence: 0.85,
              reason: 'known health system',
            });
            i = end + 1;
            continue;
          }
        }
      }
      // Saint / Mount names: "St. Vincent's", "Mt. Sinai", "Saint Mary's Hospital". Not "St. John's wort".
      if (t.title && SAINT.has(t.key) && i + 1 < n && joined(text, t, toks[i + 1]) && toks[i + 1].title) {
        const nxt = toks[i + 2];
        if (!(nxt && /^worts?$/.test(nxt.key))) {
          const end = extendRun(text, toks, i + 1);
          out.push({
            start: t.start,
            end: toks[end].end,
            category: 'LOCATION',
            confidence: 0.8,
            reason: 'saint or mount name',
          });
          i = end + 1;
          continue;
        }
      }
      if (!capWord(t)) {
        i++;
        continue;
      }
      // A capitalised run; does it end in (or contain) a facility word?
      const end = extendRun(text, toks, i);
      let head = -1;
      let strong = false;
      for (let k = i; k <= end; k++) {
        // "Chicago Med", "Penn Medical": the short form ends the name (not "Med Rec No", "Medical Record").
        if (/^(?:med|medical)$/.test(toks[k].key) && k === end && k > i && toks[k].title) head = k;
        if (FACILITY_HEADS.has(toks[k].key) && (toks[k].title || toks[k].caps)) {
          head = k;
          strong ||=
            STRONG_FACILITY_HEADS.has(toks[k].key) ||
            (/^(?:center|centre|ctr)$/.test(toks[k].key) && k > i && CENTER_QUALIFIERS.has(toks[k - 1].key));
        }
        // Hospital acronyms: "UWMC", "BMC", "VUMC".
        if (toks[k].caps && /^[A-Z]{1,4}MC$/.test(toks[k].text)) {
          head = k;
          strong = true;
        }
      }
      const cue = hasCue(text, toks, i);
      if (EPONYM_NOUNS.has(toks[end + 1]?.key ?? '') && head < 0) {
        i = end + 1;
        continue;
      }
      // "recommendations from Mayo Clinic", "data from the Cleveland Clinic": an institution cited as
      // a source of knowledge, not where a patient was.
      if (head >= 0 && citedAsSource(toks, i, end)) {
        i = end + 1;
        continue;
      }
      // A facility name ends in its facility word ("Riverside Hospital") or continues with "of"/"for"
      // ("Hospital for Special Surgery"); a heading such as "Hospital Course" or "Clinic Notes" does not.
      const headFirst =
        head === i && end > i && !CONNECTORS.has(toks[i + 1].key) && !FACILITY_HEADS.has(toks[i + 1].key);
      if (head >= 0 && (strong || cue) && !headFirst && !(head === i && end === i && !/MC$/.test(toks[i].text))) {
        out.push({
          start: t.start,
          end: toks[end].end,
          category: 'LOCATION',
          confidence: strong ? 0.85 : 0.7,
          reason: 'care facility name',
        });
      } else if (cue === 'care') {
        out.push({
          start: t.start,
          end: toks[end].end,
          category: 'LOCATION',
          confidence: 0.7,
          reason: 'place after a care cue',
        });
      }
      i = end + 1;
    }
    for (const c of out) {
      const fac = text[c.end] === ' ' ? FACILITY_AFTER.exec(text.slice(c.end + 1, c.end + 24)) : null;
      if (fac) c.end += 1 + fac[0].length;
    }
    return out;
  },
};

/** A lower-case facility word after a name belongs to it: "NYU Langone clinic". */
const FACILITY_AFTER = /^(?:clinic|hospital|hosp|medical center|health center|er|urgent care|office|practice|campus)\b/;

/** Extends a run of capitalised words from index i (inclusive) and returns the last index. */
function extendRun(text: string, toks: Token[], i: number): number {
  let end = i;
  let words = 1;
  while (end + 1 < toks.length && words < 7) {
    const a = toks[end];
    const b = toks[end + 1];
    if (a.possessive && !FACILITY_HEADS.has(b.key) && !CENTER_QUALIFIERS.has(b.key)) break;
    if (capWord(b) && joined(text, a, b)) {
      end++;
      words++;
      continue;
    }
    // Connectors inside a name: "Brigham and Women's", "Hospital of the University of Pennsylvania".
    if (CONNECTORS.has(b.key) && text.slice(a.end, b.start) === ' ') {
      let k = end + 2;
      while (k < toks.length && CONNECTORS.has(toks[k].key) && k - end < 3) k++;
      if (k < toks.length && capWord(toks[k]) && text.slice(toks[k - 1].end, toks[k].start) === ' ') {
        if (b.key === 'at' || b.key === 'and') {
          // "X and Y Hospital" is one name only when a facility word follows.
          let m = k;
          let found = false;
          while (m < toks.length && m - k < 4 && capWord(toks[m])) {
            if (FACILITY_HEADS.has(toks[m].key) || toks[m].possessive) found = true;
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

/** 'care' after "seen at" etc., 'prep' after a bare at/to/from, or undefined. */
function hasCue(text: string, toks: Token[], i: number): 'care' | 'prep' | undefined {
  const p1 = toks[i - 1];
  const p2 = toks[i - 2];
  // The cue must be in the same clause: only spaces (or " @ ") between it and the run.
  if (!p1 || !/^(?: {1,2}| ?@ ?)$/.test(text.slice(p1.end, toks[i].start))) return undefined;
  // A verb directly before the place only when it takes a place as object ("visited Elm Clinic",
  // "seen @ UCSF"); otherwise a preposition must come between ("seen at"), so "patient HIV status"
  // or "admission ID" do not make places.
  const at = /@/.test(text.slice(p1.end, toks[i].start));
  if ((DIRECT_VERBS.has(p1.key) || (at && CARE_VERBS.has(p1.key))) && !toks[i].initial) return 'care';
  if (
    PREPS.has(p1.key) &&
    p1.key !== 'from' &&
    p1.key !== 'by' &&
    p2 &&
    CARE_VERBS.has(p2.key) &&
    text.slice(p2.end, p1.start) === ' '
  )
    return 'care';
  if (p1.key === 'at' || p1.key === 'to' || p1.key === 'from') return 'prep';
  return undefined;
}
