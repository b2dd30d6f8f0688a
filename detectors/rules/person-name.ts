/**
 * Names of patients, relatives and clinicians, in the shorthand clinicians type: "Anna S.",
 * "Mr. James T.", "pt J. Smith", "Smith, John", "seen by Dr. John L.", "Szabina J Gelencsér".
 *
 * A name is a run of up to four title-case words or initials. A run counts when it is announced
 * (a title such as Dr./Mrs., or a cue such as "patient", "named", "my name is", "daughter"), or when
 * its words are in the public name lists (detectors/data: compromise's lexicon and faker's locale
 * lists) and are not ordinary English words, or when it has a name's shape ("Anna S.").
 * Names the lists miss are found by their shape and context: surname endings of many languages
 * ("-ova", "-sson", "-dóttir", "-nen", "-ić", "-moto") and diacritics (not in a text written in such a
 * language), an occupation before them ("Producer X"), a dialogue label, the first line of a contact
 * block, coordination with a name ("X and Murphy"), a giving verb ("had given X his"), a repeated
 * mention, particles ("van de"), suffixes ("II", "MD"). A text without capitals is read with the lists
 * and surname shapes standing in for title case, and single words there need a cue.
 * Eponyms are not people here: a run followed by "sign", "syndrome", "score", "reflex" ... is skipped.
 * Source: 45 CFR 164.514(b)(2)(i)(A); name lists: see detectors/data/README.md.
 */
import { isAsciiLower, isAsciiUpper } from '../anchors';
import { eachFrontCoded, lexicon, PACKED } from '../lexicon';
import { STATE_NAMES, WIDE_AREAS } from '../places';
import {
  gapIs,
  isSpace,
  keyLength,
  keysLowerOf,
  lowerWord,
  oneSpace,
  sentenceStart,
  startsLower,
  TK_CAPS,
  TK_DIGIT,
  TK_DOT,
  TK_INITIAL,
  TK_PLAIN,
  TK_POSSESSIVE,
  TK_TITLE,
  type Token,
  tokenAt,
  tokenFrom,
  tokenIs,
  tokensOf,
  wordBits,
  wordEnd,
} from '../tokens';
import type { Candidate, Detector } from '../types';
import { EPONYM_NOUNS, MONTH_ABBREVIATIONS, MONTHS_AND_WEEKDAYS, SEX_WORDS } from '../vocab';

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
/** Words after which any word is a name: "name: ann roe", "named ann". */
const NAMING = new Set(['name', 'names', 'named']);
/** Function words that end a lower-case name ("ann roe has ...", "ann roe in a month"). */
const LOWER_STOP = new Set([
  'has',
  'had',
  'have',
  'was',
  'were',
  'be',
  'been',
  'lives',
  'lived',
  'said',
  'says',
  'went',
  'about',
  'into',
  'but',
  'so',
  'then',
  'also',
  'just',
  'again',
  'today',
  'tomorrow',
  'yesterday',
  'now',
  'soon',
  'later',
  'here',
  'there',
  'asap',
  'too',
  'speak',
  'call',
  'called',
  'calls',
  'everyone',
]);
/** Occupations written before a name, also in title case: "Producer Ann Roe", "author Jan Kowalski". */
const ROLE_NOUNS = new Set([
  'producer',
  'director',
  'author',
  'writer',
  'songwriter',
  'singer',
  'composer',
  'poet',
  'novelist',
  'actor',
  'actress',
  'artist',
  'painter',
  'editor',
  'journalist',
  'reporter',
  'founder',
  'cofounder',
  'co-founder',
  'ceo',
  'chairman',
  'chairwoman',
  'senator',
  'governor',
  'judge',
  'coach',
  'detective',
  'professor',
  'pastor',
  'lawyer',
  'attorney',
  'drummer',
  'guitarist',
  'vocalist',
  'rapper',
  'comedian',
  'playwright',
  'filmmaker',
  'photographer',
  'sergeant',
  'lieutenant',
  'colonel',
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
  ...MONTHS_AND_WEEKDAYS,
  ...MONTH_ABBREVIATIONS,
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
  ...SEX_WORDS,
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
  // Landforms: "Rocky Mountain spotted fever", "Central Valley", "Grand Canyon".
  'mountain',
  'mountains',
  'valley',
  'canyon',
  'creek',
  'peninsula',
  'desert',
  'island',
  'islands',
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

/** The words phraseCue() compares the word before a name with, and authorOf()'s articles. */
// (Not "for": "letter for X" is a phrase cue too, but a capitalised word after "for" is common and seldom a
// name, and letting all of them through cost 1-3% of a scan; an unlisted one-word name there is missed.)
const BEFORE_WORDS = ['me', 'him', 'her', 'am', 'is', 'with', 'to', 'by', 'the', 'a', 'an'];

const OWNED_PLACES = new Set(['office', 'clinic', 'practice', 'surgery', 'hospital', 'practise', 'home', 'house']);

/*
 * Word classes. Every list this detector asks about a token's key is a bit of one Map (built on first
 * use), and a token's bits are looked up once per scan and kept in `wordCls` by token index. Before,
 * the cascade asked several Sets about the same token (first names, surnames, the ambiguous list,
 * NOT_NAME, cities ...), each lookup a string hash probe of tens of ns, many of them into lists of
 * thousands of words. Set.has(key) and ((words.get(key) ?? 0) & BIT) !== 0 agree for every key.
 */
const W_FIRST = 1 << 0; // lexicon().first
const W_LAST = 1 << 1; // lexicon().last
const W_AMBIGUOUS = 1 << 2; // lexicon().ambiguous
const W_CITY = 1 << 3; // lexicon().cities
const W_STATE = 1 << 4; // STATE_NAMES
const W_NOT_NAME = 1 << 5;
const W_TITLE = 1 << 6;
const W_CUE = 1 << 7;
const W_STRONG_CUE = 1 << 8;
const W_NAMING = 1 << 9;
const W_LOWER_STOP = 1 << 10;
const W_ROLE = 1 << 11;
const W_EPONYM = 1 << 12;
const W_NOT_SHAPED = 1 << 13;
const W_INTERJECTION = 1 << 14;
const W_STRONG_PARTICLE = 1 << 15;
const W_PARTICLE = 1 << 16;
const W_FAMILY = 1 << 17;
const W_WORK = 1 << 18;
const W_OCCASION = 1 << 19;
const W_GIVING = 1 << 20;
const W_SUFFIX = 1 << 21;
const W_OWNED_PLACE = 1 << 22;
/** The words phraseCue() and authorOf() ask about before a name: "call me X", "the X novel" (see contextMaybe). */
const W_BEFORE = 1 << 23;
/** Per token and scan (in wordCls only): the class bits are the key's own. */
const CLASSIFIED = 1 << 24;
/** Per token and scan: shaped() has been answered, and its answer. */
const SHAPE_KNOWN = 1 << 25;
const SHAPED = 1 << 26;

let words: Map<string, number> | undefined;
/**
 * A Bloom filter of every listed word (2^18 bits, two bits a word from one hash of its characters): a
 * capitalised word that is in no list at all ("Please", "Results") is told apart by one pass over its
 * characters instead of a lookup in a Map of ~35,000 words. A listed word always has both bits set.
 */
const BLOOM_BITS = 18;
const bloom = new Int32Array(1 << (BLOOM_BITS - 5));
/** FNV-1a over the key's UTF-16 code units (building the filter, and for tokens whose keys are not in scanLower). */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}
/**
 * keyHash(s.slice(from, to)) without the slice. A second loop on purpose, not keyHash calling it: V8 keeps
 * type feedback per code site, and this one sees only the scan's lower-cased texts, where keyHash's sees the
 * many string kinds of the word lists and token keys (tokens.ts keyLength).
 */
function rangeHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
/** Both Bloom bits of hash h: its low bits and its high bits. */
function inBloom(h: number): boolean {
  const a = h & ((1 << BLOOM_BITS) - 1);
  const b = h >>> (32 - BLOOM_BITS);
  return (bloom[a >>> 5] & (1 << (a & 31))) !== 0 && (bloom[b >>> 5] & (1 << (b & 31))) !== 0;
}
/** Builds `words` and `bloom` on first use: the name lists go straight from their packed form into the Map. */
function wordClasses(): Map<string, number> {
  if (words) return words;
  // The cities are decoded once for city-state too.
  const map = wordBits([
    [lexicon().cities, W_CITY],
    [STATE_NAMES, W_STATE],
    [NOT_NAME, W_NOT_NAME],
    [TITLES, W_TITLE],
    [CUES, W_CUE],
    [STRONG_CUES, W_STRONG_CUE],
    [NAMING, W_NAMING],
    [LOWER_STOP, W_LOWER_STOP],
    [ROLE_NOUNS, W_ROLE],
    [EPONYM_NOUNS, W_EPONYM],
    [NOT_SHAPED, W_NOT_SHAPED],
    [INTERJECTIONS, W_INTERJECTION],
    [STRONG_PARTICLES, W_STRONG_PARTICLE],
    [PARTICLES, W_PARTICLE],
    [FAMILY, W_FAMILY],
    [WORKS, W_WORK],
    [OCCASIONS, W_OCCASION],
    [GIVING, W_GIVING],
    [NAME_SUFFIXES, W_SUFFIX],
    [OWNED_PLACES, W_OWNED_PLACE],
    [BEFORE_WORDS, W_BEFORE],
  ]);
  const add = (bit: number) => (w: string) => map.set(w, (map.get(w) ?? 0) | bit);
  eachFrontCoded(PACKED.first, add(W_FIRST));
  eachFrontCoded(PACKED.last, add(W_LAST));
  eachFrontCoded(PACKED.ambiguous, add(W_AMBIGUOUS));
  for (const w of map.keys()) {
    const h = keyHash(w);
    const a = h & ((1 << BLOOM_BITS) - 1);
    const b = h >>> (32 - BLOOM_BITS);
    bloom[a >>> 5] |= 1 << (a & 31);
    bloom[b >>> 5] |= 1 << (b & 31);
  }
  words = map;
  return map;
}

/** Set per scan: the text has no capital letter at all ("follow up with jane roe"). */
let lowerText = false;
/** Set per scan: the scan's text (gaelicPrefix reads a token's characters there). */
let scanText = '';
/** Set per scan: ScanInput.lower. */
let scanLower = '';
/** Set per scan: where token keys can be read at the tokens' offsets (tokens.ts keysLowerOf). */
let keyLower: string | undefined;
/** Set per scan: tokens of the text; every helper below names a token by its index in it. */
let scanToks: Token[] = [];
/**
 * Per scan, by token index: the token's word classes | CLASSIFIED once looked up, and the SHAPE bits
 * once shaped() has answered.
 */
let wordCls = new Int32Array(1024);

/**
 * Token k's word classes among `want` (one Map lookup per token and scan at most; none when the Bloom
 * filter says the key is in no list).
 */
function classes(k: number, want: number): number {
  let c = wordCls[k];
  if ((c & CLASSIFIED) === 0) {
    if (words === undefined) wordClasses(); // builds the Bloom filter too
    const t = scanToks[k];
    const key = t.key;
    const h = keyLower !== undefined ? rangeHash(keyLower, t.start, wordEnd(t)) : keyHash(key);
    c = (c & (SHAPE_KNOWN | SHAPED)) | CLASSIFIED | (inBloom(h) ? lookUp(key, h) : 0);
    wordCls[k] = c;
  }
  return c & want;
}

/**
 * The last answers of `words`, by key hash (direct-mapped): the listed words of a text ("What", "Is",
 * "Dr", "John") recur from scan to scan, and a Map lookup of a new key string costs ~100 ns (its hash,
 * then memory far from the cache), this a few. Only keys under 13 characters are kept: V8 makes a
 * longer slice a view of its text, which the cache would keep alive. (Measured in review: with
 * words.get() in its place, speed.mjs "all" fell from ~1.03x to ~0.94x; keep it.)
 */
const RECENT_BITS = 12;
const recentHash = new Int32Array(1 << RECENT_BITS);
const recentKey: string[] = new Array<string>(1 << RECENT_BITS).fill('');
const recentCls = new Int32Array(1 << RECENT_BITS);
/** words.get(key) ?? 0, for a key whose keyHash is h. */
function lookUp(key: string, h: number): number {
  if (key.length >= 13) return words?.get(key) ?? 0;
  const slot = h >>> (32 - RECENT_BITS);
  // A key is never empty, so a slot never written does not match.
  if (recentHash[slot] === h && recentKey[slot] === key) return recentCls[slot];
  const bits = words?.get(key) ?? 0;
  recentHash[slot] = h;
  recentKey[slot] = key;
  recentCls[slot] = bits;
  return bits;
}
/** Token k's key is in a list of `bits`. */
function has(k: number, bits: number): boolean {
  return classes(k, bits) !== 0;
}

/*
 * Character tests on a token's text by code, with the Unicode regex only for a non-ASCII character.
 * A token holds no surrogate (a lone surrogate is no letter), so its first code unit is its first
 * character and its length counts characters.
 */
const UPPER_CHAR = /^\p{Lu}/u;
/** /^\p{Lu}/u.test(s) (startsLower and lowerWord, its lower-case partners, are in tokens.ts). */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_CHAR.test(s);
}

