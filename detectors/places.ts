/** Place vocabulary shared by the location detectors. All lower case. */

export const US_STATES: Record<string, string> = {
  al: 'alabama', ak: 'alaska', az: 'arizona', ar: 'arkansas', ca: 'california', co: 'colorado', ct: 'connecticut',
  de: 'delaware', fl: 'florida', ga: 'georgia', hi: 'hawaii', id: 'idaho', il: 'illinois', in: 'indiana', ia: 'iowa',
  ks: 'kansas', ky: 'kentucky', la: 'louisiana', me: 'maine', md: 'maryland', ma: 'massachusetts', mi: 'michigan',
  mn: 'minnesota', ms: 'mississippi', mo: 'missouri', mt: 'montana', ne: 'nebraska', nv: 'nevada',
  nh: 'new hampshire', nj: 'new jersey', nm: 'new mexico', ny: 'new york', nc: 'north carolina',
  nd: 'north dakota', oh: 'ohio', ok: 'oklahoma', or: 'oregon', pa: 'pennsylvania', ri: 'rhode island',
  sc: 'south carolina', sd: 'south dakota', tn: 'tennessee', tx: 'texas', ut: 'utah', vt: 'vermont', va: 'virginia',
  wa: 'washington', wv: 'west virginia', wi: 'wisconsin', wy: 'wyoming', dc: 'district of columbia',
  pr: 'puerto rico', gu: 'guam', vi: 'virgin islands',
};
export const STATE_NAMES = new Set(Object.values(US_STATES));
/** Two-letter codes that are also ordinary words or clinical abbreviations need a comma before them. */
export const AMBIGUOUS_STATE_CODES = new Set(['in', 'or', 'me', 'hi', 'ok', 'oh', 'pa', 'md', 'ms', 'de', 'la', 'co', 'id', 'ma', 'mi', 'mt', 'ne', 'va', 'ca', 'ct', 'ga', 'al', 'ar']);

/** Words that end the name of a care facility: "... Hospital", "... Medical Center", "... Clinic". */
export const FACILITY_HEADS = new Set([
  'hospital', 'hospitals', 'clinic', 'clinics', 'infirmary', 'hospice', 'sanatorium', 'sanitarium', 'institute',
  'healthcare', 'health', 'medical', 'med', 'center', 'centre', 'ctr', 'practice', 'pediatrics', 'paediatrics',
  'associates', 'physicians', 'memorial', 'general', 'presbyterian', 'methodist', 'baptist', 'langone', 'rehab',
  'rehabilitation', 'home', 'homes', 'care', 'pavilion', 'campus', 'pharmacy', 'surgicenter', 'va', 'vamc',
  'system', 'network', 'group', 'children’s', "children's", 'infirmary', 'lodge', 'manor', 'villa', 'village',
]);
/** Of those, the ones strong enough to make a facility without a cue. */
export const STRONG_FACILITY_HEADS = new Set([
  'hospital', 'hospitals', 'clinic', 'clinics', 'infirmary', 'hospice', 'sanatorium', 'sanitarium', 'medical',
  'med', 'healthcare', 'langone', 'presbyterian', 'rehab', 'rehabilitation', 'pediatrics', 'vamc',
]);

/**
 * Well-known US health systems and academic medical centres usually written without a facility
 * word ("seen at Johns Hopkins"). Public general knowledge; extendable by policy (custom terms).
 * Entries marked with a leading '?' are also ordinary words or eponyms and need a place cue.
 */
