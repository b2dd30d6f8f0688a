/**
 * Health-context signal: how clearly a text is about someone's health (diagnoses, drugs, labs,
 * procedures, clinical abbreviations, ages written the clinical way). Not a PHI detector: the
 * decision uses it so that a name or date in a clearly non-clinical prompt (a travel plan, a coding
 * task) weighs less than a record number anywhere.
 *
 * Four kinds of cue, each counted once per distinct word: a list of clinical words and
 * abbreviations; medical word endings (-itis, -ectomy, -emia, drug stems such as -pril, -statin,
 * -mab); clinical age forms ("70yo", "55-year-old", and age with sex: "38F", "54 M"); and obstetric
 * history ("G2P1"). Score = distinct cues / 5, capped at 1.
 */
import { charIndex3, isWord } from './anchors';
import { alternatives, groupable, groupByFirstChar } from './regex-source';
import { TK_DIGIT, TK_PLAIN, type Token, tokenize } from './tokens';

const WORDS = String.raw`pt|pts|patient|patients|dx|hx|tx|rx|sx|fx|h\/o|s\/p|c\/o|w\/|yo|y\/o|diagnos\w*|admitted|admission|discharged?|readmi\w*|clinic|clinical|hospital\w*|medical|surgery|surgical|operat(?:ed|ion|ive)|disease|disorder|syndrome|cancer|carcinoma|tumou?r|malignan\w*|metasta\w*|diabetes|diabetic|hypertension|hypotension|fibrillation|infarction|failure|insufficiency|stroke|asthma|infection|infectious|sepsis|pneumonia|pain|fracture|injury|wound|lesion|therapy|therapies|treatment|treated|treating|medication|meds|drug|dose|dosage|dosing|mg|mcg|ml|biopsy|prescri\w*|insulin|statin|warfarin|aspirin|antibiotics?|anticoagula\w*|vaccin\w*|pregnan\w*|prenatal|postpartum|symptoms?|allerg\w*|chemo\w*|radiation|oncolog\w*|cardi\w*|neuro\w*|psych\w*|nurse|nursing|physician|doctor|dr|md|mrn|icu|nicu|prognosis|follow[- ]?up|post-?op\w*|pre-?op\w*|transplant\w*|dialysis|renal|hepatic|liver|kidney|pulmonary|glucose|a1c|hba1c|cholesterol|ldl|hdl|bp|ecg|ekg|mri|x-?ray|ultrasound|bmi|obes\w*|opioid\w*|overdose|seizures?|epilep\w*|dementia|alzheimer\w*|parkinson\w*|depress\w*|anxiety|bipolar|schizo\w*|adhd|autism|hiv|aids|hcv|hbv|hepatitis|copd|chf|ckd|cad|htn|t2dm|t1dm|afib|a-?fib|dvt|uti|gerd|ibs|ibd|sle|als|gyn|obgyn|inr|cbc|bmp|cmp|tsh|psa|egfr|gfr|eeg|emg|abg|prn|bid|tid|qid|qd|npo|sob|n\/v|migraines?|arthritis|osteo\w*|fever|cough|rash|nausea|vomiting|diarrh\w*|constipation|fatigue|dizziness|syncope|edema|anemia|thyroid|hypothyroid\w*|hyperthyroid\w*|stent|bypass|cabg|pacemaker|catheter|intubat\w*|ventilat\w*|inhaler|nebuli\w*|wheelchair|physio\w*|hospice|palliative|prescription|pharmacy|pharmacist|referral|consult\w*|appointment|appt|check-?up|examination|screening|mammogram|colonoscopy|vaccination|immuniz\w*|side effects?|contraindicat\w*|comorbid\w*|remission|relapse|exacerbation|guideline-directed|bloodwork|urinalysis|pathology|radiology|mammography|ob\/gyn|pediatric\w*|geriatric\w*|elderly|newborn|infant|neonat\w*`;
const MORE_WORDS =
  'gout|dm2|dmii|t2d|cva|tia|osa|bph|ptsd|hpi|pmh|psh|abx|pcn|etoh|spo2|wbc|hgb|creatinine|troponin|hemoglobin|pre-?eclampsia|eclampsia|gestation\\w*|trimester|miscarriage|carcinoma|lymphoma|melanoma|sarcoma|glioma|myeloma|adenoma|hematoma|blastoma|neuropathy|cardiomyopathy|retinopathy|nephropathy|myopathy|encephalopathy|myalgia|arthralgia|neuralgia|fibromyalgia|radiography|angiography|echocardiography|tomography|hypertensive|hypertension|' +
  // Care, prescribing and lab words that short clinical prompts use without any of the above (found by a
  // blind probe set, test/probes: "Refill request ... oxycodone ... 3 pharmacies" scored 0). Left out on purpose, as
  // common outside medicine: tablet, capsule, injection (code), vitals (web vitals), triage, labs, bleeding (edge).
  'refills?|pharmacies|pdmp|infusions?|inpatient|outpatient|rehab|snf|telehealth|lfts?|dili|bnp|crp|esr|ferritin|bilirubin|platelets|potassium|sodium|lactate|lipase|d-dimer|hcg|febrile|afebrile|headaches?|palpitations|numbness|tingling|lump|swelling|vertigo|tinnitus|insomnia|delirium|concussion|hernia|ulcers?|lupus|eczema|psoriasis|glaucoma|cataracts?|embolism|aneurysm|thrombosis|covid|influenza|flu|measles|rsv|mrsa|tuberculosis|meningitis|cirrhosis|hepatotox\\w*|dermatolog\\w*|urolog\\w*|nephrolog\\w*|gastroenterolog\\w*|rheumatolog\\w*|endocrinolog\\w*|hematolog\\w*|ophthalmolog\\w*|gynecolog\\w*|gynaecolog\\w*|obstetric\\w*|orthopedic\\w*|orthopaedic\\w*|podiatr\\w*|hospitalist|internist|pediatrician|morphine|fentanyl|methadone|naloxone|tramadol|acetaminophen|paracetamol|codeine|lithium|digoxin|clopidogrel|gabapentin|pregabalin|bupropion|zolpidem|tamsulosin|levothyroxine|metoclopramide|eliquis|xarelto|ozempic|wegovy|mounjaro|dupixent|humira|keytruda|lasix|coumadin|lipitor|zoloft|prozac|xanax|adderall|suboxone|narcan';