function isNameWord(k: number): boolean {
  const t = scanToks[k];
  if ((t.flags & TK_DIGIT) !== 0) return false;
  // In a text without capitals, listed or name-shaped words stand in for title case.
  if (lowerText && (t.flags & TK_INITIAL) === 0)
    return (
      t.key.length >= 3 && !has(k, W_NOT_NAME) && (knownFirst(k) || knownLast(k) || (surnameEnd(t.key) && shaped(k)))
    );
  // "I" and "A" are words unless written as initials ("Anna I. Roe").
  if ((t.flags & TK_INITIAL) !== 0)
    return startsUpper(t.text) && ((t.flags & TK_DOT) !== 0 || (t.text !== 'I' && t.text !== 'A'));
  return (t.flags & TK_TITLE) !== 0 && !has(k, W_NOT_NAME);
}

/** Token k is a listed first name (and not an ambiguous one). */
function knownFirst(k: number): boolean {
  return classes(k, W_FIRST | W_AMBIGUOUS) === W_FIRST;
}
/** Token k is a listed surname (and not an ambiguous one). */
function knownLast(k: number): boolean {
  return classes(k, W_LAST | W_AMBIGUOUS) === W_LAST;
}

/**
 * Surname endings of many languages: Slavic (-ov, -ova, -ev, -ski, -ska, -wicz, -enko, -ić, -ová),
 * Nordic (-sson, -sen, -dóttir), Finnish (-nen), Georgian (-dze, -shvili), Armenian (-yan), Greek
 * (-poulos, -akis), Japanese (-moto, -mura, -yama, -hara, -naga ...). Source: general onomastics.
 */
const SURNAME_END =
  /(?:[^aeiou]ov|[^aeiou]ova|[^aeiou]ev|[^aeiou]eva|[aiy]ev|ovich|evich|ovna|evna|skiy?|skaya|sky|ska|cki|cka|wicz|enko|chuk|czuk|czyk|ić|vič|ová|ský|cký|sson|[^eio]ason|[^o]sen|d[óo]ttir|[aeiouäöy]nen|dze|shvili|yan|poulos|opoulou|akis|moto|mura|kawa|gawa|yama|saki|zaki|shita|hara|naga|kami|uchi|guchi|bayashi|hashi|shima|jima)$/;
/**
 * The last two characters of SURNAME_END's alternatives (all literal; "skiy?" gives "ki" and "iy"). A
 * key the regex matches ends with one whole alternative, so with one of these pairs.
 */
const SURNAME_PAIRS =
  'ov va ev ch na ki iy ya ky ka cz ko uk yk ić ič vá ký on en ir ze li an os ou is to ra wa ma ta ga mi hi';
/** By last character (below U+0180): 1 + the index of its row in SURNAME_PAIR, or 0 when no pair ends with it. */
const SURNAME_LAST = new Uint8Array(0x180);
/** By row of the last character and code of the one before it (below U+0180): 1 for a pair. */
const SURNAME_PAIR = new Uint8Array(32 * 0x180);
for (const pair of SURNAME_PAIRS.split(' ')) {
  const last = pair.charCodeAt(1);
  if (SURNAME_LAST[last] === 0) SURNAME_LAST[last] = 1 + Math.max(...SURNAME_LAST);
  SURNAME_PAIR[(SURNAME_LAST[last] - 1) * 0x180 + pair.charCodeAt(0)] = 1;
}
/** SURNAME_END.test(key), skipping the regex when the word's last two characters end none of its alternatives. */
function surnameEnd(key: string): boolean {
  const n = key.length;
  if (n < 2) return false;
  const c = key.charCodeAt(n - 1);
  const row = c < 0x180 ? SURNAME_LAST[c] : 0;
  if (row === 0) return false;
  const b = key.charCodeAt(n - 2);
  return b < 0x180 && SURNAME_PAIR[(row - 1) * 0x180 + b] === 1 && SURNAME_END.test(key);
}
/** Shaped words that are eponyms, places or loanwords in clinical or everyday English. */
const NOT_SHAPED = new Set([
  'hashimoto',
  'kawasaki',
  'takayasu',
  'nagasaki',
  'hiroshima',
  'sahara',
  'sjögren',
  'ménière',
  'behçet',
  'barré',
  'guillain-barré',
  'schönlein',
  'henoch-schönlein',
  'münchausen',
  'münchhausen',
  'ménétrier',
  'café',
  'résumé',
  'naïve',
  'déjà',
  'protégé',
  'fiancé',
  'fiancée',
  'pokémon',
  'québec',
  'zürich',
  'são',
  'méxico',
  'perú',
  'bogotá',
  'españa',
  'curaçao',
  'montréal',
  'köln',
  'münchen',
  'linen',
  'casanova',
  'geneva',
  'mosaic',
  'worsen',
  'loosen',
  'lessen',
  'arisen',
  'risen',
]);
/**
 * Token k is shaped like a surname (ending) or a name written with diacritics, and is not a place or
 * eponym. Kept per token and scan: the answer depends only on the token and on foreignText(), which
 * is fixed for a scan.
 */
function shaped(k: number): boolean {
  const t = scanToks[k];
  if (t.key.length < 4 || (t.flags & (TK_DIGIT | TK_CAPS)) !== 0) return false;
  const c = wordCls[k];
  if ((c & SHAPE_KNOWN) !== 0) return (c & SHAPED) !== 0;
  const yes =
    (surnameEnd(t.key) ||
      gaelicPrefix(scanText, t) ||
      ((t.flags & TK_PLAIN) === 0 && hasDiacritic(t.key) && !foreignText())) &&
    classes(k, W_CITY | W_AMBIGUOUS | W_NOT_SHAPED | W_STATE) === 0;
  // classes() may have stored the token's classes meanwhile: add to what is there now.
  wordCls[k] |= SHAPE_KNOWN | (yes ? SHAPED : 0);
  return yes;
}
/**
 * "McDowell", "McAllister", "O'Halloran", "O’Neill": Mc or O' and a capital, then lower-case letters, a
 * surname's shape. Not "Mac" ("MacBook"), and not a possessive ("McDonald's").
 */
function gaelicPrefix(text: string, t: Token): boolean {
  const s = t.start;
  if ((t.flags & TK_POSSESSIVE) !== 0 || t.end - s < 4) return false;
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  const prefix = (c0 === 77 && c1 === 99) || (c0 === 79 && (c1 === 39 || c1 === 0x2019)); // Mc, O' or O’
  return prefix && isAsciiUpper(text.charCodeAt(s + 2)) && lowerTail(text, s + 3, t.end);
}
/** Whether text[from, to) is one or more lower-case ASCII letters. */
function lowerTail(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Set per scan, for foreignText(). A text in a language written with diacritics (Turkish, Hungarian
 * ...) has many lower-case words with them; there, diacritics say nothing about names.
 */
let foreign: boolean | undefined;
function foreignText(): boolean {
  if (foreign === undefined) {
    let n = 0;
    // A plain token (ASCII only) has no diacritic.
    for (const t of scanToks)
      if ((t.flags & (TK_PLAIN | TK_TITLE | TK_CAPS)) === 0 && hasDiacritic(t.text) && ++n >= 3) break;
    foreign = n >= 3 && !lowerText;
  }
  return foreign;
}
/**
 * A Latin letter with a diacritic (Latin-1 Supplement and Extended-A/B, U+00C0-U+024F without × and ÷),
 * common in names written in English text. A loop, not a regex: this runs over many tokens.
 */
function hasDiacritic(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return true;
  }
  return false;
}
function lastLike(k: number): boolean {
  return knownLast(k) || shaped(k);
}
function nameLike(k: number): boolean {
  return knownFirst(k) || knownLast(k) || shaped(k);
}

