/**
 * Realistic surrogate values for reversible redaction (issue 6). Pure TypeScript: no DOM, no network,
 * no logging (values never reach the console). `surrogate(category, value)` gives a PHI value a realistic
 * stand-in the model can read; `find(text)` later locates those stand-ins in the chatbot's answer so the
 * original can be shown on the device. One object per conversation; it holds originals, keep it local.
 *
 * Design choices
 * - Reserved ranges, so a stand-in cannot be somebody's real data: phones 555-0100..0199 (NANP fictional
 *   range) under a plausible area code, in the input's exact layout; SSNs with area 9xx and group 01-49
 *   (never issued by SSA, and outside every ITIN group range); e-mail at example.com / example.org, URLs
 *   on example.com and IPs in 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32 (RFC 2606,
 *   5737, 3849); payment cards on well-known test prefixes (400000, 555555, 378282, 601111), Luhn-valid
 *   only when the input was. Identifiers (MRN, account, licence, plan, device, vehicle, other) keep their
 *   shape: letters stay letters of the same case (never I, O, Q), digits stay digits, separators are kept.
 * - Ages: 90 and over become a different value in 90..99 (100..109 for 100+), never another age seen, so
 *   the model still reads "over 89" and "95-year-old" maps back to one age; younger ages move by 1..3.
 * - Names come from small built-in lists (about 2 KB) of common first and last names that are not English
 *   words. Titles, suffixes, particles, "Last, First" order and letter case are kept; initials map one to
 *   one. Parts are mapped token by token, so "John Smith", "Mr. Smith", "Smith, John" and "John" stay one
 *   person; a single word is a first name unless a title or particle says surname ("Dr. Smith"). The
 *   gender of a first name follows Mr/Mrs/Ms/Miss when present, else it is random.
 * - Locations keep their shape: "<number> <street> <type>[, City, ST ZIP]" gets another number, street
 *   and city (state kept, ZIP random); "City, ST" another city in the same state; a facility becomes
 *   "<Name> <its own head word>" ("Stonebridge Hospital", "Oak Meadow Medical Center"); "X County" keeps
 *   "County". A city is mapped the same way wherever it appears.
 * - Dates all move by one `shiftDays` (±30..364: never 0, and never a whole year, which would leave a
 *   date without a year unchanged) in UTC calendar arithmetic, so intervals stay exact, and are printed in
 *   the input's own format: order, separators, zero padding, 2- or 4-digit year, month name or
 *   abbreviation and its case, ordinal, comma; no year stays no year. Only the date inside a value is
 *   replaced ("DOB 1/2/1960"; ISO date-times keep their time). "March 2021" moves by whole months
 *   (round(shiftDays / 30.44)). Numeric dates are read month-first with "/" and "-" and day-first with "."
 *   unless only the other order is valid; a two-digit year is in the century that puts it at most five
 *   years ahead. Dates without a year are shifted in a leap reference year (2024). Anything else ("last
 *   Friday", "2/30/2020") gets a same-shape random stand-in.
 * - A stand-in differs from its original and, for every kind drawn at random, from the originals seen so
 *   far and from the other stand-ins (retried), so `find()` maps each one back to exactly one original.
 *   The same normalised value always gets the first stand-in issued for it (case included).
 *
 * Matching rules of find() (its `surrogate` field is the text as the answer wrote it)
 * - Exact stand-ins, bounded by non-word characters at their alphanumeric ends, so a possessive "'s"/"’s",
 *   bold markers, pipes, bullets and brackets stay outside the span, and "…0" after an IP or "-Smith"
 *   after a surname do not match. Case-sensitive for NAME and LOCATION, ASCII case-insensitive otherwise.
 *   Stand-ins of fewer than 5 characters made only of digits and punctuation are not searched alone.
 * - Name parts, conservatively: a part alone counts only after a title (Mr, Mrs, Ms, Miss, Mx, Dr, Prof),
 *   or when it has at least 4 letters and is not on a list of names that are English words ("Will",
 *   "Rose"), or when it sits next to an accepted part ("Maria Lee", "Lee, Maria", "Maria K. Lee"). Parts
 *   match in their issued case only. A wrong restore would print a real patient's name into an
 *   unrelated sentence, so short parts alone ("Lee") are left as the model wrote them.
 * - Dates: any full date in the answer (numeric, ISO, "March 14, 1962", "14 March 1962", "21-Feb-2023",
 *   "Mar 14th, 1962") whose calendar day is an issued stand-in day is shown as the original day in the
 *   answer's own format. A date without a year matches when its month/day is an issued one that maps to a
 *   single original month/day. A dated answer never matches a stand-in issued without a year.
 * - Phones, faxes, SSNs and cards also match when re-punctuated (same digits); an age matches as the
 *   number next to an age word ("95 years old", "aged 95", "95 y/o"), never a bare number ("SpO2 95").
 * - Overlaps: the longest candidate wins; an exact stand-in wins over an equally long derived one.
 *   Every pattern is a linear-time regex (bounded repeats, no nested quantifiers); find() costs
 *   O(text length × stand-ins issued).
 *
 * Limits: text the model writes on its own can still coincide with a stand-in (a date on a shifted day,
 * a surrogate first name). A shifted date can equal another real date of the prompt when the two are
 * exactly shiftDays apart (the shift must stay constant to keep intervals). Weekday names next to a date
 * are not changed. Non-NANP phones get same-shape random digits (no reserved range). A day-first
 * "03/04/1962" is read as March 4. List cities are common US town names and may exist in that state.
 */
import { STREET_TYPES } from '../detectors/places';
import type { Category } from '../detectors/types';
import { luhnValid } from '../detectors/util';

