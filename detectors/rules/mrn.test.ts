import { describe, expect, it } from 'vitest';
import { run, scanHits, values } from '../test-helpers';
import { mrn } from './mrn';

describe('mrn', () => {
  // If this fails, a labelled medical record number is missed, or the label/punctuation is redacted with it.
  it.each([
    ['MRN: 4471902', '4471902'],
    ['MRN 4471902.', '4471902'],
    ['mrn#4471902', '4471902'],
    ['MR# 4471902', '4471902'],
    ['medical record number 4471902', '4471902'],
    ['Med Rec No. 00123456', '00123456'],
    ['chart # A-99812', 'A-99812'],
    ['EMR id 99-123-45', '99-123-45'],
    ['encounter 77812345', '77812345'],
    ['(MRN 9912-3344)', '9912-3344'],
  ])('finds the value in %j', (text, value) => {
    const hits = run(mrn, text);
    expect(hits.map((h) => [h.value, h.category])).toEqual([[value, 'MRN']]);
    expect(hits[0].confidence).toBeGreaterThanOrEqual(0.9);
  });

  // If this fails, the engine no longer reports a labelled record number as MRN (strong, blocks).
  it.each([
    ['Pt has MRN: 4471902, admitted', '4471902'],
    ['chart # A-99812 reviewed', 'A-99812'],
  ])('scan reports %j as MRN', (text, value) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toEqual([[value, 'MRN']]);
  });

  // If this fails, record-ish words followed by quantities, years or no digits are called MRNs.
  it.each([
    'mrn 12',
    'record 2024',
    'medical record review',
    'chart notes 3',
    'the record is 12 pages',
    'encounter in 2023',
    'EHR vendor Epic',
  ])('finds no MRN in %j', (text) => {
    expect(values(mrn, text)).toEqual([]);
  });
});