/** /^[\s,:]{1,8}$/ (or /^[\s,:?]{1,8}$/ with `question`) on text[from, to), without slicing. */
function gapOf(text: string, from: number, to: number, question: boolean): boolean {
  const n = to - from;
  if (n < 1 || n > 8) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 44 || c === 58 || isSpace(c) || (question && c === 63))) return false;
  }
  return true;
}
/** /\n/.test(text.slice(from, to)) */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}
/** /^\.? $/.test(text.slice(from, to)) */
function spaceOrDotSpace(text: string, from: number, to: number): boolean {
  const n = to - from;
  return n === 1
    ? text.charCodeAt(from) === 32
    : n === 2 && text.charCodeAt(from) === 46 && text.charCodeAt(from + 1) === 32;
}
/** Any token of toks[i .. i+run-1] is an initial. */
function someInitial(toks: Token[], i: number, run: number): boolean {
  for (let k = i; k < i + run; k++) if ((toks[k].flags & TK_INITIAL) !== 0) return true;
  return false;
}
/** Any token of toks[i .. i+run-1] is a strong particle ("van", "von" ...). */
function someParticle(i: number, run: number): boolean {
  for (let k = i; k < i + run; k++) if (has(k, W_STRONG_PARTICLE)) return true;
  return false;
}
/** A word after the first of toks[i .. i+run-1] is surname-like and not an initial. */
function lastKnownAfterFirst(toks: Token[], i: number, run: number): boolean {
  for (let k = i + 1; k < i + run; k++) if ((toks[k].flags & TK_INITIAL) === 0 && lastLike(k)) return true;
  return false;
}

/** Only a space, or ". " after an initial / title abbreviation, may join tokens k and k+1 of a name. */
function joins(text: string, toks: Token[], k: number): boolean {
  const a = toks[k];
  const n = toks[k + 1].start - a.end;
  const c = text.charCodeAt(a.end);
  if (n === 1 && c === 32) return true;
  // The gap is ". " or ".".
  return (
    c === 46 &&
    (n === 1 || (n === 2 && text.charCodeAt(a.end + 1) === 32)) &&
    ((a.flags & TK_INITIAL) !== 0 || has(k, W_TITLE))
  );
}

/** Indices of the "and" tokens the main loop met (for coordinated()); reused across scans. */
const ands: number[] = [];
/** How many of `ands` belong to this scan (a count, not ands.length = 0: setting an array's length is slow). */
let andCount = 0;

