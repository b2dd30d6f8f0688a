import { describe, expect, it } from 'vitest';
import { inputOf, run, scanHits } from '../test-helpers';
import { cityState } from './city-state';

describe('city-state', () => {
  // If this fails, a city (below-state geography, PHI under Safe Harbor) or ZIP code is missed, or the
  // span is wrong.
  it.each([
    ['moved from Dallas, TX in June', 'Dallas, TX'],
    ['she lives in Brooklyn with her son', 'Brooklyn'],
    ['Rochester, Minnesota clinic visit', 'Rochester, Minnesota'],
    ['lives at Denver, CO 80202 now', 'Denver, CO 80202'],
    ['Rochester MN 55905', 'Rochester MN 55905'],
    ['she moved to San Antonio last year', 'San Antonio'],
    ['he is from Chicago', 'Chicago'],
    ['He was born in Austin.', 'Austin'],
    ['lives in Springfield, IL', 'Springfield, IL'],
    ['zip code 62704', '62704'],
    ['postal code 02115', '02115'],
    // Counties and parishes, with their state when it follows.
    ['lives in Harlow County since 2019', 'Harlow County'],
    ['moved to Anne Arundel County, MD last year', 'Anne Arundel County, MD'],
    ['from St. Tammany Parish originally', 'Tammany Parish'],
    // The AP style's state abbreviations, after a comma and with their full stop.
    ['pt from Fort Lee, N.J. with asthma', 'Fort Lee, N.J.'],
    ['lives in Westminster, Calif. now', 'Westminster, Calif.'],
    ['seen in Charleston, W.Va. today', 'Charleston, W.Va.'],
  ])('finds the place in %j', (text, value) => {
    const hits = run(cityState, text).filter((h) => h.confidence >= 0.5);
    expect(hits.map((h) => h.value)).toContain(value);
    expect(hits.every((h) => h.category === 'LOCATION')).toBe(true);
  });

  // If this fails, a city after "in" / "from" is no longer ranked above a city alone in a sentence.
  it('ranks a city after a place preposition above a lone one', () => {
    const prep = run(cityState, 'she lives in Denver').find((h) => h.value === 'Denver');
    const lone = run(cityState, 'a Denver omelette').find((h) => h.value === 'Denver');
    expect(prep?.confidence ?? 0).toBeGreaterThan(lone?.confidence ?? 1);
  });

  // If this fails, a county alone makes a text PHI (it should count only with another identifier), or
  // a sentence's first word is taken for a county's name.
  it('marks a county coarse and needs a name before "County"', () => {
    const text = 'from Harlow County, who had surgery';
    expect(cityState.detect(inputOf(text)).map((c) => [text.slice(c.start, c.end), c.coarse])).toEqual([
      ['Harlow County', true],
    ]);
    expect(run(cityState, 'In County Durham the rates rose').map((h) => h.value)).not.toContain('In County');
  });

  // If this fails, city names inside eponyms and scales are reported as places.
  it.each([
    'Glasgow Coma Scale of 8',
    'Framingham risk score is high',
    'Framingham Risk Score is high',
    'Framingham Heart Study data',
    'Philadelphia chromosome positive',
    'lab 12345 result',
    // Diseases named after a place.
    'How is Kawasaki disease treated in a 4-year-old?',
    'signs of Stockholm syndrome in a hostage',
  ])('finds no place in %j', (text) => {
    expect(run(cityState, text).filter((h) => h.confidence >= 0.5)).toEqual([]);
  });

  // If this fails, the whole street address is no longer one finding (the city-state part alone would
  // leave the street and unit in the prompt).
  it('scan covers a full address with city, state and ZIP as one location', () => {
    const text = 'She lives at 1200 W Elm St Apt 4, Springfield, IL 62704 with her daughter.';
    expect(scanHits(text).map((h) => [h.value, h.category])).toEqual([
      ['1200 W Elm St Apt 4, Springfield, IL 62704', 'LOCATION'],
    ]);
  });
});
