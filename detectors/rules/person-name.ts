/**
 * Names of patients, relatives and clinicians, in the shorthand clinicians type: "Anna S.",
 * "Mr. James T.", "pt J. Smith", "Smith, John", "seen by Dr. John L.", "Szabina J Gelencsér".
 *
 * A name is a run of up to four title-case words or initials. A run counts when it is announced
 * (a title such as Dr./Mrs., or a cue such as "patient", "named", "my name is", "daughter"), or when
 * its words are in the public name lists (detectors/data: compromise's lexicon and faker's locale
 * lists) and are not ordinary English words, or when it has a name's shape ("Anna S.").
 * Eponyms are not people here: a run followed by "sign", "syndrome", "score", "reflex" ... is skipped.
 * Source: 45 CFR 164.514(b)(2)(i)(A); name lists: see detectors/data/README.md.
 */
import { lexicon } from '../lexicon';
import { sentenceStart, type Token, tokensOf } from '../tokens';
import type { Candidate, Detector } from '../types';
import { EPONYM_NOUNS } from '../vocab';

const TITLES = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'doctor',
  'mister',
  'madam',
  'nurse',
  'dra',
  'sr',
  'sra',
  'herr',
  'frau',
  'mme',
  'mlle',
  'sir',
  'dame',
  'rev',
  'fr',
]);
/** Of the cues, those that announce a name strongly enough on their own. */
const STRONG_CUES = new Set([
  'starring',
  'kid',
  'says',
  'said',
  'asks',
  'asked',
  'told',
  'thank',
  'thanks',
  "i'm",
  'i’m',
  'including',
  'patient',
  'pt',
  'pts',
  'named',
  'called',
  'client',
  'son',
  'daughter',
  'wife',
  'husband',
  'mother',
  'father',
  'mom',
  'mum',
  'dad',
  'brother',
  'sister',
  'spouse',
  'partner',
  'guardian',
  'caregiver',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'grandma',
  'grandpa',
  'aunt',
  'uncle',
  'niece',
  'nephew',
  'referencing',
  'regarding',
  'attn',
  'dear',
  'sincerely',
  'signed',
  'name',
  'friend',
  'colleague',
  'boyfriend',
  'girlfriend',
  'fiancé',
  'fiance',
  'surgeon',
  'physician',
  'provider',
  'attending',
  'therapist',
]);
/** Lower-case words that announce a name right after them: the strong cues and these weaker ones. */
const CUES = new Set([
  ...STRONG_CUES,
  're',
  'resident',
  'neighbor',
  'neighbour',
  'child',
  'baby',
  'infant',
  'mr',
  'nurse',
  'np',
  'pa',
  'rn',
  'md',
  'intern',
  'ms',
  'mrs',
  'doctor',
  'dr',
  'ptn',
  'pt.',
  'names',
  'is',
  'am',
  'meet',
  'with',
  'by',
  'for',
  'like',
  'from',
]);