export const personName: Detector = {
  id: 'person-name',
  category: 'NAME',
  description: 'Person name (titles, clinical cues, public name lists, initials)',
  source: '45 CFR 164.514(b)(2)(i)(A); name lists in detectors/data (compromise, faker)',
  detect(input) {
    const text = input.text;
    const toks = tokensOf(input);
    const n = toks.length;
    lowerText = text === input.lower;
    scanToks = toks;
    scanText = text;
    scanLower = input.lower;
    keyLower = keysLowerOf(input);
    lastName = -1;
    nextName = -2;
    lastQuestion = -1;
    nextQuestion = -2;
    foreign = undefined;
    if (wordCls.length < n) wordCls = new Int32Array(Math.max(n, wordCls.length * 2));
    // A loop: TypedArray fill() costs more than this on the short texts most scans get.
    else for (let k = 0; k < n; k++) wordCls[k] = 0;
    andCount = 0;
    const out: Candidate[] = [];
    let roleBefore = -1;
    let i = 0;
    while (i < n) {
      const t = toks[i];
      const next = i + 1 < n ? toks[i + 1] : undefined;
      // Most tokens of a text with capitals are lower-case words that start nothing: not title case, caps
      // or an initial, no full stop after them (a lower-case title "ms."), no capitalised word or initial
      // after them (an occupation before a name, "bertram m. ..."), not "and", "name" or "names" (see
      // namedLowerCase). Every branch below needs one of these, so such a token is skipped with a few flag
      // tests.
      if (
        !lowerText &&
        (t.flags & (TK_TITLE | TK_CAPS | TK_INITIAL | TK_DOT)) === 0 &&
        (next === undefined || (next.flags & (TK_TITLE | TK_INITIAL)) === 0) &&
        !andOrName(text, t)
      ) {
        i++;
        continue;
      }
      // "Producer Ann Roe": an occupation before a run is not part of it, and announces it. So does a
      // capitalised "Patient" / "Pt" / "Client" ("Patient Chidi Okafor was seen ..."), which would otherwise
      // open the run and hide the cue (in lower case it is a cue before the run, read in nameRun).
      if (
        next !== undefined &&
        (lowerText || (next.flags & TK_TITLE) !== 0) &&
        oneSpace(text, t, next) &&
        (has(i, W_ROLE) || ((t.flags & (TK_TITLE | TK_CAPS)) !== 0 && patientWord(t))) &&
        isNameWord(i + 1)
      ) {
        roleBefore = i + 1;
        i++;
        continue;
      }
      // Titles: "Dr. John L.", "Mrs Roe", "Prof. A. Smith".
      // "Dr. Roe", "DR. ROE"; not "moderate MR. Seen by PT" (a capitalised abbreviation before a sentence).
      if (
        next !== undefined &&
        ((t.flags & TK_TITLE) !== 0 ||
          ((t.flags & TK_CAPS) !== 0 && (next.flags & TK_CAPS) !== 0) ||
          // "ms. Quinzia", "mr. elliott": a lower-case title with its full stop, not "20 ms. After".
          ((t.flags & TK_DOT) !== 0 &&
            startsLower(text, t) &&
            !(i > 0 && (toks[i - 1].flags & TK_DIGIT) !== 0) &&
            ((next.flags & TK_TITLE) !== 0 || (lowerText && isNameWord(i + 1))))) &&
        has(i, W_TITLE) &&
        // "1737 Cheriton Dr Reuquén Extensions": Dr after a house number and a street name is Drive.
        !(
          t.key === 'dr' &&
          i >= 2 &&
          (toks[i - 1].flags & TK_TITLE) !== 0 &&
          /^\d{1,6}$/.test(toks[i - 2].text) &&
          text.slice(toks[i - 2].end, t.start) === ` ${toks[i - 1].text} `
        ) &&
        joins(text, toks, i)
      ) {
        const run = takeRun(text, toks, i + 1);
        if (run > 0) {
          const last = toks[i + run];
          // "Dr. Patel's clinic" / "Dr. Smith's office" name a place by the person: cover both.
          const place = i + run + 1;
          out.push({
            start: t.start,
            end:
              (last.flags & TK_POSSESSIVE) !== 0 && place < n && has(place, W_OWNED_PLACE)
                ? toks[place].end
                : suffixEnd(text, toks, i + run),
            category: 'NAME',
            confidence: 0.9,
            reason: 'name after a title',
          });
          i += run + 1;
          continue;
        }
      }
      if (!isNameWord(i) && !((t.flags & TK_TITLE) !== 0 && t.key === 'jan' && next !== undefined && lastLike(i + 1))) {
        // A text without capitals: "my name is vitoria", "follow up with ann roe", "name: ann b. roe".
        if (lowerText && lowerWord(text, t, 2) && !has(i, W_NOT_NAME | W_LOWER_STOP)) {
          const p = tokenAt(toks, i - 1);
          if (
            (p &&
              gapOf(text, p.end, t.start, false) &&
              (has(i - 1, W_NAMING) ||
                namingPhrase(toks, i) ||
                ((phraseCue(toks, i) || has(i - 1, W_STRONG_CUE)) && nameLike(i)))) ||
            givenTo(toks, i, 1) ||
            (i === 0 && verbAfter(text, toks, 1))
          ) {
            i = lowerNameRun(text, toks, i, out);
            continue;
          }
        }
        // Lower-case "bertram m. jørgensen": a listed first name, an initial with a dot, another word.
        if (
          i + 2 < n &&
          (toks[i + 1].flags & TK_INITIAL) !== 0 &&
          startsLower(text, toks[i + 1]) &&
          startsLower(text, t) &&
          knownFirst(i) &&
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
        // (Speed: a capitals name has a second word in capitals; most capital words are acronyms alone.)
        if ((t.flags & TK_CAPS) !== 0 && next !== undefined && (next.flags & TK_CAPS) !== 0) {
          const end = capsName(text, toks, i, out);
          if (end > i) {
            i = end;
            continue;
          }
        }
        if (t.key === 'and') ands[andCount++] = i;
        else if (!lowerText && (t.key === 'name' || t.key === 'names')) namedLowerCase(text, toks, i, out);
        i++;
        continue;
      }
      i = nameRun(text, toks, i, roleBefore, out);
    }
    const head = headerName(text, toks);
    if (head) {
      out.unshift(head);
      // The same line again further down ("Ann Roe\nAcme\nAnn Roe\n12 Elm St").
      const line = text.slice(head.start, head.end);
      for (let at = text.indexOf(line, head.end); at >= 0; at = text.indexOf(line, at + line.length))
        out.push({ ...head, start: at, end: at + line.length, reason: 'contact block name repeated' });
    }
    nameLists(text, toks, out);
    sortByStart(out);
    if (andCount > 0) {
      const more = coordinated(text, toks, out, ands, andCount);
      if (more.length) {
        out.push(...more);
        sortByStart(out);
      }
    }
    if (out.length) dropAreas(out);
    if (out.length) dropAuthors(out);
    if (out.length) out.push(...mentionedAgain(toks, out));
    scanToks = [];
    scanLower = '';
    keyLower = undefined;
    return out;
  },
};

/**
 * Sorts candidates by start, as out.sort((a, b) => a.start - b.start) does: a stable sort leaves an array
 * already in order as it is, and most scans find their names in order, so that is tested first (cheaper than
 * sort() with a comparator).
 */
function sortByStart(out: Candidate[]): void {
  for (let k = 1; k < out.length; k++) {
    if (out[k].start < out[k - 1].start) {
      out.sort((a, b) => a.start - b.start);
      return;
    }
  }
}

/**
 * A run of name words starting at token i (a word isNameWord accepts): how sure it is a name, from the
 * cues around it. Pushes the name found, if any, to `out` and returns the index of the token after what
 * it read. (Its own function: the scan loop stays small, and each is optimised with its own budget.)
 */
function nameRun(text: string, toks: Token[], i: number, roleBefore: number, out: Candidate[]): number {
  const n = toks.length;
  const t = toks[i];
  const next = i + 1 < n ? toks[i + 1] : undefined;
  const run = takeRun(text, toks, i);
  // "Producer James Sparks": a leading capitalised word that is not a name is not part of it.
  if (run >= 3 && !knownFirst(i) && !knownLast(i) && knownFirst(i + 1)) return i + 1;
  // Speed only: most runs are one capitalised word in no list ("Please", "Results"); see contextMaybe().
  if (
    run === 1 &&
    i > 0 &&
    (t.flags & TK_POSSESSIVE) === 0 &&
    classes(i, W_FIRST | W_LAST) === 0 &&
    !shaped(i) &&
    !contextMaybe(text, toks, i)
  )
    return i + 1;
  // The run is toks[i .. i+run-1]; no array is made for it (this path runs for every capitalised word).
  const lastTok = toks[i + run - 1];
  const prev = tokenAt(toks, i - 1);
  // The gap before the run, tested by character codes instead of sliced and matched.
  const prevGapLen = prev ? t.start - prev.end : 0;
  // The word before the run is a cue (CUES); its classes say which kind.
  const cue =
    prev !== undefined &&
    gapOf(text, prev.end, t.start, false) &&
    // (A capitalised cue is read as one only as "Name", "I'm" or a patient label, "Pt: O'Malley", "Patient:
    // Roe": otherwise it would be the first word of a run.)
    !(
      (prev.flags & TK_TITLE) !== 0 &&
      prev.key !== 'name' &&
      prev.key !== "i'm" &&
      prev.key !== 'i’m' &&
      !(text.charCodeAt(prev.end) === 58 && patientWord(prev))
    ) &&
    has(i - 1, W_CUE);
  const firstKnown = knownFirst(i);
  // Everything below is pure, so the cues are computed in the order the cascade asks for them
  // (cheapest and most decisive first) instead of all up front; the outcome is the same.
  let conf = 0;
  let reason = '';
  if (eponymAfter(text, toks, i + run, run === 1)) conf = 0;
  else if (roleBefore === i && (run >= 2 || nameLike(i))) {
    conf = 0.8;
    reason = 'name after an occupation';
  } else if (
    run === 1 &&
    (text.charCodeAt(t.end) === 63 || text.charCodeAt(t.end) === 33) &&
    // /^, ?$/ on the gap
    text.charCodeAt(t.start - prevGapLen) === 44 &&
    (prevGapLen === 1 || (prevGapLen === 2 && text.charCodeAt(t.start - 1) === 32)) &&
    has(i, W_FIRST) &&
    (t.flags & TK_POSSESSIVE) === 0
  ) {
    // "Remember me, Randy?": a first name addressed at the end of a sentence.
    conf = 0.6;
    reason = 'name addressed';
  } else if (
    (cue && has(i - 1, W_STRONG_CUE)) ||
    (prev && gapOf(text, prev.end, t.start, true) && phraseCue(toks, i)) ||
    answersNameQuestion(text, toks, i) ||
    (text.charCodeAt(lastTok.end) === 44 && nameLike(i) && vocative(text, toks, i, run)) ||
    // "Warrane, can I please ...": an unlisted word opening the text, addressed.
    (i === 0 &&
      run <= 2 &&
      text.charCodeAt(lastTok.end) === 44 &&
      !has(i, W_INTERJECTION) &&
      /^, (?:can|could|would|will) (?:i|you|we)\b/i.test(text.slice(lastTok.end, lastTok.end + 16)))
  ) {
    conf = 0.85;
    reason = 'name after a cue word';
  } else if (
    ((run >= 2 || nameLike(i)) && recordAfter(text, lastTok.end)) ||
    // "Tariq Rahman, 50, OSA ...": a name opening a sentence, then a bare age between commas.
    (run >= 2 && text.charCodeAt(lastTok.end) === 44 && bareAgeAfter(text, lastTok.end) && sentenceStart(text, toks, i))
  ) {
    // "Zhang Xiuying, 83F, fell ...", "Li Wei (DOB 07/19/1988)", "Kaveh Jafari (MRN: ...)": the way a
    // clinical note introduces a patient, whatever the name's origin or whether it is listed.
    conf = 0.8;
    reason = 'name before an age, birth date or record number';
  } else if (
    // Cues after the run ("Trivo lives on", "Amanda's daughter") are weaker than cues before it.
    ((verbAfter(text, toks, i + run) || relativeAfter(toks, i + run - 1)) &&
      !((lastTok.flags & TK_INITIAL) !== 0 && (lastTok.flags & TK_DOT) === 0)) ||
    givenTo(toks, i, run)
  ) {
    conf = 0.75;
    reason = 'name before a verb or family word';
  } else if (run >= 2 && roleAfter(text, toks, i + run)) {
    conf = 0.8;
    reason = 'name with a role after it';
  } else if (run >= 2 && personBefore(text, toks, i, run)) {
    conf = 0.8;
    reason = 'name in apposition to a person';
  } else if (authorOf(toks, i, run)) {
    conf = 0.6;
    reason = 'author of a work';
  } else if (run >= 3 && someParticle(i, run)) {
    conf = 0.7;
    reason = 'name with a particle';
  } else if (firstKnown && run >= 2) {
    conf = 0.85;
    reason = 'listed first name with surname or initial';
  } else if (run >= 2) {
    const hasInitial = someInitial(toks, i, run);
    if (lastKnownAfterFirst(toks, i, run) && (hasInitial || cue || run === 2 || !sentenceStart(text, toks, i))) {
      conf = 0.75;
      reason = 'listed surname';
    } else if (
      hasInitial &&
      (t.flags & TK_INITIAL) === 0 &&
      run <= 3 &&
      ((lastTok.flags & TK_INITIAL) === 0 || (lastTok.flags & TK_DOT) !== 0)
    ) {
      conf = (lastTok.flags & TK_INITIAL) !== 0 ? 0.6 : 0.7;
      reason = 'name shape (word and initial)';
    } else if ((t.flags & TK_INITIAL) !== 0 && lastLike(i + run - 1)) {
      conf = 0.8;
      reason = 'initial and listed surname';
    }
  } else if (firstKnown && (!lowerText || cue)) {
    conf = sentenceStart(text, toks, i) ? 0.55 : cue ? 0.75 : 0.6;
    reason = 'listed first name';
  } else if ((t.flags & TK_CAPS) === 0 && (!lowerText || cue) && lastLike(i) && !sentenceStart(text, toks, i)) {
    conf = cue ? 0.7 : 0.55;
    reason = 'listed surname';
  } else if (
    speakerLabel(text, toks, i) &&
    (lastLike(i) || /^: ?["“]/.test(text.slice(t.end, t.end + 3)) || dialogue(text, t))
  ) {
    conf = 0.6;
    reason = 'speaker label';
  }
  // "O'Malley, Cathal, 68M", "Kim, Soo-ah 31F": surname, comma, one first name (listed or not), then an
  // age, a birth date or a record number.
  if (
    run === 1 &&
    next !== undefined &&
    gapIs(text, t, next, ', ') &&
    isNameWord(i + 1) &&
    takeRun(text, toks, i + 1) === 1 &&
    recordAfter(text, next.end) &&
    (conf >= 0.5 || nameLike(i) || nameLike(i + 1) || (i > 0 && patientWord(toks[i - 1])))
  ) {
    out.push({
      start: t.start,
      end: endOf(text, next),
      category: 'NAME',
      confidence: Math.max(conf, 0.8),
      reason: 'surname, first name',
    });
    return i + 2;
  }
  // "Smith, John": surname, comma, listed first name.
  if (
    conf < 0.5 &&
    run === 1 &&
    next !== undefined &&
    gapIs(text, t, next, ', ') &&
    knownLast(i) &&
    isNameWord(i + 1) &&
    knownFirst(i + 1)
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
    return i + run2 + 1;
  }
  let endTok = i + run - 1;
  // "eva kleist lives at ...": in a text without capitals, a listed first name, a word and a person's verb.
  if (
    conf < 0.5 &&
    lowerText &&
    run === 1 &&
    firstKnown &&
    next !== undefined &&
    oneSpace(text, t, next) &&
    lowerWord(text, next, 3) &&
    !has(i + 1, W_NOT_NAME | W_LOWER_STOP) &&
    verbAfter(text, toks, i + 2)
  ) {
    conf = 0.75;
    reason = 'name before a verb or family word';
    endTok = i + 1;
  }
  if (conf >= 0.5 && lowerText && (phraseCue(toks, i) || (cue && has(i - 1, W_NAMING)))) {
    // "follow up with olga kravetz": in a text without capitals, the words after a cued first name.
    while (
      endTok < i + 2 &&
      endTok + 1 < n &&
      oneSpace(text, toks[endTok], toks[endTok + 1]) &&
      (lowerWord(text, toks[endTok + 1], 3) || lowerJoined(text, toks[endTok + 1])) &&
      !has(endTok + 1, W_NOT_NAME | W_LOWER_STOP | W_AMBIGUOUS)
    )
      endTok++;
  }
  if (conf >= 0.5) {
    out.push({
      start: t.start,
      end: suffixEnd(text, toks, endTok),
      category: 'NAME',
      confidence: conf,
      reason,
    });
  }
  return Math.max(i + run, endTok + 1);
}

/**
 * Cursors of contextMaybe() over the text, set per scan (nameRun reads runs left to right): the last
 * "name" of ScanInput.lower and "?" of the text before the word asked about (-1: none), and the next
 * ones (-2: not looked for yet, -1: none after).
 */
let lastName = -1;
let nextName = -2;
let lastQuestion = -1;
let nextQuestion = -2;
/**
 * Whether a context cue may make the single word toks[i] (i > 0, not possessive) a name. When the word
 * is neither a listed first name or surname (no W_FIRST, no W_LAST) nor shaped(), every path of
 * nameRun's cascade to a candidate for it needs one of these:
 * - a cue before it: a strong cue, or phraseCue()'s word (me, him, her, am, is, with, to, by), or
 *   authorOf()'s article (the, a, an), or givenTo()'s giving verb: the word before is in one of
 *   W_STRONG_CUE | W_BEFORE | W_GIVING;
 * - answersNameQuestion(): a token "name"/"names" at most seven tokens before it and a "?" after that
 *   one, so a "name" of ScanInput.lower (same offsets as the text) and a "?" both in that stretch;
 * - verbAfter(): a space and a person verb after it (verbStart);
 * - speakerLabel() (then a quote or dialogue(), as the word is not lastLike).
 * The other paths need the word listed or shaped (occupation before, "Randy?", vocative, listed first
 * name or surname, "Smith, John", a lower-case text), a run of two or more, the text's first word (i = 0)
 * or a possessive (relativeAfter); eponymAfter() only rejects. So when this says no, nameRun finds nothing.
 */
function contextMaybe(text: string, toks: Token[], i: number): boolean {
  const t = toks[i];
  const c = text.charCodeAt(t.end);
  if (c === 32 ? verbStart(text, t.end + 1) : c === 58 && speakerLabel(text, toks, i)) return true;
  if (classes(i - 1, W_STRONG_CUE | W_BEFORE | W_GIVING) !== 0) return true;
  const from = toks[Math.max(0, i - 7)].start;
  if (scanLower.length !== text.length) return true;
  if (nextQuestion === -2) nextQuestion = text.indexOf('?');
  while (nextQuestion >= 0 && nextQuestion < t.start) {
    lastQuestion = nextQuestion;
    nextQuestion = text.indexOf('?', nextQuestion + 1);
  }
  if (lastQuestion < from) return false;
  if (nextName === -2) nextName = scanLower.indexOf('name');
  while (nextName >= 0 && nextName < t.start) {
    lastName = nextName;
    nextName = scanLower.indexOf('name', nextName + 1);
  }
  return lastName >= from;
}

/** Token indices of the list being read by nameLists (reused across scans; only the first `m` count). */
const listItems: number[] = [];
/**
 * Lists of first names: "they had 6: leonti, terrence, pamela, donna and brian". In a list of three or
 * more single words joined by commas or "and", where at least two are listed first names, every
 * word is a name (including unlisted and lower-case ones). Ordinary words keep a list from forming.
 * Appends its candidates to `out`.
 */
function nameLists(text: string, toks: Token[], out: Candidate[]): void {
  const n = toks.length;
  const items = listItems;
  let i = 0;
  while (i < n - 1) {
    // Speed only: one character other than a comma before a word other than "and" ends a list at once.
    // Every gap that continues a list starts with a comma or a space.
    const end0 = toks[i].end;
    const c0 = text.charCodeAt(end0);
    if (c0 !== 44 && (c0 !== 32 || (toks[i + 1].start - end0 === 1 && toks[i + 1].key !== 'and'))) {
      i++;
      continue;
    }
    let m = 0;
    items[m++] = i;
    let j = i;
    // The gaps gapIs() compared (", " "," " " " & "), read by character code.
    while (j + 1 < n) {
      const a = toks[j];
      const b = toks[j + 1];
      const len = b.start - a.end;
      const c = text.charCodeAt(a.end);
      const amp = len === 3 && c === 32 && text.charCodeAt(a.end + 1) === 38 && text.charCodeAt(a.end + 2) === 32;
      if (c === 44 && (len === 1 || (len === 2 && text.charCodeAt(a.end + 1) === 32))) {
        if (b.key === 'and' && j + 2 < n && oneSpace(text, b, toks[j + 2])) j += 2;
        else j += 1;
      } else if (((len === 1 && c === 32) || amp) && b.key === 'and' && j + 2 < n && oneSpace(text, b, toks[j + 2])) {
        j += 2;
      } else if (amp) {
        j += 1;
      } else break;
      items[m++] = j;
    }
    if (m >= 3) {
      let known = 0;
      for (let q = 0; q < m; q++) if (knownFirst(items[q])) known++;
      // "our 3 founders: Monjeau, Graves and Reed": a list of title-case words announced as people.
      const announced = known < 2 && (toks[items[0]].flags & TK_TITLE) !== 0 && listAnnounced(text, toks, items[0]);
      let wordy = (known >= 2 && known * 2 >= m) || announced;
      for (let q = 0; wordy && q < m; q++) {
        const t = toks[items[q]];
        wordy =
          /^\p{L}+$/u.test(t.text) &&
          !has(items[q], W_NOT_NAME) &&
          (t.flags & TK_CAPS) === 0 &&
          (!announced || (t.flags & TK_TITLE) !== 0);
      }
      if (wordy) {
        const reason = announced ? 'list of names after a plural of people' : 'list of first names';
        for (let q = 0; q < m; q++) {
          const t = toks[items[q]];
          out.push({ start: t.start, end: t.end, category: 'NAME', confidence: 0.7, reason });
        }
      }
    }
    i = j + 1;
  }
}

/** Plural words for people that may announce a list of their names after a colon. */
const PEOPLE_PLURALS = new Set([
  'founders',
  'authors',
  'members',
  'attendees',
  'participants',
  'patients',
  'residents',
  'nurses',
  'doctors',
  'physicians',
  'speakers',
  'panelists',
  'students',
  'children',
  'kids',
  'siblings',
  'sons',
  'daughters',
  'parents',
  'grandparents',
  'friends',
  'guests',
  'contacts',
  'caregivers',
]);

/** Whether the list starting at token k follows "<people>: " ("founders: ...", "Attendees: ..."). */
function listAnnounced(text: string, toks: Token[], k: number): boolean {
  const p = tokenAt(toks, k - 1);
  return p !== undefined && PEOPLE_PLURALS.has(p.key) && gapIs(text, p, toks[k], ': ');
}

/**
 * "Patient", "Pt" or "Client": capitalised, these announce the name after them (person-name's walk) and
 * label it before a colon (nameRun's cue), where other capitalised cue words would open a run.
 */
function patientWord(t: Token): boolean {
  return t.key === 'patient' || t.key === 'pt' || t.key === 'client';
}

/**
 * Whether token t, which is not title case, all capitals or an initial, has the key "and", "name" or
 * "names" (the skip test of person-name's walk). Such a token starts with a lower-case a or n (an
 * upper-case first letter would make it one of those), so most tokens are answered by one character.
 */
function andOrName(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return (c === 97 || c === 110) && (t.key === 'and' || t.key === 'name' || t.key === 'names');
}

/**
 * A name typed in lower case after a name label in a text with capitals: "Pt name: lucas fernandes",
 * "her name is ana". (In a text without capitals the main walk reads these; in one with capitals it skips
 * lower-case words, as a name there is nearly always capitalised.) Only after "name:" / "names:" (a colon
 * label) or "name is": a lower-case word after "name" alone is seldom a name ("brand name ibuprofen",
 * "file name"), and the first word must be a listed first name or surname ("name: string" in code is
 * not). Up to three lower-case words, none a stop word or listed as no name. `k` is the label's token
 * ("name" or "names": the main walk's skip test lets them through for this). Appends its candidate to
 * `out`.
 */
function namedLowerCase(text: string, toks: Token[], k: number, out: Candidate[]): void {
  const n = toks.length;
  if (k + 1 >= n) return;
  const label = toks[k];
  let i = k + 1;
  if (text.charCodeAt(label.end) === 58) {
    if (!gapOf(text, label.end, toks[i].start, false)) return;
  } else if (
    toks[i].key === 'is' &&
    oneSpace(text, label, toks[i]) &&
    i + 1 < n &&
    oneSpace(text, toks[i], toks[i + 1])
  )
    i++;
  else return;
  const t = toks[i];
  // The first word a listed name: "name: string" in code, "name: nurse" in a config are not.
  if (!lowerWord(text, t, 2) || has(i, W_NOT_NAME | W_LOWER_STOP) || !(knownFirst(i) || knownLast(i))) return;
  lowerNameRun(text, toks, i, out);
}

/**
 * A lower-case name after a cue, from toks[i]: it and up to two more lower-case words after a space (or
 * ". "), none a stop word or listed as no name ("follow up with ann b. roe"). Appends the candidate to
 * `out` and returns the index after its last word.
 */
function lowerNameRun(text: string, toks: Token[], i: number, out: Candidate[]): number {
  const n = toks.length;
  let k = i + 1;
  while (
    k < n &&
    k < i + 3 &&
    spaceOrDotSpace(text, toks[k - 1].end, toks[k].start) &&
    (lowerWord(text, toks[k], 1) || lowerJoined(text, toks[k])) &&
    !has(k, W_NOT_NAME | W_LOWER_STOP)
  )
    k++;
  out.push({
    start: toks[i].start,
    end: endOf(text, toks[k - 1]),
    category: 'NAME',
    confidence: 0.75,
    reason: 'name after a cue word',
  });
  return k;
}

/** Determiners that open an apposition after a name: "Anna Roe, the charge nurse, said". */
const APPOSITION_DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'his', 'her', 'their', 'your']);
/** Care roles an apposition may name, beside the occupations (ROLE_NOUNS) and relations (STRONG_CUES). */
const CARE_ROLES = new Set([
  'nurse',
  'doctor',
  'physician',
  'surgeon',
  'pharmacist',
  'therapist',
  'physiotherapist',
  'dietitian',
  'midwife',
  'paramedic',
  'chaplain',
  'caseworker',
  'psychologist',
  'psychiatrist',
  'neighbor',
  'neighbour',
  'roommate',
  'friend',
  'teacher',
  'manager',
  'engineer',
]);

/**
 * "Hijacinta Godina, the technical writer, said", "Anna Roe, her daughter, called": the run (ending before
 * token j) is followed by a comma and a phrase of up to three words, on one line, whose determiner opens
 * it and one of whose words names a role or a relation.
 */
function roleAfter(text: string, toks: Token[], j: number): boolean {
  const d = toks[j];
  if (d === undefined || !gapIs(text, toks[j - 1], d, ', ') || !APPOSITION_DETERMINERS.has(d.key)) return false;
  for (let k = j + 1; k < Math.min(toks.length, j + 4) && oneSpace(text, toks[k - 1], toks[k]); k++) {
    if (has(k, W_ROLE | W_STRONG_CUE) || CARE_ROLES.has(toks[k].key)) return true;
  }
  return false;
}

/** Person nouns a name may stand in apposition to: "a 35-year-old female, Keoni Kahale, was seen". */
const PERSON_NOUNS = new Set([
  ...SEX_WORDS,
  'gentleman',
  'lady',
  'patient',
  'pt',
  'infant',
  'toddler',
  'child',
  'teen',
  'teenager',
  'adolescent',
  'veteran',
]);

/**
 * "a 35-year-old female, Keoni Kahale, referred by ...": a run of two or three title-case words set off by
 * commas (or ended by a bracket or the sentence) right after a person noun. No word of the run may be a
 * non-name, eponym, city, state, role or person word ("a 50-year-old man, Chronic Kidney Disease, on
 * dialysis", "a 30-year-old male, Army Veteran, with PTSD").
 */
function personBefore(text: string, toks: Token[], i: number, run: number): boolean {
  if (run > 3 || i < 1 || !gapIs(text, toks[i - 1], toks[i], ', ') || !PERSON_NOUNS.has(toks[i - 1].key)) return false;
  for (let k = i; k < i + run; k++) {
    const tk = toks[k];
    if (
      (tk.flags & TK_TITLE) === 0 ||
      classes(k, W_NOT_NAME | W_EPONYM | W_CITY | W_STATE | W_ROLE | W_STRONG_CUE) !== 0 ||
      PERSON_NOUNS.has(tk.key) ||
      CARE_ROLES.has(tk.key)
    )
      return false;
  }
  const c = text.charCodeAt(toks[i + run - 1].end);
  return (
    c === 44 ||
    c === 46 ||
    c === 63 ||
    c === 33 ||
    c === 59 ||
    Number.isNaN(c) ||
    (c === 32 && text.charCodeAt(toks[i + run - 1].end + 1) === 40)
  );
}

/** A lower-case ASCII word joined by an apostrophe or hyphen: "o'brien", "smith-jones" (not a possessive). */
function lowerJoined(text: string, t: Token): boolean {
  if ((t.flags & TK_POSSESSIVE) !== 0) return false;
  let joins = 0;
  for (let k = t.start; k < t.end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) continue;
    if (c !== 39 && c !== 0x2019 && c !== 45) return false;
    joins++;
  }
  return joins > 0;
}

