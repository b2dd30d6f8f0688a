import { describe, expect, it } from 'vitest';
import { run, scanHits } from '../test-helpers';
import { personName } from './person-name';

/** The NAME values a full scan of `text` finds, in order. */
function nameValues(text: string): string[] {
  return scanHits(text)
    .filter((h) => h.category === 'NAME')
    .map((h) => h.value);
}

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
    // A capitalised "Patient" before a name in no list: the cue would otherwise open the run.
    ['Please summarize: Patient Zorvan Quillet was seen for asthma', 'Zorvan Quillet'],
    ['PT Zorvan Quillet, 45M', 'Zorvan Quillet'],
    // A name typed in lower case after a name label, in a text with capitals.
    ['Pt name: lucas fernandes. allergies: PCN', 'lucas fernandes'],
    ['MRI today; her name is maria', 'maria'],
  ])('finds the name in %j', (text, value) => {
    const names = run(personName, text).filter((h) => h.confidence >= 0.5);
    expect(names.map((h) => [h.value, h.category])).toEqual([[value, 'NAME']]);
    expect(nameValues(text)).toEqual([value]);
  });

  // If this fails, a surname in no list after a patient label ("Pt: Quillet, Anna") leaks while the first
  // name after it is caught.
  it.each([
    // (Surname, first name and then a birth date: one span.)
    ["Pt: O'Quillet, Siobhan  DOB: 1975-09-30", ["O'Quillet, Siobhan"]],
    ['Patient: Zorvanek, Anna', ['Zorvanek', 'Anna']],
  ])('reads a capitalised patient label as a cue: %j', (text, values) => {
    expect(nameValues(text)).toEqual(values);
  });

  // If this fails, code and configuration fields called "name" (or a brand name) read as people's names.
  it.each([
    'interface User {\n  id: string;\n  name: string;\n}',
    'async def call_tool(self, tool_name: str) -> None:',
    '---\nname: joker\ndescription: Use this agent',
    'Which brand name ibuprofen is cheapest?',
    'What is the name of the Drug?',
  ])('finds no name in %j', (text) => {
    expect(nameValues(text)).toEqual([]);
  });

  // If this fails, a capitalised cue word that is no patient label starts announcing names ("Node
  // Guardian: Reduces ...").
  it('does not read every capitalised cue before a colon as a label', () => {
    expect(scanHits('- Kubelet the Node Guardian: Reduces pod penalties').filter((h) => h.category === 'NAME')).toEqual(
      [],
    );
  });

  // If this fails, a name that is announced by its shape or its context rather than by a name list is
  // missed: surname endings of other languages, a diacritic, a lower-case text, a dialogue label, a
  // contact block's first line, a coordination with a name, a repeated mention, a suffix or a particle.
  it.each([
    ['Is there a song by Qirova on it?', ['Qirova']],
    ['the verses from Tamsin Brakovski were read', ['Tamsin Brakovski']],
    ['Have you been to a Zelmar Vukotić concert before?', ['Zelmar Vukotić']],
    ['Unlike the Hrafnsdóttir novel, it is short.', ['Hrafnsdóttir']],
    ['follow up with olga kravetz in a month.', ['olga kravetz']],
    ['eva velkrist lives at the old mill', ['eva velkrist']],
    ['my name is velimira', ['velimira']],
    ['name:    orvik t. lemma\naddress: unknown', ['orvik t. lemma']],
    ['She named him Brannock', ['Brannock']],
    ['Qubar: What a wife.\nNicole: Remember me, Randy?', ['Qubar', 'Nicole', 'Randy']],
    ['Torvel Anskarova\nAcme Widgets\n12 Elm St', ['Torvel Anskarova']],
    ['torvel lemko\nacme widgets\ntorvellemko@example.com 12 elm st', ['torvel lemko']],
    ['Varnak and Murphy were engineers.', ['Varnak', 'Murphy']],
    ['the verses from Anna Velikova. Nothing beats early Velikova?', ['Anna Velikova', 'Velikova']],
    ['My grandfather was called Kevin Qarlo II, a baker', ['Kevin Qarlo II']],
    ['Willemine ten Brakel will talk', ['Willemine ten Brakel']],
    ['Name: Martim A Quelhas', ['Martim A Quelhas']],
    ['Producer Orvan Dennis explained it', ['Orvan Dennis']],
    ['Bot: What is the name on the account? User: Orla Quimby', ['Orla Quimby']],
    ['Varlane, can I please speak to your boss?', ['Varlane']],
    ['Kevin had given Alma his address', ['Kevin', 'Alma']],
    ['Unlike the Varnoth novel, it is short.', ['Varnoth']],
    ['varek had given varek his keys', ['varek']],
    ['follow up with benjamin a seiler soon', ['benjamin a seiler']],
    ['Follow up with Jan Vrábel next week', ['Jan Vrábel']],
    ['>Quorin Tesk\n>Acme Data\n>Quorin Tesk\n>33 Elm Avenue', ['Quorin Tesk']],
  ])('finds the name in %j by its shape or context', (text, values) => {
    const names = run(personName, text).filter((h) => h.confidence >= 0.5);
    expect([...new Set(names.map((h) => h.value))]).toEqual(values);
  });

  // If this fails, a text in a language written with diacritics has its ordinary words reported as
  // names, or eponyms coordinated with "and" are taken for two people.
  it.each([
    'Yönetici Özeti ve Küçük Öneriler için güvenlik bulguları önerileri şöyle sıralanır',
    'Kernig and Brudzinski signs are present',
    'Hey, can you help me with this?',
    'patient account number 12345',
    'Jan 2024 was a cold month',
    'We went to the Christmas concert in Boston',
    'sent to 1738 Cheriton Dr Quenby Extensions',
    'i am having trouble focusing on the ada recommendations for turner syndrome',
    'the ng tube was placed and symptoms did not worsen',
  ])('finds no name in %j', (text) => {
    expect(run(personName, text).filter((h) => h.confidence >= 0.5)).toEqual([]);
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
    'teacher with Hashimoto thyroiditis on levothyroxine',
    'daily for Achilles tendinitis diagnosed last month',
    'workup for Wegener granulomatosis and ANCA',
    'a 9-year-old with Burkitt lymphoma and fever',
    'Cedar Crest, the nursing home, called about her meds',
    'Blue Cross, the insurer, denied the claim',
    'a 50-year-old man, Chronic Kidney Disease, on dialysis',
    'a 30-year-old male, Army Veteran, with PTSD',
    "we ate at McDonald's after the clinic",
    'Team: Cardiology, Oncology and Surgery',
    'my MacBook crashed during the telehealth visit',
  ])('finds no name in %j', (text) => {
    expect(run(personName, text).filter((h) => h.confidence >= 0.5)).toEqual([]);
  });

  // If this fails, the disease-word eponym rule ("Hashimoto thyroiditis") swallows a patient's name: it
  // holds only for one capitalised word followed by one space and a lower-case disease word.
  it.each([
    ['pt Anna Roe appendicitis s/p lap appy', 'Anna Roe'],
    ['Anna Roe, appendicitis, stable', 'Anna Roe'],
    ['Mrs. Roe appendicitis, stable', 'Mrs. Roe'],
    ['Anna Paloma was seen for arthritis', 'Anna Paloma'],
    // An eponym's noun ("fever") only counts straight after the word, not after a comma.
    ['Dx for 7yo girl, Amara Okafor, fever x5d', 'Amara Okafor'],
    // In a text without capitals, a cued name goes on over a word joined by an apostrophe or hyphen.
    ["summarize the consult for john o'brien, 66, copd", "john o'brien"],
    ['my name is anna smith-jones and i have asthma', 'anna smith-jones'],
    // A role or relation in an apposition after the name.
    ['Quorbel Vantis, the charge nurse, said it was fine', 'Quorbel Vantis'],
    ['Quorbel Vantis, her daughter, called about the MRI', 'Quorbel Vantis'],
    // A list of title-case words announced as people.
    ['our 3 founders: Quorbel, Vantis and Oduya.', 'Vantis'],
    // Mc- and O'- surnames have a surname's shape.
    ['It may be too that McDowell was influenced by it', 'McDowell'],
    ['the report by McAllister was late', 'McAllister'],
    ["we met O'Halloran yesterday", "O'Halloran"],
    // A name in apposition after a person noun.
    ['a 35-year-old female, Quorbel Vantis, referred by her GP', 'Quorbel Vantis'],
  ])('keeps a name before a diagnosis: %j', (text, value) => {
    expect(run(personName, text).some((h) => h.value === value && h.confidence >= 0.5)).toBe(true);
  });

  // If this fails, a capitalised word in no list and of no name shape ("Quorbel") is no longer found
  // by the one context cue that announces it. nameRun skips such words at once when contextMaybe()
  // says no cue can apply; each case here is one of the cues that function must let through.
  it.each([
    ['my daughter Quorbel visits', 'strong cue before'],
    ['please call me Quorbel today', 'phrase cue before'],
    ['they named him Quorbel after all', 'phrase cue before'],
    ['I think I am Quorbel now', 'phrase cue before'],
    ['we want to speak with Quorbel soon', 'phrase cue before'],
    ['you should talk to Quorbel first', 'phrase cue before'],
    ['a song written by Quorbel last year', 'phrase cue before'],
    ["What's the name on the account? User: Quorbel", 'answer to a name question'],
    ['yesterday Quorbel lives in town', 'person verb after'],
    ['so Quorbel is from Ohio', 'person verb after'],
    ['we had given Quorbel his keys', 'giving verb before'],
    ['I read the Quorbel novel twice', 'author of a work'],
    ['Hello there\nQuorbel: "You saved my life"', 'speaker label'],
  ])('finds the unlisted word in %j (%s)', (text) => {
    expect(run(personName, text).map((h) => h.value)).toEqual(['Quorbel']);
  });
  it.each([
    'yesterday Quorbel arrived',
    'so Quorbel is tall',
    'I read the Quorbel report',
    'Hello there\nQuorbel: you saved my life',
    'What is this? Quorbel again',
  ])('finds no name for the unlisted word without a cue in %j', (text) => {
    expect(run(personName, text)).toEqual([]);
  });
  // If this fails, a patient introduced the clinical way (name, then age and sex, a birth date or a record
  // number) is missed when the name is in no list: the blind probe set (test/probes) had 30 such misses.
  it.each([
    ['Zorvaxi Qelunde, 83F, fell at home on Jan 3rd', ['Zorvaxi Qelunde']],
    ['prior auth for Quorin Vexley (DOB 07/19/1988), member ID W284910337', ['Quorin Vexley']],
    ['e-consult for Kavex Jorafi (MRN: 3004-7719-2), 40M', ['Kavex Jorafi']],
    ['Pt Ozrel, Quithan, 68M, s/p Whipple', ['Ozrel, Quithan']],
    ["note: 'Kim, Soo-ah 31F G1P0 @ 10wk'", ['Kim, Soo-ah']],
    ['LUCIA QUORVEX-MORALES DOB 12/25/1955', ['LUCIA QUORVEX-MORALES']],
    ['PT ZORVAXI QELUNDE 45M DM2 A1C 11.4', ['ZORVAXI QELUNDE']],
    ['PT: QORIMA VEXLANDE, DOB 9-9-1958', ['QORIMA VEXLANDE']],
    ['bed 12: QUORVEN, ZAFIRA — 63M, COPD exac', ['QUORVEN, ZAFIRA']],
    ['Pt: BIN QALEX, Omar. 60M.', ['BIN QALEX, Omar']],
    ['pt Ana Paula Rodrigues dos Santos, 39F', ['Ana Paula Rodrigues dos Santos']],
    ['Dr. Gutiérrez de la Fuente noted Kt/V 1.0', ['Dr. Gutiérrez de la Fuente']],
    // A sentence opening with a name and a bare age between commas.
    ['Zorvaxi Qelunde, 50, OSA and paroxysmal AF', ['Zorvaxi Qelunde']],
    ['New T1D. Quorin-ji Vexley, 12, on MDI', ['Quorin-ji Vexley']],
  ])('finds a name introduced by an age, birth date or record number in %j', (text, values) => {
    expect(nameValues(text)).toEqual(values);
  });

  // If this fails, capitals or a capitalised word before an age read as a name without the signs above.
  it.each([
    'CHEST PAIN, 45M, TROPONIN NEG',
    'PT ADMITTED ON 3/4 WITH CAP',
    'URGENT CARE VISIT 45M FEVER',
    'Question: 45M with CKD, diagnosed in 2021',
    'Hospital Course, 12, days',
    'Stage IV, 3, cycles',
  ])('finds no name in %j', (text) => {
    expect(nameValues(text)).toEqual([]);
  });

  // If this fails, a place (a state or territory of two words, a landform) or an eponym with its score is
  // read as a person: the third blind probe set had these as false alarms on PHI-free questions.
  it.each([
    'Overdose death rates in West Virginia compared with the national average',
    'Dengue cases in Puerto Rico rose sharply in 2024',
    'Treatment of Rocky Mountain spotted fever in a 9-year-old',
    'a 66-year-old with Gleason 3+4 prostate cancer',
    'How does the Gleason grade group change management?',
  ])('finds no name for a place or eponym in %j', (text) => {
    expect(nameValues(text)).toEqual([]);
  });

  // If this fails, researchers credited with a piece of work are reported as people in care, or (the
  // second half) a patient or clinician near such words is dropped with them.
  it.each([
    'the original H. pylori work by Quorbel Vexley and Zafira Qelunde: how did it change therapy?',
    "How did Quorin Vexley and Zorvaxi Qelunde's 1921 insulin discovery change survival?",
    'What did the central line checklist study by Quorin Vexley show?',
  ])('finds no name for credited researchers in %j', (text) => {
    expect(run(personName, text)).toEqual([]);
  });
  it.each([
    ["pt Anna Roe's work note for 3/4", ['Anna Roe']],
    ['sleep study read by Dr. Lee and Tom Roe', ['Dr. Lee', 'Tom Roe']],
    ['pt Virginia Hale, 45F', ['Virginia Hale']],
    ['pt Rocky Balboa 45M', ['Rocky Balboa']],
  ])('keeps the name in %j', (text, values) => {
    expect(nameValues(text)).toEqual(values);
  });
});
