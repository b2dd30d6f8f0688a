/**
 * Health-context signal: how clearly a text is about someone's health (diagnoses, drugs, labs,
 * clinical abbreviations). Not a PHI detector: the decision uses it so that a name or date in a
 * clearly non-clinical prompt weighs less than a record number anywhere.
 */
const TERMS =
  /\b(?:pt|pts|patient|patients|dx|hx|tx|rx|sx|yo|y\/o|diagnos\w*|history|admitted|discharged?|seen|treated|clinic|hospital|medical|surgery|surgical|disease|syndrome|cancer|tumou?r|diabetes|diabetic|hypertension|htn|chf|copd|ckd|afib|mi|stroke|asthma|infection|pain|fracture|therapy|treatment|medication|meds?|dose|dosage|mg|mcg|ml|labs?|a1c|hba1c|bp|ecg|ekg|mri|ct|biopsy|prescri\w*|insulin|statin|warfarin|pregnan\w*|symptoms?|allerg\w*|chemo\w*|oncolog\w*|cardio\w*|neuro\w*|psych\w*|nurse|physician|dr|doctor|mrn|icu|er|ed|ward|bed|prognosis|follow-?up|post-?op\w*|pre-?op\w*)\b/gi;

/** Number of distinct clinical cues, capped at 5, divided by 5: 0 = none, 1 = clearly clinical. */
export function healthScore(text: string): number {
  const seen = new Set<string>();
  for (const m of text.matchAll(TERMS)) {
    seen.add(m[0].toLowerCase());
    if (seen.size >= 5) break;
  }
  return seen.size / 5;
}