/** Title-case words that are never part of a name here. */
const NOT_NAME = new Set([
  "i'm",
  'i’m',
  'he',
  'she',
  'they',
  'we',
  'you',
  'it',
  'him',
  'them',
  'everyone',
  'someone',
  'nobody',
  'somebody',
  'anyone',
  'the',
  'a',
  'an',
  'i',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'what',
  'how',
  'why',
  'when',
  'where',
  'which',
  'who',
  'is',
  'are',
  'can',
  'could',
  'should',
  'would',
  'will',
  'does',
  'do',
  'did',
  'please',
  'hi',
  'hello',
  'dear',
  'thanks',
  'thank',
  'yes',
  'no',
  'not',
  'and',
  'or',
  'but',
  'if',
  'for',
  'with',
  'from',
  'to',
  'of',
  'in',
  'on',
  'at',
  'by',
  'as',
  'per',
  'via',
  'vs',
  'patient',
  'pt',
  'type',
  'stage',
  'grade',
  'class',
  'phase',
  'level',
  'step',
  'part',
  'section',
  'table',
  'figure',
  'hospital',
  'clinic',
  'center',
  'centre',
  'medical',
  'health',
  'university',
  'institute',
  'street',
  'avenue',
  'road',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'god',
  'lord',
  'jesus',
  'christ',
  'english',
  'american',
  'african',
  'asian',
  'hispanic',
  'latino',
  'latina',
  'caucasian',
  'native',
  'asia',
  'africa',
  'europe',
  'america',
  'australia',
  'meta',
  'claude',
  'gemini',
  'copilot',
  'grok',
  'llama',
  'mistral',
  'bard',
  'siri',
  'alexa',
  'cortana',
  'apollo',
  'clerk',
  'winston',
  'spanish',
  'french',
  'german',
  'chinese',
  'indian',
  'male',
  'female',
  'man',
  'woman',
  'boy',
  'girl',
  'mrn',
  'dob',
  'ssn',
  'id',
  'md',
  'do',
  'rn',
  'np',
  'pa',
  'phd',
  'dds',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'vitamin',
  'hepatitis',
  'group',
  'covid',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'mt',
  'saint',
  'mount',
  'north',
  'south',
  'east',
  'west',
  'new',
  'general',
  'regional',
  'memorial',
  'county',
  'community',
  'children',
  'women',
  'care',
  'emergency',
  'urgent',
  'family',
  'internal',
  'medicine',
  'surgery',
  'department',
  'dept',
  'unit',
  'ward',
  'room',
  'bed',
  'floor',
  'suite',
  'apt',
  'box',
  'po',
  'rx',
  'tx',
  'dx',
  'hx',
  'sx',
  'fx',
  'ca',
  'ny',
  'tx',
  'fl',
  'il',
  'us',
  'usa',
  'uk',
  'eu',
  'act',
  'write',
  'pretend',
  'imagine',
  'give',
  'tell',
  'explain',
  'create',
  'make',
  'provide',
  'list',
  'describe',
  'summarize',
  'summarise',
  'draft',
  'compose',
  'translate',
  'recommend',
  'recommended',
  'consider',
  'assume',
  'suppose',
  'note',
  'notes',
  'plan',
  'assessment',
  'history',
  'exam',
  'labs',
  'lab',
  'meds',
  'allergies',
  'impression',
  'subjective',
  'objective',
  'chief',
  'complaint',
  'hpi',
  'pmh',
  'psh',
  'ros',
  'vitals',
  'followup',
  'follow',
  'up',
  'discharge',
  'admission',
  'admit',
  'consult',
  'referral',
  'letter',
  'summary',
  'report',
  'insurance',
  'policy',
  'member',
  'plan',
  'email',
  'phone',
  'fax',
  'address',
  'name',
  'age',
  'sex',
  'gender',
]);

const OWNED_PLACES = new Set(['office', 'clinic', 'practice', 'surgery', 'hospital', 'practise', 'home', 'house']);

function isNameWord(t: Token): boolean {
  if (t.hasDigit) return false;
  // "I" and "A" are words unless written as initials ("Anna I. Roe").
  if (t.initial) return /\p{Lu}/u.test(t.text[0]) && (t.dot || !/^[IA]$/.test(t.text));
  return t.title && !NOT_NAME.has(t.key);
}

function knownFirst(t: Token): boolean {
  const { first, ambiguous } = lexicon();
  return first.has(t.key) && !ambiguous.has(t.key);
}
function knownLast(t: Token): boolean {
  const { last, ambiguous } = lexicon();
  return last.has(t.key) && !ambiguous.has(t.key);
}

/** Only a space, or ". " after an initial / title abbreviation, may join two words of a name. */
function joins(text: string, a: Token, b: Token): boolean {
  const g = text.slice(a.end, b.start);
  if (g === ' ') return true;
  return (g === '. ' || g === '.') && (a.initial || TITLES.has(a.key));
}

