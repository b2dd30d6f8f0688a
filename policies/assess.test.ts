import { describe, expect, it } from 'vitest';
import { assess } from './assess';

// End to end through scan, health context and decision, with the default policy.
describe('assess', () => {
  // If this fails, a patient's name in a clinical prompt goes to the chatbot without a warning.
  it('warns on a clinical prompt with a name', () => {
    const a = assess(
      'Patient Jane Roe has hypertension and type 2 diabetes; summarize her treatment plan and medication doses.',
    );
    expect(a.action).toBe('warn');
    expect(a.categories).toContain('NAME');
    expect(a.health).toBeGreaterThanOrEqual(0.4);
  });

  // If this fails, a short note in clinicians' shorthand reads as non-clinical (age and sex as "38F",
  // obstetric history as "G2P1"), and the name or address beside it goes out without a warning.
  it.each([
    'Anna Roe, 38F, hx of preeclampsia',
    'pls summarize for bed 12 - Anna Roe, 38F, G2P1 at 32 wks',
    'Summarize: 54F, lives at 4821 Birchwood Ln, Apt 3B, Tacoma WA 98405, hx DM2',
  ])('warns on clinical shorthand with a name or address: %j', (text) => {
    const a = assess(text);
    expect(a.health).toBeGreaterThanOrEqual(0.4);
    expect(a.action).toBe('warn');
  });

  // If this fails, a labelled record number is not blocked.
  it('blocks a clinical prompt with a labelled MRN', () => {
    const text = 'Summarize the admission. MRN: 4471902, admitted with sepsis, on vancomycin.';
    const a = assess(text);
    expect(a.action).toBe('block');
    expect(a.categories).toContain('MRN');
    expect(a.findings.some((f) => f.category === 'MRN' && text.slice(f.start, f.end) === '4471902')).toBe(true);
  });

  it('blocks a labelled SSN even in a non-clinical prompt', () => {
    expect(assess('Fill in the form: SSN 900-12-3456, thanks.').action).toBe('block');
  });

  // If this fails, everyday prompts that mention a city start warning (alert fatigue).
  it('allows a general prompt with a city', () => {
    const a = assess('What are good restaurants in Chicago for a family dinner?');
    expect(a.findings.some((f) => f.category === 'LOCATION')).toBe(true);
    expect(a.health).toBeLessThan(0.4);
    expect(a.action).toBe('allow');
    expect(a.categories).toEqual([]);
  });

  // If this fails, textbook clinical questions (ages under 90, years) are flagged although they identify no one.
  it.each([
    'A 67-year-old man with a 20-year history of type 2 diabetes since 2004 presents with chest pain. What is the next step in management?',
    'A 45 yo woman diagnosed in 2019 with breast cancer, on tamoxifen since 2020; what are the risks of stopping therapy?',
  ])('allows a clinical question with ages and years only: %j', (text) => {
    const a = assess(text);
    expect(a.findings).toEqual([]);
    expect(a.action).toBe('allow');
  });

  // If this fails, a clinical question whose only identifier-like detail is one city or one month and
  // year warns (a false alarm: it identifies no one), or the same detail beside a name or a street
  // address, or two such details together, no longer warn.
  it.each([
    ['A 55-year-old man from the Denver metro area was diagnosed with ALS; what trials are open?', 'allow'],
    ['Is it safe to stay on metformin and the keto diet since January 2023 with CKD stage 3?', 'allow'],
    ['A 55-year-old man from Denver, CO was diagnosed with ALS in March 2021; what trials are open?', 'warn'],
    ['Patient Anna Roe from Denver was diagnosed with ALS; what trials are open?', 'warn'],
    ['A 55-year-old man at Denver Health was diagnosed with ALS; what trials are open?', 'warn'],
  ])('decides on a lone city or month and year: %j', (text, action) => {
    const a = assess(text);
    expect(a.health).toBeGreaterThanOrEqual(0.4);
    expect(a.findings.some((f) => f.category === 'LOCATION' || f.category === 'DATE')).toBe(true);
    expect(a.action).toBe(action);
  });

  it('passes scan options through', () => {
    const text = 'Patient Jane Roe has hypertension and type 2 diabetes; summarize her treatment plan.';
    expect(assess(text, { categories: { NAME: false } }).action).toBe('allow');
  });

  it('skips the health score when there is nothing to weigh', () => {
    expect(assess('What is the first-line treatment for hypertension?').health).toBe(0);
  });
});
