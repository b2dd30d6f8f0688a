import { describe, expect, it } from 'vitest';
import { findingOf } from '../detectors/test-helpers';
import type { Category } from '../detectors/types';
import { DEFAULT_DECISION_POLICY, type DecisionPolicy, decide, isStrong, STRONG_CATEGORIES } from './decide';

const f = (category: Category, confidence: number, start = 0) =>
  findingOf(category, confidence, { start, end: start + 4 });

describe('decide', () => {
  it('allows a text without findings', () => {
    expect(decide([], 1)).toEqual({ action: 'allow', categories: [] });
  });

  // If this fails, a record number or SSN in a non-clinical-looking prompt is let through.
  it.each(['SSN', 'MRN', 'HEALTH_PLAN', 'PHONE', 'EMAIL', 'PAYMENT_CARD'] as Category[])(
    'blocks a confident %s whatever the health context',
    (cat) => {
      expect(decide([f(cat, 0.95)], 0)).toEqual({ action: 'block', categories: [cat] });
      expect(decide([f(cat, 0.95)], 1).action).toBe('block');
    },
  );

  // If this fails, names, dates and places either warn in recipes and travel questions or pass silently
  // in clinical notes.
  it.each(['NAME', 'LOCATION', 'DATE', 'AGE', 'URL'] as Category[])('warns on %s only in a clinical context', (cat) => {
    expect(decide([f(cat, 0.9)], 1)).toEqual({ action: 'warn', categories: [cat] });
    expect(decide([f(cat, 0.9)], DEFAULT_DECISION_POLICY.minHealthForWeak).action).toBe('warn');
    expect(decide([f(cat, 0.9)], DEFAULT_DECISION_POLICY.minHealthForWeak - 0.01)).toEqual({
      action: 'allow',
      categories: [],
    });
  });

  // If this fails, an unlabelled, unvalidated code blocks everywhere (false alarms on every order number)
  // or is ignored in clinical text.
  it('treats a strong category under strongMinConfidence as weak', () => {
    expect(decide([f('OTHER_ID', 0.6)], 1).action).toBe('warn');
    expect(decide([f('OTHER_ID', 0.6)], 0).action).toBe('allow');
    expect(decide([f('OTHER_ID', DEFAULT_DECISION_POLICY.strongMinConfidence)], 0).action).toBe('block');
  });

  it('ignores findings under minConfidence', () => {
    expect(decide([f('SSN', DEFAULT_DECISION_POLICY.minConfidence - 0.01)], 1).action).toBe('allow');
    expect(decide([f('NAME', DEFAULT_DECISION_POLICY.minConfidence - 0.01)], 1).action).toBe('allow');
  });

  it('takes the most severe action and lists each driving category once', () => {
    const d = decide([f('NAME', 0.9), f('SSN', 0.99, 10), f('SSN', 0.99, 20), f('DATE', 0.9, 30)], 1);
    expect(d.action).toBe('block');
    expect([...d.categories].sort()).toEqual(['DATE', 'NAME', 'SSN']);
  });

  it('treats the health score as 1 when none is given', () => {
    expect(decide([f('NAME', 0.9)]).action).toBe('warn');
  });

  // If this fails, the admin's policy (actions, lines) no longer changes the decision.
  it('follows the policy', () => {
    const strict: DecisionPolicy = { ...DEFAULT_DECISION_POLICY, weakAction: 'block', minHealthForWeak: 0 };
    expect(decide([f('NAME', 0.9)], 0, strict)).toEqual({ action: 'block', categories: ['NAME'] });
    const lax: DecisionPolicy = { ...DEFAULT_DECISION_POLICY, strongAction: 'warn', weakAction: 'allow' };
    expect(decide([f('SSN', 0.99), f('NAME', 0.9)], 1, lax)).toEqual({ action: 'warn', categories: ['SSN'] });
    const picky: DecisionPolicy = { ...DEFAULT_DECISION_POLICY, minConfidence: 0.95 };
    expect(decide([f('SSN', 0.9)], 1, picky).action).toBe('allow');
  });

  // If this fails, the split between identifiers that identify alone and those that need health
  // context (the design note's "recall vs false alarms") has moved.
  it('classifies categories as strong or weak', () => {
    for (const c of ['NAME', 'LOCATION', 'DATE', 'AGE', 'URL'] as Category[])
      expect(STRONG_CATEGORIES.has(c)).toBe(false);
    for (const c of [
      'SSN',
      'MRN',
      'HEALTH_PLAN',
      'ACCOUNT',
      'LICENSE',
      'PHONE',
      'FAX',
      'EMAIL',
      'PAYMENT_CARD',
    ] as Category[])
      expect(STRONG_CATEGORIES.has(c)).toBe(true);
    expect(isStrong(f('SSN', 0.75))).toBe(true);
    expect(isStrong(f('SSN', 0.74))).toBe(false);
    expect(isStrong(f('NAME', 1))).toBe(false);
  });
});

