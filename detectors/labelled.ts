import { charIndex3, matchRegions, matchStarts } from './anchors';
import { alternatives, groupByFirstChar, prefixesOf, QUANTIFIER } from './regex-source';
import { TK_DIGIT, TK_PLAIN, tokensOf } from './tokens';
import { type Candidate, type Category, newScanCache, type ScanInput } from './types';
import { digitRegions, digits, type Regions, reachOf } from './util';

/**
 * Shared machinery for identifiers that are recognised by their label ("MRN: 12345", "insurance
 * policy #AB-9876", "acct no. 55-0192"). The label alternatives are lower-case regex source; the
 * value is one token of letters, digits and inner - / . that must contain at least `minDigits` digits.
 * All quantifiers are bounded, so the scan is linear in the text length.
 */
const CONNECT = String.raw`(?:[ \t]{0,3}(?:number|numbers|num|nbr|no\.?|#|id|ids|is|was|code|:|=|-|\())?(?:[ \t]{0,3}(?:number|num|nbr|no\.?|#|:|=|-|is))?[ \t]{0,3}[:#=]?[ \t]{0,3}`;
const TOKEN = '(#?[a-z0-9](?:[a-z0-9]|[-/.](?=[a-z0-9])){0,30})';

export interface LabelSpec {
  category: Category;
  /** Regex alternatives, lower case, matched at a word boundary. */
  labels: readonly string[];
  /** Reason shown to the user. */
  reason: string;
  minDigits?: number;
  /** Include the label in the finding (for generic "patient ID: ..." where the label is identifying). */
  includeLabel?: boolean;
  confidence?: number;
}

/**
 * Every label searched for by labelStarts (those of every labelled regex and those shared with
 * `searchLabels`), and the labelled regexes made here (whose labels are all in the list).
 */
const allLabels: string[] = [];
const registered = new WeakSet<RegExp>();
/** The largest reach (regexReach) of the regexes whose starts labelStarts finds (see there). */
let usersReach = 0;
/** The union of every label with its look-behind (sticky), and with the character before it consumed (see labelStarts). */
let anyLabel: RegExp | undefined;
let anyLabelAfter: RegExp | undefined;
/**
 * The labels' possible first three characters (regex-source.ts prefixesOf), one entry per charIndex3
 * index; null when a label's source is one prefixesOf does not read (the regex search is used then).
 */
let labelHeads: Uint8Array | null | undefined;
/**
 * The labels that start with a space and a letter (" id": `(?:patient|pt|...)? ?ids?`), by the two
 * characters after the space (charIndex3's five bits each): 1 where such a label can start.
 */
const spaceHeads = new Uint8Array(1 << 10);
let byTokens = true;
/** Test hook: search label starts with the union regex alone (false) or by the tokens (true, the default). */
export function setLabelTokenSearch(on: boolean): void {
  byTokens = on;
}
/** Test hook: whether labelStarts finds the starts by the tokens (every label's source was read). */
export function labelTokenSearchInUse(): boolean {
  labelStarts({ text: 'id 1', lower: 'id 1' });
  return byTokens && labelHeads !== null && labelHeads !== undefined;
}

export function labelledRegex(labels: readonly string[]): RegExp {
  const re = new RegExp(`(?<![a-z0-9/])(?:${labels.join('|')})(?![a-z])${CONNECT}${TOKEN}`, 'g');
  searchLabels(labels, re);
  registered.add(re);
  return re;
}

/**
 * Adds labels (lower-case regex alternatives, each matched after a non-letter and before a non-letter)
 * to the shared search of labelStarts, for a detector whose regex `re` starts with one of them after
 * `(?<![a-z])` (license-plate) and which keeps only matches holding a digit: its matches then start at
 * labelStarts' positions.
 */
export function searchLabels(labels: readonly string[], re: RegExp): void {
  allLabels.push(...labels);
  usersReach = Math.max(usersReach, reachOf(re));
  anyLabel = undefined;
}

/**
 * The alternatives of a label with a leading optional character or group written out
 * ("(?:patient|pt)? ?ids?" -> "patient ?ids?", "pt ?ids?", " ids?", "ids?"), so that each starts with a
 * plain character. The same strings match; a source this does not read is returned as it is.
 */
