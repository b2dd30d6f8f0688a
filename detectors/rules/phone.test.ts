import { describe, expect, it } from 'vitest';
import { run, scanHits } from '../test-helpers';
import { phone } from './phone';

// Fixtures: 555 numbers (never assigned) and the UK's drama range +44 20 7946 0xxx.
describe('phone', () => {
  // If this fails, a phone number in a common written form is no longer caught, or its span is wrong.
  it.each([
    ['call (555) 555-0123 today', '(555) 555-0123'],
    ['cell 555-555-0142.', '555-555-0142'],
    ['at 555.555.0123 or', '555.555.0123'],
    ['number 555 555 0123', '555 555 0123'],
    ['US +1 555 555 0100', '+1 555 555 0100'],
    ['US +1-555-555-0100', '+1-555-555-0100'],
    ['desk 555-555-0123 ext. 12', '555-555-0123 ext. 12'],
    ['phone: 555-0123', '555-0123'],
    ['mobile 5555550123', '5555550123'],
    ['UK +44 20 7946 0958', '+44 20 7946 0958'],
    ['tel 020 7946 0958', '020 7946 0958'],
  ])('finds the number in %j', (text, value) => {
    const found = scanHits(text).filter((h) => h.category === 'PHONE');
    expect(found.map((h) => h.value)).toEqual([value]);
    expect(run(phone, text).some((h) => h.value === value)).toBe(true);
  });

  // If this fails, a fax number is reported as a phone (the category drives the placeholder and reports).
  it.each([
    ['fax 555-555-0142', '555-555-0142'],
    ['Fax: (555) 555-0199', '(555) 555-0199'],
    ['FAX #: 555.555.0100', '555.555.0100'],
  ])('labels the number in %j as FAX', (text, value) => {
    const found = scanHits(text).filter((h) => h.category === 'FAX');
    expect(found.map((h) => h.value)).toEqual([value]);
    expect(run(phone, text).every((h) => h.category === 'FAX')).toBe(true);
  });

  // If this fails, doses, vitals, codes, ranges or short numbers are mistaken for phone numbers.
  it.each([
    'dose 10-20 mg',
    'BP 120/80 HR 72',
    'call 1-800',
    'ICD-10 I10',
    'lab 12345',
    'version 10.2.3',
    'temp 37.5 C',
    '+1',
    'score 555-01234567',
    'tel: 12 34',
  ])('finds no phone in %j', (text) => {
    expect(run(phone, text)).toEqual([]);
  });
});
