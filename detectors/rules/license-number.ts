/**
 * Certificate and licence numbers (driver's licence, professional licence, board certificate,
 * passport), recognised by their label. DEA and NPI numbers have checksum detectors of their own.
 * Source: 45 CFR 164.514(b)(2)(i)(K).
 */
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';

const SPEC: LabelSpec = {
  category: 'LICENSE',
  labels: [
    "driver'?s? licen[cs]e",
    'driving licen[cs]e',
    'licen[cs]e',
    'lic\\.?',
    'dl',
    'certificate',
    'cert\\.?',
    'passport',
    'permit',
    'npi',
    'dea',
  ],
  reason: 'licence or certificate number (labelled)',
  minDigits: 3,
};
const RE = labelledRegex(SPEC.labels);

export const licenseNumber: Detector = {
  id: 'license-number',
  category: 'LICENSE',
  description: 'Licence, certificate or passport number after its label',
  source:
    '45 CFR 164.514(b)(2)(i)(K); https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/',
  detect: (input) => detectLabelled(input, SPEC, RE),
};
