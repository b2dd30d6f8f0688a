/** Place vocabulary shared by the location detectors. All lower case. */
import { charIndex3 } from './anchors';
import { keyLength, TK_CAPS, TK_DIGIT, TK_PLAIN, TK_TITLE, type Token, tokensOf, wordBits } from './tokens';
import { newScanCache, type ScanInput } from './types';
import { MONTHS_AND_WEEKDAYS } from './vocab';

/**
 * Word classes shared by the place detectors: each registers its word lists (placeWordBit) and gets a bit
 * of one map, so that a token's key is looked up once for all of them (see PlaceIndex.capClass).
 */
type WordList = Iterable<string> | (() => Iterable<string>);
const classLists: WordList[][] = [];
let classMap: Map<string, number> | undefined;
/** Set in PlaceIndex.capClass on a title-case token (an all-capitals one has it clear). */
export const TITLE_WORD = 1 << 30;

/**
 * Reserves a word-class bit for the words of `lists` (a function stands for a list made on first use, such
 * as the decoded city list). Called when a detector's module loads; the map is (re)built on next use.
 */
export function placeWordBit(...lists: WordList[]): number {
  if (classLists.length >= 30) throw new Error('placeWordBit: more than 30 word classes');
  classLists.push(lists);
  classMap = undefined;
  return 1 << (classLists.length - 1);
}

/**
 * At charIndex3 of the first, second and last characters of some key of the class map (none is 1 character
 * long), the bit `1 << length` of each such key's length (& 31). Most tokens of a text are in no list: this table settles nearly all
 * of them from the text, without reading the key or hashing into the map (see tokenClass).
 */
const classFilter = new Uint32Array(1 << 15);

function classes(): Map<string, number> {
  if (classMap === undefined) {
    classMap = wordBits(
      classLists.flatMap((lists, k) => lists.map((l) => [typeof l === 'function' ? l() : l, 1 << k] as const)),
    );
    classFilter.fill(0);
    for (const key of classMap.keys()) {
      if (key.length >= 2)
        classFilter[charIndex3(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(key.length - 1))] |=
          1 << key.length;
    }
  }
  return classMap;
}

/**
 * The OR of the word-class bits whose lists hold t.key (0 for none), with most tokens settled by classFilter
 * from the text alone. A token's key is its
 * word (the text without a possessive 's) lower-cased: an ASCII character lower-cases in place to the same
 * code & 31, and only a character outside ASCII can change the key's length (dotted capital I), so when
 * the word's first, second and last characters are ASCII they give the key's first, second and last; a
 * plain token (ASCII letters and digits only, no possessive) gives the key's length too. Other tokens (and
 * words of one character) are looked up.
 */
export function tokenClass(text: string, t: Token): number {
  const words = classMap ?? classes(); // (builds classFilter too)
  const st = t.start;
  const wl = keyLength(t);
  if (wl >= 2) {
    const a = text.charCodeAt(st);
    const b = text.charCodeAt(st + 1);
    const z = text.charCodeAt(st + wl - 1);
    const lengths = classFilter[charIndex3(a, b, z)];
    // (`>>> wl` shifts by wl & 31, as the bits were set.)
    if ((a | b | z) < 128 && ((t.flags & TK_PLAIN) !== 0 ? (lengths >>> wl) & 1 : lengths) === 0) return 0;
  }
  return words.get(t.key) ?? 0;
}

/**
 * What the place detectors (care-facility, city-state, street-address) look for among the tokens, found in
 * one pass per scan and shared by them: each used to walk all the token objects itself (most of its time on
 * long texts), to act on a few. Lists of token indexes, in order.
 */
export interface PlaceIndex {
  /** The title-case and all-capitals tokens (TK_TITLE or TK_CAPS: such a token has no digit). */
  caps: number[];
  /** Per entry of `caps`: tokenClass of the token, | TITLE_WORD when it is title case. */
  capClass: number[];
  /** The tokens with a digit. */
  digits: number[];
  /**
   * The tokens that may be street-address's military words (uss, usns, usnv, uscgc, apo, fpo, dpo) or
   * "corner" (a superset of the tokens whose key is one of them): a capitalised token whose key is one (its
   * class has NOTED_WORD), and any other token of 3 to 7 characters (a possessive 's at most added) starting
   * with "uss", "usn", "usc", "apo", "fpo", "dpo" or "cor" in any case. No character outside ASCII
   * lower-cases to one of these letters (only the Kelvin sign lower-cases to an ASCII letter, "k").
   */
  noted: number[];
}

