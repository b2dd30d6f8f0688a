import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers';
import { streetAddress } from './street-address';

describe('street-address', () => {
  // If this fails, a street address is missed or cut short (a redaction that leaves the unit, city or
  // ZIP still locates the patient), or runs on into the next sentence.
  it.each([
    [
      'She lives at 1200 W Elm St Apt 4, Springfield, IL 62704 with her daughter.',
      '1200 W Elm St Apt 4, Springfield, IL 62704',
    ],
    ['Send it to P.O. Box 149, Springfield.', 'P.O. Box 149, Springfield'],
    ['mail PO Box 149', 'PO Box 149'],
    ['P.O. Box 149', 'P.O. Box 149'],
    ['Post Office Box 12', 'Post Office Box 12'],
    ['PSC 4355, Box 4187 APO AP 28906', 'PSC 4355, Box 4187 APO AP 28906'],
    ['moved to 90 Whitchurch Road last year', '90 Whitchurch Road'],
    ['lives at 350 5th Ave with her son', '350 5th Ave'],
    ['Wingertweg 126', 'Wingertweg 126'],
    ['Rue de Virton 38 Suite 510', 'Rue de Virton 38 Suite 510'],
    ['the corner of 35 Pentelis Str. and Waechter Turnpike', 'the corner of 35 Pentelis Str. and Waechter Turnpike'],
    ['lives on 42 Oak Avenue. She works nights.', '42 Oak Avenue'],
    ['from Elm Street, Denver', 'Elm Street, Denver'],
    // Numbers before the street's own number, lower-case street words of other languages, a unit line
    // under its street line, a crossing "X and Y 12", parentheses, abbreviations with a full stop.
    ['Please return to 94940 2507 Brackenleigh Suite 620 Apt. 581 today', '94940 2507 Brackenleigh Suite 620 Apt. 581'],
    ['It is at 2234 Vornesy gate 232\n Apt. 342\n Tarnvik', '2234 Vornesy gate 232\n Apt. 342\n Tarnvik'],
    ['Meet at 233 Ildikó tér 19.\n Suite 282\n Dombvár', '233 Ildikó tér 19.\n Suite 282\n Dombvár'],
    ['12520 Varkony rkp. 18. Apt. 417 Kisvár', '12520 Varkony rkp. 18. Apt. 417 Kisvár'],
    ['update my address to: Maarit and Kvistvej 75', 'Maarit and Kvistvej 75'],
    ['The bus station is on Pod Kalinem 1677', 'Pod Kalinem 1677'],
    ['at 85190 Avda. Rio Tarno 58 Apt. 461', '85190 Avda. Rio Tarno 58 Apt. 461'],
    ['lives at 28910 136 Vardeos Str., Klirovo', '28910 136 Vardeos Str'],
    ['sent to 1738 Cheriton Dr Quenby Extensions', '1738 Cheriton Dr Quenby Extensions'],
    [
      'It is 654 Rua Ana Vornelo 1159, Tarnos, Cyprus (Greek) 13475',
      '654 Rua Ana Vornelo 1159, Tarnos, Cyprus (Greek) 13475',
    ],
    ['the bus drops you off at 74670 lindvollen 130 st.', '74670 lindvollen 130 st'],
    ['lives at 12 Liepu iela 5, Rigaville', '12 Liepu iela 5, Rigaville'],
    ['Hafnar braut 7\n Apt. 3\n Reykholt', 'Hafnar braut 7\n Apt. 3\n Reykholt'],
    ['please enter on kertalja út 98. from the east', 'kertalja út 98'],
    ['Please return to Leon and Varrodda 66 in case of an issue.', 'Leon and Varrodda 66'],
    ['drops you off at 518 Kolos fejedelem útja 62. St.', '518 Kolos fejedelem útja 62. St'],
    ['at 70240 31 Rue tarvent St.', '70240 31 Rue tarvent St'],
    ['had his address: 48330 36 rue de varlogne, cite', '48330 36 rue de varlogne'],
    ['The bus station is on C. Varninckstraat 88', 'C. Varninckstraat 88'],
    ['at the corner of Csobai kapu 39. and Matvei Pass', 'the corner of Csobai kapu 39. and Matvei Pass'],
    [
      'It is in Leoforos Tarkou 119 Nino Point\n Apt. 658\n ΑΓΙΟΣ ∆ΟΜΕΤΙΟΣ\n Cyprus',
      'Leoforos Tarkou 119 Nino Point\n Apt. 658\n ΑΓΙΟΣ ∆ΟΜΕΤΙΟΣ\n Cyprus',
    ],
  ])('finds the address in %j', (text, value) => {
    const hits = run(streetAddress, text);
    expect(hits.map((h) => h.value)).toContain(value);
    expect(hits.every((h) => h.category === 'LOCATION')).toBe(true);
    const longest = hits.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    expect(longest.value).toBe(value);
  });

  // If this fails, doses, counts and table references are reported as addresses.
  it.each([
    'took 200 Mg tablets',
    'gave 3 Tylenol Extra Strength',
    'see Table 2 for details',
    'in 2021 Boston Marathon',
    '3 Days later she improved',
    'Smith and Jones 2019 reported it',
    'he took 20 tablets over 3 days',
    'returned to clinic 2 weeks later',
    // A place or street word and a span of time after an address cue ("returned") is no house number.
    'A 35yo man returned from Brazil 2 weeks ago with fever',
    'she moved to the Avenue 3 months ago',
    'the 20 5th graders in Ave Maria school',
    // An age before a comma, a month and its year, a date after a facility's name.
    'Summarize: Mr. Roe, 72, COPD, lives on Maple Ave',
    'Mrs. Roe, Sunnyside Nursing Home, since Dec 2023.',
    'lives at home since March 15, doing well',
    's/p CABG at Cedar Valley Heart Institute 4/1/2024, has new AFib',
  ])('finds no address in %j', (text) => {
    expect(run(streetAddress, text)).toEqual([]);
  });

  // If this fails, the growth bound is gone and an address can swallow a whole paragraph.
  it('never grows an address past its bound', () => {
    const text = `lives at 12 Elm Street ${'Aaa '.repeat(200)}`;
    for (const h of run(streetAddress, text)) expect(h.end - h.start).toBeLessThanOrEqual(200);
  });
});