/**
 * Top-level alternatives of a regex source ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]), then regrouped by
 * first letter ("pt|pain|dx" -> "p(?:t|ain)|d(?:x)"), keeping their order within each letter. The
 * regex means the same (at a given position only alternatives starting with that letter can match,
 * and they are tried in the same order) but V8 tries one group per position, not 300 alternatives.
 */
function byFirstLetter(source: string): string {
  const alts = alternatives(source);
  // Every term must be groupable: one left after the groups would be tried in another order.
  if (!alts.every((a) => /^[a-z]/.test(a) && groupable(a))) {
    throw new Error('health-context: every term starts with a letter');
  }
  return groupByFirstChar(alts);
}
const TERM_SOURCE = byFirstLetter(`${WORDS}|${MORE_WORDS}`);
/** Sticky: tried only where a match can start (see healthScore). */
const TERMS = new RegExp(String.raw`\b(?:${TERM_SOURCE})\b`, 'iy');
const NOT_MEDICAL = new Set(['academia', 'diploma', 'aroma', 'hypnosis', 'metamorphosis', 'apotheosis', 'osmosis']);
const SUFFIX_LIST =
  'itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|uria|penia|trophy|plegia|scopy|cillin|mycin|cycline|floxacin|pril|sartan|olol|statin|prazole|tidine|mab|nib|vir|azole|dipine|gliptin|gliflozin|xaban|parin|triptan|setron|lukast|terol|sone|olone|azepam|zolam|oxetine|aline|afil|formin|glutide|caine|thiazide|semide|ectasia|megaly|rrhea|rrhoea|plasia|sclerosis|cardia|pnea|pnoea|codone|morphone|orphine|pezil|lactone|dronate|profen|coxib|apine|peridone|peridol|triptyline|ipramine|alopram|tadine|rizine|penem|bactam|fungin|platin|rubicin|taxel|trexate|parib|ciclib|tropium|glinide|gatran|plase|mastia|glitazone';