export interface SurrogateMatch {
  start: number;
  end: number;
  original: string;
  surrogate: string;
}

export interface Surrogates {
  /** The stand-in for `value` of this category: the same stand-in for the same (case/space-normalised) value for the lifetime of this object; never equal to an original value it has seen; unlikely to collide with real text. */
  surrogate(category: Category, value: string): string;
  /** Non-overlapping spans of `text` (e.g. a chatbot answer) that show one of this object's surrogates, in the forms a model writes them, each with the original value to display instead; sorted by start. Empty when nothing was issued. */
  find(text: string): SurrogateMatch[];
  /** The shift applied to every date, in whole days, never 0; the same for the object's lifetime so intervals between dates stay true. */
  readonly shiftDays: number;
}

// ---------------------------------------------------------------------------------------------------
// Built-in lists (kept small: this ships in the extension). Names are common and not English words.

const FIRST_F = [
  'Maria',
  'Emma',
  'Olivia',
  'Sofia',
  'Laura',
  'Elena',
  'Anna',
  'Julia',
  'Nora',
  'Clara',
  'Alice',
  'Helen',
  'Sarah',
  'Linda',
  'Karen',
  'Diane',
  'Megan',
  'Rachel',
  'Teresa',
  'Monica',
  'Carmen',
  'Priya',
  'Aisha',
  'Fatima',
  'Ingrid',
  'Naomi',
  'Lucia',
  'Hannah',
  'Yvonne',
  'Irene',
];
const FIRST_M = [
  'David',
  'James',
  'Michael',
  'Daniel',
  'Thomas',
  'Robert',
  'Andrew',
  'Peter',
  'Samuel',
  'Carlos',
  'Miguel',
  'Luis',
  'Ahmed',
  'Omar',
  'Kevin',
  'Brian',
  'Steven',
  'Paul',
  'Henry',
  'George',
  'Oscar',
  'Victor',
  'Martin',
  'Ethan',
  'Lucas',
  'Adam',
  'Kenji',
  'Ivan',
  'Rahul',
  'Tomas',
];
const LAST = [
  'Lee',
  'Kim',
  'Nguyen',
  'Patel',
  'Garcia',
  'Martinez',
  'Lopez',
  'Gonzalez',
  'Hernandez',
  'Rodriguez',
  'Perez',
  'Sanchez',
  'Ramirez',
  'Torres',
  'Rivera',
  'Flores',
  'Morales',
  'Ortiz',
  'Reyes',
  'Chen',
  'Wang',
  'Singh',
  'Cohen',
  'Murphy',
  'Sullivan',
  'Kelly',
  'Walsh',
  'Novak',
  'Kowalski',
  'Schmidt',
  'Fischer',
  'Becker',
  'Jensen',
  'Larsen',
  'Hansen',
  'Lindqvist',
  'Rossi',
  'Russo',
  'Bianchi',
  'Romano',
  'Silva',
  'Santos',
  'Oliveira',
  'Pereira',
  'Tanaka',
  'Sato',
  'Suzuki',
  'Nakamura',
  'Yamamoto',
  'Johnson',
  'Anderson',
  'Thompson',
  'Robinson',
  'Harris',
  'Lewis',
  'Mitchell',
  'Phillips',
  'Edwards',
  'Stewart',
  'Richardson',
  'Bennett',
  'Foster',
  'Bryant',
  'Griffin',
  'Hayes',
  'Myers',
];
/** Words that are also names; such a name part is never matched alone (only after a title or next to another part). */
const COMMON_WORDS = new Set(
  (
    'will mark bill rose hope faith grace joy june may april august rich young king hill green white brown ' +
    'black gray grey long wood woods stone rice bush ford cook baker miller hunter park price banks miles ' +
    'frank case field lane love page wells wall west north ball bell bird cross dean hall hart holly lily ' +
    'penny reed sage summer winter chase cash major marsh glass gold hardy hood house hunt justice knight ' +
    'lamb lord march mason mercy noble pierce pope power prince rock rush sharp small snow spring storm ' +
    'strong swift temple walker ward water waters wolf wright amber crystal dawn iris ivy art drew gene jack ' +
    'sandy guy pat carter cooper collins shah khan costa berg'
  ).split(' '),
);
const STREETS = [
  'Maple',
  'Cedar',
  'Willow',
  'Birch',
  'Chestnut',
  'Hawthorn',
  'Juniper',
  'Linden',
  'Sycamore',
  'Aspen',
  'Magnolia',
  'Poplar',
  'Laurel',
  'Spruce',
  'Hickory',
  'Dogwood',
  'Alder',
  'Orchard',
];
const CITIES = [
  'Fairview',
  'Riverton',
  'Oakdale',
  'Milford',
  'Ashland',
  'Greenwood',
  'Lakewood',
  'Brookfield',
  'Westfield',
  'Kingston',
  'Georgetown',
  'Millbrook',
  'Glendale',
  'Ridgefield',
  'Hillsboro',
  'Bristol',
  'Dover',
  'Newport',
];
const FACILITIES = [
  'Willow Creek',
  'Stonebridge',
  'Pine Hollow',
  'Cedar Ridge',
  'Maple Grove',
  'Oak Meadow',
  'Silver Birch',
  'Amber Hill',
  'Lark Valley',
  'Kestrel Point',
  'Alder Bay',
  'Juniper Falls',
];
const FACILITY_HEAD =
  /\b(?:medical cent(?:er|re)|health(?:care)? (?:cent(?:er|re)|system)|healthcare|hospital|clinic|infirmary|nursing home|(?:rehabilitation|rehab|surgery|surgical|cancer|care|dialysis|birth) cent(?:er|re)|urgent care|hospice|medical group|family practice|institute)\b/i;
