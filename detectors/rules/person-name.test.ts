import { describe, expect, it } from 'vitest';
import { run, scanHits } from '../test-helpers';
import { personName } from './person-name';

// Names are invented or common enough to identify no one; the point is their shape.
describe('person-name', () => {
  // If this fails, one of the name shorthands clinicians type (listed in the detector's header) is
  // missed, or the span loses the title / final initial or takes a neighbouring word.
  it.each([
    ['Anna S. was seen today', 'Anna S.'],
    ['Mr. James T. came in', 'Mr. James T.'],
    ['pt J. Smith has fever', 'J. Smith'],
    ['Smith, John is the patient', 'Smith, John'],
    ['she was seen by Dr. John L. today', 'Dr. John L.'],
    ['Referral for Maria Gonzalez regarding knee pain', 'Maria Gonzalez'],
    ['Mrs Roe is better', 'Mrs Roe'],
    ['Prof. A. Smith reviewed the scan', 'Prof. A. Smith'],
    ['her daughter Emily visits daily', 'Emily'],
    ['Dear Dr. Okafor, thank you', 'Dr. Okafor'],
    ['signed, Olga Petrova', 'Olga Petrova'],
    ['my name is Olga Petrova', 'Olga Petrova'],
    ['Ms. O\u2019Brien-Smith called', 'Ms. O\u2019Brien-Smith'],
    ['Szabina J Gelencsér was admitted', 'Szabina J Gelencsér'],
    ['bertram m. jørgensen called', 'bertram m. jørgensen'],
  ])('finds the name in %j', (text, value) => {
    const names = run(personName, text).filter((h) => h.confidence >= 0.5);
    expect(names.map((h) => [h.value, h.category])).toEqual([[value, 'NAME']]);
    expect(
      scanHits(text)
        .filter((h) => h.category === 'NAME')
        .map((h) => h.value),
    ).toEqual([value]);
  });

  // If this fails, "Dr. Patel's clinic" leaves "clinic" next to a redacted name, which still says whose
  // practice it was; the possessive place belongs to the finding.
  it('covers a place owned by a titled name', () => {
    expect(run(personName, "seen at Dr. Patel's clinic").map((h) => h.value)).toEqual(["Dr. Patel's clinic"]);
  });

  // If this fails, a name announced by a relative or role cue is ranked below an unannounced one.
  it('ranks a cue before a lone first name above no cue', () => {
    const cued = run(personName, 'his daughter Emily called').find((h) => h.value === 'Emily');
    const bare = run(personName, 'yesterday Emily called').find((h) => h.value === 'Emily');
    expect(cued?.confidence ?? 0).toBeGreaterThan(bare?.confidence ?? 1);
  });

  // If this fails, eponyms, scores, drug placeholders or disease types are reported as people.
  it.each([
    'Babinski sign was positive',
    'Framingham risk score is high',
    'Framingham Risk Score is high',
    'Drug X was given',
    'Drug X vs Drug Y',
    'Type 2 diabetes',
    'diagnosed with Type 2 diabetes',
    'Hodgkin lymphoma',
    'Cushing syndrome suspected',
    "Parkinson's disease",
    "Crohn's disease flare",
    "Bell's palsy",
    'Apgar score 9',
    'Glasgow Coma Scale 8',
    'Stage IV cancer',
    'Fisher exact test',
    'The patient is stable.',
    'Hi Claude, can you help',
    'Vitamin D low',
    'Chest X-ray was normal',
  ])('finds no name in %j', (text) => {
    expect(run(personName, text).filter((h) => h.confidence >= 0.5)).toEqual([]);
  });
});
