import { describe, expect, it } from 'vitest';
import { run, scanHits, values } from '../test-helpers';
import { healthPlanId } from './health-plan-id';

describe('health-plan-id', () => {
  // If this fails, an insurance member / policy / group number is missed.
  it.each([
    ['member ID XJ4471902', 'XJ4471902'],
    ['policy #AB-9876', 'AB-9876'],
    ['insurance ID: ZX-99001234', 'ZX-99001234'],
    ['Medicaid 9988776655', '9988776655'],
    ['subscriber no. 77-441-09', '77-441-09'],
    ['group number 00912', '00912'],
    ['BCBS plan ID W99123456', 'W99123456'],
  ])('finds the value in %j', (text, value) => {
    expect(run(healthPlanId, text).map((h) => [h.value, h.category])).toEqual([[value, 'HEALTH_PLAN']]);
  });

  // If this fails, the scan no longer keeps HEALTH_PLAN over the generic labelled-id reading.
  it('scan reports a member ID as HEALTH_PLAN', () => {
    const hits = scanHits('member ID XJ4471902, copay due');
    expect(hits.map((h) => h.category)).toEqual(['HEALTH_PLAN']);
    expect(hits[0].value).toContain('XJ4471902');
  });

  // If this fails, doses, group sizes and plan years after plan words become member numbers.
  it.each([
    'group 250',
    'plan 100 mg',
    'plan 2024',
    'in group 2 patients',
    'coverage 80%',
    'the policy is 12 pages',
    'member of 3 teams',
  ])('finds no plan id in %j', (text) => {
    expect(values(healthPlanId, text)).toEqual([]);
  });
});