describe('decide: quasi-identifiers in combination', () => {
  // If this fails, "Mrs. Roe: your biopsy from Oct 3 was benign" (a name, a date, one clinical word)
  // is allowed because a short prompt does not reach the clinical-context threshold.
  it('warns on two kinds of quasi-identifier with any health cue', () => {
    expect(decide([f('NAME', 0.9), f('DATE', 0.9, 10)], 0.2).action).toBe('warn');
  });
  // If this fails, "my grandmother, Rosa Roe, fell at Sunrise Villa on Oct 2" (a name, a care facility and
  // a date, no clinical word) is allowed: a care facility is itself a health cue for the combination rule.
  it('counts a care facility as a health cue for two kinds of quasi-identifier', () => {
    const facility = findingOf('LOCATION', 0.85, { start: 10, end: 14, detector: 'care-facility' });
    expect(decide([f('NAME', 0.9), facility], 0).action).toBe('warn');
    expect(decide([f('NAME', 0.9), f('LOCATION', 0.85, 10)], 0).action).toBe('allow');
    expect(decide([facility], 0).action).toBe('allow');
  });
  // If this fails, a home address with its house number in a text with a faint health cue ("... need a GP
  // who treats ADHD") is allowed, or an address with no health cue at all (a restaurant question) warns.
  it('counts a street address with a house number alone once there is any health cue', () => {
    const home = findingOf('LOCATION', 0.9, { household: true });
    expect(decide([home], 0.2).action).toBe('warn');
    expect(decide([home], 0).action).toBe('allow');
    expect(decide([f('LOCATION', 0.9)], 0.2).action).toBe('allow');
  });
  // If this fails, the combination rule fires without any clinical content, or on one kind alone.
  it('still allows them with no health cue, and one kind alone under the threshold', () => {
    expect(decide([f('NAME', 0.9), f('DATE', 0.9, 10)], 0).action).toBe('allow');
    expect(decide([f('NAME', 0.9), f('NAME', 0.9, 10)], 0.2).action).toBe('allow');
  });
});

describe('decide: a lone coarse quasi-identifier', () => {
  const coarse = (category: Category, start = 0) => findingOf(category, 0.88, { start, end: start + 4, coarse: true });

  // If this fails, "a 55-year-old from Denver with ALS" warns: a city (or a month and year) alone in a
  // clinical question, which identifies no one and is the commonest false alarm on clinical questions.
  it.each(['LOCATION', 'DATE'] as Category[])('allows one coarse %s alone in a clinical text', (cat) => {
    expect(decide([coarse(cat)], 1)).toEqual({ action: 'allow', categories: [] });
  });

  // If this fails, the exemption hides a city or month that comes with something else that identifies.
  it('counts a coarse finding beside any other finding that counts', () => {
    expect(decide([coarse('LOCATION'), coarse('DATE', 10)], 1)).toEqual({
      action: 'warn',
      categories: ['LOCATION', 'DATE'],
    });
    expect(decide([coarse('LOCATION'), coarse('LOCATION', 10)], 1).action).toBe('warn');
    expect(decide([coarse('LOCATION'), f('NAME', 0.9, 10)], 1).categories).toEqual(['LOCATION', 'NAME']);
    expect(decide([coarse('LOCATION'), f('MRN', 0.95, 10)], 0).action).toBe('block');
  });

  // If this fails, a finding too weak to count (under minConfidence) turns the exemption off, or a
  // finer finding (a full date, a street address) is let through as if it were coarse.
  it('looks only at findings that count, and only at coarse ones', () => {
    const faint = f('NAME', DEFAULT_DECISION_POLICY.minConfidence - 0.01, 10);
    expect(decide([coarse('LOCATION'), faint], 1).action).toBe('allow');
    expect(decide([f('LOCATION', 0.88)], 1).action).toBe('warn');
    expect(decide([f('DATE', 0.9)], 1).action).toBe('warn');
  });

  // If this fails, an organisation that asks for every city or month to be held (strict Safe Harbor, by
  // setting an action for the category) no longer gets it.
  it('keeps a lone coarse finding whose category has a policy action', () => {
    const strict: DecisionPolicy = { ...DEFAULT_DECISION_POLICY, categoryActions: { LOCATION: 'warn' } };
    expect(decide([coarse('LOCATION')], 1, strict).action).toBe('warn');
    expect(decide([coarse('DATE')], 1, strict).action).toBe('allow');
  });
});
