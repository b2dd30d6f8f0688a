import { describe, expect, it } from 'vitest';
import { run, scanHits } from '../test-helpers';
import { careFacility } from './care-facility';

describe('care-facility', () => {
  // If this fails, a facility name (which locates a patient below state level) is missed, or the span
  // loses part of the name ("St." / "Medical Center") or takes a neighbouring word.
  it.each([
    ['admitted to Mass General yesterday', 'Mass General'],
    ["transferred to St. Vincent's for surgery", "St. Vincent's"],
    ['follow-up at Elm Clinic next week', 'Elm Clinic'],
    ['treated at UCLA Medical Center', 'UCLA Medical Center'],
    ['she was seen at Cedar Crest last week', 'Cedar Crest'],
    ["born at Children's Hospital of Philadelphia", "Children's Hospital of Philadelphia"],
    ["Brigham and Women's Hospital discharged her", "Brigham and Women's Hospital"],
    ["admitted to St. Mary's Hospital", "St. Mary's Hospital"],
    ['admitted to Johns Hopkins', 'Johns Hopkins'],
    ['transferred to Mt. Sinai today', 'Mt. Sinai'],
    ['seen at UWMC', 'UWMC'],
    ['follow-up at NYU Langone clinic', 'NYU Langone clinic'],
    ['92 yo admitted from Maple Grove Senior Living', 'Maple Grove Senior Living'],
    ['discharged to Birchwood Assisted Living on Friday', 'Birchwood Assisted Living'],
    // "the" straight after a sentence's first word does not join it to the name.
    ['Call the Elm Clinic for her records', 'Elm Clinic'],
    ['admitted to the Hospital of the University of Pennsylvania', 'Hospital of the University of Pennsylvania'],
    // A name, then a kind of care before "Practice" or "Care".
    ['PCP: Dr. Roe, Riverbend Family Practice, for records', 'Riverbend Family Practice'],
    ['Home health: Buckeye Home Care, nurse visits 2x/week', 'Buckeye Home Care'],
    // A source word in the next clause does not make the facility a cited source.
    ['pump failure at Brookfield Urgent Care; DKA protocol?', 'Brookfield Urgent Care'],
    // A possessive "Children's" ends a name; a specialty or "Medicine" after a name is a practice.
    ["asthma flare at Tolliver Children's yesterday", "Tolliver Children's"],
    ['seen at Quarry Hill Pulmonology for PFTs', 'Quarry Hill Pulmonology'],
    ['follow-up at Fernwood Family Medicine next week', 'Fernwood Family Medicine'],
    ['now at Mossgate SNF for rehab', 'Mossgate SNF'],
    ['biopsy at Kestrel Urology Partners of Plano', 'Kestrel Urology Partners of Plano'],
    ['colonoscopy at Wrenfield Regional on Friday', 'Wrenfield Regional'],
    ['she is at the Dunmore Recovery Center for detox', 'Dunmore Recovery Center'],
    // A county's health system; a system's name and its city.
    ['pt 31M, Harlow County Health, for follow-up', 'Harlow County Health'],
    ['admitted at UMC Tucson overnight', 'UMC Tucson'],
    ['post-op at Methodist West Houston on 3/2', 'Methodist West Houston'],
    // A title-case "Chest" is part of a name (the guideline body is "CHEST"); a test done at a place.
    ['screened at Harlow County Chest Clinic on Feb. 20', 'Harlow County Chest Clinic'],
    ['sleep study at Quarry Sleep Center for OSA', 'Quarry Sleep Center'],
    ['telehealth, followed by Fenwick Valley Cardiology; AF', 'Fenwick Valley Cardiology'],
  ])('finds the facility in %j', (text, value) => {
    expect(run(careFacility, text).map((h) => [h.value, h.category])).toEqual([[value, 'LOCATION']]);
    expect(
      scanHits(text)
        .filter((h) => h.category === 'LOCATION')
        .map((h) => h.value),
    ).toContain(value);
  });

  // If this fails, a facility followed by its city is split into two redactions with " in " left between.
  it('joins a facility and its city into one location', () => {
    const text = 'Mayo Clinic in Rochester, MN did the surgery';
    expect(scanHits(text).map((h) => [h.value, h.category])).toEqual([['Mayo Clinic in Rochester, MN', 'LOCATION']]);
  });

  // If this fails, a facility swallows the first word of the next sentence.
  it('ends a name at a full stop after a word that is not an abbreviation', () => {
    expect(run(careFacility, 'seen at Elm Clinic. Biopsy today').map((h) => h.value)).toEqual(['Elm Clinic']);
    expect(run(careFacility, "seen at St. Mary's Med. Ctr today").map((h) => h.value)).toEqual(["St. Mary's Med. Ctr"]);
  });

  // If this fails, an ambiguous system name ("Duke", "Emory") is reported without a care cue.
  it('needs a care cue for an ambiguous system name', () => {
    expect(run(careFacility, 'Duke won the game')).toEqual([]);
    expect(run(careFacility, 'treated at Duke').map((h) => h.value)).toEqual(['Duke']);
  });

  // If this fails, herbal remedies, scales, figures or an institution cited as a source of knowledge
  // are reported as the patient's facility.
  it.each([
    "St. John's wort interacts with SSRIs",
    'Glasgow Coma Scale of 8',
    'recommendations from Mayo Clinic say',
    'What is the Cleveland Clinic approach to AFib ablation?',
    'seen at Figure 3',
    'seen in ER for chest pain',
    'admitted to ICU overnight',
    'treated at home',
    'was treated with Metformin',
    'Emory study shows',
    'Home Care instructions: rest and fluids',
    'Primary Care follow-up in 2 weeks',
    'What do Cleveland Clinic guidelines say about statins?',
    'Per the Mayo Clinic protocol, how long is DAPT?',
    'What is the Mayo Clinic Diet and does it work for type 2 diabetes?',
    "What is Cleveland Clinic's ranking in cardiology?",
    'a clinic nearby',
    // A month or weekday after a care cue is a date, not a place.
    'Can a patient with Crohn disease diagnosed in March take adalimumab?',
    'seen in May for a rash',
    'admitted on Monday',
    // A department or specialty alone, and areas wider than a state, are not places of care.
    'referred to Cardiology for an echo',
    'admitted to Oncology overnight',
    'residency at Internal Medicine',
    'women born in Latin America are screened',
    'born in Ohio, now 40',
    'seen in Mexico last year',
    // A full stop ends a name unless it ends an abbreviation.
    'Hospital Course. Biopsy done',
  ])('finds no facility in %j', (text) => {
    expect(run(careFacility, text)).toEqual([]);
  });
});