export const HEALTH_SYSTEMS = [
  'johns hopkins', 'hopkins', 'mayo', 'cedars-sinai', 'cedars sinai', 'cedar sinai', 'cedar-sinai', 'mass general',
  'mass gen', 'mgh', 'brigham', "brigham and women's", 'northwestern', 'ucsf', 'ucla', 'ucsd', 'uci', 'uc davis',
  'nyu langone', 'nyu', 'langone', 'ny presbyterian', 'newyork-presbyterian', 'new york-presbyterian', 'mount sinai',
  'mt sinai', 'mt. sinai', 'kaiser', 'kaiser permanente', 'geisinger', 'intermountain', 'ochsner', 'vanderbilt',
  '?duke', 'emory', 'penn medicine', '?stanford', 'md anderson', 'sloan kettering', 'memorial sloan kettering',
  'msk', 'mskcc', 'dana-farber', 'dana farber', 'beth israel', 'tufts', 'yale new haven', 'montefiore', 'lenox hill',
  'bellevue', 'baylor', 'houston methodist', 'scripps', 'sutter', '?providence', '?banner', 'advocate aurora',
  '?atrium', 'novant', 'sentara', 'inova', 'medstar', 'hackensack', 'northwell', 'henry ford', 'beaumont',
  'froedtert', '?rush', 'loyola', 'uchicago', 'barnes-jewish', 'barnes jewish', 'bjc', 'allina', 'fairview',
  'healthpartners', 'sanford', 'parkland', 'ut southwestern', 'utsw', 'upmc', "cincinnati children's", 'chop',
  "boston children's", "nationwide children's", "texas children's", "seattle children's", 'lurie', 'st. jude',
  'st jude', 'shriners', 'keck', 'harborview', 'virginia mason', 'ohsu', 'uw medicine', 'loma linda', 'hoag',
  'walter reed', 'wake forest baptist', 'unc', 'moffitt', 'tampa general', 'jackson memorial', 'adventhealth',
  'orlando health', 'dartmouth-hitchcock', 'dartmouth hitchcock', 'lahey', 'christianacare', 'christiana',
  'rwjbarnabas', 'robert wood johnson', 'temple university', 'hershey', 'allegheny', 'cleveland clinic',
  'university hospitals', 'metrohealth', 'ohiohealth', 'wexner', 'iu health', 'corewell', 'gundersen',
  'marshfield', 'essentia', 'avera', 'nebraska medicine', "saint luke's", "st. luke's", "st luke's", 'tulane',
  'uab', 'grady', 'piedmont', 'wellstar', 'erlanger', 'le bonheur', 'norton', 'carilion', 'vcu', 'georgetown',
  'nemours', 'joslin', 'baystate', 'umass memorial', 'lifespan', 'sinai', 'jefferson', 'penn state',
  'presbyterian', 'methodist', 'bronson', 'sparrow', 'spectrum health', 'trinity health', 'ascension',
  'commonspirit', 'dignity health', 'tenet', 'hca', 'atrium health', 'baptist health', 'mercy', 'valley',
  'einstein', 'maimonides', 'kings county', 'jacobi', 'elmhurst', 'harlem hospital', 'grady memorial',
  'charity', 'mcgovern', 'brooke army', 'tripler', 'scott & white', 'baylor scott & white', 'stony brook',
  'upstate', 'strong memorial', 'roswell park', 'fox chase', 'city of hope', 'sibley', 'suburban', 'holy cross',
  'lankenau', 'bryn mawr', 'crozer', 'hahnemann', 'abington', 'einstein medical', 'st. elizabeth', 'ucsf benioff',
  'stanford children', 'packard', 'rady', "rady children's", 'cook children', 'driscoll', "phoenix children's",
  'barrow', 'banner health', 'honorhealth', 'dignity', 'sharp', 'palomar', 'kaiser sunnyside', 'legacy',
  'peacehealth', 'multicare', 'swedish', 'evergreen', 'overlake', 'valley medical', 'intermountain primary',
  'primary children', 'huntsman', 'mcleod', 'prisma', 'musc', 'roper', 'self regional', 'wake med', 'wakemed',
  'duke raleigh', 'rex', 'unc rex', 'cone health', 'mission', 'atrium wake forest',
];