/** 1 at the codes of the first letters of the words of PlaceIndex.noted, both cases. */
const NOTED_FIRST = new Uint8Array(128);
for (const c of 'uUcCaAfFdD') NOTED_FIRST[c.charCodeAt(0)] = 1;
/** 1 at the lengths of the words of PlaceIndex.noted (3 to 7). */
const NOTED_LENGTH = new Uint8Array(16);
for (let len = 3; len <= 7; len++) NOTED_LENGTH[len] = 1;

/** Whether three character codes, OR-ed with 32, start one of the words of PlaceIndex.noted. */
function notedStart(c0: number, c1: number, c2: number): boolean {
  if (c0 === 117) return c1 === 115 && (c2 === 115 || c2 === 110 || c2 === 99); // uss, usn, usc
  if (c0 === 99) return c1 === 111 && c2 === 114; // cor
  return (c0 === 97 || c0 === 102 || c0 === 100) && c1 === 112 && c2 === 111; // apo, fpo, dpo
}

/**
 * The keys street-address looks for among PlaceIndex.noted (its military words and "corner"), as a word class:
 * a capitalised token's class says whether it is one, without the character tests of the other tokens.
 */
const NOTED_WORD = placeWordBit(['uss', 'usns', 'usnv', 'uscgc', 'apo', 'fpo', 'dpo', 'corner']);

/** The PlaceIndex of a scan input, made on first use. */
export function placeIndex(input: ScanInput): PlaceIndex {
  input.cache ??= newScanCache();
  let idx = input.cache.places;
  if (idx !== undefined) return idx;
  const toks = tokensOf(input);
  const text = input.text;
  const caps: number[] = [];
  const capClass: number[] = [];
  const digits: number[] = [];
  const noted: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // (A word with a digit is neither capitalised nor a noted word.)
    if ((t.flags & TK_DIGIT) !== 0) {
      digits.push(i);
      continue;
    }
    if ((t.flags & (TK_TITLE | TK_CAPS)) !== 0) {
      caps.push(i);
      const cls = tokenClass(text, t);
      capClass.push(cls | ((t.flags & TK_TITLE) !== 0 ? TITLE_WORD : 0));
      if ((cls & NOTED_WORD) !== 0) noted.push(i);
      continue;
    }
    // A noted word's first letter and length, each read in a table and combined without a branch: nearly
    // every token fails this one test, so it is well predicted (separate tests of the length and of five
    // letters were not, and cost more than the rest of the loop). `& 127` and `& 15` may alias a non-ASCII
    // character or a long token onto a table entry: the tests after it settle those.
    const st = t.start;
    const len = t.end - st;
    const c0 = text.charCodeAt(st);
    if ((NOTED_FIRST[c0 & 127] & NOTED_LENGTH[len & 15]) !== 0 && c0 < 128 && len <= 7) {
      // c | 32 lower-cases an ASCII letter; no other code lands on one (non-ASCII codes stay >= 128).
      if (notedStart(c0 | 32, text.charCodeAt(st + 1) | 32, text.charCodeAt(st + 2) | 32)) noted.push(i);
    }
  }
  idx = { caps, capClass, digits, noted };
  input.cache.places = idx;
  return idx;
}

