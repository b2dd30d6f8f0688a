/**
 * Any other unique identifying number announced by a label: "ID:", "patient ID", "case no.",
 * "ref #", "accession", "specimen", "study/subject/participant ID". The label is part of the finding
 * because "patient ID 4471" identifies as a whole.
 * Source: 45 CFR 164.514(b)(2)(i)(R) (any other unique identifying number, characteristic, or code).
 */
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';

const SPEC: LabelSpec = {
  category: 'OTHER_ID',
  labels: [
    '(?:patient|pt|client|resident|person|site|case|study|subject|participant|employee|staff|student|user|member|badge|client|customer|reference|ref|tracking|ticket|specimen|sample|accession|lab|requisition|national|tax|social|unique)? ?ids?',
    'case',
    'ref\\.?',
    'reference',
    'accession',
    'specimen',
    'requisition',
    'ticket',
    'tracking',
    'identifier',
  ],
  reason: 'labelled identifier',
  includeLabel: true,
  minDigits: 3,
  confidence: 0.9,
};
const RE = labelledRegex(SPEC.labels);

export const labelledId: Detector = {
  id: 'labelled-id',
  category: 'OTHER_ID',
  description: 'Identifier introduced by an ID / case / reference / accession label',
  source:
    '45 CFR 164.514(b)(2)(i)(R); https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/',
  detect: (input) => detectLabelled(input, SPEC, RE),
};