/**
 * "my name is X", "call me X": phrases after which any word is a name. (Here and below, a token before
 * the first is read as undefined by an index test, not as toks[-1]: V8 reads a negative index as a named
 * property, a slow generic lookup.)
 */
function namingPhrase(toks: Token[], i: number): boolean {
  const p1 = tokenAt(toks, i - 1)?.key;
  const p2 = tokenAt(toks, i - 2)?.key;
  return (p1 === 'is' && (p2 === 'name' || p2 === 'names')) || (p1 === 'me' && (p2 === 'call' || p2 === 'calls'));
}

/**
 * Two-word cues before a name: "call me X", "calls me X", "I am X", "name is X", "directed by X", "letter
 * for X".
 */
function phraseCue(toks: Token[], i: number): boolean {
  const p1 = tokenAt(toks, i - 1)?.key;
  const p2 = tokenAt(toks, i - 2)?.key;
  if (p1 === 'me' && (p2 === 'call' || p2 === 'calls' || p2 === 'called')) return true;
  // "She named him Frank", "they called her Ada".
  if ((p1 === 'him' || p1 === 'her') && (p2 === 'named' || p2 === 'called' || p2 === 'call')) return true;
  if ((p1 === 'am' && p2 === 'i') || (p1 === 'is' && (p2 === 'name' || p2 === 'names'))) return true;
  if (p1 === 'with' && (p2 === 'up' || p2 === 'speak' || p2 === 'meet' || p2 === 'appointment' || p2 === 'talk'))
    return true;
  if ((p1 === 'to' || p1 === 'with') && (p2 === 'speak' || p2 === 'talk' || p2 === 'spoke' || p2 === 'talked'))
    return true;
  // "a letter for Ngozi Adeyemi", "discharge summary for ...": a document written for a patient.
  if (
    p1 === 'for' &&
    (p2 === 'letter' || p2 === 'note' || p2 === 'referral' || p2 === 'appeal' || p2 === 'summary' || p2 === 'consult')
  )
    return true;
  return (
    p1 === 'by' && (p2 === 'directed' || p2 === 'written' || p2 === 'performed' || p2 === 'signed' || p2 === 'referred')
  );
}

