/**
 * Medical record numbers, recognised by their label (MRN, medical record number, chart #, MR#,
 * hospital/patient/encounter number). Formats are local to each facility, so the value is any
 * identifier-like token with digits; local prefixes can be added by policy (custom terms).
 * Source: HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(H).
 */
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';

const SPEC: LabelSpec = {
  category: 'MRN',
  labels: [
    'mrn',
    'mrns',
    'mr ?#',
    'mr no\\.?',
    'med(?:ical)?\\.? ?rec(?:ord)?s?\\.?',
    'medical record',
    'chart',
    'emr',
    'ehr',
    'hospital (?:number|no\\.?|#|id)',
    'patient (?:number|no\\.?|#)',
    'pt (?:number|no\\.?|#)',
    'encounter',
    'visit (?:number|no\\.?|#|id)',
    'admission (?:number|no\\.?|#|id)',
    'record',
  ],
  reason: 'medical record number (labelled)',
};
const RE = labelledRegex(SPEC.labels);

export const mrn: Detector = {
  id: 'mrn',
  category: 'MRN',
  description: 'Medical record number after an MRN / chart / record label',
  source:
    '45 CFR 164.514(b)(2)(i)(H); https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/',
  detect: (input) => detectLabelled(input, SPEC, RE),
};