export const US_STATES: Record<string, string> = {
  al: 'alabama',
  ak: 'alaska',
  az: 'arizona',
  ar: 'arkansas',
  ca: 'california',
  co: 'colorado',
  ct: 'connecticut',
  de: 'delaware',
  fl: 'florida',
  ga: 'georgia',
  hi: 'hawaii',
  id: 'idaho',
  il: 'illinois',
  in: 'indiana',
  ia: 'iowa',
  ks: 'kansas',
  ky: 'kentucky',
  la: 'louisiana',
  me: 'maine',
  md: 'maryland',
  ma: 'massachusetts',
  mi: 'michigan',
  mn: 'minnesota',
  ms: 'mississippi',
  mo: 'missouri',
  mt: 'montana',
  ne: 'nebraska',
  nv: 'nevada',
  nh: 'new hampshire',
  nj: 'new jersey',
  nm: 'new mexico',
  ny: 'new york',
  nc: 'north carolina',
  nd: 'north dakota',
  oh: 'ohio',
  ok: 'oklahoma',
  or: 'oregon',
  pa: 'pennsylvania',
  ri: 'rhode island',
  sc: 'south carolina',
  sd: 'south dakota',
  tn: 'tennessee',
  tx: 'texas',
  ut: 'utah',
  vt: 'vermont',
  va: 'virginia',
  wa: 'washington',
  wv: 'west virginia',
  wi: 'wisconsin',
  wy: 'wyoming',
  dc: 'district of columbia',
  pr: 'puerto rico',
  gu: 'guam',
  vi: 'virgin islands',
};
export const STATE_NAMES = new Set(Object.values(US_STATES));

/** The keys of tokens i..k joined by spaces ("new york"), to look a run up in a list of names. */
export function runName(toks: Token[], i: number, k: number): string {
  let name = toks[i].key;
  for (let x = i + 1; x <= k; x++) name += ` ${toks[x].key}`;
  return name;
}

/**
 * Areas wider than a state: countries, territories and world regions (lower case). Being born in or coming
 * from one is not a geographic identifier under Safe Harbor ("born in Latin America", "seen in Mexico").
 */
export const WIDE_AREAS = new Set(
  (
    'america,latin america,south america,north america,central america,africa,west africa,east africa,' +
    'sub-saharan africa,north africa,asia,south asia,southeast asia,east asia,central asia,europe,eastern europe,' +
    'western europe,australia,oceania,caribbean,the caribbean,middle east,scandinavia,balkans,antarctica,' +
    'mexico,canada,guatemala,honduras,el salvador,nicaragua,costa rica,panama,cuba,haiti,dominican republic,' +
    'jamaica,puerto rico,guam,colombia,venezuela,ecuador,peru,bolivia,brazil,chile,argentina,paraguay,uruguay,' +
    'guyana,england,scotland,wales,ireland,uk,united kingdom,france,germany,italy,spain,portugal,netherlands,' +
    'belgium,switzerland,austria,poland,ukraine,russia,romania,greece,sweden,norway,denmark,finland,turkey,' +
    'israel,lebanon,syria,iraq,iran,jordan,egypt,saudi arabia,yemen,afghanistan,pakistan,india,bangladesh,' +
    'nepal,sri lanka,china,japan,korea,south korea,north korea,taiwan,vietnam,cambodia,laos,thailand,myanmar,' +
    'burma,malaysia,singapore,indonesia,philippines,nigeria,ghana,kenya,ethiopia,somalia,sudan,south sudan,' +
    'congo,uganda,tanzania,rwanda,eritrea,senegal,liberia,sierra leone,cameroon,morocco,algeria,tunisia,libya,' +
    'south africa,zimbabwe,zambia,mozambique,angola,new zealand,fiji,samoa,tonga,us,usa,united states'
  ).split(','),
);
/** Two-letter codes that are also ordinary words or clinical abbreviations need a comma before them. */
export const AMBIGUOUS_STATE_CODES = new Set([
  'in',
  'or',
  'me',
  'hi',
  'ok',
  'oh',
  'pa',
  'md',
  'ms',
  'de',
  'la',
  'co',
  'id',
  'ma',
  'mi',
  'mt',
  'ne',
  'va',
  'ca',
  'ct',
  'ga',
  'al',
  'ar',
]);

/** Of those, the ones strong enough to make a facility without a cue. */
export const STRONG_FACILITY_HEADS = new Set([
  'hosp',
  'nursing',
  'hospital',
  'hospitals',
  'clinic',
  'clinics',
  'infirmary',
  'hospice',
  'sanatorium',
  'sanitarium',
  'healthcare',
  'langone',
  'presbyterian',
  'rehab',
  'rehabilitation',
  'pediatrics',
  'vamc',
]);
/** Specialties and services that end a practice's name ("Lakeshore Cardiology"); alone, a department. */
export const SPECIALTY_HEADS = [
  'cardiology',
  'oncology',
  'geriatrics',
  'pulmonology',
  'nephrology',
  'endocrinology',
  'rheumatology',
  'hematology',
  'neurosurgery',
  'medicine',
  'specialists',
  'orthopedics',
  'orthopaedics',
  'dermatology',
  'neurology',
  'urology',
  'gastroenterology',
  'radiology',
  'imaging',
  'dialysis',
  'obstetrics',
  'gynecology',
  'psychiatry',
  'ophthalmology',
  'podiatry',
];
/**
 * Words that end the name of a care facility: "... Hospital", "... Medical Center", "... Clinic". Looked up by
 * token key, which has no possessive 's: a possessive "Children's" is tested in care-facility itself.
 */