export const personName: Detector = {
  id: 'person-name',
  category: 'NAME',
  description: 'Person name (titles, clinical cues, public name lists, initials)',
  source: '45 CFR 164.514(b)(2)(i)(A); name lists in detectors/data (compromise, faker)',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    const out: Candidate[] = [];
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      // Titles: "Dr. John L.", "Mrs Roe", "Prof. A. Smith".
      // "Dr. Roe", "DR. ROE"; not "moderate MR. Seen by PT" (a capitalised abbreviation before a sentence).
      if (
        (t.title || (t.caps && toks[i + 1]?.caps)) &&
        TITLES.has(t.key) &&
        i + 1 < toks.length &&
        joins(text, t, toks[i + 1])
      ) {
        const run = takeRun(text, toks, i + 1);
        if (run > 0) {
          const last = toks[i + run];
          // "Dr. Patel's clinic" / "Dr. Smith's office" name a place by the person: cover both.
          const place = toks[i + run + 1];
          out.push({
            start: t.start,
            end: last.possessive && place && OWNED_PLACES.has(place.key) ? place.end : endOf(text, last),
            category: 'NAME',
            confidence: 0.9,
            reason: 'name after a title',
          });
          i += run + 1;
          continue;
        }
      }
      if (!isNameWord(t)) {
        // Lower-case "bertram m. jørgensen": a listed first name, an initial with a dot, another word.
        if (
          i + 2 < toks.length &&
          toks[i + 1].initial &&
          /^\p{Ll}$/u.test(toks[i + 1].text) &&
          knownFirst(t) &&
          /^\p{Ll}/u.test(t.text) &&
          /^\p{L}{2,}$/u.test(toks[i + 2].text)
        ) {
          out.push({
            start: t.start,
            end: toks[i + 2].end,
            category: 'NAME',
            confidence: 0.7,
            reason: 'listed first name with initial',
          });
          i += 3;
          continue;
        }
        i++;
        continue;
      }
      let run = takeRun(text, toks, i);
      // "Producer James Sparks": a leading capitalised word that is not a name is not part of it.
      if (run >= 3 && !knownFirst(t) && !knownLast(t) && knownFirst(toks[i + 1])) {
        i++;
        run--;
        continue;
      }
      const words = toks.slice(i, i + run);
      const lastTok = words[words.length - 1];
      const prev = i > 0 ? toks[i - 1] : undefined;
      const prevGap = prev ? text.slice(prev.end, t.start) : '';
      const cue =
        prev &&
        /^[\s,:]{1,8}$/.test(prevGap) &&
        !(prev.title && prev.key !== 'name' && prev.key !== "i'm" && prev.key !== 'i’m') &&
        CUES.has(prev.key)
          ? prev.key
          : undefined;
      const strongCue =
        (cue && STRONG_CUES.has(cue)) ||
        (prev && /^[\s,:?]{1,8}$/.test(prevGap) && phraseCue(toks, i)) ||
        answersNameQuestion(text, toks, i) ||
        ((knownFirst(words[0]) || knownLast(words[0])) && vocative(text, toks, i, run));
      // Cues after the run ("Trivo lives on", "Amanda's daughter") are weaker than cues before it.
      const postCue =
        (verbAfter(text, toks, i + run) || relativeAfter(toks, i + run - 1)) && !(lastTok.initial && !lastTok.dot);
      const firstKnown = knownFirst(words[0]);
      const lastKnown = words.length > 1 && words.slice(1).some((w) => !w.initial && knownLast(w));
      const hasInitial = words.some((w) => w.initial);
      const atStart = sentenceStart(text, toks, i);
      let conf = 0;
      let reason = '';
      if (eponymAfter(toks, i + run)) conf = 0;
      else if (strongCue) {
        conf = 0.85;
        reason = 'name after a cue word';
      } else if (postCue) {
        conf = 0.75;
        reason = 'name before a verb or family word';
      } else if (firstKnown && words.length >= 2) {
        conf = 0.85;
        reason = 'listed first name with surname or initial';
      } else if (words.length >= 2 && lastKnown && (hasInitial || !atStart || cue || words.length === 2)) {
        conf = 0.75;
        reason = 'listed surname';
      } else if (
        words.length >= 2 &&
        hasInitial &&
        !words[0].initial &&
        words.length <= 3 &&
        (!lastTok.initial || lastTok.dot)
      ) {
        conf = lastTok.initial ? 0.6 : 0.7;
        reason = 'name shape (word and initial)';
      } else if (words.length === 1 && firstKnown) {
        conf = atStart ? 0.55 : cue ? 0.75 : 0.6;
        reason = 'listed first name';
      } else if (words.length === 1 && !atStart && knownLast(t) && !t.caps) {
        conf = cue ? 0.7 : 0.55;
        reason = 'listed surname';
      } else if (
        words.length === 1 &&
        speakerLabel(text, toks, i) &&
        (knownLast(t) || /^: ?["“]/.test(text.slice(t.end, t.end + 3)))
      ) {
        conf = 0.6;
        reason = 'speaker label';
      } else if (words.length >= 2 && words[0].initial && knownLast(lastTok)) {
        conf = 0.8;
        reason = 'initial and listed surname';
      }
      // "Smith, John": surname, comma, listed first name.
      if (
        conf < 0.5 &&
        words.length === 1 &&
        knownLast(t) &&
        i + 1 < toks.length &&
        text.slice(t.end, toks[i + 1].start) === ', ' &&
        isNameWord(toks[i + 1]) &&
        knownFirst(toks[i + 1])
      ) {
        const run2 = takeRun(text, toks, i + 1);
        const end = toks[i + run2].end;
        out.push({
          start: t.start,
          end: endOf(text, toks[i + run2]) || end,
          category: 'NAME',
          confidence: 0.8,
          reason: 'surname, first name',
        });
        i += run2 + 1;
        continue;
      }
      if (conf >= 0.5) {
        out.push({ start: t.start, end: endOf(text, lastTok), category: 'NAME', confidence: conf, reason });
      }
      i += run;
    }
    out.push(...nameLists(text, toks));
    return out;
  },
};