/** Neighbourhoods and boroughs that the city list (cities of 50,000+) misses. */
export const EXTRA_PLACES = [
  'brooklyn', 'queens', 'bronx', 'the bronx', 'manhattan', 'staten island', 'harlem', 'long island', 'san fran',
  'frisco', 'nyc', 'philly', 'vegas', 'hollywood', 'beverly hills', 'silicon valley', 'bay area', 'south side',
  'north side', 'upper east side', 'upper west side', 'downtown', 'midtown', 'uptown', 'east bay', 'westchester',
  'long beach', 'back bay', 'cambridge', 'bethesda', 'rochester', 'hershey', 'ann arbor', 'palo alto',
  'chapel hill', 'durham', 'new haven', 'baltimore', 'boston', 'chicago', 'houston', 'dallas', 'seattle',
];

/** Street-type words (US, UK and the commonest European forms), lower case, without dots. */
export const STREET_TYPES = new Set([
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court',
  'ct', 'place', 'pl', 'terrace', 'terr', 'way', 'parkway', 'pkwy', 'circle', 'cir', 'highway', 'hwy', 'square',
  'sq', 'trail', 'trl', 'route', 'rte', 'loop', 'alley', 'plaza', 'crescent', 'close', 'row', 'walk', 'grove',
  'gardens', 'park', 'mall', 'turnpike', 'tpke', 'pike', 'expressway', 'freeway', 'fwy', 'ridge', 'run', 'path',
  'pass', 'point', 'pt', 'crossing', 'xing', 'commons', 'green', 'heights', 'hts', 'hill', 'hills', 'harbor',
  'landing', 'meadow', 'meadows', 'mews', 'union', 'junction', 'viaduct', 'radial', 'str', 'strasse', 'straße',
  'gasse', 'weg', 'platz', 'allee', 'rue', 'rua', 'via', 'viale', 'calle', 'avenida', 'piazza', 'piazzetta',
  'praça', 'largo', 'strada', 'carrer', 'camino', 'paseo', 'chemin', 'quai', 'ulica', 'ul', 'utca', 'katu', 'tie',
  'vej', 'gade', 'vägen', 'gatan', 'veien', 'gata', 'straat', 'laan', 'plein', 'steeg', 'kade', 'square', 'cove',
  'estates', 'station', 'stravenue', 'spur', 'village', 'villages', 'wells', 'bypass', 'causeway', 'corner',
  'rkp', 'körút', 'út', 'tér', 'náměstí', 'třída', 'cesta', 'trg', 'odos', 'leoforos',
]);
export const UNIT_WORDS = new Set(['apt', 'apartment', 'suite', 'ste', 'unit', 'floor', 'fl', 'room', 'rm', 'bldg', 'building', 'box', 'po', 'p.o', 'dept', 'flat', 'no', 'nr']);

/** Acronyms of care units and guideline bodies that follow "at"/"from" but are not places. */
export const NOT_PLACES = new Set([
  'icu', 'ed', 'er', 'or', 'pacu', 'nicu', 'picu', 'ccu', 'micu', 'sicu', 'cvicu', 'ada', 'aha', 'acc', 'cdc',
  'who', 'fda', 'nih', 'nice', 'uspstf', 'acog', 'aap', 'idsa', 'ats', 'esc', 'kdigo', 'gold', 'nccn', 'asco',
  'esmo', 'aasld', 'acr', 'eular', 'chest', 'accp', 'acg', 'aga', 'aan', 'apa', 'asa', 'sccm', 'home', 'work',
  'school', 'night', 'rest', 'baseline', 'birth', 'admission', 'discharge', 'presentation', 'diagnosis', 'least',
  'most', 'first', 'last', 'time', 'times', 'risk', 'the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'our',
  'my', 'all', 'any', 'some', 'each', 'type', 'stage', 'grade', 'class', 'level', 'i', 'ii', 'iii', 'iv', 'v',
  'day', 'week', 'month', 'year', 'age', 'dose', 'doses', 'bedtime', 'noon', 'midnight', 'dawn', 'dusk',
]);