export const FACILITY_HEADS: ReadonlySet<string> = new Set([
  ...STRONG_FACILITY_HEADS,
  ...SPECIALTY_HEADS,
  'snf',
  'ltach',
  'partners',
  'regional',
  'dental',
  'dentistry',
  'chiropractic',
  'institute',
  'health',
  'center',
  'centre',
  'ctr',
  'practice',
  'paediatrics',
  'associates',
  'physicians',
  'memorial',
  'general',
  '?presbyterian',
  '?methodist',
  'baptist',
  'home',
  'homes',
  'care',
  'pavilion',
  'campus',
  'pharmacy',
  'surgicenter',
  'va',
  'system',
  'network',
  'group',
  'lodge',
  // "Sunrise Senior Living", "Maple Assisted Living": senior and assisted-living residences.
  'living',
  'manor',
  'villa',
  'village',
]);
/** "X Health Center", "Y Cancer Centre": a center is a care facility after one of these. */
export const CENTER_QUALIFIERS = new Set([
  'medical',
  'med',
  'health',
  'cancer',
  'heart',
  'trauma',
  'surgical',
  'surgery',
  'rehabilitation',
  'rehab',
  'wellness',
  'dialysis',
  'birthing',
  'care',
  'treatment',
  'eye',
  'kidney',
  'transplant',
  // (A possessive token's key has no 's: "Children's" is looked up as "children".)
  'children',
  'women',
  'recovery',
  'community',
  'family',
  'burn',
  'stroke',
  'diabetes',
  'imaging',
  'infusion',
  'oncology',
  'pediatric',
  'psychiatric',
  'behavioral',
  'mental',
]);

/**
 * Well-known US health systems and academic medical centres usually written without a facility
 * word ("seen at Johns Hopkins"). Public general knowledge; extendable by policy (custom terms).
 * Entries marked with a leading '?' are also ordinary words or eponyms and need a place cue.
 */
/** Acronyms in the list below only count when written in capitals ("CHOP", not "chop"). */
export const SYSTEM_ACRONYMS = new Set([
  'mgh',
  'ucsf',
  'ucla',
  'ucsd',
  'uci',
  'nyu',
  'msk',
  'mskcc',
  'bjc',
  'utsw',
  'upmc',
  'chop',
  'unc',
  'uab',
  'vcu',
  'hca',
  'musc',
  'ohsu',
  'vamc',
]);