const UNIT = /^(?:apt|apartment|suite|ste|unit|floor|fl|bldg|building|room|rm|#)\.?$/i;
const REGION_HEAD = /^(county|parish|township|borough|village|city|district)$/i;
const AREA_CODES = ['212', '312', '415', '503', '617', '702', '713', '801', '919', '206', '303', '404', '614'];
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|doctor)\.?$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv|md|rn|np|phd|dds)\.?$/i;
const PARTICLE = /^(?:van|von|de|del|della|der|den|da|di|du|la|le|bin|al|el|dos|das)$/i;

// ---------------------------------------------------------------------------------------------------
// Small helpers.

const DAY_MS = 86_400_000;
/** Random letters avoid I, O and Q (as VINs do), so a stand-in never reads as 1 or 0. */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const THIS_YEAR = new Date().getUTCFullYear();
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function norm(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}
/** ASCII-only lower-casing: keeps every offset (String#toLowerCase can change the length). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}
/** `start..end` of `text` is not part of a longer word, number, e-mail, host or hyphenated token. */
function bounded(text: string, start: number, end: number): boolean {
  if (isWordChar(text[start])) {
    if (isWordChar(text[start - 1])) return false;
    if (/[-.@/]/.test(text[start - 1] ?? '') && isWordChar(text[start - 2])) return false;
  }
  if (isWordChar(text[end - 1])) {
    if (isWordChar(text[end])) return false;
    if (/[-.@]/.test(text[end] ?? '') && isWordChar(text[end + 1])) return false;
  }
  return true;
}
function caseLike(model: string, word: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return word.toUpperCase();
  }
  if (letters.length > 0 && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) {
    return word.toLowerCase();
  }
  return word;
}
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function ordinal(d: number): string {
  if (d % 100 >= 11 && d % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function fullYear(yy: number): number {
  return 2000 + yy > THIS_YEAR + 5 ? 1900 + yy : 2000 + yy;
}
/** Moves every digit and letter one step (9 -> 0, z -> a): a deterministic "different" value. */
function perturb(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => {
    if (c === '9') return '0';
    if (c === 'z') return 'a';
    if (c === 'Z') return 'A';
    return String.fromCharCode(c.charCodeAt(0) + 1);
  });
}
function defaultRandom(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0] / 2 ** 32;
}

// ---------------------------------------------------------------------------------------------------
// Dates: one scanner for both surrogate() (the date inside a value) and find() (dates in an answer).

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORD = '(st|nd|rd|th)?';
const YEAR = "(\\d{4}|'\\d{2})";
const RE_MONTH_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${MONTH}(\.?)([ \t]{1,3})(\d{1,2})${ORD}(?![\p{L}\p{N}:])(?:(,?)([ \t]{0,3})${YEAR}(?!\p{N}))?`,
  'giu',
);
const RE_DAY_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}./])(\d{1,2})${ORD}([ \t]{1,3}(?:of[ \t]{1,3})?|-)${MONTH}(\.?)(?!\p{L})(?:(,?[ \t]{1,3}|-)${YEAR}(?!\p{N}))?`,
  'giu',
);
const RE_NUMERIC = /(?<![\p{L}\p{N}./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[./-]\p{N})/gu;
const RE_ISO = /(?<![\p{L}\p{N}./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\p{N}|[./-]\p{N})/gu;
const RE_SHORT = /(?<![\p{L}\p{N}./-])(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}]|[./-]\p{N})/gu;
const RE_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${MONTH}(\.?,?[ \t]{1,3}(?:of[ \t]{1,3})?)(\d{4})(?!\p{N})`,
  'giu',
);

interface Ymd {
  /** Undefined when the written date has no year. */
  y?: number;
  m: number;
  d: number;
}
interface Reading extends Ymd {
  render(date: Ymd): string;
}
interface DateSpan {
  start: number;
  end: number;
  /** Valid readings, preferred first (an ambiguous numeric date has two). */
  readings: Reading[];
}

function monthIndex(name: string): number {
  return MONTH_NAMES.findIndex((n) => n.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;
}
function valid(y: number | undefined, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y ?? 2024, m);
}
/** Writes month `m` like `written` was: full name or abbreviation ("Sept" kept for September), same case. */
function monthLike(written: string, m: number): string {
  const full = MONTH_NAMES[m - 1];
  let out = full;
  if (written.length <= 4 && !/^(may|june|july)$/i.test(written)) {
    out = m === 9 && written.length === 4 ? 'Sept' : full.slice(0, 3);
  }
  return caseLike(written, out);
}
function yearLike(written: string, y: number): string {
  if (written.startsWith("'")) return `'${pad(y % 100, 2)}`;
  return written.length === 2 ? pad(y % 100, 2) : String(y);
}
function parseYear(written: string): number {
  const digits = written.replace("'", '');
  return digits.length === 4 ? Number(digits) : fullYear(Number(digits));
}