/** Sticky, like TERMS. */
const SUFFIXES = new RegExp(String.raw`\b[a-z]{3,}(?:${SUFFIX_LIST})\b`, 'iy');
const AGE =
  /\b\d{1,3}(?:[- ]?(?:years?|yrs?|yr)[- ]old|[- ]?y\/?o\b|yo\b|-year-old|[- ]?(?:month|week|day)s?[- ]old)/gi;
/** Sticky: tried only where a run of ASCII digits starts after a character that is not \w (see healthScore). */
const AGE_AT = new RegExp(AGE.source, 'iy');
/**
 * An age with the patient's sex, the clinical shorthand "38F", "54 F", "70M": an age of up to 119 and a
 * capital M or F standing alone after it. Case-sensitive, so "100m" (metres) and "38f" are not it; not
 * after a currency sign ("$10M"). Counted as the same cue as AGE. Sticky, tried where AGE is.
 */
const AGE_SEX_AT = /(?<![$€£¥])\b(?:1[01]\d|[1-9]?\d) ?[MF]\b/y;
/**
 * Obstetric history shorthand, gravida and para: "G2P1", "G3P2012", "G1 P0". Case-sensitive (capital G
 * and P). Its own cue. Sticky: tried at a capital G in a token with a digit.
 */
const GRAVIDA_AT = /\bG\d{1,2} ?P\d{1,4}\b/y;

/**
 * Every cue pattern as a plain regex: its source and flags for a search of the whole text, and the cue
 * it counts (a fixed name; none: the match itself, in lower case). The tests check healthScore against
 * such a search with each.
 */
export const CUE_PATTERNS: readonly { name: string; source: string; flags: string; cue?: string }[] = [
  { name: 'terms', source: TERMS.source, flags: 'gi' },
  { name: 'suffixes', source: SUFFIXES.source, flags: 'gi' },
  { name: 'age', source: AGE.source, flags: 'gi', cue: 'age' },
  { name: 'age with sex', source: AGE_SEX_AT.source, flags: 'g', cue: 'age' },
  { name: 'gravida', source: GRAVIDA_AT.source, flags: 'g', cue: 'gravida' },
];

/**
 * The texts one term can match, in lower case ("x-?ray" -> "x-ray", "xray"), and whether a `\w*` ends it
 * (then a match is the form followed by the rest of its word). Reads only the syntax the term list uses
 * (letters, digits, space, -, \/, ?, [- ], (?:a|b) of plain words, a final \w*) and throws on anything else,
 * so a new kind of term cannot slip past the filters below.
 */
function forms(term: string): { text: string; open: boolean }[] {
  const items: string[][] = [];
  let open = false;
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (open) throw new Error(`health-context: \\w* not at the end of ${term}`);
    if (/[a-z0-9 -]/.test(c)) items.push([c]);
    else if (term.startsWith('\\/', i)) {
      items.push(['/']);
      i++;
    } else if (term.startsWith('\\w*', i)) {
      open = true;
      i += 2;
    } else if (term.startsWith('[- ]', i)) {
      items.push(['-', ' ']);
      i += 3;
    } else if (term.startsWith('(?:', i)) {
      const close = term.indexOf(')', i);
      const inner = term.slice(i + 3, close).split('|');
      if (!inner.every((w) => /^[a-z0-9]+$/.test(w))) throw new Error(`health-context: cannot read ${term}`);
      items.push(inner);
      i = close;
    } else if (c === '?' && items.length > 0) items[items.length - 1].push('');
    else throw new Error(`health-context: cannot read ${term}`);
  }
  let texts = [''];
  for (const choice of items) texts = texts.flatMap((t) => choice.map((x) => t + x));
  return texts.map((text) => ({ text, open }));
}

