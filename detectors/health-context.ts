/**
 * Health-context signal: how clearly a text is about someone's health (diagnoses, drugs, labs,
 * procedures, clinical abbreviations, ages written the clinical way). Not a PHI detector: the
 * decision uses it so that a name or date in a clearly non-clinical prompt (a travel plan, a coding
 * task) weighs less than a record number anywhere.
 *
 * Three kinds of cue, each counted once per distinct word: a list of clinical words and
 * abbreviations; medical word endings (-itis, -ectomy, -emia, drug stems such as -pril, -statin,
 * -mab); and clinical age forms ("70yo", "55-year-old"). Score = distinct cues / 5, capped at 1.
 */
import { alternatives, groupable, groupByFirstChar } from './regex-source';

const WORDS = String.raw`pt|pts|patient|patients|dx|hx|tx|rx|sx|fx|h\/o|s\/p|c\/o|w\/|yo|y\/o|diagnos\w*|admitted|admission|discharged?|readmi\w*|clinic|clinical|hospital\w*|medical|surgery|surgical|operat(?:ed|ion|ive)|disease|disorder|syndrome|cancer|carcinoma|tumou?r|malignan\w*|metasta\w*|diabetes|diabetic|hypertension|hypotension|fibrillation|infarction|failure|insufficiency|stroke|asthma|infection|infectious|sepsis|pneumonia|pain|fracture|injury|wound|lesion|therapy|therapies|treatment|treated|treating|medication|meds|drug|dose|dosage|dosing|mg|mcg|ml|biopsy|prescri\w*|insulin|statin|warfarin|aspirin|antibiotics?|anticoagula\w*|vaccin\w*|pregnan\w*|prenatal|postpartum|symptoms?|allerg\w*|chemo\w*|radiation|oncolog\w*|cardi\w*|neuro\w*|psych\w*|nurse|nursing|physician|doctor|dr|md|mrn|icu|nicu|prognosis|follow[- ]?up|post-?op\w*|pre-?op\w*|transplant\w*|dialysis|renal|hepatic|liver|kidney|pulmonary|glucose|a1c|hba1c|cholesterol|ldl|hdl|bp|ecg|ekg|mri|x-?ray|ultrasound|bmi|obes\w*|opioid\w*|overdose|seizures?|epilep\w*|dementia|alzheimer\w*|parkinson\w*|depress\w*|anxiety|bipolar|schizo\w*|adhd|autism|hiv|aids|hcv|hbv|hepatitis|copd|chf|ckd|cad|htn|t2dm|t1dm|afib|a-?fib|dvt|uti|gerd|ibs|ibd|sle|als|gyn|obgyn|inr|cbc|bmp|cmp|tsh|psa|egfr|gfr|eeg|emg|abg|prn|bid|tid|qid|qd|npo|sob|n\/v|migraines?|arthritis|osteo\w*|fever|cough|rash|nausea|vomiting|diarrh\w*|constipation|fatigue|dizziness|syncope|edema|anemia|thyroid|hypothyroid\w*|hyperthyroid\w*|stent|bypass|cabg|pacemaker|catheter|intubat\w*|ventilat\w*|inhaler|nebuli\w*|wheelchair|physio\w*|hospice|palliative|prescription|pharmacy|pharmacist|referral|consult\w*|appointment|appt|check-?up|examination|screening|mammogram|colonoscopy|vaccination|immuniz\w*|side effects?|contraindicat\w*|comorbid\w*|remission|relapse|exacerbation|guideline-directed|bloodwork|urinalysis|pathology|radiology|mammography|ob\/gyn|pediatric\w*|geriatric\w*|elderly|newborn|infant|neonat\w*`;
const MORE_WORDS =
  'carcinoma|lymphoma|melanoma|sarcoma|glioma|myeloma|adenoma|hematoma|blastoma|neuropathy|cardiomyopathy|retinopathy|nephropathy|myopathy|encephalopathy|myalgia|arthralgia|neuralgia|fibromyalgia|radiography|angiography|echocardiography|tomography|hypertensive|hypertension';
/**
 * Top-level alternatives of a regex source ("a|b(?:c|d)" -> ["a", "b(?:c|d)"]), then regrouped by
 * first letter ("pt|pain|dx" -> "p(?:t|ain)|d(?:x)"), keeping their order within each letter. The
 * regex means the same (at a given position only alternatives starting with that letter can match,
 * and they are tried in the same order) but V8 tries one group per position, not 300 alternatives.
 */
function byFirstLetter(source: string): string {
  const alts = alternatives(source);
  // Every term must be groupable: one left after the groups would be tried in another order.
  if (!alts.every((a) => /^[a-z]/.test(a) && groupable(a))) {
    throw new Error('health-context: every term starts with a letter');
  }
  return groupByFirstChar(alts);
}
const TERMS = new RegExp(String.raw`\b(?:${byFirstLetter(`${WORDS}|${MORE_WORDS}`)})\b`, 'gi');
const NOT_MEDICAL = new Set(['academia', 'diploma', 'aroma', 'hypnosis', 'metamorphosis', 'apotheosis', 'osmosis']);
const SUFFIXES =
  /\b[a-z]{3,}(?:itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|uria|penia|trophy|plegia|scopy|cillin|mycin|cycline|floxacin|pril|sartan|olol|statin|prazole|tidine|mab|nib|vir|azole|dipine|gliptin|gliflozin|xaban|parin|triptan|setron|lukast|terol|sone|olone|azepam|zolam|oxetine|aline|afil|formin|glutide|caine|thiazide|semide|ectasia|megaly|rrhea|rrhoea|plasia|sclerosis|cardia|pnea|pnoea)\b/gi;
const AGE =
  /\b\d{1,3}(?:[- ]?(?:years?|yrs?|yr)[- ]old|[- ]?y\/?o\b|yo\b|-year-old|[- ]?(?:month|week|day)s?[- ]old)/gi;

/**
 * Distinct clinical cues over the number a text of this length needs to be clearly clinical: five
 * for a prompt, one more per 2,000 characters, since a long general text (a coding prompt, a story)
 * picks up a few clinical words by chance while a clinical note is full of them. 0..1.
 */
export function healthScore(text: string): number {
  const needed = 5 + Math.floor(text.length / 2000);
  const seen = new Set<string>();
  // The score depends only on the set of distinct cues, so the order of the passes does not matter: the
  // terms, which fill the set fastest in a clinical text, go first, and the scan stops once it is full.
  for (const re of [TERMS, SUFFIXES, AGE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const w = m[0].toLowerCase();
      if (re === SUFFIXES && NOT_MEDICAL.has(w)) continue;
      seen.add(re === AGE ? 'age' : w);
      if (seen.size >= needed) return 1;
    }
  }
  return seen.size / needed;
}