/** "What's your last name? Nielsen", "the name on the account? User: Eve Magrath": the answer to a name question. */
function answersNameQuestion(text: string, toks: Token[], i: number): boolean {
  // Up to three words back, or seven after a speaker label ("... the account? User: Eve Roe").
  const far = text.charCodeAt(toks[i].start - 2) === 58;
  for (let k = i - 1; k >= Math.max(0, i - (far ? 7 : 3)); k--) {
    if (toks[k].key === 'name' || toks[k].key === 'names') {
      // /\?/ on the text between them
      for (let j = toks[k].end; j < toks[i].start; j++) if (text.charCodeAt(j) === 63) return true;
      return false;
    }
  }
  return false;
}

/** "Aloisia, can I please speak to ...": a listed name at the start of a sentence, addressed. */
function vocative(text: string, toks: Token[], i: number, run: number): boolean {
  return /^, (?:can|could|would|will|please|do|did|are|is|have|what|where|when|how|i|we|you|thanks|thank)\b/i.test(
    text.slice(toks[i + run - 1].end, toks[i + run - 1].end + 10),
  );
}

/** Words that open a request without addressing anyone by name: "Hey, can you ...". */
const INTERJECTIONS = new Set([
  'hey',
  'okay',
  'ok',
  'so',
  'well',
  'now',
  'also',
  'sorry',
  'first',
  'next',
  'then',
  'again',
  'finally',
  'honestly',
  'actually',
  'quick',
  'quickly',
  'listen',
  'look',
  'wait',
  'alright',
  'right',
  'great',
  'cool',
  'sure',
  'oh',
  'chatgpt',
  'gpt',
  'ai',
  'bot',
  'assistant',
  'computer',
  'team',
  'guys',
  'folks',
  'everyone',
  'all',
  'friends',
  'sir',
  'madam',
  'doc',
  'boss',
  'excuse',
  'pardon',
  'perfect',
  'good',
  'nice',
  'fine',
  'understood',
  'noted',
  'agreed',
  'question',
  'today',
  'tomorrow',
  'yesterday',
  'here',
  'there',
  'otherwise',
  'additionally',
  'lastly',
  'besides',
  'meanwhile',
  'however',
]);

/** Verbs that, right after a capitalised run, make it a person: "Trivo lives on ...", "says Gerste." */
const PERSON_VERBS =
  /^ (?:lives|lived|is from|was born|spent|says|said|had given|has given|works|worked|told|asked|wrote|called|married|died|began|shouted|started|joined|just has|has to|had to|is a (?:college|high school|nurse|doctor|patient|student))\b/;
/**
 * The first three characters of PERSON_VERBS' alternatives (after their space), by code: a-z as 0-25,
 * a space as 26. verbStart() looks them up before the regex runs.
 */
const VERB_STARTS = new Uint8Array(27 * 27 * 27);
/** 0-25 for a-z, 26 for a space, else -1. */
function verbCode(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c === 32 ? 26 : -1;
}
for (const w of 'liv|is |was|spe|say|sai|had|has|wor|tol|ask|wro|cal|mar|die|beg|sho|sta|joi|jus'.split('|'))
  VERB_STARTS[(verbCode(w.charCodeAt(0)) * 27 + verbCode(w.charCodeAt(1))) * 27 + verbCode(w.charCodeAt(2))] = 1;
/** text[at, at + 3) starts one of PERSON_VERBS' alternatives (after its space). */
function verbStart(text: string, at: number): boolean {
  // (Past the end, charCodeAt gives NaN, and verbCode -1.)
  const a = verbCode(text.charCodeAt(at));
  const b = verbCode(text.charCodeAt(at + 1));
  const c = verbCode(text.charCodeAt(at + 2));
  return a >= 0 && b >= 0 && c >= 0 && VERB_STARTS[(a * 27 + b) * 27 + c] === 1;
}
function verbAfter(text: string, toks: Token[], j: number): boolean {
  const last = toks[j - 1];
  // Every PERSON_VERBS alternative starts with a space and one of VERB_STARTS.
  return (
    !!last &&
    (last.flags & TK_POSSESSIVE) === 0 &&
    text.charCodeAt(last.end) === 32 &&
    verbStart(text, last.end + 1) &&
    // (A slice and an anchored regex: a sticky regex on the whole text measured 3x slower.)
    PERSON_VERBS.test(text.slice(last.end, last.end + 24))
  );
}

/** Works that are named after their author or performer: "the Roe novel", "a Jan Roe concert". */
const WORKS = new Set([
  'novel',
  'novels',
  'poem',
  'poems',
  'memoir',
  'biography',
  'concert',
  'concerts',
  'album',
  'song',
  'songs',
]);
/** Capitalised words that name an occasion rather than a person: "the Christmas concert". */
const OCCASIONS = new Set([
  'christmas',
  'easter',
  'holiday',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'halloween',
  'thanksgiving',
  'graduation',
  'anniversary',
  'farewell',
  'charity',
  'benefit',
  'reunion',
  'live',
]);
/** "the Roe novel", "a Jan Roe concert": one or two capitalised words between an article and a work. */
function authorOf(toks: Token[], i: number, run: number): boolean {
  const prev = tokenAt(toks, i - 1)?.key;
  return (
    run <= 2 &&
    (prev === 'the' || prev === 'a' || prev === 'an') &&
    i + run < toks.length &&
    has(i + run, W_WORK) &&
    (toks[i].flags & TK_TITLE) !== 0 &&
    !has(i, W_OCCASION | W_CITY | W_STATE)
  );
}

/** "had given Alma his address", "told Ann her results": a person between a giving verb and a possessive. */
const GIVING = new Set([
  'gave',
  'given',
  'give',
  'gives',
  'told',
  'tell',
  'tells',
  'showed',
  'shown',
  'show',
  'sent',
  'send',
  'handed',
  'offered',
  'lent',
  'asked',
]);
function givenTo(toks: Token[], i: number, run: number): boolean {
  const next = toks[i + run]?.key;
  return run <= 2 && i > 0 && (next === 'his' || next === 'her' || next === 'their') && has(i - 1, W_GIVING);
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
  return !!last && (last.flags & TK_POSSESSIVE) !== 0 && lastIdx + 1 < toks.length && has(lastIdx + 1, W_FAMILY);
}

/** "Carla: You saved my life!": a capitalised word alone at the start of a line, then a colon. */
function speakerLabel(text: string, toks: Token[], i: number): boolean {
  const t = toks[i];
  if (text.charCodeAt(t.end) !== 58) return false;
  if (i === 0) return true;
  // /\n\s*$/ on the gap before it: a line break among the white space that ends the gap.
  for (let j = t.start - 1; j >= toks[i - 1].end; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (!isSpace(c)) return false;
  }
  return false;
}

/** Number of consecutive name words starting at i (max 4). */
function takeRun(text: string, toks: Token[], i: number): number {
  let n = 0;
  // (Particles may take a run past four words: "Ana Paula Rodrigues dos Santos".)
  let afterParticle = false;
  while (i + n < toks.length && (n < 4 || afterParticle)) {
    afterParticle = false;
    const t = toks[i + n];
    if (!isNameWord(i + n) && !innerInitial(text, toks, i + n, n)) {
      // "Willemine ten Pas", "Maika van de Noort": particles between a first name and a surname.
      const p = n > 0 ? particles(text, toks, i + n) : 0;
      // (A weaker particle, "de", "dos", "la", needs the run to be a name already: a listed first name
      // before it, two words, or a title before the run: "Dr. Gutiérrez de la Fuente".)
      if (
        p > 0 &&
        n + p < 5 &&
        (has(i + n, W_STRONG_PARTICLE) || knownFirst(i + n - 1) || n >= 2 || (i > 0 && has(i - 1, W_TITLE)))
      ) {
        n += p;
        afterParticle = true;
        continue;
      }
      if (!(n === 0 && t.key === 'jan' && (t.flags & TK_TITLE) !== 0 && toks[i + 1] && lastLike(i + 1))) break; // "Jan Jílek"
    }
    if (n > 0 && !joins(text, toks, i + n - 1)) break;
    n++;
    if ((toks[i + n - 1].flags & TK_POSSESSIVE) !== 0) break;
  }
  return n;
}

/**
 * What follows a patient's name in a note: an age with sex or "yo" ("83F", "44 M", "70yo", "55-year-old"),
 * a birth or death date label, a record number label, "born": after an optional comma, colon or dash
 * and an opening bracket. Sticky at the run's end. The sex letter is a capital (not "38 m" of metres).
 */
