import { describe, expect, it } from 'vitest';
import { scanHits } from './test-helpers';

/** Bugs found by the detector test pass; each case failed before its fix. Synthetic values only. */
describe('regressions', () => {
  // If this fails, a label followed by a second label swallows the value ("chart: MRN: ...") and a
  // record number is reported as an unlabelled code (warn) instead of MRN (block).
  it.each([
    ['chart: MRN: 4471902', '4471902', 'MRN'],
    ['medical record MRN 4471902', '4471902', 'MRN'],
    ['the account acct 55019222', '55019222', 'ACCOUNT'],
    ['pacemaker serial: PM-20031', 'PM-20031', 'DEVICE'],
  ])('keeps the value after a doubled label in %j', (text, value, category) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toContainEqual([value, category]);
  });

  // If this fails, "number" is read as a phone label and a labelled record number becomes PHONE.
  it.each([
    ['medical record number 4471902', 'MRN'],
    ['patient account number 99812345', 'ACCOUNT'],
  ])('labels %j by its own label, not as a phone', (text, category) => {
    const hits = scanHits(text);
    expect(hits.map((h) => h.category)).toEqual([category]);
  });

  // If this fails, clinical acronyms and form words after "patient" or in labels become places.
  it.each([
    'the patient ID field is empty',
    'the patient HIV status is unknown',
    'patient COVID positive yesterday',
    'Grade 2 Stage 3 tumour',
    'Cycle 2 Day 8 labs',
    'took 2 Tylenol 500 mg',
    'Day 3 Week 2 of chemo',
    'data from the Cleveland Clinic show a benefit',
    'recommendations from the Cleveland Clinic say so',
    'I live in Texas',
    "St. John's wort interacts with SSRIs",
    'the hospital was founded 95 years ago',
  ])('finds nothing in %j', (text) => {
    expect(scanHits(text)).toEqual([]);
  });

  // If this fails, "Med Rec No" is redacted as a place next to the record number.
  it('reports only the number in "Med Rec No. 00123456"', () => {
    expect(scanHits('Med Rec No. 00123456').map((h) => [h.value, h.category])).toEqual([['00123456', 'MRN']]);
  });

  // If this fails, a fax number with words between "fax" and the number is reported as a phone.
  it('reports FAX for "please fax to 555.555.0100"', () => {
    expect(scanHits('please fax to 555.555.0100').map((h) => h.category)).toEqual(['FAX']);
  });

  // If this fails, a card-shaped number failing Luhn is cut into a phone number.
  it('does not find a phone inside "4000 0000 0000 0003"', () => {
    expect(scanHits('4000 0000 0000 0003').filter((h) => h.category === 'PHONE')).toEqual([]);
  });

  // If this fails, a real age of 90+ is no longer caught after the duration fix.
  it.each(['a 95 years old man', 'a 95-year-old', '95 y/o F', 'aged 95'])('still finds the age in %j', (text) => {
    expect(scanHits(text).map((h) => h.category)).toEqual(['AGE']);
  });

  // If this fails, phone numbers announced by how to reach someone, or followed by their kind, leak.
  it.each([
    ['Can someone call me on 555 0142? thanks', '555 0142'],
    ["They're not answering at 55 501 420", '55 501 420'],
    ['my registered 0961-5550142 got no SMS', '0961-5550142'],
    ['5550142017-Office', '5550142017'],
  ])('finds the phone in %j', (text, value) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toContainEqual([value, 'PHONE']);
  });

  // If this fails, names announced by everyday phrasing (not only clinical cues) leak.
  it.each([
    ['Sometimes people call me Zorvath', 'Zorvath'],
    ['Qelmi Varrow lives at the old mill', 'Qelmi Varrow'],
    ['"It is broken," says Brindlecot.', 'Brindlecot'],
    ["I'm Ostrava Quell, from the clinic", 'Ostrava Quell'],
    ["I'm Quennel's daughter", 'Quennel'],
  ])('finds the name in %j', (text, value) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toContainEqual([value, 'NAME']);
  });

  // If this fails, pronouns before "says" and "Drug X died" are taken for names.
  it.each(['She says the pain began on the left.', 'He says he has tried twice.', 'patients who received Drug X died'])(
    'finds no name in %j',
    (text) => {
      expect(scanHits(text).filter((h) => h.category === 'NAME')).toEqual([]);
    },
  );

  // If this fails, street addresses in European order, with lower-case street words, or quoted
  // line by line ("> ...") are cut short or missed.
  it.each([
    ['He lives on the north side of Quarvo Zelt 2906.', 'Quarvo Zelt 2906'],
    ['The bus station is on Brucker Bundesstrasse 31', 'Brucker Bundesstrasse 31'],
    ['send it to 3747 fourth avenue suite 112 calgary', '3747 fourth avenue suite 112'],
    [
      'Address:\n>12 Quellweg 44\n>Apt. 805\n>Pines Beach\n>New Zealand 99999',
      '12 Quellweg 44\n>Apt. 805\n>Pines Beach\n>New Zealand 99999',
    ],
  ])('covers the address in %j', (text, value) => {
    expect(scanHits(text).map((h) => h.value)).toContain(value);
  });

  // If this fails, a discharge-summary layout is redacted wrongly: headings as places, "Dr." as Drive
  // across a line break, "MR." (mitral regurgitation) as a title.
  it('reads a discharge-summary layout without invented places or names', () => {
    const text =
      'Admission Date: 03/14/2025   Discharge Date: 03/19/2025\nDOB: 07/02/1951\nAttending: Dr. Okonkwo\n' +
      'Hospital Course: diuresed well. Echo showed moderate MR. Seen by PT/OT.';
    const hits = scanHits(text).map((h) => [h.value, h.category]);
    expect(hits).toEqual([
      ['03/14/2025', 'DATE'],
      ['03/19/2025', 'DATE'],
      ['07/02/1951', 'DATE'],
      ['Dr. Okonkwo', 'NAME'],
    ]);
  });

  // If this fails, a house number followed by one capitalised word at the very end of the text makes the
  // street detector throw, and the guard holds every such prompt (fail closed) instead of scanning it.
  it.each(['Suite 12 Main', 'see 12 Main', '12 Main'])('scans %j without throwing', (text) => {
    expect(() => scanHits(text)).not.toThrow();
  });

  // If this fails, a drug dose reads as a street address, or an institution asked about reads as
  // the place of a patient.
  it.each([
    'Write discharge instructions for a patient going home on Eliquis 5 mg BID after an AFib admission.',
    'What does the Mayo Clinic recommend for Graves disease in pregnancy?',
    'What do Cleveland Clinic guidelines say about statins?',
  ])('finds nothing in %j', (text) => {
    expect(scanHits(text)).toEqual([]);
  });

  // If this fails, specialty practices, a fax announced with "is", or "follow up" (spaced) are missed.
  it('finds a specialty practice after "at"', () => {
    expect(scanHits('a referral to Dr. Ananya Rao at Lakeshore Cardiology').map((h) => h.value)).toContain(
      'Lakeshore Cardiology',
    );
  });
  it('finds "fax is 555-0199" as FAX', () => {
    expect(scanHits("Our clinic's fax is 555-0199.").map((h) => [h.value, h.category])).toEqual([['555-0199', 'FAX']]);
  });

  // If this fails, lists of first names (lower case included) leak, or ordinary lists become names.
  it('finds every name in a list of first names', () => {
    const text = 'visitors: leonti, terrence, pamela, donna and brian.';
    expect(scanHits(text).map((h) => h.value)).toEqual(['leonti', 'terrence', 'pamela', 'donna', 'brian']);
  });
  it.each(['Allergies: penicillin, sulfa, and codeine', 'apples, oranges, and pears'])(
    'finds no names in %j',
    (text) => {
      expect(scanHits(text)).toEqual([]);
    },
  );

  // If this fails, names given in answer to a name question, addressed, or met with leak.
  it.each([
    ["What's your last name? Qorrinsk", 'Qorrinsk'],
    ['Follow up with Velmira Ostrok in a couple of months.', 'Velmira Ostrok'],
    ['Sarah, can I please speak to your manager?', 'Sarah'],
    ['Qwenlo: "Who are you?"', 'Qwenlo'],
  ])('finds the name in %j', (text, value) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toContainEqual([value, 'NAME']);
  });
});