export const HEALTH_SYSTEMS = [
  'johns hopkins',
  'hopkins',
  'mayo',
  'cedars-sinai',
  'cedars sinai',
  'cedar sinai',
  'cedar-sinai',
  'mass general',
  'mass gen',
  'mgh',
  'brigham',
  "brigham and women's",
  'northwestern',
  'ucsf',
  'ucla',
  'ucsd',
  'uci',
  'uc davis',
  'nyu langone',
  'nyu',
  'langone',
  'ny presbyterian',
  'newyork-presbyterian',
  'new york-presbyterian',
  'mount sinai',
  'mt sinai',
  'mt. sinai',
  'kaiser',
  'kaiser permanente',
  'geisinger',
  'intermountain',
  'ochsner',
  'vanderbilt',
  '?duke',
  '?emory',
  'penn medicine',
  '?stanford',
  'md anderson',
  'sloan kettering',
  'memorial sloan kettering',
  'msk',
  'mskcc',
  'dana-farber',
  'dana farber',
  'beth israel',
  '?tufts',
  'yale new haven',
  'montefiore',
  'lenox hill',
  '?bellevue',
  '?baylor',
  'houston methodist',
  'scripps',
  'sutter',
  '?providence',
  '?banner',
  'advocate aurora',
  '?atrium',
  'novant',
  'sentara',
  'inova',
  'medstar',
  'hackensack',
  'northwell',
  'henry ford',
  'beaumont',
  'froedtert',
  '?rush',
  'loyola',
  'uchicago',
  'barnes-jewish',
  'barnes jewish',
  'bjc',
  'allina',
  'fairview',
  'healthpartners',
  '?sanford',
  'parkland',
  'ut southwestern',
  'utsw',
  'upmc',
  "cincinnati children's",
  'chop',
  "boston children's",
  "nationwide children's",
  "texas children's",
  "seattle children's",
  'lurie',
  'st. jude',
  'st jude',
  'shriners',
  '?keck',
  'harborview',
  'virginia mason',
  'ohsu',
  'uw medicine',
  'loma linda',
  'hoag',
  'walter reed',
  'wake forest baptist',
  'unc',
  'moffitt',
  'tampa general',
  'jackson memorial',
  'adventhealth',
  'orlando health',
  'dartmouth-hitchcock',
  'dartmouth hitchcock',
  '?lahey',
  'christianacare',
  '?christiana',
  'rwjbarnabas',
  'robert wood johnson',
  '?temple university',
  '?hershey',
  'allegheny',
  'cleveland clinic',
  'university hospitals',
  'metrohealth',
  'ohiohealth',
  'wexner',
  'iu health',
  'corewell',
  'gundersen',
  'marshfield',
  '?essentia',
  '?avera',
  'nebraska medicine',
  "saint luke's",
  "st. luke's",
  "st luke's",
  '?tulane',
  'uab',
  '?grady',
  '?piedmont',
  'wellstar',
  'erlanger',
  'le bonheur',
  '?norton',
  'carilion',
  'vcu',
  '?georgetown',
  'nemours',
  'joslin',
  'baystate',
  'umass memorial',
  '?lifespan',
  '?sinai',
  '?jefferson',
  'penn state',
  'presbyterian',
  'methodist',
  '?bronson',
  '?sparrow',
  'spectrum health',
  'trinity health',
  '?ascension',
  'commonspirit',
  'dignity health',
  '?tenet',
  'hca',
  'atrium health',
  'baptist health',
  '?mercy',
  '?valley',
  '?einstein',
  'maimonides',
  'kings county',
  '?jacobi',
  '?elmhurst',
  'harlem hospital',
  'grady memorial',
  '?charity',
  'mcgovern',
  'brooke army',
  'tripler',
  'scott & white',
  'baylor scott & white',
  'stony brook',
  '?upstate',
  'strong memorial',
  'roswell park',
  'fox chase',
  'city of hope',
  '?sibley',
  '?suburban',
  'holy cross',
  'lankenau',
  'bryn mawr',
  'crozer',
  'hahnemann',
  'abington',
  'einstein medical',
  'st. elizabeth',
  'ucsf benioff',
  'stanford children',
  '?packard',
  '?rady',
  "rady children's",
  'cook children',
  '?driscoll',
  "phoenix children's",
  '?barrow',
  'banner health',
  'honorhealth',
  '?dignity',
  '?sharp',
  '?palomar',
  'kaiser sunnyside',
  '?legacy',
  'peacehealth',
  'multicare',
  '?swedish',
  '?evergreen',
  'overlake',
  'valley medical',
  'intermountain primary',
  'primary children',
  'huntsman',
  'mcleod',
  '?prisma',
  'musc',
  '?roper',
  'self regional',
  'wake med',
  'wakemed',
  'duke raleigh',
  '?rex',
  'unc rex',
  'cone health',
  '?mission',
  'atrium wake forest',
];

/** Neighbourhoods and boroughs that the city list (cities of 50,000+) misses. */
export const EXTRA_PLACES = [
  'brooklyn',
  'queens',
  'bronx',
  'the bronx',
  'manhattan',
  'staten island',
  'harlem',
  'long island',
  'san fran',
  'frisco',
  'nyc',
  'philly',
  'vegas',
  'hollywood',
  'beverly hills',
  'silicon valley',
  'bay area',
  'south side',
  'north side',
  'upper east side',
  'upper west side',
  'downtown',
  'midtown',
  'uptown',
  'east bay',
  'westchester',
  'long beach',
  'back bay',
  'cambridge',
  'bethesda',
  'rochester',
  'hershey',
  'ann arbor',
  'palo alto',
  'chapel hill',
  'durham',
  'new haven',
  'baltimore',
  'boston',
  'chicago',
  'houston',
  'dallas',
  'seattle',
];