const RECORD_AFTER =
  /[,;:]?[ \t]{0,2}(?:[—–-][ \t]?)?[([]?[ \t]?(?:(?:DOB|D\.O\.B\.?|DOD|MRN|[Dd]ob|mrn|born)\b|(?:1[01]\d|[1-9]?\d)[ \t]?(?:[MF]\b|yo\b|y\/o\b|y\.o\.|-?years?-old\b|[ -]year[ -]old\b))/y;
/** ", 50," or ", 7;" after a run: an age written bare, between commas (sticky at the comma). */
const BARE_AGE = /, (?:1[01]\d|[1-9]?\d)[,;]/y;
function bareAgeAfter(text: string, at: number): boolean {
  BARE_AGE.lastIndex = at;
  return BARE_AGE.test(text);
}
function recordAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  // The first character after the run: , ; : space tab dash bracket, or the age's digit / the label's letter.
  if (
    !(c === 44 || c === 32 || c === 40 || c === 58 || c === 59 || c === 9 || c === 0x2014 || c === 0x2013 || c === 45)
  )
    return false;
  RECORD_AFTER.lastIndex = at;
  return RECORD_AFTER.test(text);
}

/**
 * A name in capitals, as clinicians write in all-caps notes and forms: "PT SIOSAIA FIFITA 45M", "PT:
 * WANJIRU KAMAU 33F", "HOSSAIN, ROKIBUL — 63M", "LUCIA FERNANDEZ-MORALES DOB ...", "Pt: BIN SALEH,
 * Omar.". Two or three capitalised words (letters only, none a listed non-name word), space-joined, or
 * two joined by ", "; then an age, birth date or record label (recordAfter) and, unless the pair is
 * comma-joined, a patient cue before them or a line start and a listed name among them; or a patient cue before and ", " with a
 * title-case first name after. Capitals alone say nothing (headings, acronyms), so the cue is required.
 * Appends the candidate and returns the index after it, or returns i.
 */
function capsName(text: string, toks: Token[], i: number, out: Candidate[]): number {
  const n = toks.length;
  let k = i;
  let comma = false;
  while (k < n && k - i < 3) {
    const t = toks[k];
    if ((t.flags & TK_CAPS) === 0 || (t.flags & TK_DIGIT) !== 0 || has(k, W_NOT_NAME | W_TITLE | W_CUE)) break;
    k++;
    if (k < n && k - i < 3) {
      if (oneSpace(text, t, toks[k])) continue;
      if (!comma && k - i === 1 && gapIs(text, t, toks[k], ', ') && (toks[k].flags & TK_CAPS) !== 0) {
        comma = true;
        continue;
      }
    }
    break;
  }
  const words = k - i;
  if (words < 2 || (comma && words !== 2)) return i;
  const last = toks[k - 1];
  const p = tokenAt(toks, i - 1);
  const cued = p !== undefined && gapOf(text, p.end, toks[i].start, false) && has(i - 1, W_STRONG_CUE);
  const lineStart = p === undefined || hasNewline(text, p.end, toks[i].start);
  let end = last.end;
  let after = k;
  if (recordAfter(text, last.end)) {
    // (At a line start without a cue, a listed name among the words: not "CHEST PAIN, 45M".)
    if (!(comma || cued || (lineStart && (knownFirst(i) || knownLast(i) || knownLast(k - 1))))) return i;
  } else if (
    cued &&
    !comma &&
    k < n &&
    gapIs(text, last, toks[k], ', ') &&
    (toks[k].flags & TK_TITLE) !== 0 &&
    isNameWord(k)
  ) {
    end = endOf(text, toks[k]);
    after = k + 1;
  } else return i;
  out.push({ start: toks[i].start, end, category: 'NAME', confidence: 0.8, reason: 'name in capitals' });
  return after;
}

/**
 * Drops runs that name a place of several words, or that make one with the word before: "Puerto Rico",
 * "(West) Virginia", "(South) Korea". A single word alone stays: "Georgia" and "Jordan" are names too.
 */
function dropAreas(out: Candidate[]): void {
  let w = 0;
  for (const c of out) {
    let area = false;
    // (Cheap character tests first: this runs on every name a scan finds.)
    const space = scanLower.indexOf(' ', c.start);
    if (space >= 0 && space < c.end) {
      const name = scanLower.slice(c.start, c.end);
      area = WIDE_AREAS.has(name) || STATE_NAMES.has(name);
    }
    if (!area && c.start > 1 && scanLower.charCodeAt(c.start - 1) === 32) {
      // The word before, if it is short and all letters.
      let b = c.start - 1;
      while (b > 0 && c.start - b <= 8 && isAsciiLower(scanLower.charCodeAt(b - 1))) b--;
      if (b < c.start - 1 && (b === 0 || !isAsciiLower(scanLower.charCodeAt(b - 1)))) {
        const before = scanLower.slice(b, c.start - 1);
        if (AREA_WORDS_BEFORE.has(before)) {
          const name = `${before} ${scanLower.slice(c.start, c.end)}`;
          area = STATE_NAMES.has(name) || WIDE_AREAS.has(name);
        }
      }
    }
    // "Rocky Mountain spotted fever", "Shenandoah Valley": a word before a landform names the landform.
    if (!area && scanLower.charCodeAt(c.end) === 32 && LANDFORM_FIRST.includes(scanLower[c.end + 1]))
      area = LANDFORM_AFTER.test(scanLower.slice(c.end, c.end + 12));
    if (!area) out[w++] = c;
  }
  out.length = w;
}
const LANDFORM_FIRST = 'mvcpdi';
const LANDFORM_AFTER = /^ (?:mountains?|valley|canyon|creek|peninsula|desert|islands?)\b/;
const AREA_WORDS_BEFORE = new Set([
  'new',
  'west',
  'east',
  'north',
  'south',
  'central',
  'rhode',
  'saudi',
  'sri',
  'costa',
  'sierra',
  'el',
  'puerto',
]);

/**
 * Drops the names of researchers credited with a piece of work: "the trial by Ann Roe", "work by A and
 * B", "A and B's 1921 discovery". They are public figures cited, not people in care. Names joined by
 * "and" go together.
 */
function dropAuthors(out: Candidate[]): void {
  let drop: boolean[] | undefined;
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    const d = k + 1 < out.length ? out[k + 1] : undefined;
    const andNext = d !== undefined && d.start - c.end === 5 && scanLower.startsWith(' and ', c.end);
    // (Cheap character tests first: this runs on every name a scan finds.)
    const by =
      c.start >= 3 &&
      scanLower.startsWith('by ', c.start - 3) &&
      BY_AUTHOR.test(scanLower.slice(Math.max(0, c.start - 48), c.start));
    // After the name (or, for the first of "A and B", after B): "'s ... discovery".
    const after = andNext && !by ? d.end : c.end;
    const cited = by || (possessiveAt(after) && AUTHORS_WORK.test(scanLower.slice(after, after + 48)));
    if (cited && !TITLED.test(scanLower.slice(c.start, c.start + 4))) {
      drop ??= [];
      drop[k] = true;
    }
    if (by && andNext && !TITLED.test(scanLower.slice(d.start, d.start + 4))) {
      drop ??= [];
      drop[k + 1] = true;
    }
  }
  if (drop === undefined) return;
  let w = 0;
  for (let k = 0; k < out.length; k++) if (!drop[k]) out[w++] = out[k];
  out.length = w;
}
function possessiveAt(at: number): boolean {
  const c = scanLower.charCodeAt(at);
  return c === 39 || c === 0x2019;
}
/**
 * A piece of work, then "by", right before a name. Not a patient's record ("sleep study read by", "chart
 * review by"): only research words, with at most one word between ("the 1998 trial by", "work by").
 */
const BY_AUTHOR =
  /\b(?:studies|work|trial|paper|papers|research|discovery|discoveries|experiment|experiments|article|book|theory|discovered|proposed|pioneered|invented|coined|published|popularized|popularised|formulated)(?: [a-z0-9-]+)? by $|\bstudy by $/;
/**
 * After a name: "'s", perhaps a year and up to two words, then a discovery ("Banting and Best's 1921
 * insulin discovery"). Not "work", "study" or "findings", which a patient has too ("Ann Roe's work note").
 */
const AUTHORS_WORK =
  /^(?:'s|’s) (?:\d{4} )?(?:[a-z0-9-]+ ){0,2}(?:discovery|discoveries|experiment|experiments|theory|hypothesis|nobel)\b/;
/** A name written with a title is a person in care or a clinician, never dropped as an author. */
const TITLED = /^(?:dr|mr|mrs|ms|miss|mx)\b/;

function eponymAfter(text: string, toks: Token[], j: number, single: boolean): boolean {
  const next = toks[j];
  return (
    next !== undefined &&
    (has(j, W_EPONYM) ||
      (single &&
        oneSpace(text, toks[j - 1], next) &&
        (diseaseWord(text, next) || scoreSum(text, next) || next.key === 'grade'))) &&
    !tokenIs(toks[j - 1], TK_INITIAL) &&
    // An eponym's noun follows it on the same line, in the same phrase: "Amara Okafor, fever x5d" is a name.
    spacesOnly(text, toks[j - 1].end, next.start)
  );
}

/** A score written as a sum after an eponym: "Gleason 3+4", "Gleason 4 + 3". */
const SCORE_SUM = /\d ?\+ ?\d/y;
function scoreSum(text: string, t: Token): boolean {
  if ((t.flags & TK_DIGIT) === 0) return false;
  SCORE_SUM.lastIndex = t.start;
  return SCORE_SUM.test(text);
}

/** Whether text[from, to) is one or more spaces or tabs. */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * A lower-case word of 6+ letters with a disease-name ending ("Hashimoto thyroiditis", "Wegener
 * granulomatosis", "Burkitt lymphoma", "Morton neuralgia", "Leber neuropathy"): after a run of one
 * capitalised word and one space, it makes the word an eponym. Lower case only, so a name ("Anna Paloma")
 * is never one; one word only, so a full name before a diagnosis in shorthand ("Anna Roe appendicitis")
 * stays a name.
 */
const DISEASE_END = /(?:itis|osis|oma|a?emia|pathy|plasia|trophy|algia)$/;
function diseaseWord(text: string, t: Token): boolean {
  return (t.flags & TK_PLAIN) !== 0 && t.end - t.start >= 6 && startsLower(text, t) && DISEASE_END.test(t.key);
}

/** End of a name token, with the full stop of a final initial ("John L.") but not a possessive. */
function endOf(text: string, t: Token): number {
  const end = wordEnd(t);
  return (t.flags & TK_INITIAL) !== 0 && text[end] === '.' ? end + 1 : end;
}

/**
 * An initial written without its full stop inside a name: "Martim A Pereira" (after a listed first
 * name), "codey m ross" in a text without capitals. Not the words "a" and "i" of a lower-case text.
 */
function innerInitial(text: string, toks: Token[], k: number, n: number): boolean {
  const t = toks[k];
  const next = toks[k + 1];
  if (n === 0 || (t.flags & TK_INITIAL) === 0 || !next || !isNameWord(k + 1) || (next.flags & TK_INITIAL) !== 0)
    return false;
  // t.text is one character (an initial).
  if (lowerText)
    return (
      startsLower(text, t) &&
      ((t.flags & TK_DOT) !== 0 || (t.text !== 'a' && t.text !== 'i') || (knownFirst(k - 1) && lastLike(k + 1)))
    );
  return (t.flags & TK_DOT) === 0 && startsUpper(t.text) && knownFirst(k - 1) && (next.flags & TK_TITLE) !== 0;
}

/** Generational and professional suffixes that belong to a name: "Kevin Roe II", "Ann Roe MD". */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'dds', 'dmd', 'phd', 'dvm', 'rn', 'esq']);
/** End of the name ending at token k, with a following suffix ("Jr.", "II", ", MD"). */
function suffixEnd(text: string, toks: Token[], k: number): number {
  const last = toks[k];
  const next = toks[k + 1];
  if (
    next &&
    (last.flags & TK_POSSESSIVE) === 0 &&
    (next.flags & (TK_CAPS | TK_TITLE)) !== 0 &&
    has(k + 1, W_SUFFIX) &&
    // /^,? $/ on the gap
    (next.start - last.end === 1
      ? text.charCodeAt(last.end) === 32
      : next.start - last.end === 2 && text.charCodeAt(last.end) === 44 && text.charCodeAt(last.end + 1) === 32)
  )
    return (next.flags & TK_DOT) !== 0 && next.key.length <= 3 ? next.end + 1 : next.end;
  return endOf(text, last);
}

