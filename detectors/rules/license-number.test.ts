import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { licenseNumber } from './license-number';

describe('license-number', () => {
  // If this fails, a labelled licence / certificate / passport number is missed.
  it.each([
    ['DL A1234567', 'A1234567'],
    ["driver's license D1234-5678", 'D1234-5678'],
    ['licence no. RN-88123', 'RN-88123'],
    ['passport 912345678', '912345678'],
    ['board cert # MD-004471', 'MD-004471'],
    ['permit: P-99120', 'P-99120'],
  ])('finds the value in %j', (text, value) => {
    expect(run(licenseNumber, text).map((h) => [h.value, h.category])).toEqual([[value, 'LICENSE']]);
  });

  // If this fails, licence words followed by counts or years become licence numbers.
  it.each(['license 12', 'certificate of 2020', 'licensed in 2019', 'passport photos 2', 'DL 3'])(
    'finds no licence number in %j',
    (text) => {
      expect(values(licenseNumber, text)).toEqual([]);
    },
  );
});