/** Street words written before the street's name ("Rue de Virton 38", "Via Roma 12"), never English. */
const LEADING_AND_TYPE = [
  'trg',
  'rue',
  'rua',
  'via',
  'viale',
  'calle',
  'avenida',
  'av',
  'piazza',
  'piazzetta',
  'praça',
  'largo',
  'strada',
  'carrer',
  'camino',
  'paseo',
  'chemin',
  'quai',
  'ulica',
  'ul',
  'odos',
  'leoforos',
  'plaza',
  'avenue',
  'boulevard',
  'place',
];
export const LEADING_STREET: ReadonlySet<string> = new Set([...LEADING_AND_TYPE, 'rúa', 'avda', 'bd', 'bld', 'allée']);
/** Street-type words (US, UK and the commonest European forms), lower case, without dots. */
export const STREET_TYPES: ReadonlySet<string> = new Set([
  ...LEADING_AND_TYPE,
  'street',
  'st',
  'ave',
  'road',
  'rd',
  'blvd',
  'lane',
  'ln',
  'drive',
  'dr',
  'court',
  'ct',
  'pl',
  'terrace',
  'terr',
  'way',
  'parkway',
  'pkwy',
  'circle',
  'cir',
  'highway',
  'hwy',
  'square',
  'sq',
  'trail',
  'trl',
  'route',
  'rte',
  'loop',
  'alley',
  'crescent',
  'close',
  'row',
  'walk',
  'grove',
  'gardens',
  'park',
  'mall',
  'turnpike',
  'tpke',
  'pike',
  'expressway',
  'freeway',
  'fwy',
  'ridge',
  'run',
  'path',
  'pass',
  'point',
  'pt',
  'crossing',
  'xing',
  'commons',
  'green',
  'heights',
  'hts',
  'hill',
  'hills',
  'harbor',
  'landing',
  'meadow',
  'meadows',
  'mews',
  'union',
  'junction',
  'viaduct',
  'radial',
  'str',
  'strasse',
  'straße',
  'gasse',
  'weg',
  'platz',
  'allee',
  'utca',
  'katu',
  'tie',
  'vej',
  'gade',
  'vägen',
  'gatan',
  'veien',
  'gata',
  'straat',
  'laan',
  'plein',
  'steeg',
  'kade',
  'cove',
  'estates',
  'station',
  'stravenue',
  'spur',
  'village',
  'villages',
  'wells',
  'bypass',
  'causeway',
  'corner',
  'rkp',
  'körút',
  'út',
  'tér',
  'náměstí',
  'třída',
  'cesta',
]);
export const UNIT_WORDS = new Set([
  'apt',
  'apartment',
  'suite',
  'ste',
  'unit',
  'floor',
  'fl',
  'room',
  'rm',
  'bldg',
  'building',
  'box',
  'po',
  'p.o',
  'dept',
  'flat',
  'no',
  'nr',
]);

/** Acronyms of care units and guideline bodies that follow "at"/"from" but are not places. */
export const NOT_PLACES = new Set([
  // Months and weekdays ("diagnosed in March", "seen on Monday").
  ...MONTHS_AND_WEEKDAYS,
  'icu',
  'ed',
  'er',
  'or',
  'pacu',
  'nicu',
  'picu',
  'ccu',
  'micu',
  'sicu',
  'cvicu',
  'ada',
  'aha',
  'acc',
  'cdc',
  'who',
  'fda',
  'nih',
  'nice',
  'uspstf',
  'acog',
  'aap',
  'idsa',
  'ats',
  'esc',
  'kdigo',
  'gold',
  'nccn',
  'asco',
  'esmo',
  'aasld',
  'acr',
  'eular',
  'accp',
  'acg',
  'aga',
  'aan',
  'apa',
  'asa',
  'sccm',
  'work',
  'school',
  'night',
  'rest',
  'baseline',
  'birth',
  'admission',
  'discharge',
  'presentation',
  'diagnosis',
  'least',
  'most',
  'first',
  'last',
  'time',
  'times',
  'risk',
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'her',
  'their',
  'our',
  'my',
  'all',
  'any',
  'some',
  'each',
  'type',
  'stage',
  'grade',
  'class',
  'level',
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'day',
  'week',
  'month',
  'year',
  'age',
  'dose',
  'doses',
  'bedtime',
  'noon',
  'midnight',
  'dawn',
  'dusk',
]);

