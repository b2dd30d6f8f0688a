import { accountNumber } from './rules/account-number';
import { ageOver89 } from './rules/age-over-89';
import { careFacility } from './rules/care-facility';
import { cityState } from './rules/city-state';
import { date } from './rules/date';
import { deaNumber } from './rules/dea-number';
import { deviceId } from './rules/device-id';
import { email } from './rules/email';
import { genericId } from './rules/generic-id';
import { healthPlanId } from './rules/health-plan-id';
import { iban } from './rules/iban';
import { ipAddress } from './rules/ip-address';
import { labelledId } from './rules/labelled-id';
import { licenseNumber } from './rules/license-number';
import { licensePlate } from './rules/license-plate';
import { medicareMbi } from './rules/medicare-mbi';
import { mrn } from './rules/mrn';
import { npi } from './rules/npi';
import { paymentCard } from './rules/payment-card';
import { personName } from './rules/person-name';
import { phone } from './rules/phone';
import { streetAddress } from './rules/street-address';
import { url } from './rules/url';
import { usSsn } from './rules/us-ssn';
import { vin } from './rules/vin';
import type { Detector } from './types';

/** Every detector. A meta-test checks that each file in detectors/rules is listed here exactly once. */
export const REGISTRY: readonly Detector[] = [
  personName,
  careFacility,
  cityState,
  streetAddress,
  date,
  ageOver89,
  phone,
  email,
  usSsn,
  mrn,
  healthPlanId,
  medicareMbi,
  accountNumber,
  iban,
  licenseNumber,
  deaNumber,
  npi,
  vin,
  licensePlate,
  deviceId,
  url,
  ipAddress,
  labelledId,
  genericId,
  paymentCard,
];