/** "Ubul: What a wife.\nNicole: ...": a line-start label in a dialogue whose next line is spoken by a listed first name. */
function dialogue(text: string, t: Token): boolean {
  const nl = text.indexOf('\n', t.end);
  if (nl < 0 || nl - t.end > 200) return false;
  const m = /^[ \t>]*(\p{Lu}\p{Ll}+):/u.exec(text.slice(nl + 1, nl + 40));
  return !!m && ((wordClasses().get(m[1].toLowerCase()) ?? 0) & W_FIRST) !== 0;
}

const STRONG_PARTICLES = new Set(['van', 'von', 'ten', 'ter']);
/** Number of lower-case particle tokens at k (one or two) followed by a capitalised word, all space-joined; else 0. */
function particles(text: string, toks: Token[], k: number): number {
  let p = 0;
  // PARTICLES.has(text) is: the key is a particle and the text is its own key (lower case, no possessive).
  while (
    p < 2 &&
    k + p < toks.length &&
    oneSpace(text, toks[k + p - 1], toks[k + p]) &&
    mayBeParticle(text, toks[k + p]) &&
    has(k + p, W_PARTICLE) &&
    toks[k + p].text === toks[k + p].key
  )
    p++;
  const next = toks[k + p];
  return p > 0 && tokenIs(next, TK_TITLE) && oneSpace(text, toks[k + p - 1], next) ? p : 0;
}
/** The first letters of PARTICLES, as bits by code - 97. */
const PARTICLE_FIRSTS = [...'vtdlabiz'].reduce((m, ch) => m | (1 << (ch.charCodeAt(0) - 97)), 0);
/**
 * Cheap test that token t of `text` may be a particle written as its own key (every particle has 2-5
 * letters, the first in PARTICLE_FIRSTS): the word after each capitalised run is asked about, and most are
 * not worth a lookup. Read from the text, not the key (see tokens.ts keyLength): the caller also asks that
 * the text be its own key, so their first characters agree then. (A code outside a-z may pass, by the
 * shift's wrap-around: has() decides then.)
 */
function mayBeParticle(text: string, t: Token): boolean {
  return keyLength(t) <= 5 && ((PARTICLE_FIRSTS >>> (text.charCodeAt(t.start) - 97)) & 1) === 1;
}
const PARTICLES = new Set([
  'van',
  'von',
  'ten',
  'ter',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'do',
  'los',
  'las',
  'du',
  'zu',
  'le',
  'la',
  'al',
  'bin',
  'ibn',
]);
/**
 * The first line of a contact block or signature: "Ann Roe\nAcme Inc.\n12 Elm St ...". A line of two
 * to five name words at the very start of the text, followed by lines with digits (an address, a
 * phone), that has some sign of a name: a listed or name-shaped word, a particle ("van de"), the
 * same words in an e-mail address, or the line repeated below.
 */
function headerName(text: string, toks: Token[]): Candidate | undefined {
  if (toks.length < 3) return undefined;
  // /^[\s>?]*$/ on the text before the first token
  for (let j = 0; j < toks[0].start; j++) {
    const c = text.charCodeAt(j);
    if (!(isSpace(c) || c === 62 || c === 63)) return undefined;
  }
  let n = 0;
  while (n < toks.length && n < 6 && !hasNewline(text, toks[n].end, toks[n + 1]?.start ?? text.length)) {
    if (n > 0 && !spaceOrDotSpace(text, toks[n - 1].end, toks[n].start)) return undefined;
    n++;
  }
  n++;
  if (n < 2 || n > 5 || n >= toks.length) return undefined;
  // /\d/ on the 400 characters after the line (the test below), first: most first lines have none.
  const lineEnd = toks[n - 1].end;
  let digit = false;
  for (let j = lineEnd; j < lineEnd + 400 && j < text.length && !digit; j++) {
    const c = text.charCodeAt(j);
    digit = c >= 48 && c <= 57;
  }
  if (!digit) return undefined;
  const words = toks.slice(0, n);
  const caseOk = words.every(
    (w) =>
      (w.flags & TK_DIGIT) === 0 &&
      !NOT_NAME.has(w.key) &&
      (w.flags & TK_POSSESSIVE) === 0 &&
      ((w.flags & (TK_TITLE | TK_INITIAL)) !== 0 ||
        PARTICLES.has(w.key) ||
        (/^\p{Ll}/u.test(w.text) && w.key.length > 1)),
  );
  const lower = words.every((w) => /^\p{Ll}/u.test(w.text));
  if (
    !caseOk ||
    (!lower && (words[0].flags & TK_TITLE) === 0) ||
    (words[n - 1].flags & TK_INITIAL) !== 0 ||
    PARTICLES.has(words[n - 1].key)
  )
    return undefined;
  // The cheap sign first; the slices only when it fails.
  if (
    !words.some(
      (w, k) =>
        ((w.flags & TK_INITIAL) === 0 && nameLike(k)) ||
        PARTICLES.has(w.key) ||
        ((w.flags & TK_INITIAL) !== 0 && k > 0),
    )
  ) {
    const rest = text.slice(lineEnd, lineEnd + 400);
    const line = text.slice(words[0].start, words[n - 1].end);
    if (
      !rest.includes(line) &&
      !(rest.includes('@') && rest.toLowerCase().includes(`${words.map((w) => w.key).join('')}@`))
    )
      return undefined;
  }
  return {
    start: words[0].start,
    end: words[n - 1].end,
    category: 'NAME',
    confidence: 0.7,
    reason: 'name heading a contact block',
  };
}

/**
 * "Marrero and Murphy", "Kónya, Becker and Vasquez": single capitalised words coordinated with a
 * name are names too. One member must be a name (found, listed or name-shaped).
 */
function coordinated(text: string, toks: Token[], found: Candidate[], ands: number[], count: number): Candidate[] {
  const out: Candidate[] = [];
  let f = 0;
  const isFound = (t: Token) => {
    while (f > 0 && found[f - 1].start > t.start) f--;
    while (f < found.length && found[f].end <= t.start) f++;
    return f < found.length && found[f].start <= t.start && found[f].end >= t.end;
  };
  const single = (k: number) => {
    const t = toks[k];
    if (!tokenIs(t, TK_TITLE) || has(k, W_NOT_NAME | W_CITY | W_STATE)) return false;
    const p = tokenAt(toks, k - 1);
    const q = toks[k + 1];
    return (
      !(p !== undefined && (p.flags & TK_TITLE) !== 0 && oneSpace(text, p, t)) &&
      !(q !== undefined && (q.flags & TK_TITLE) !== 0 && oneSpace(text, t, q))
    );
  };
  for (let a = 0; a < count; a++) {
    const j = ands[a];
    if (j < 1 || j + 1 >= toks.length || text.slice(toks[j - 1].end, toks[j].start) !== ' ') continue;
    if (text.slice(toks[j].end, toks[j + 1].start) !== ' ' || !single(j - 1) || !single(j + 1)) continue;
    if (eponymAfter(text, toks, j + 2, true)) continue; // "Kernig and Brudzinski signs"
    const members = [j - 1, j + 1];
    // Earlier members of a list: "Kónya, Becker and ...".
    for (let k = j - 2; k >= 1 && text.slice(toks[k].end, toks[k + 1].start) === ', ' && single(k); k--) {
      members.push(k);
    }
    if (!members.some((k) => nameLike(k) || isFound(toks[k]))) continue;
    for (const k of members) {
      const t = toks[k];
      out.push({
        start: t.start,
        end: endOf(text, t),
        category: 'NAME',
        confidence: 0.6,
        reason: 'coordinated with a name',
      });
    }
  }
  return out;
}

const NONE: readonly Candidate[] = [];
/** mentionedAgain's marks of the tokens covered by a name (all 0 between calls). */
let covered = new Uint8Array(256);
/** A name found once is a name wherever it is written again the same way ("... early Roe?"). */
function mentionedAgain(toks: Token[], found: Candidate[]): readonly Candidate[] {
  // The keys first (most scans have none, and then no set is made), then the tokens the names cover.
  let keys: Set<string> | undefined;
  for (const c of found) {
    if (c.confidence < 0.6) continue;
    for (let k = tokenFrom(toks, c.start); k >= 0 && k < toks.length && toks[k].start < c.end; k++) {
      const t = toks[k];
      // Listed names are found wherever they stand; the shaped ones need the first mention.
      if (
        (t.flags & TK_INITIAL) === 0 &&
        !knownFirst(k) &&
        !knownLast(k) &&
        !has(k, W_TITLE | W_NOT_NAME) &&
        shaped(k)
      ) {
        keys ??= new Set<string>();
        keys.add(t.key);
      }
    }
  }
  if (keys === undefined) return NONE;
  // The tokens the names cover, marked in a reused array (cleared again below) rather than a new Set.
  if (covered.length < toks.length) covered = new Uint8Array(Math.max(toks.length, covered.length * 2));
  for (const c of found)
    for (let k = tokenFrom(toks, c.start); k >= 0 && k < toks.length && toks[k].start < c.end; k++) covered[k] = 1;
  let out: Candidate[] | undefined;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (covered[k] === 1) {
      covered[k] = 0;
      continue;
    }
    if (!((t.flags & TK_TITLE) !== 0 || lowerText) || !keys.has(t.key)) continue;
    out ??= [];
    out.push({
      start: t.start,
      end: wordEnd(t),
      category: 'NAME',
      confidence: 0.6,
      reason: 'name mentioned again',
    });
  }
  return out ?? NONE;
}
