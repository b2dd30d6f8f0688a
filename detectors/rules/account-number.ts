/**
 * Account numbers (billing, bank, claim, invoice), recognised by their label.
 * Source: 45 CFR 164.514(b)(2)(i)(J).
 */
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';

const SPEC: LabelSpec = {
  category: 'ACCOUNT',
  labels: [
    'account',
    'acct\\.?',
    'acc\\.? ?#',
    'a/c',
    'billing(?: account| id)?',
    'claim',
    'invoice',
    'bank account',
    'routing',
    'iban',
    'guarantor',
  ],
  reason: 'account number (labelled)',
};
const RE = labelledRegex(SPEC.labels);

export const accountNumber: Detector = {
  id: 'account-number',
  category: 'ACCOUNT',
  description: 'Account, billing, claim or invoice number after its label',
  source:
    '45 CFR 164.514(b)(2)(i)(J); https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/',
  detect: (input) => detectLabelled(input, SPEC, RE),
};
