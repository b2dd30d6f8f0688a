import type { Candidate, Category, ScanInput } from './types';
import { digits, matchAll, within } from './util';

/**
 * Shared machinery for identifiers that are recognised by their label ("MRN: 12345", "insurance
 * policy #AB-9876", "acct no. 55-0192"). The label alternatives are lower-case regex source; the
 * value is one token of letters, digits and inner - / . that must contain at least `minDigits` digits.
 * All quantifiers are bounded, so the scan is linear in the text length.
 */
const CONNECT = String.raw`(?:[ \t]{0,3}(?:number|numbers|num|nbr|no\.?|#|id|ids|is|was|code|:|=|-|\())?(?:[ \t]{0,3}(?:number|num|nbr|no\.?|#|:|=|-|is))?[ \t]{0,3}[:#=]?[ \t]{0,3}`;
const TOKEN = String.raw`(#?[a-z0-9](?:[a-z0-9]|[-/.](?=[a-z0-9])){0,30})`;

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

export function labelledRegex(labels: readonly string[]): RegExp {
  return new RegExp(String.raw`(?<![a-z0-9/])(?:${labels.join('|')})(?![a-z])${CONNECT}${TOKEN}`, 'gd');
}

export function detectLabelled(input: ScanInput, spec: LabelSpec, re: RegExp): Candidate[] {
  const minDigits = spec.minDigits ?? 3;
  return matchAll(within(re, digits(input)), input.lower, (m) => {
    const span = (m as RegExpExecArray & { indices: [number, number][] }).indices[1];
    let [s, e] = span;
    const token = input.lower.slice(s, e);
    const digits = token.replace(/\D+/g, '').length;
    const pureDigits = /^#?[\d\-/.]+$/.test(token);
    // A bare short number after a loose label ("group 250", "plan 100 mg") is a quantity, and a year
    // ("plan 2024") is not an identifier. On a rejection the search resumes at the rejected token, so a
    // second label there still gets its value ("chart: MRN: 4471902").
    if (digits < (pureDigits ? 4 : 2) || /^(?:19|20)\d\d$/.test(token) || /^\d{1,2}$/.test(token)) {
      re.lastIndex = s;
      return null;
    }
    while (e > s && /[-/.]/.test(input.text[e - 1])) e--;
    if (spec.includeLabel) s = m.index;
    const conf = (spec.confidence ?? 0.95) - (digits < minDigits ? 0.25 : 0);
    return { start: s, end: e, category: spec.category, confidence: conf, reason: spec.reason, validated: true };
  });
}