/** Every date written in `text` (calendar-valid), with how to write another date the same way. */
function scanDates(text: string, withShort = false): DateSpan[] {
  const out: DateSpan[] = [];
  const push = (start: number, end: number, readings: Reading[]) => {
    const ok = readings.filter((r) => valid(r.y, r.m, r.d));
    if (ok.length > 0) out.push({ start, end, readings: ok });
  };
  for (const m of text.matchAll(RE_MONTH_FIRST)) {
    const [all, mon, dot, sp1, day, ord, comma, sp2, year] = m;
    if (/^may$/i.test(mon) && mon[0] !== 'M' && !year) continue; // "may 3" is more likely the verb
    if (year && !comma && !sp2) continue;
    const padDay = day.length === 2 && day[0] === '0';
    const render = (r: Ymd) =>
      `${monthLike(mon, r.m)}${dot && monthLike(mon, r.m).length < MONTH_NAMES[r.m - 1].length ? '.' : ''}${sp1}` +
      `${padDay ? pad(r.d, 2) : r.d}${ord ? ordinal(r.d) : ''}` +
      (year && r.y !== undefined ? `${comma}${sp2}${yearLike(year, r.y)}` : '');
    push(m.index, m.index + all.length, [
      { y: year ? parseYear(year) : undefined, m: monthIndex(mon), d: Number(day), render },
    ]);
  }
  for (const m of text.matchAll(RE_DAY_FIRST)) {
    const [all, day, ord, sep, mon, dot, sep2, year] = m;
    const padDay = day.length === 2 && day[0] === '0';
    const render = (r: Ymd) =>
      `${padDay ? pad(r.d, 2) : r.d}${ord ? ordinal(r.d) : ''}${sep}${monthLike(mon, r.m)}` +
      `${dot && monthLike(mon, r.m).length < MONTH_NAMES[r.m - 1].length ? '.' : ''}` +
      (year && r.y !== undefined ? `${sep2}${yearLike(year, r.y)}` : '');
    push(m.index, m.index + all.length, [
      { y: year ? parseYear(year) : undefined, m: monthIndex(mon), d: Number(day), render },
    ]);
  }
  for (const m of text.matchAll(RE_NUMERIC)) {
    const [all, a, sep, b, year] = m;
    // Zero padding: shown by a leading 0; a two-digit value >= 10 says nothing, so follow the other part.
    const padOf = (s: string, other: string) =>
      (s.length === 2 && s[0] === '0') || (s.length === 2 && other.length === 2);
    const padA = padOf(a, b);
    const padB = padOf(b, a);
    const w = (n: number, p: boolean) => (p ? pad(n, 2) : String(n));
    const y = parseYear(year);
    const mdy: Reading = {
      y,
      m: Number(a),
      d: Number(b),
      render: (r) => `${w(r.m, padA)}${sep}${w(r.d, padB)}${sep}${yearLike(year, r.y ?? y)}`,
    };
    const dmy: Reading = {
      y,
      m: Number(b),
      d: Number(a),
      render: (r) => `${w(r.d, padA)}${sep}${w(r.m, padB)}${sep}${yearLike(year, r.y ?? y)}`,
    };
    push(m.index, m.index + all.length, sep === '.' ? [dmy, mdy] : [mdy, dmy]);
  }
  for (const m of text.matchAll(RE_ISO)) {
    const [all, year, sep, mo, day] = m;
    const padM = mo.length === 2;
    const padD = day.length === 2;
    const y = Number(year);
    push(m.index, m.index + all.length, [
      {
        y,
        m: Number(mo),
        d: Number(day),
        render: (r) => `${r.y ?? y}${sep}${padM ? pad(r.m, 2) : r.m}${sep}${padD ? pad(r.d, 2) : r.d}`,
      },
    ]);
  }
  if (withShort) {
    for (const m of text.matchAll(RE_SHORT)) {
      const [all, a, b] = m;
      const padA = a.length === 2;
      const padB = b.length === 2;
      push(m.index, m.index + all.length, [
        {
          m: Number(a),
          d: Number(b),
          render: (r) => `${padA ? pad(r.m, 2) : r.m}/${padB ? pad(r.d, 2) : r.d}`,
        },
      ]);
    }
  }
  return out;
}

