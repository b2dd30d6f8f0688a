/**
 * Every detector id a finding can carry, as a plain list the background can validate against without loading
 * the detectors themselves. `custom-term` and `custom-pattern` stand for the organisation's own terms and
 * patterns (policies/custom.ts); a pattern's own id is not reported. lib/messages.test.ts checks this list
 * against detectors/registry.ts.
 */
export const DETECTOR_IDS = [
  'account-number',
  'age-over-89',
  'care-facility',
  'city-state',
  'date',
  'dea-number',
  'device-id',
  'email',
  'generic-id',
  'health-plan-id',
  'iban',
  'ip-address',
  'labelled-id',
  'license-number',
  'license-plate',
  'medicare-mbi',
  'mrn',
  'npi',
  'payment-card',
  'person-name',
  'phone',
  'street-address',
  'url',
  'us-ssn',
  'vin',
  'custom-term',
  'custom-pattern',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(DETECTOR_IDS);

/** A finding's detector as reported: a known id, `custom-pattern` for any `custom:<id>`, otherwise undefined. */
export function reportedDetectorId(detector: string): DetectorId | undefined {
  if (detector.startsWith('custom:')) return 'custom-pattern';
  return KNOWN.has(detector) ? (detector as DetectorId) : undefined;
}