function spread(label: string): string[] {
  if (label.startsWith('(?:')) {
    let depth = 0;
    let close = -1;
    for (let i = 0; i < label.length && close < 0; i++) {
      if (label[i] === '\\') i++;
      else if (label[i] === '(') depth++;
      else if (label[i] === ')' && --depth === 0) close = i;
    }
    if (close < 0) return [label];
    const q = label[close + 1];
    const optional = q === '?' && !QUANTIFIER.test(label.slice(close + 2));
    if (q !== undefined && QUANTIFIER.test(q) && !optional) return [label];
    const rest = label.slice(close + (optional ? 2 : 1));
    const out = alternatives(label.slice(3, close)).flatMap((a) => spread(a + rest));
    if (optional) out.push(...spread(rest));
    return out;
  }
  if (/^[a-z0-9 ]\?/.test(label) && !QUANTIFIER.test(label.slice(2))) {
    return [...spread(label.slice(2)), ...spread(label[0] + label.slice(2))];
  }
  return [label];
}

/**
 * The union of the labels regrouped by first character ("mrn|mr ?#|chart" -> "m(?:rn|r ?#)|c(?:hart)"),
 * for the search of label starts: at each position V8 then tries the one group of that character instead
 * of every label. The union matches at the same positions (only where it is used: the search keeps
 * starts, not which label matched). Labels with syntax this does not regroup (a leading escape, class or
 * capture, a back-reference or named group) stay as they are, after the groups.
 */
