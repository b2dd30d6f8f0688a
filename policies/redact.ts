import type { Category, Finding } from '../detectors/types';

/** Placeholder label per category, as the model reading the redacted prompt will see it. */
const LABEL: Record<Category, string> = {
  NAME: 'NAME',
  LOCATION: 'LOCATION',
  DATE: 'DATE',
  AGE: 'AGE',
  PHONE: 'PHONE',
  FAX: 'FAX',
  EMAIL: 'EMAIL',
  SSN: 'SSN',
  MRN: 'MRN',
  HEALTH_PLAN: 'HEALTH-PLAN-ID',
  ACCOUNT: 'ACCOUNT',
  LICENSE: 'LICENSE',
  VEHICLE: 'VEHICLE',
  DEVICE: 'DEVICE-ID',
  URL: 'URL',
  IP_ADDRESS: 'IP',
  OTHER_ID: 'ID',
  PAYMENT_CARD: 'CARD',
};

export interface Redaction {
  text: string;
  /** placeholder -> original value. Stays on the device: never log, report or persist it. */
  mapping: Map<string, string>;
}

/** A value's identity for placeholder reuse: case and inner whitespace do not make a new value. */
function normalise(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Replaces each finding with a placeholder such as [NAME-1]. The same value (same category, same
 * normalised text) gets the same placeholder everywhere in the text; numbering is per category in
 * order of first appearance. `previous` lets a conversation keep its numbering across messages.
 */
export function redact(text: string, findings: readonly Finding[], previous?: Map<string, string>): Redaction {
  const mapping = new Map<string, string>(previous);
  const byValue = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const [ph, value] of mapping) {
    const m = /^\[([A-Z-]+)-(\d+)\]$/.exec(ph);
    if (!m) continue;
    counters.set(m[1], Math.max(counters.get(m[1]) ?? 0, Number(m[2])));
    byValue.set(`${m[1]}\u0000${normalise(value)}`, ph);
  }
  const out = replaceFindings(text, findings, (f, value) => {
    const label = LABEL[f.category];
    const key = `${label}\u0000${normalise(value)}`;
    let ph = byValue.get(key);
    if (!ph) {
      const n = (counters.get(label) ?? 0) + 1;
      counters.set(label, n);
      ph = `[${label}-${n}]`;
      byValue.set(key, ph);
      mapping.set(ph, value);
    }
    return ph;
  });
  return { text: out, mapping };
}

/**
 * `text` with each finding's span replaced by `tokenFor(finding, value)`, in order of position; a finding that
 * overlaps an earlier one is skipped (the engine's findings never overlap; custom callers' may).
 */
export function replaceFindings(
  text: string,
  findings: readonly Finding[],
  tokenFor: (finding: Finding, value: string) => string,
): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    out += text.slice(pos, f.start) + tokenFor(f, text.slice(f.start, f.end));
    pos = f.end;
  }
  return out + text.slice(pos);
}
