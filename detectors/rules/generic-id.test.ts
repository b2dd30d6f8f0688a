import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { genericId } from './generic-id';

describe('generic-id', () => {
  // If this fails, an unlabelled identifier-shaped code (a record or claim number pasted without its
  // label) is missed or its span is wrong.
  it.each([
    ['ref SPH-123456 attached', 'SPH-123456'],
    ['code B12345678.', 'B12345678'],
    ['#HJ-1234567', '#HJ-1234567'],
    ['tube 12345XJ', '12345XJ'],
    ['number 5678-2345-4321', '5678-2345-4321'],
    ['id 88812345 in', '88812345'],
    ['(AB-44712)', 'AB-44712'],
  ])('finds the code in %j', (text, value) => {
    const hits = run(genericId, text);
    expect(hits.map((h) => [h.value, h.category])).toEqual([[value, 'OTHER_ID']]);
  });

  // If this fails, clinical codes, units, ranges, years, colours or standards are reported as identifiers.
  it.each([
    'ICD-10 COVID-19 SGLT2 HbA1c CD4 BRCA1',
    'range 1500-2000',
    '500mg twice',
    '1000mg daily',
    'season 2021-22',
    'COVID 2019',
    'the 1990s',
    'color #a1b2c3',
    'ISO 16549-2023',
    'ICD-10 I10 code',
    '3.1415926535',
    '1,000,000 cells',
    '120/80',
    'A1C 7.2',
    'WBC 12000',
    '250 mcg',
    'H2O2',
  ])('finds no code in %j', (text) => {
    expect(values(genericId, text)).toEqual([]);
  });
});
