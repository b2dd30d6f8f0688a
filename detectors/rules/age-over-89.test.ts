import { describe, expect, it } from 'vitest';
import { run, scanHits, values } from '../test-helpers';
import { ageOver89 } from './age-over-89';

describe('age-over-89', () => {
  // If this fails, an age of 90+ (which Safe Harbor requires to be aggregated) reaches the chatbot.
  it.each([
    ['a 92-year-old woman', '92-year-old'],
    ['94 yo male with CHF', '94 yo'],
    ['aged 91 with CHF', 'aged 91'],
    ['age: 96', 'age: 96'],
    ['a 90 y/o', '90 y/o'],
    ['at the age of 101', 'age of 101'],
    ['she is 92 years old', '92 years old'],
    ['a 119-year-old', '119-year-old'],
    ['pt 97yo F', '97yo'],
    ['Age 93, frail', 'Age 93'],
    ['93 y.o. female', '93 y.o.'],
    ['aged 90 years', 'aged 90 years'],
  ])('finds the age in %j', (text, value) => {
    expect(values(ageOver89, text)).toEqual([value]);
    expect(scanHits(text).find((h) => h.category === 'AGE')?.value).toBe(value);
  });

  // If this fails, ordinary ages (which are not PHI) or unrelated numbers near 90 are reported.
  it.each([
    'an 89-year-old man',
    'a 45 yo woman',
    'aged 70',
    'age: 9',
    'a 9-year-old',
    'a 120-year-old tree',
    'gave 92 mg',
    'room 92',
    'SpO2 94 on room air',
    'the 1990s',
    'in 1992 she',
    'a 900-year-old',
  ])('finds no age of 90+ in %j', (text) => {
    expect(run(ageOver89, text)).toEqual([]);
  });
});
