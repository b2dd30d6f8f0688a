/**
 * Helpers that read or rewrite regex source text: splitting a source into its top-level alternatives,
 * and regrouping alternatives by their first character so V8 tries one group per position instead of
 * every alternative (used for the health terms and for the union of all labels).
 */

/** A quantifier at the start of a source: the previous character or group repeats. */
export const QUANTIFIER = /^[?*+{]/;

/** Top-level alternatives of a regex source ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]). */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      cur += c + source[++i];
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** True when an alternative starts with a plain character ([a-z0-9 ]) that no quantifier follows. */
export function groupable(alt: string): boolean {
  return /^[a-z0-9 ]/.test(alt) && !QUANTIFIER.test(alt.slice(1));
}

/**
 * Alternatives regrouped by first character ("mrn|mr ?#|chart" -> "m(?:rn|r ?#)|c(?:hart)"), keeping
 * their order within each character; the groups come in the order their characters first appear. At a
 * given position only the alternatives starting with its character can match, and they are tried in
 * the same order, so the regex means the same. Alternatives that are not `groupable` stay as they are,
 * after the groups (their order relative to the others then changes: callers that care check first).
 */
export function groupByFirstChar(alts: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const alt of alts) {
    if (groupable(alt)) {
      const list = groups.get(alt[0]) ?? [];
      list.push(alt.slice(1));
      groups.set(alt[0], list);
    } else rest.push(alt);
  }
  return [...[...groups].map(([c, tails]) => `${c}(?:${tails.join('|')})`), ...rest].join('|');
}
