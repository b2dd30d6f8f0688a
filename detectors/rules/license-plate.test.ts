import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { licensePlate } from './license-plate';

describe('license-plate', () => {
  // If this fails, a labelled licence plate is missed or its span takes the label with it.
  it.each([
    ['license plate 7ABC123', '7abc123'],
    ['plate is 7ABC123', '7abc123'],
    ['tag: 8XYZ912.', '8xyz912'],
    ['reg. AB12 CDE', 'ab12 cde'],
    ['licence plate number: KX-4471', 'kx-4471'],
  ])('finds the plate in %j', (text, value) => {
    const hits = run(licensePlate, text);
    expect(hits.map((h) => [h.value.toLowerCase(), h.category])).toEqual([[value, 'VEHICLE']]);
  });

  // If this fails, plates without both a letter and a digit, or unlabelled codes, are reported.
  it.each(['plate 12345', 'tag ABCD', 'registration 2024', 'growth plate', '7ABC123 alone', 'plate 1A'])(
    'finds no plate in %j',
    (text) => {
      expect(values(licensePlate, text)).toEqual([]);
    },
  );
});