/** termAt(): no term starts at the word; a term matches the word whole; TERMS must say. */
const NO_TERM = 0;
const WHOLE_WORD = 1;
const ASK = 2;

/**
 * Filters that tell, from a word alone, that no term can start there (so TERMS is tried at few places):
 * - LENGTHS (below), non-zero where some term's form can start with the characters c0 c1 c2 (a form of two
 *   characters with anything after it);
 * - WORD_KIND: ASK for the first words of the terms that go on past a space, - or / ("side" of "side
 *   effects", "h" of "h/o"), else WHOLE_WORD for the words a term matches whole (no \w* nor separator);
 * - OPEN_AT[charIndex3(c0, c1, c2)]: the terms ending in \w* that start with c0 c1 c2 (the word starts with one).
 */
/**
 * LENGTHS[charIndex3(c0, c1, c2)]: bit L set when a plain word of L characters (31: 31 or more) starting
 * with c0 c1 c2 can be where a term matches: L is the length of a form that is a whole word, or of the first
 * word of a form that goes on past it, or any length from that of a \w*-ended form's fixed part. A match of
 * TERMS at a plain token's start is one of these (the token is a whole \w run, and \b ends a match), and so
 * is every word termAt() does not reject: a token whose bit is clear needs neither (most words whose first
 * letters some term starts with only share them with a two-letter term: "drive" with "dr").
 */
const LENGTHS = new Uint32Array(1 << 15);
const WORD_KIND = new Map<string, number>();
const OPEN_AT = new Map<number, string[]>();
for (const term of alternatives(`${WORDS}|${MORE_WORDS}`)) {
  for (const { text, open } of forms(term)) {
    if (text.length < 2) throw new Error(`health-context: term ${term} shorter than two characters`);
    if (text.length >= 31) throw new Error(`health-context: term ${term} longer than 30 characters`);
    const [a, b, c] = [text.charCodeAt(0), text.charCodeAt(1), text.charCodeAt(2)];
    const first = /^[a-z0-9]*/.exec(text)?.[0] ?? '';
    // The word lengths at which the form can match (see LENGTHS).
    const lengths = first.length < text.length ? 1 << first.length : open ? -(1 << text.length) : 1 << text.length;
    if (text.length === 2) {
      for (let x = 0; x < 32; x++) LENGTHS[charIndex3(a, b, x)] |= lengths;
    } else LENGTHS[charIndex3(a, b, c)] |= lengths;
    if (first.length < text.length) WORD_KIND.set(first, ASK);
    else if (open) {
      if (text.length < 3) throw new Error(`health-context: ${term} has under three characters before \\w*`);
      const list = OPEN_AT.get(charIndex3(a, b, c)) ?? [];
      list.push(text);
      OPEN_AT.set(charIndex3(a, b, c), list);
    } else if (WORD_KIND.get(text) !== ASK) WORD_KIND.set(text, WHOLE_WORD);
  }
}
/** LAST3[charIndex3(c0, c1, c2)]: 1 when a suffix ends with these three characters. */
const LAST3 = new Uint8Array(1 << 15);
const SUFFIX_WORDS = SUFFIX_LIST.split('|');
for (const x of SUFFIX_WORDS) {
  const k = x.length;
  LAST3[charIndex3(x.charCodeAt(k - 3), x.charCodeAt(k - 2), x.charCodeAt(k - 1))] = 1;
}
/** The shortest word a suffix cue can be (three letters and the shortest suffix). */
const MIN_SUFFIX_WORD = 3 + Math.min(...SUFFIX_WORDS.map((x) => x.length));

/**
 * What terms can match at the start of a plain token's word `key` (in lower case; `at` the charIndex3() of its
 * first three characters). A term that goes on past the word needs the word to be its first word (ASK);
 * when the word is none, every term that matches there is a whole word of WORD_KIND or an OPEN_AT prefix
 * with the rest of the word, so the match is the word.
 */
