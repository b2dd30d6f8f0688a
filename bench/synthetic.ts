/**
 * Synthetic texts for the isolated timings, written for this benchmark: every identifier is fake and
 * from a range that cannot be real (SSN 9xx, phone 555-01xx, example.com/example.org addresses), so
 * the timings never depend on corpus text and can be shared freely.
 */

const FIRST = ['Jane', 'John', 'Maria', 'Omar', 'Li', 'Priya', 'Tomas', 'Ada'];
const LAST = ['Roe', 'Doe', 'Quill', 'Farrow', 'Testa', 'Nobody', 'Placeholder', 'Sample'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** About 1 KB: the kind of question a clinician types into a chatbot, with a handful of identifiers. */
export function syntheticQuery(): string {
  return [
    'I need help drafting a referral letter and checking a dosing question.',
    'Patient is Jane Roe, DOB 03/14/1961, MRN 90012345, SSN 900-12-3456, seen in clinic on 03/04/2025.',
    'She is a 64-year-old woman with type 2 diabetes (HbA1c 8.2% last month), stage 3a CKD with an eGFR of 52,',
    'hypertension on lisinopril 20 mg daily, and a history of a left total knee replacement in 2019.',
    'She reports intermittent chest tightness on exertion for three weeks, no syncope, no orthopnoea.',
    'Her daughter can be reached at 555-0142 or jane.roe.family@example.com if the cardiology team needs collateral history.',
    'Current meds: metformin 1000 mg twice daily, empagliflozin 10 mg daily, atorvastatin 40 mg nightly, aspirin 81 mg.',
    'Questions: (1) should metformin be reduced at this eGFR, (2) is empagliflozin still appropriate given the chest symptoms,',
    'and (3) what should the referral to cardiology at 12 Example Street include so that she is triaged correctly?',
    'Please keep the letter under one page and use plain language the patient can also read.',
  ].join(' ');
}

/** One paragraph of a long note; `i` varies the identifiers so that no two paragraphs are equal. */
function noteParagraph(i: number): string {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 3) % LAST.length];
  const month = MONTHS[i % MONTHS.length];
  const day = (i % 27) + 1;
  return [
    `Progress note ${i + 1}, ${month} ${day}, 2024. Seen by Dr. ${LAST[(i + 2) % LAST.length]} on the medical ward.`,
    `${first} ${last} (MRN ${90000000 + i * 37}, phone 555-01${pad(i % 100, 2)}) was reviewed on the morning round.`,
    'Overnight the patient remained afebrile, blood pressure 128/76, heart rate 82, saturating 96% on room air.',
    'Creatinine improved from 1.6 to 1.3 mg/dL after holding the diuretic; potassium 4.1 mmol/L; haemoglobin 11.2 g/dL.',
    `Plan discussed with the family; contact ${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org for updates.`,
    'Continue IV antibiotics for a further 48 hours, then step down to oral therapy if cultures remain negative.',
    `Insurance member ID 9${pad(i, 8)}; SSN on file 9${pad(i % 100, 2)}-${pad((i * 7) % 100, 2)}-${pad(i % 10000, 4)}.`,
    'Physiotherapy to assess mobility before discharge; social work to review home support and transport.',
  ].join(' ');
}

/** About 100 KB (102,400 characters): a long clinical note pasted whole. */
export function syntheticNote(size = 100 * 1024): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = noteParagraph(i);
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n').slice(0, size);
}
