/**
 * Health plan beneficiary and member numbers, recognised by their label (insurance ID, member ID,
 * policy #, subscriber, group number, Medicaid/Medicare number, plan ID). Payers define their own
 * formats; Medicare's MBI has its own detector (medicare-mbi).
 * Source: 45 CFR 164.514(b)(2)(i)(I).
 */
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';

const SPEC: LabelSpec = {
  category: 'HEALTH_PLAN',
  labels: [
    'insurance(?: policy| plan| member| card| carrier)?',
    'ins\\.?(?: id| #| no\\.?)',
    'policy',
    'member(?:ship)?',
    'subscriber',
    'beneficiary',
    'group',
    'grp',
    'medicaid',
    'medicare',
    'medi-cal',
    'health ?plan(?: member| beneficiary)?',
    'plan',
    'payer',
    'coverage',
    'hicn',
  ],
  reason: 'health plan member / beneficiary number (labelled)',
};
const RE = labelledRegex(SPEC.labels);

export const healthPlanId: Detector = {
  id: 'health-plan-id',
  category: 'HEALTH_PLAN',
  description: 'Health plan, insurance policy, member or beneficiary number after its label',
  source:
    '45 CFR 164.514(b)(2)(i)(I); https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/',
  detect: (input) => detectLabelled(input, SPEC, RE),
};