/**
 * Lists of first names: "they had 6: leonti, terrence, pamela, donna and brian". In a list of three or
 * more single words joined by commas or "and", where at least two are listed first names, every
 * word is a name (including unlisted and lower-case ones). Ordinary words keep a list from forming.
 */
function nameLists(text: string, toks: Token[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    // Speed only: one character other than a comma before a word other than "and" ends a list at once.
    const b0 = toks[i + 1];
    if (b0 && b0.key !== 'and' && b0.start - toks[i].end === 1 && text.charCodeAt(toks[i].end) !== 44) {
      i++;
      continue;
    }
    const items = [toks[i]];
    let j = i;
    for (;;) {
      const a = toks[j];
      const b = toks[j + 1];
      if (!b) break;
      const g = text.slice(a.end, b.start);
      if (g === ', ' || g === ',') {
        if (b.key === 'and' && toks[j + 2] && text.slice(b.end, toks[j + 2].start) === ' ') j += 2;
        else j += 1;
      } else if (
        (g === ' ' || g === ' & ') &&
        b.key === 'and' &&
        toks[j + 2] &&
        text.slice(b.end, toks[j + 2].start) === ' '
      ) {
        j += 2;
      } else if (g === ' & ') {
        j += 1;
      } else break;
      items.push(toks[j]);
    }
    if (items.length >= 3) {
      const known = items.filter((t) => knownFirst(t)).length;
      const wordy = items.every((t) => /^\p{L}+$/u.test(t.text) && !NOT_NAME.has(t.key) && !t.caps);
      if (known >= 2 && known * 2 >= items.length && wordy) {
        for (const t of items)
          out.push({ start: t.start, end: t.end, category: 'NAME', confidence: 0.7, reason: 'list of first names' });
      }
    }
    i = j + 1;
  }
  return out;
}