function termAt(key: string, at: number): number {
  const kind = WORD_KIND.get(key);
  if (kind !== undefined) return kind;
  const open = OPEN_AT.get(at);
  if (open !== undefined) for (let k = 0; k < open.length; k++) if (key.startsWith(open[k])) return WHOLE_WORD;
  return NO_TERM;
}

/**
 * Without an underscore (a \w character no token holds) on either side, a plain token's word is a whole \w
 * run: a match that is the word needs no regex, and its cue is the key.
 */
function alone(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start - 1) !== 95 && text.charCodeAt(end) !== 95;
}

/**
 * Whether the word `key` (letters only, in lower case) ends in a suffix after at least three letters: a
 * necessary condition, SUFFIXES then says.
 */
function suffixMayEnd(key: string): boolean {
  for (let k = 0; k < SUFFIX_WORDS.length; k++) {
    const x = SUFFIX_WORDS[k];
    if (key.length >= x.length + 3 && key.endsWith(x)) return true;
  }
  return false;
}

/**
 * Distinct clinical cues over the number a text of this length needs to be clearly clinical: five
 * for a prompt, one more per 2,000 characters, since a long general text (a coding prompt, a story)
 * picks up a few clinical words by chance while a clinical note is full of them. 0..1.
 *
 * `tokens` are tokenize(text) when the caller has them (assess passes the scan's). The cues are what
 * the regexes of CUE_PATTERNS find scanning the text from left to right (the score depends only on the set of
 * distinct cues, not on the order they are found in); TERMS and SUFFIXES are only tried where a match can
 * start, with the same result:
 * - both start with \b and an ASCII letter, so a match starts where a letter follows a character that is
 *   not \w: at a token's start, or, inside a token, after a joiner or a non-ASCII character. A plain token
 *   (ASCII letters and digits only) has one such place, its start; other tokens are tried at each;
 * - at a plain token's start, a term matches only if the word is one of WORD_KIND or starts with an
 *   OPEN_AT term (its key is the word in lower case; an underscore after it would only make the word
 *   longer, which no term allows), and a suffix cue is the whole word, letters only, ending in a suffix;
 *   the tables on three characters reject most words before those look-ups. Where the match is the word
 *   (see termAt and alone), it is taken without the regex;
 * - TERMS is tried at increasing places, never inside its previous match, as the global regex was.
 * AGE and the age with sex start with an ASCII digit: they are tried where a run of digits starts in the
 * tokens that hold one (ageIn), until one matches once (the cue is the same for every match); GRAVIDA at a
 * capital G in those tokens (gravidaIn).
 */
export function healthScore(text: string, tokens: readonly Token[] = tokenize(text)): number {
  const needed = 5 + Math.floor(text.length / 2000);
  const seen = new Set<string>();
  const n = text.length;
  let termEnd = 0;
  let age = false;
  let gravida = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const p = t.start;
    if ((t.flags & TK_DIGIT) !== 0) {
      if (!age && ageIn(text, t)) {
        age = true;
        seen.add('age');
      }
      if (!gravida && gravidaIn(text, t)) {
        gravida = true;
        seen.add('gravida');
      }
    }
    if ((t.flags & TK_PLAIN) === 0) {
      termEnd = plainless(text, t, termEnd, seen);
      if (seen.size >= needed) return 1;
      continue;
    }
    const e = t.end;
    if (p >= termEnd && p + 1 < n) {
      const at = charIndex3(text.charCodeAt(p), text.charCodeAt(p + 1), p + 2 < n ? text.charCodeAt(p + 2) : 0);
      const kind = ((LENGTHS[at] >>> Math.min(e - p, 31)) & 1) === 0 ? NO_TERM : termAt(t.key, at);
      if (kind === WHOLE_WORD && alone(text, p, e)) {
        termEnd = e;
        seen.add(t.key);
        if (seen.size >= needed) return 1;
      } else if (kind !== NO_TERM) {
        TERMS.lastIndex = p;
        const m = TERMS.exec(text);
        if (m !== null) {
          termEnd = TERMS.lastIndex;
          seen.add(m[0].toLowerCase());
          if (seen.size >= needed) return 1;
        }
      }
    }
    if (
      e - p >= MIN_SUFFIX_WORD &&
      (t.flags & TK_DIGIT) === 0 &&
      LAST3[charIndex3(text.charCodeAt(e - 3), text.charCodeAt(e - 2), text.charCodeAt(e - 1))] === 1 &&
      suffixMayEnd(t.key)
    ) {
      if (alone(text, p, e)) {
        if (!NOT_MEDICAL.has(t.key)) seen.add(t.key);
      } else addSuffixCue(text, p, seen);
      if (seen.size >= needed) return 1;
    }
  }
  return seen.size >= needed ? 1 : seen.size / needed;
}