const SOURCE_NOUNS = new Set([
  'approach',
  'approaches',
  'recommendations',
  'recommendation',
  'guidelines',
  'guideline',
  'guidance',
  'data',
  'study',
  'studies',
  'research',
  'researchers',
  'experts',
  'protocol',
  'protocols',
  'criteria',
  'published',
  'according',
  'review',
  'reviews',
  'advice',
  'consensus',
  'statement',
  'trial',
  'trials',
  'report',
  'reports',
  'findings',
  'evidence',
  'literature',
  'article',
  'articles',
  'resources',
  'website',
  // "the Mayo Clinic Diet", "Cleveland Clinic's ranking": the institution as a topic.
  'diet',
  'ranking',
  'rankings',
]);
const PATIENT_VERBS = new Set([
  'seen',
  'treated',
  'admitted',
  'visited',
  'transferred',
  'discharged',
  'diagnosed',
  'referred',
  'lives',
  'living',
  'born',
  'died',
]);

const SOURCE_VERBS = [
  'recommend',
  'recommends',
  'recommended',
  'suggest',
  'suggests',
  'say',
  'says',
  'advise',
  'advises',
  'publish',
  'publishes',
  'published',
  'state',
  'states',
];
/** The three lists above as bits of one map: one lookup per token looked at. */
const SOURCE_NOUN = 1;
const PATIENT_VERB = 2;
const SOURCE_VERB = 4;
const SOURCE_WORDS = wordBits([
  [SOURCE_NOUNS, SOURCE_NOUN],
  [PATIENT_VERBS, PATIENT_VERB],
  [SOURCE_VERBS, SOURCE_VERB],
]);

/**
 * "recommendations from Mayo Clinic", "data from the Cleveland Clinic": an institution or city cited
 * as a source of knowledge, not where a patient was. Looks back up to four tokens from i and on two
 * after `end`, within the clause: not past a full stop, semicolon, colon, question or exclamation mark
 * or line break ("seen at Brookfield Urgent Care; DKA protocol?" names where the patient was).
 */
export function citedAsSource(text: string, toks: Token[], i: number, end = i): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (clauseBreak(text, toks[k].end, toks[k + 1].start)) break;
    const b = SOURCE_WORDS.get(toks[k].key) ?? 0;
    // "sleep study at Elm Sleep Center": a test done to the patient, not a study cited.
    if ((b & SOURCE_NOUN) !== 0) return !(k > 0 && toks[k].key.startsWith('stud') && TESTS.has(toks[k - 1].key));
    if ((b & PATIENT_VERB) !== 0) return false;
  }
  // "What does the Mayo Clinic recommend", "Cleveland Clinic guidelines say".
  for (let k = end + 1; k <= Math.min(toks.length - 1, end + 2); k++) {
    if (clauseBreak(text, toks[k - 1].end, toks[k].start)) break;
    if (((SOURCE_WORDS.get(toks[k].key) ?? 0) & (SOURCE_VERB | SOURCE_NOUN)) !== 0) return true;
  }
  return false;
}

/** Kinds of test a patient has done ("sleep study", "nerve conduction studies"). */
const TESTS = new Set([
  'sleep',
  'imaging',
  'stress',
  'nuclear',
  'swallow',
  'swallowing',
  'conduction',
  'doppler',
  'urodynamic',
  'eeg',
  'emg',
  'ncs',
  'ep',
  'electrophysiology',
  'barium',
  'contrast',
  'echo',
  'motility',
  'genetic',
  'flow',
  'pft',
  'pfts',
  'catheterization',
  'cath',
]);

/** Whether text[from, to) holds . ; : ? ! or a line break. */
function clauseBreak(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 59 || c === 58 || c === 63 || c === 33 || c === 10 || c === 13) return true;
  }
  return false;
}
