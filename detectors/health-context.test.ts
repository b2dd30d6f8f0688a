import { describe, expect, it } from 'vitest';
import { lowerSameLength } from './engine';
import { CUE_PATTERNS, healthScore } from './health-context';
import { seededInts } from './test-helpers';
import { tokenize } from './tokens';

// The decision uses this score to let names, dates and places through in plainly non-clinical prompts
// (policies/decide.ts, minHealthForWeak = 0.4). These tests pin which side of that line texts fall on.
const WEAK_LINE = 0.4;

const NOT_CLINICAL = [
  'Write a python function that parses a CSV file and returns the average of column B.',
  'Plan a three-day trip to Lisbon with museums and good seafood.',
  'My laptop battery drains fast; how do I check which apps use the most power?',
  'Summarize this quarterly sales report for the board.',
  'The stock price dropped after the CEO resigned.',
  'What are good restaurants in Chicago for a family dinner?',
  'Draft an email to my landlord about the broken heater in apartment 4.',
];

const CLINICAL = [
  '72yo M w/ hx of CHF, HTN, T2DM on metformin and lisinopril, admitted for COPD exacerbation.',
  // Shorthand only: history sections and common abbreviations.
  'PMH: DM2, OSA, BPH. HPI: gout flare, SpO2 94%.',
  'Patient with pneumonia, started on ceftriaxone and azithromycin; follow-up chest x-ray in 6 weeks.',
  'What is the first-line treatment for hypertension in a diabetic patient with CKD?',
  'A 67-year-old woman presents with chest pain and dyspnea; troponin is elevated and ECG shows ST depression.',
  'Summarize the discharge note: sepsis from a UTI, treated with IV antibiotics, creatinine improving.',
];

/** About 8,500 characters of an engineering design prompt. */
function longGeneralText(): string {
  const paragraph = [
    'We are migrating the billing service from a monolith to a set of small services behind an API gateway.',
    'Each service owns its tables, publishes events to a queue, and exposes a versioned REST interface.',
    'The gateway handles authentication with short-lived tokens and rate limits per client key.',
    'Deployments run through a pipeline that builds a container image, runs the unit and integration suites, and promotes the image to staging.',
    'Logs go to a central store with structured fields so that on-call engineers can filter by request id.',
    'Our caching layer keeps hot product records in memory with a five minute expiry and a background refresh.',
    'Feature flags let us ship code dark and enable it for a few tenants before a full rollout.',
    'Please review the design and suggest how to split the invoice generator without breaking existing reports.',
  ].join(' ');
  let text = '';
  while (text.length < 8000) text += `${paragraph}\n\n`;
  return text;
}