/**
 * Whether AGE (or the age with sex) matches in token t, one with an ASCII digit: a match starts with \b and
 * an ASCII digit (\d without the u flag), at the start of a run of digits after a character that is not
 * \w. Every ASCII digit is in a token, so trying at those places of each token with a digit finds a match
 * when a search of the text does.
 */
function ageIn(text: string, t: Token): boolean {
  return matchInToken(text, t, 48, 57, AGE_AT) || matchInToken(text, t, 48, 57, AGE_SEX_AT);
}

/** Whether GRAVIDA matches in token t (one with an ASCII digit, as every match holds): at a capital G. */
function gravidaIn(text: string, t: Token): boolean {
  return matchInToken(text, t, 71, 71, GRAVIDA_AT);
}

/**
 * Whether the sticky regex `re` matches at a place in token t where one of its matches can start: a
 * character with a code from `lo` to `hi` after a character that is not \w (the regexes tried this way
 * start with \b and such a character).
 */
function matchInToken(text: string, t: Token, lo: number, hi: number, re: RegExp): boolean {
  for (let p = t.start; p < t.end; p++) {
    const c = text.charCodeAt(p);
    if (c < lo || c > hi || (p > 0 && isWord(text.charCodeAt(p - 1)))) continue;
    re.lastIndex = p;
    if (re.test(text)) return true;
  }
  return false;
}

/** Runs SUFFIXES at `p` and adds its cue, if any. */
function addSuffixCue(text: string, p: number, seen: Set<string>): void {
  SUFFIXES.lastIndex = p;
  const m = SUFFIXES.exec(text);
  if (m === null) return;
  const w = m[0].toLowerCase();
  if (!NOT_MEDICAL.has(w)) seen.add(w);
}

/**
 * healthScore's cues in a token that is not plain (a joiner or a non-ASCII character inside): TERMS and
 * SUFFIXES are tried at each place a match can start, after the cheap tests on the characters there.
 * Returns the end of the last TERMS match (from `termEnd`).
 */
function plainless(text: string, t: Token, termEnd: number, seen: Set<string>): number {
  const n = text.length;
  for (let p = t.start; p < t.end; p++) {
    const c = text.charCodeAt(p) | 0x20;
    if (!(c >= 97 && c <= 122 && (p === t.start || !isWord(text.charCodeAt(p - 1))))) continue;
    if (p >= termEnd && p + 1 < n) {
      const at = charIndex3(text.charCodeAt(p), text.charCodeAt(p + 1), p + 2 < n ? text.charCodeAt(p + 2) : 0);
      if (LENGTHS[at] !== 0) {
        TERMS.lastIndex = p;
        const m = TERMS.exec(text);
        if (m !== null) {
          termEnd = TERMS.lastIndex;
          seen.add(m[0].toLowerCase());
        }
      }
    }
    // A suffix cue is a whole \w run of letters: find its end.
    let e = p;
    while (e < n && isWord(text.charCodeAt(e))) e++;
    if (
      e - p >= MIN_SUFFIX_WORD &&
      LAST3[charIndex3(text.charCodeAt(e - 3), text.charCodeAt(e - 2), text.charCodeAt(e - 1))] === 1
    ) {
      addSuffixCue(text, p, seen);
    }
  }
  return termEnd;
}