function byFirstChar(labels: readonly string[]): string {
  if (labels.some((l) => /\\[1-9k]|\(\?</.test(l))) return labels.join('|');
  return groupByFirstChar(labels.flatMap(alternatives).flatMap(spread));
}

/**
 * Where any label starts (of the six labelled detectors and of license-plate), inside labelRegions,
 * ascending, for matchStarts: one pass of the union of all labels, shared by these detectors, instead of each of them searching the
 * digit regions with its own regex. Such a regex can only match where one of its labels starts, after a
 * non-letter (the labelled regexes also exclude a digit or "/" there), so searching from these positions
 * alone finds exactly the matches a search of the digit regions finds: a position where the detector's
 * own labels do not start (a label of another detector, one after a digit) only costs it a failed try.
 * Overlapping starts are all kept ("medical record" and "record").
 *
 * The search consumes the character before a label (`[^a-z]`) instead of testing it with a look-behind:
 * V8 then rejects most positions by their first character, and the pass is ~1.4x faster. A match at
 * m.index is the label start m.index + 1, and the search resumes at that label start, so a label right
 * after it (whose consumed character is the label's first) is still found: the starts are those the
 * look-behind search finds. Only a label at the very start of the text has no character before it; that
 * one position is tried with the look-behind regex itself.
 *
 * That search is the fallback: when every label's source is one prefixesOf reads, the starts are found
 * from the scan's tokens instead (labelStartsByTokens: the same starts, with the union tried only at token
 * starts whose first three characters can begin a label).
 */
export function labelStarts(input: ScanInput): readonly number[] {
  input.cache ??= newScanCache();
  const hit = input.cache.labelStarts;
  if (hit && hit.n === allLabels.length) return hit.starts;
  if (anyLabel === undefined) {
    const union = `(?:${byFirstChar(allLabels)})(?![a-z])`;
    anyLabel = new RegExp(`(?<![a-z])${union}`, 'y');
    anyLabelAfter = new RegExp(`[^a-z]${union}`, 'g');
    labelHeads = headTable(allLabels);
  }
  if (labelHeads && byTokens) {
    const starts = labelStartsByTokens(input, anyLabel, labelHeads);
    input.cache.labelStarts = { n: allLabels.length, starts };
    return starts;
  }
  const re = anyLabelAfter as RegExp;
  const lower = input.lower;
  const n = lower.length;
  // The window a region's search needs: a label start before rEnd is decided by rEnd + the label's reach.
  const reach = reachOf(anyLabel);
  const out: number[] = [];
  for (const [rs, rEnd] of labelRegions(input)) {
    if (rs === 0) {
      anyLabel.lastIndex = 0;
      if (anyLabel.test(lower)) out.push(0);
    }
    const limit = rEnd + reach;
    const subject = limit < n ? lower.slice(0, limit) : lower;
    re.lastIndex = rs > 0 ? rs - 1 : 0;
    for (let m = re.exec(subject); m && m.index + 1 < rEnd; m = re.exec(subject)) {
      const p = m.index + 1;
      out.push(p); // ascending: the search resumes at p, so the next start is after it
      re.lastIndex = p;
    }
  }
  input.cache.labelStarts = { n: allLabels.length, starts: out };
  return out;
}

/**
 * labelStarts by the tokens: the same starts, with the union tried (sticky, with its look-behind) only at
 * the positions a label can start, in the label regions. Every label starts with a letter a-z, or with a
 * space and a letter (headTable checks). A letter a-z of the lower-cased copy is in the text an ASCII
 * letter or the Kelvin sign (the only other character lower-cased to one): a word character, inside a
 * token; a space before it (no word character) ends the text before a token, so such a label starts
 * just before a token's start. A label start is then a token's start or, inside a token, a
 * position after a character that is not a-z in the lower-cased copy: a digit, a joiner or a non-ASCII
 * character, so only tokens holding one of those (TK_DIGIT, not TK_PLAIN) are walked. At each such position
 * the first three characters must be a label's (the `heads` table, a superset by charIndex3) before the
 * union is tried: most words fail that table test.
 */
function labelStartsByTokens(input: ScanInput, union: RegExp, heads: Uint8Array): number[] {
  const lower = input.lower;
  const toks = tokensOf(input);
  const out: number[] = [];
  let k = 0;
  for (const [rs, rEnd] of labelRegions(input)) {
    // The first token ending after rs (its start may be before rs: its inner positions may be in the region).
    // A linear walk: the tokens lie in memory in their order, where a binary search's jumps miss the cache.
    while (k < toks.length && toks[k].end <= rs) k++;
    for (; k < toks.length; k++) {
      const tok = toks[k];
      const s = tok.start;
      if (s > rEnd) break;
      const c0 = lower.charCodeAt(s);
      const c1 = lower.charCodeAt(s + 1);
      // A label that starts with a space (" id") starts just before a token.
      if (spaceHeads[((c0 & 31) << 5) | (c1 & 31)] !== 0 && s - 1 >= rs && lower.charCodeAt(s - 1) === 32) {
        union.lastIndex = s - 1;
        if (union.test(lower)) out.push(s - 1);
      }
      if (s === rEnd) break;
      if (s >= rs && heads[charIndex3(c0, c1, lower.charCodeAt(s + 2))] !== 0) {
        union.lastIndex = s;
        if (union.test(lower)) out.push(s);
      }
      if ((tok.flags & TK_PLAIN) !== 0 && (tok.flags & TK_DIGIT) === 0) continue;
      const e = Math.min(tok.end, rEnd);
      for (let q = Math.max(s + 1, rs); q < e; q++) {
        const b = lower.charCodeAt(q - 1);
        if (b >= 97 && b <= 122) continue;
        const c = lower.charCodeAt(q);
        if (c >= 97 && c <= 122 && heads[charIndex3(c, lower.charCodeAt(q + 1), lower.charCodeAt(q + 2))] !== 0) {
          union.lastIndex = q;
          if (union.test(lower)) out.push(q);
        }
      }
    }
    // The last token may reach into the next region: it is visited again there (from that region's start).
    if (k > 0) k--;
  }
  return out;
}

/**
 * The first three characters a label can begin with, as a charIndex3 table (1: possible), or null when a
 * label does not start with a letter a-z or its source has syntax prefixesOf does not read. A label
 * that can be shorter than three characters allows any character after it.
 */
function headTable(labels: readonly string[]): Uint8Array | null {
  const table = new Uint8Array(1 << 15);
  spaceHeads.fill(0);
  for (const label of labels) {
    const heads = prefixesOf(label, 3);
    if (heads === null) return null;
    for (const h of heads) {
      const c0 = h.charCodeAt(0);
      if (c0 === 32) {
        // A space and a letter a-z: the label starts at the space just before a token (see labelStartsByTokens).
        const c1 = h.charCodeAt(1);
        if (!(c1 >= 97 && c1 <= 122)) return null;
        for (let x = 0; x < 32; x++) {
          if (h.length >= 3 && x !== (h.charCodeAt(2) & 31)) continue;
          spaceHeads[((c1 & 31) << 5) | x] = 1;
        }
        continue;
      }
      if (!(c0 >= 97 && c0 <= 122)) return null;
      // A label shorter than three characters allows any character in the places it leaves.
      for (let x = 0; x < 32; x++) {
        if (h.length >= 2 && x !== (h.charCodeAt(1) & 31)) continue;
        for (let y = 0; y < 32; y++) {
          if (h.length >= 3 && y !== (h.charCodeAt(2) & 31)) continue;
          table[charIndex3(c0, x, y)] = 1;
        }
      }
    }
  }
  return table;
}

/**
 * Where labelStarts looks for labels: at most LABEL_BEFORE characters before a digit. Every user of the
 * label starts keeps only matches holding a digit (the labelled regexes' values, license-plate's), so a
 * kept match starting at p holds a digit d with p < d < p + usersReach. These are the digit regions'
 * starts (digits(): 96 characters before a digit run to 31 after it) without those after a run's last
 * digit with no digit in the 96 characters after them: a match found there holds no digit and is
 * rejected, as one starting before a digit region is. LABEL_SLACK keeps the margin the digit regions had
 * over usersReach (a second label can start inside a rejected match, after its first label, where the
 * search resumes); labelled.test.ts checks that usersReach + LABEL_SLACK <= LABEL_BEFORE still holds
 * (else the digit regions are used, which is slower but the same).
 */
export const LABEL_BEFORE = 96;
export const LABEL_SLACK = 14;
/** The largest reach of the regexes registered with searchLabels. */
export function labelUsersReach(): number {
  return usersReach;
}
function labelRegions(input: ScanInput): Regions {
  if (!(usersReach + LABEL_SLACK <= LABEL_BEFORE)) return digits(input);
  return digitRegions(input, LABEL_BEFORE, 1);
}

export function detectLabelled(input: ScanInput, spec: LabelSpec, re: RegExp): Candidate[] {
  const minDigits = spec.minDigits ?? 3;
  const lower = input.lower;
  const build = (m: RegExpExecArray): Candidate | null => {
    // The value token is the regex's last group and ends the match (no 'd' flag needed for its span).
    let e = m.index + m[0].length;
    let s = e - m[1].length;
    // Its digits, and whether it has a letter (a token is [a-z0-9] with inner - / . and a leading #,
    // so "no letter" is "only digits and - / ." after an optional #).
    let digitCount = 0;
    let letter = false;
    for (let i = s; i < e; i++) {
      const c = lower.charCodeAt(i);
      if (c >= 48 && c <= 57) digitCount++;
      else if (c >= 97 && c <= 122) letter = true;
    }
    const year = digitCount === 4 && e - s === 4 && (lower.startsWith('19', s) || lower.startsWith('20', s));
    // A bare short number after a loose label ("group 250", "plan 100 mg", "chart 12") is a quantity, and
    // a year ("plan 2024") is not an identifier. On a rejection the search resumes at the rejected token,
    // so a second label there still gets its value ("chart: MRN: 4471902").
    if (digitCount < (letter ? 2 : 4) || year) {
      re.lastIndex = s;
      return null;
    }
    while (e > s && trailing(input.text.charCodeAt(e - 1))) e--;
    if (spec.includeLabel) s = m.index;
    const conf = (spec.confidence ?? 0.95) - (digitCount < minDigits ? 0.25 : 0);
    return { start: s, end: e, category: spec.category, confidence: conf, reason: spec.reason, validated: true };
  };
  // A regex not made by labelledRegex has no place in the label search: its digit regions are searched.
  return registered.has(re)
    ? matchStarts(re, labelStarts(input), lower, build)
    : matchRegions(re, digits(input), lower, build);
}

/** `[-/.]` */
function trailing(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}