describe('healthScore', () => {
  // If this fails, everyday prompts count as clinical and a city or a name in them starts warning.
  it.each(NOT_CLINICAL)('scores a non-clinical prompt under the line: %j', (text) => {
    expect(healthScore(text)).toBeLessThan(WEAK_LINE);
  });

  // If this fails, clinical prompts stop counting as clinical and a patient's name passes without a warning.
  it.each(CLINICAL)('scores a clinical prompt at or over the line: %j', (text) => {
    expect(healthScore(text)).toBeGreaterThanOrEqual(WEAK_LINE);
  });

  it('is 0 for an empty text and stays within [0, 1]', () => {
    expect(healthScore('')).toBe(0);
    for (const t of [...NOT_CLINICAL, ...CLINICAL, CLINICAL.join(' ').repeat(20)]) {
      const s = healthScore(t);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  // If this fails, the score is no longer density-aware: a long general text (a design doc, a story)
  // with a few incidental clinical words ("pain point", "build failure") would count as clinical.
  it('keeps a long non-clinical text with a few incidental clinical words under the line', () => {
    const base = longGeneralText();
    expect(healthScore(base)).toBe(0);
    const text = `${base}The main pain point is a flaky build failure that nobody can reproduce; the team doctor of process says retries hide it.`;
    expect(text.length).toBeGreaterThan(8000);
    const s = healthScore(text);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(WEAK_LINE);
  });

  // If this fails, a long clinical note is diluted by its own length and stops counting as clinical.
  it('keeps a long clinical note over the line', () => {
    const note = CLINICAL.join(' ');
    let text = '';
    while (text.length < 8000) text += `${note}\n`;
    expect(healthScore(text)).toBeGreaterThanOrEqual(WEAK_LINE);
  });

  // If this fails, one repeated clinical word inflates the score (cues must be counted once each).
  it('counts each distinct cue once', () => {
    expect(healthScore('pain pain pain pain pain pain')).toBe(healthScore('pain'));
    expect(healthScore('pain')).toBeLessThan(WEAK_LINE);
  });

  // If this fails, clinicians' shorthand for age and sex ("38F") or obstetric history ("G2P1") is not read as
  // clinical, and a name beside a diagnosis in a short note passes as a non-clinical prompt.
  it('counts age-and-sex and gravida/para shorthand, case-sensitively and not after a currency sign', () => {
    const hx = (s: string) => healthScore(`${s}, hx`);
    expect(hx('Anna Roe')).toBeLessThan(WEAK_LINE);
    for (const s of ['Anna Roe, 38F', 'Anna Roe 54 F', 'Anna Roe, 70M', 'Anna Roe, G2P1', 'Anna Roe G3P2012'])
      expect(hx(s), s).toBeGreaterThanOrEqual(WEAK_LINE);
    for (const s of ['Anna Roe, 38f', 'ran 100m', 'raised $10M', 'about 250M', 'Anna Roe, g2p1', 'Anna Roe, 38 Main'])
      expect(hx(s), s).toBeLessThan(WEAK_LINE);
  });

  // If this fails, short prompts about prescriptions, labs and drugs by stem alone (no diagnosis word) read
  // as non-clinical, and a name with a birth date in them is let through (found by test/probes).
  it('counts refills, pharmacies, lab panels and drug stems such as -codone, -pezil and -lactone', () => {
    for (const s of [
      'Refill request for oxycodone, fills at 3 pharmacies',
      'on donepezil, now bradycardia to 48',
      'Interpret LFTs: drug-induced liver injury (DILI) from herbs?',
      'man on spironolactone with new gynecomastia',
    ])
      expect(healthScore(s), s).toBeGreaterThanOrEqual(WEAK_LINE);
    // Words left out on purpose: common in software and everyday prompts.
    expect(healthScore('dependency injection on a tablet; web vitals; bug triage; bleeding edge labs')).toBe(0);
  });

  // If this fails, ordinary words with medical-looking endings count as clinical cues.
  it('ignores look-alike words such as academia, diploma and osmosis', () => {
    expect(healthScore('academia diploma aroma hypnosis metamorphosis apotheosis osmosis')).toBe(0);
  });

  // If this fails, the token-guided search (healthScore tries the regexes only where a match can start)
  // found other cues than a plain left-to-right pass of the same regexes (CUE_PATTERNS).
  it('finds the same cues as a global pass of each regex', () => {
    const NOT_MEDICAL = new Set(['academia', 'diploma', 'aroma', 'hypnosis', 'metamorphosis', 'apotheosis', 'osmosis']);
    const reference = (text: string): number => {
      const needed = 5 + Math.floor(text.length / 2000);
      const seen = new Set<string>();
      for (const { name, source, flags, cue } of CUE_PATTERNS) {
        const re = new RegExp(source, flags);
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const w = m[0].toLowerCase();
          if (name === 'suffixes' && NOT_MEDICAL.has(w)) continue;
          seen.add(cue ?? w);
        }
      }
      return seen.size >= needed ? 1 : seen.size / needed;
    };
    const words = [
      'pt',
      'Dx',
      'h/o',
      'W/',
      'y/o',
      'ob/gyn',
      'follow-up',
      'follow up',
      'X-ray',
      'xray',
      'a-fib',
      'post-operative',
      'preop',
      'side effects',
      'side effect',
      'guideline-directed',
      'diagnosed',
      'cardiology',
      'tumour',
      'arthritis',
      'lisinopril',
      'academia',
      'osmosis',
      '72yo',
      '55-year-old',
      '3 y/o',
      'the',
      'a',
      'check',
      'post',
      'café',
      'naïve',
      "patient's",
      "don't",
      'e.g.',
      '12.5',
      'pain_',
      '_pain',
      'x_ray',
      '__init__',
      'ΣΑΣ',
      'İpain',
      'grandnephritis',
      'abcpril',
      'MRN',
      'drive',
      'Dr',
      'mgmt',
      'followup',
      'sideways',
      'diagnosis',
      '1234yo',
      '5 months old',
      '12-week-old',
      '7 Yrs old',
      '9-year-old',
      '3 days-old',
      '80 y/o',
      '4 dogs',
      'DM2',
      'spo2',
      'T2D',
      'troponin',
      'etoh',
      'tia',
      '38F',
      '54 F',
      '70M',
      '119M',
      '120F',
      '38f',
      '100m',
      '$10M',
      '£5 M',
      'M',
      'F',
      'G2P1',
      'G3P2012',
      'G1 P0',
      'g2p1',
      'xG2P1',
      'pt-G2P1',
      'P1',
    ];
    const seps = [' ', ' ', '\n', ', ', '-', '/', '_', '.', "'", '’', '', 'é', '3', '(', '\t'];
    const next = seededInts(7);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = 1 + next(12); j > 0; j--) {
        const w = words[next(words.length)];
        text += (next(3) === 0 ? w.toUpperCase() : w) + seps[next(seps.length)];
      }
      const want = reference(text);
      expect(healthScore(text), text).toBe(want);
      expect(healthScore(text, tokenize(text, lowerSameLength(text))), text).toBe(want);
    }
  });
});