function toDay(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}
function fromDay(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function mdKey(m: number, d: number): string {
  return `${m}-${d}`;
}

// ---------------------------------------------------------------------------------------------------

interface Exact {
  surrogate: string;
  original: string;
  /** Compare case-sensitively (names, places). */
  cased: boolean;
}

interface Candidate extends SurrogateMatch {
  exact: boolean;
}

/** Builds a surrogate generator for one conversation (see the header for the rules). */
export function createSurrogates(random: () => number = defaultRandom): Surrogates {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  // At most 364: a whole-year shift (365/366) would leave a date without a year unchanged.
  const magnitude = 30 + int(335);
  const shiftDays = random() < 0.5 ? -magnitude : magnitude;
  const shiftMonths = Math.round(shiftDays / 30.4375);

  /** category + normalised value -> stand-in. */
  const cache = new Map<string, string>();
  /** Normalised originals and stand-ins seen so far (a new random stand-in must avoid both). */
  const seenOriginals = new Set<string>();
  const issued = new Set<string>();
  const exacts: Exact[] = [];
  /** Name parts: original part (lower case) -> stand-in part; all stand-in parts in use (lower case). */
  const nameParts = new Map<string, string>();
  const usedParts = new Set<string>();
  const seenParts = new Set<string>();
  /** Stand-in name part as written -> original part as written. */
  const partBack = new Map<string, string>();
  const cityMap = new Map<string, string>();
  const initials = new Map<string, string>();
  /** Issued stand-in day -> original day; stand-in month/day -> original month/days. */
  const dayBack = new Map<number, number>();
  const mdBack = new Map<string, Set<string>>();
  /** Digits of issued phone/SSN/card stand-ins -> original. */
  const digitBack = new Map<string, string>();
  const ageBack = new Map<number, number>();
  const ageMap = new Map<number, number>();

  const fresh = (make: () => string, original: string): string => {
    let out = make();
    for (
      let i = 0;
      i < 50 && (seenOriginals.has(norm(out)) || issued.has(norm(out)) || norm(out) === norm(original));
      i++
    ) {
      out = make();
    }
    // A degenerate random source (e.g. a constant) cannot make us return the original itself.
    return norm(out) === norm(original) ? perturb(out) : out;
  };

  // ---- identifiers and numbers -------------------------------------------------------------------

  const randomLike = (value: string): string =>
    value.replace(/[\p{L}\p{N}]/gu, (c) => {
      if (/\d/.test(c)) return String(int(10));
      const letter = LETTERS[int(LETTERS.length)];
      return c === c.toLowerCase() && c !== c.toUpperCase() ? letter.toLowerCase() : letter;
    });

  /** Replaces the digits of `value` in order with `digits` (same count). */
  const fillDigits = (value: string, digits: string): string => {
    let i = 0;
    return value.replace(/\d/g, () => digits[i++] ?? '0');
  };
  const randomDigits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');

  const phone = (value: string): string => {
    const digits = value.replace(/\D/g, '');
    const local = `555${`01${pad(int(100), 2)}`}`;
    if (digits.length === 10) return fillDigits(value, pick(AREA_CODES) + local);
    if (digits.length === 11 && digits[0] === '1') return fillDigits(value, `1${pick(AREA_CODES)}${local}`);
    if (digits.length === 7) return fillDigits(value, local);
    if (digits.length > 10 && !value.trim().startsWith('+')) {
      // A NANP number with an extension: the number in the fictional range, the extension random.
      return fillDigits(value, pick(AREA_CODES) + local + randomDigits(digits.length - 10));
    }
    return randomLike(value);
  };

  const ssn = (value: string): string => {
    const digits = value.replace(/\D/g, '');
    if (digits.length !== 9) return randomLike(value);
    const group = pad(1 + int(49), 2);
    const serial = pad(1 + int(9999), 4);
    return fillDigits(value, `9${pad(int(100), 2)}${group}${serial}`);
  };

  const card = (value: string): string => {
    const digits = value.replace(/\D/g, '');
    if (digits.length < 12 || digits.length > 19) return randomLike(value);
    const prefix =
      digits[0] === '3'
        ? '378282'
        : digits[0] === '5' || digits[0] === '2'
          ? '555555'
          : digits[0] === '6'
            ? '601111'
            : '400000';
    const body = prefix + randomDigits(digits.length - prefix.length - 1);
    let check = 0;
    for (let c = 0; c < 10; c++) {
      if (luhnValid(body + c)) check = c;
    }
    if (!luhnValid(digits)) check = (check + 1 + int(9)) % 10;
    return fillDigits(value, body + check);
  };

  const ipAddress = (value: string): string => {
    const v4 = /\d{1,3}(?:\.\d{1,3}){3}/.exec(value);
    if (v4) {
      const ip = `${pick(['192.0.2', '198.51.100', '203.0.113'])}.${1 + int(254)}`;
      return value.slice(0, v4.index) + ip + value.slice(v4.index + v4[0].length);
    }
    if (value.includes(':')) {
      const hex = () => (1 + int(0xfffe)).toString(16);
      const ip = `2001:db8::${hex()}:${hex()}`;
      return value.replace(/[0-9a-f]*:[0-9a-f:.]*/i, value === value.toUpperCase() ? ip.toUpperCase() : ip);
    }
    return randomLike(value);
  };

  const email = (value: string): string => {
    const at = value.lastIndexOf('@');
    const local = at > 0 ? value.slice(0, at) : value;
    const first = pick([...FIRST_F, ...FIRST_M]).toLowerCase();
    const last = pick(LAST).toLowerCase();
    const sep = /[._-]/.exec(local)?.[0];
    const user = sep ? `${first}${sep}${last}` : `${first[0]}${last}`;
    const digits = /\d+$/.exec(local)?.[0];
    const domain = /\.org$/i.test(value) ? 'example.org' : 'example.com';
    return `${user}${digits ? randomDigits(digits.length) : ''}@${domain}`;
  };

  const url = (value: string): string => {
    const m = /^([a-z][a-z0-9+.-]*:\/\/)?(www\.)?([^/?#\s]*)(.*)$/i.exec(value.trim());
    if (!m) return `https://example.com/${randomLike('abc123')}`;
    const [, scheme = '', www = '', , rest] = m;
    return `${scheme}${www}example.com${randomLike(rest)}`;
  };

  const age = (value: string): string => {
    const m = /\d+/.exec(value);
    if (!m) {
      const words = /ninety(?:[- ](one|two|three|four|five|six|seven|eight|nine))?/i.exec(value);
      if (!words) return randomLike(value);
      const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
      const options = ['', ...units].filter((u) => u !== (words[1] ?? '').toLowerCase());
      const u = pick(options);
      return value.replace(words[0], caseLike(words[0], u ? `ninety-${u}` : 'ninety'));
    }
    const n = Number(m[0]);
    let out = ageMap.get(n);
    if (out === undefined) {
      const lo = n >= 100 ? 100 : n >= 90 ? 90 : Math.max(1, n - 3);
      const hi = n >= 100 ? 109 : n >= 90 ? 99 : n + 3;
      const options: number[] = [];
      for (let a = lo; a <= hi; a++) if (a !== n && !ageBack.has(a) && !ageMap.has(a)) options.push(a);
      out = options.length > 0 ? pick(options) : n >= 90 ? 110 + ageMap.size : n + 4 + ageMap.size;
      ageMap.set(n, out);
      ageBack.set(out, n);
    }
    return value.slice(0, m.index) + String(out) + value.slice(m.index + m[0].length);
  };

  // ---- dates -------------------------------------------------------------------------------------

  const date = (value: string): string => {
    const spans = scanDates(value, true);
    if (spans.length > 0) {
      const span = spans.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
      const r = span.readings[0];
      const from = toDay(r.y ?? 2024, r.m, r.d);
      const to = fromDay(from + shiftDays);
      if (r.y !== undefined) dayBack.set(from + shiftDays, from);
      const key = mdKey(to.m, to.d);
      const set = mdBack.get(key) ?? new Set<string>();
      set.add(mdKey(r.m, r.d));
      mdBack.set(key, set);
      const written = r.render({ y: r.y === undefined ? undefined : to.y, m: to.m, d: to.d });
      return value.slice(0, span.start) + written + value.slice(span.end);
    }
    const my = new RegExp(RE_MONTH_YEAR.source, 'iu').exec(value);
    if (my) {
      const months = Number(my[3]) * 12 + monthIndex(my[1]) - 1 + shiftMonths;
      const written = `${monthLike(my[1], (months % 12) + 1)}${my[2]}${Math.floor(months / 12)}`;
      return value.slice(0, my.index) + written + value.slice(my.index + my[0].length);
    }
    return fresh(() => randomLike(value), value);
  };

  // ---- names -------------------------------------------------------------------------------------

  const syllables = ['ka', 'lo', 'ri', 'den', 'mar', 'vel', 'tor', 'sa', 'ne', 'bri', 'lan', 'co'];
  const namePart = (original: string, role: 'first' | 'last', gender?: 'f' | 'm'): string => {
    const key = original.toLowerCase();
    let out = nameParts.get(key);
    if (!out) {
      const list =
        role === 'last' ? LAST : gender === 'f' ? FIRST_F : gender === 'm' ? FIRST_M : [...FIRST_F, ...FIRST_M];
      const free = list.filter((n) => !usedParts.has(n.toLowerCase()) && !seenParts.has(n.toLowerCase()));
      if (free.length > 0) out = pick(free);
      else {
        // List exhausted (a very long conversation): a pronounceable made-up name, unique by construction.
        const taken = (n: string) => usedParts.has(n.toLowerCase()) || seenParts.has(n.toLowerCase());
        let made = '';
        for (let i = 0; i < 100 && (!made || taken(made)); i++) {
          const s = pick(syllables) + pick(syllables) + pick(syllables);
          made = s[0].toUpperCase() + s.slice(1);
        }
        for (let i = 0; taken(made); i++) made += syllables[i % syllables.length];
        out = made;
      }
      nameParts.set(key, out);
      usedParts.add(out.toLowerCase());
    }
    const written = caseLike(original, out);
    partBack.set(written, original);
    return written;
  };

  const name = (value: string): string => {
    const words = [...value.matchAll(/[\p{L}][\p{L}\p{M}'’-]*\.?/gu)];
    for (const w of words) seenParts.add(w[0].replace(/\.$/, '').toLowerCase());
    const comma = value.indexOf(',');
    const kinds = words.map((w) => {
      const t = w[0];
      const bare = t.replace(/\.$/, '');
      if (TITLE.test(t) && w.index === words[0].index) return 'title';
      if (SUFFIX.test(t) && words.length > 1 && w.index === words[words.length - 1].index) return 'suffix';
      if (bare.length === 1) return 'initial';
      if (PARTICLE.test(bare) && w.index !== words[words.length - 1].index) return 'particle';
      return 'word';
    });
    const title = kinds[0] === 'title' ? words[0][0].replace(/\.$/, '').toLowerCase() : '';
    const gender = /^(mrs|ms|miss)$/.test(title) ? 'f' : title === 'mr' ? 'm' : undefined;
    const nameIdx = kinds.flatMap((k, i) => (k === 'word' ? [i] : []));
    const roles = new Map<number, 'first' | 'last'>();
    if (comma >= 0) {
      for (const i of nameIdx) roles.set(i, (words[i].index ?? 0) < comma ? 'last' : 'first');
    } else if (nameIdx.length === 1) {
      // "Dr. Smith" and "van Berg" are surnames; "John", "Dr. John L." are first names.
      const surname = (title && kinds[nameIdx[0] + 1] !== 'initial') || kinds[nameIdx[0] - 1] === 'particle';
      roles.set(nameIdx[0], surname ? 'last' : 'first');
    } else {
      for (const i of nameIdx) roles.set(i, i === nameIdx[nameIdx.length - 1] ? 'last' : 'first');
    }
    let out = '';
    let pos = 0;
    words.forEach((w, i) => {
      const start = w.index ?? 0;
      const t = w[0];
      let repl = t;
      if (kinds[i] === 'initial') {
        const letter = t[0].toUpperCase();
        let c = initials.get(letter);
        if (!c) {
          // A one-to-one letter mapping, so "John L. Smith" and "Dr. John L." keep one initial.
          const used = new Set(initials.values());
          let pool = [...LETTERS].filter((l) => l !== letter && !used.has(l));
          if (pool.length === 0) pool = [...'IOQ'].filter((l) => l !== letter && !used.has(l));
          c = pool.length > 0 ? pick(pool) : letter === 'A' ? 'B' : 'A';
          initials.set(letter, c);
        }
        repl = caseLike(t[0], c) + t.slice(1);
      } else if (kinds[i] === 'word') {
        const role = roles.get(i) ?? 'first';
        repl = t
          .replace(/\.$/, '')
          .split('-')
          .map((p) => (p ? namePart(p, role, gender) : p))
          .join('-');
        if (t.endsWith('.')) repl += '.';
      }
      out += value.slice(pos, start) + repl;
      pos = start + t.length;
    });
    return out + value.slice(pos);
  };

  // ---- places ------------------------------------------------------------------------------------

  const city = (original: string): string => {
    const key = original.toLowerCase();
    let out = cityMap.get(key);
    if (!out) {
      const used = new Set(cityMap.values());
      const free = CITIES.filter((c) => !used.has(c) && c.toLowerCase() !== key && !seenOriginals.has(c.toLowerCase()));
      out = free.length > 0 ? pick(free) : `${pick(CITIES)} ${pick(['Springs', 'Heights', 'Falls'])}`;
      cityMap.set(key, out);
    }
    exacts.push({ surrogate: out, original, cased: true });
    return caseLike(original, out);
  };
  const CITY_STATE =
    /^([\p{L}][\p{L}.'’ -]*?)(,[ \t]*)([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(\.?)([ \t]+\d{5}(?:-\d{4})?)?$/u;

  /** The part of an address after the street: digits random, unit words and state codes kept, other capitalised words become a city. */
  const placeTail = (s: string): string =>
    s
      .replace(/\d/g, () => String(int(10)))
      .replace(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)*/g, (w) => (UNIT.test(w) ? w : city(w)));

  const location = (value: string): string => {
    const trimmed = value.trim();
    const head = FACILITY_HEAD.exec(value);
    if (head) return fresh(() => `${pick(FACILITIES)} ${head[0]}`, value);
    const words = trimmed.split(/\s+/);
    const typeAt = words.findIndex((w, i) => i > 0 && STREET_TYPES.has(w.replace(/[.,]/g, '').toLowerCase()));
    if (/^\d/.test(trimmed) && typeAt > 0) {
      // "<number> [N] <name...> <type>[, rest]" or "<number> <leading type> <name...>[, rest]".
      const commaAt = trimmed.indexOf(',');
      const street = commaAt >= 0 ? trimmed.slice(0, commaAt) : trimmed;
      const rest = commaAt >= 0 ? trimmed.slice(commaAt) : '';
      const parts = street.split(/(\s+)/);
      const num = parts[0];
      const digits = num.replace(/\D/g, '');
      let newNum = String(1 + int(9)) + randomDigits(digits.length - 1);
      if (newNum === digits) newNum = perturb(newNum).replace(/^0/, '1');
      const tokens = parts.filter((_, i) => i % 2 === 0);
      // The street type is the last type word before a unit or number ("12 Park Avenue Apt 3" -> Avenue);
      // only a type word right after the number leads ("12 Calle Mayor").
      const isType = (w: string) => STREET_TYPES.has(w.replace(/[.,]/g, '').toLowerCase());
      let limit = tokens.findIndex((w, i) => i > 0 && (/\d/.test(w) || UNIT.test(w)));
      if (limit < 0) limit = tokens.length;
      let typeIdx = isType(tokens[1] ?? '') ? 1 : -1;
      for (let i = 2; i < limit; i++) if (isType(tokens[i])) typeIdx = i;
      const isDir = (w: string) => /^(?:[NSEW]\.?|north|south|east|west)$/i.test(w);
      const streetName = pick(STREETS.filter((s) => !street.toLowerCase().includes(s.toLowerCase())));
      let outStreet: string;
      if (typeIdx <= 1) {
        outStreet = `${fillDigits(num, newNum)} ${tokens[1]} ${streetName}`;
      } else {
        const dir = tokens.slice(1, typeIdx).filter(isDir);
        const after = placeTail(tokens.slice(typeIdx + 1).join(' '));
        outStreet =
          [fillDigits(num, newNum), ...dir, streetName, tokens[typeIdx]].join(' ') + (after ? ` ${after}` : '');
      }
      let outRest = rest;
      const cs = /^(,[ \t]*)(.*)$/.exec(rest);
      if (cs) {
        const inner = CITY_STATE.exec(cs[2]);
        outRest = inner
          ? `${cs[1]}${city(inner[1])}${inner[2]}${inner[3]}${inner[4]}${inner[5] ? randomLike(inner[5]) : ''}`
          : placeTail(rest);
      }
      return outStreet + outRest;
    }
    const cs = CITY_STATE.exec(trimmed);
    if (cs) return `${city(cs[1])}${cs[2]}${cs[3]}${cs[4]}${cs[5] ? randomLike(cs[5]) : ''}`;
    if (/^[\d -]+$/.test(trimmed)) return fresh(() => randomLike(value), value);
    if (/^[\p{L}.'’ -]+$/u.test(trimmed) && words.length <= 4) {
      const last = words[words.length - 1];
      if (words.length > 1 && REGION_HEAD.test(last)) return `${city(words.slice(0, -1).join(' '))} ${last}`;
      return city(trimmed);
    }
    return fresh(() => randomLike(value), value);
  };

  // ---- surrogate() -------------------------------------------------------------------------------

  /** Stand-in makers by category (FAX as PHONE); anything else gets randomLike. Each is retried by fresh(). */
  const MAKERS: Partial<Record<Category, (value: string) => string>> = {
    NAME: name,
    LOCATION: location,
    PHONE: phone,
    FAX: phone,
    SSN: ssn,
    EMAIL: email,
    URL: url,
    IP_ADDRESS: ipAddress,
    PAYMENT_CARD: card,
  };
  const make = (category: Category, value: string): string => {
    // A date is shifted and an age kept in band: both keep the value's own form and are not retried.
    if (category === 'DATE') return date(value);
    if (category === 'AGE') return age(value);
    const maker = MAKERS[category] ?? randomLike;
    return fresh(() => maker(value), value);
  };

  return {
    shiftDays,
    surrogate(category, value) {
      const key = `${category}\u0000${norm(value)}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      seenOriginals.add(norm(value));
      const out = make(category, value);
      cache.set(key, out);
      issued.add(norm(out));
      const cased = category === 'NAME' || category === 'LOCATION';
      exacts.push({ surrogate: out, original: value, cased });
      if (category === 'URL') {
        const bare = out.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
        if (bare !== out)
          exacts.push({ surrogate: bare, original: value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''), cased });
      }
      if (category === 'PHONE' || category === 'FAX' || category === 'SSN' || category === 'PAYMENT_CARD') {
        const digits = out.replace(/\D/g, '');
        digitBack.set(category === 'PHONE' || category === 'FAX' ? digits.slice(-10) : digits, value);
        if (digits.length === 11) digitBack.set(digits.slice(1), value);
      }
      return out;
    },
    find(text) {
      if (exacts.length === 0) return [];
      const cands: Candidate[] = [];
      const add = (start: number, end: number, original: string, exact: boolean) => {
        cands.push({ start, end, original, surrogate: text.slice(start, end), exact });
      };
      const lower = asciiLower(text);

      // Exact stand-ins.
      const seen = new Set<string>();
      for (const e of exacts) {
        if (e.surrogate.length === 0 || e.surrogate === e.original) continue;
        if (e.surrogate.length < 5 && /^[\d\W]*$/.test(e.surrogate)) continue;
        const needle = e.cased ? e.surrogate : asciiLower(e.surrogate);
        const dedupe = `${e.cased}\u0000${needle}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const hay = e.cased ? text : lower;
        for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
          if (bounded(text, i, i + needle.length)) add(i, i + needle.length, e.original, true);
        }
      }

      // Name parts.
      if (partBack.size > 0) {
        const toks = [...text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => ({
          start: m.index ?? 0,
          end: (m.index ?? 0) + m[0].length,
          word: m[0],
          state: 0 as 0 | 1 | 2, // 0 not a part, 1 part (weak), 2 accepted
        }));
        for (const t of toks) {
          if (!partBack.has(t.word)) continue;
          const titled = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]{1,3}$/u.test(
            text.slice(Math.max(0, t.start - 10), t.start),
          );
          const strong = t.word.length >= 4 && !COMMON_WORDS.has(t.word.toLowerCase());
          t.state = titled || strong ? 2 : 1;
        }
        const near = (a: { end: number }, b: { start: number }) =>
          /^(?:[ \t]{1,3}|,[ \t]{1,2}|[ \t]\p{L}\.[ \t])$/u.test(text.slice(a.end, b.start));
        for (let pass = 0; pass < 2; pass++) {
          for (let k = 0; k < toks.length; k++) {
            const i = pass === 0 ? k : toks.length - 1 - k;
            if (toks[i].state !== 1) continue;
            const prev = toks[i - 1];
            const next = toks[i + 1];
            if ((prev?.state === 2 && near(prev, toks[i])) || (next?.state === 2 && near(toks[i], next)))
              toks[i].state = 2;
          }
        }
        for (const t of toks) {
          const original = partBack.get(t.word);
          if (t.state === 2 && original !== undefined) add(t.start, t.end, original, false);
        }
      }

      // Dates in any format.
      if (dayBack.size > 0 || mdBack.size > 0) {
        for (const span of scanDates(text)) {
          for (const r of span.readings) {
            let back: Ymd | undefined;
            if (r.y !== undefined) {
              const from = dayBack.get(toDay(r.y, r.m, r.d));
              if (from !== undefined) back = fromDay(from);
            } else {
              const set = mdBack.get(mdKey(r.m, r.d));
              if (set && set.size === 1) {
                const [m, d] = [...set][0].split('-').map(Number);
                back = { m, d };
              }
            }
            if (back) {
              add(span.start, span.end, r.render(back), false);
              break;
            }
          }
        }
      }

      // Re-punctuated phones, SSNs and cards.
      if (digitBack.size > 0) {
        const patterns = [
          /(?<![\p{L}\p{N}])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?![\p{L}\p{N}])/gu,
          /(?<![\p{L}\p{N}])\d{3}[ -]?\d{2}[ -]?\d{4}(?![\p{L}\p{N}])/gu,
          /(?<![\p{L}\p{N}])\d(?:[ -]?\d){11,18}(?![\p{L}\p{N}])/gu,
        ];
        for (const re of patterns) {
          for (const m of text.matchAll(re)) {
            const digits = m[0].replace(/\D/g, '');
            const original =
              digitBack.get(digits) ?? (digits.length === 11 ? digitBack.get(digits.slice(1)) : undefined);
            if (original !== undefined) add(m.index ?? 0, (m.index ?? 0) + m[0].length, original, false);
          }
        }
      }

      // Ages next to an age word.
      if (ageBack.size > 0) {
        const re =
          /(?<![\p{L}\p{N}.])(?:(?:aged?|age:)[ \t]{0,2})?(\d{2,3})(?=[ \t-]{0,2}(?:years?|yrs?|yo\b|y\.?\/?o\b\.?|year-old)|\b)/giu;
        for (const m of text.matchAll(re)) {
          const n = Number(m[1]);
          const original = ageBack.get(n);
          if (original === undefined) continue;
          const start = (m.index ?? 0) + m[0].length - m[1].length;
          const end = start + m[1].length;
          const cue =
            m[0].length > m[1].length ||
            /^[ \t-]{0,2}(?:years?|yrs?|yo\b|y\.?\/?o\b\.?|year-old)/i.test(text.slice(end, end + 12));
          if (cue) add(start, end, String(original), false);
        }
      }

      // Longest wins; exact before derived; then leftmost. Chosen spans never overlap.
      cands.sort(
        (a, b) => b.end - b.start - (a.end - a.start) || Number(b.exact) - Number(a.exact) || a.start - b.start,
      );
      const taken = new Uint8Array(text.length);
      const out: SurrogateMatch[] = [];
      for (const c of cands) {
        let free = true;
        for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
        if (!free) continue;
        taken.fill(1, c.start, c.end);
        out.push({ start: c.start, end: c.end, original: c.original, surrogate: c.surrogate });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