/** Two-word cues before a name: "call me X", "calls me X", "I am X", "name is X", "directed by X". */
function phraseCue(toks: Token[], i: number): boolean {
  const p1 = toks[i - 1]?.key;
  const p2 = toks[i - 2]?.key;
  if (p1 === 'me' && (p2 === 'call' || p2 === 'calls' || p2 === 'called')) return true;
  if ((p1 === 'am' && p2 === 'i') || (p1 === 'is' && (p2 === 'name' || p2 === 'names'))) return true;
  if (p1 === 'with' && (p2 === 'up' || p2 === 'speak' || p2 === 'meet' || p2 === 'appointment' || p2 === 'talk'))
    return true;
  if ((p1 === 'to' || p1 === 'with') && (p2 === 'speak' || p2 === 'talk' || p2 === 'spoke' || p2 === 'talked'))
    return true;
  return (
    p1 === 'by' && (p2 === 'directed' || p2 === 'written' || p2 === 'performed' || p2 === 'signed' || p2 === 'referred')
  );
}

/** "What's your last name? Nielsen", "the name on the account? User: Eve Magrath": the answer to a name question. */
function answersNameQuestion(text: string, toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (toks[k].key === 'name' || toks[k].key === 'names') return /\?/.test(text.slice(toks[k].end, toks[i].start));
  }
  return false;
}

/** "Aloisia, can I please speak to ...": a listed name at the start of a sentence, addressed. */
function vocative(text: string, toks: Token[], i: number, run: number): boolean {
  return /^, (?:can|could|would|will|please|do|did|are|is|have|what|where|when|how|i|we|you|thanks|thank)\b/i.test(
    text.slice(toks[i + run - 1].end, toks[i + run - 1].end + 10),
  );
}

/** Verbs that, right after a capitalised run, make it a person: "Trivo lives on ...", "says Gerste." */
const PERSON_VERBS =
  /^ (?:lives|lived|is from|was born|spent|says|said|had given|has given|works|worked|told|asked|wrote|called|married|died|began|shouted|started|joined|just has|has to|had to|is a (?:college|high school|nurse|doctor|patient|student))\b/;
function verbAfter(text: string, toks: Token[], j: number): boolean {
  const last = toks[j - 1];
  return !!last && !last.possessive && PERSON_VERBS.test(text.slice(last.end, last.end + 24));
}

/** "Amanda's daughter", "Melvin's wife": a possessive run followed by a family word. */
const FAMILY = new Set([
  'daughter',
  'son',
  'wife',
  'husband',
  'mother',
  'father',
  'mom',
  'dad',
  'sister',
  'brother',
  'child',
  'kids',
  'children',
  'baby',
  'grandson',
  'granddaughter',
  'partner',
  'fiance',
  'fiancé',
  'widow',
]);
function relativeAfter(toks: Token[], lastIdx: number): boolean {
  const last = toks[lastIdx];
  return !!last && last.possessive && FAMILY.has(toks[lastIdx + 1]?.key ?? '');
}

/** "Carla: You saved my life!": a capitalised word alone at the start of a line, then a colon. */
function speakerLabel(text: string, toks: Token[], i: number): boolean {
  const t = toks[i];
  const lineStart = i === 0 || /\n\s*$/.test(text.slice(toks[i - 1].end, t.start));
  return lineStart && text[t.end] === ':';
}

/** Number of consecutive name words starting at i (max 4). */
function takeRun(text: string, toks: Token[], i: number): number {
  let n = 0;
  while (i + n < toks.length && n < 4 && isNameWord(toks[i + n])) {
    if (n > 0 && !joins(text, toks[i + n - 1], toks[i + n])) break;
    n++;
    if (toks[i + n - 1].possessive) break;
  }
  return n;
}

function eponymAfter(toks: Token[], j: number): boolean {
  const next = toks[j];
  return next !== undefined && EPONYM_NOUNS.has(next.key) && !toks[j - 1]?.initial;
}

/** End of a name token, with the full stop of a final initial ("John L.") but not a possessive. */
function endOf(text: string, t: Token): number {
  const end = t.possessive ? t.end - 2 : t.end;
  return t.initial && text[end] === '.' ? end + 1 : end;
}
