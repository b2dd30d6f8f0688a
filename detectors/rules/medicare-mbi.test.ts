import { describe, expect, it } from 'vitest';
import { hitFor, run, scanHits } from '../test-helpers';
import { medicareMbi } from './medicare-mbi';

// Synthetic MBIs built from the CMS position rules: C A AN N A AN N A A N N.
const MBI = '2XY7PQ3RT45';
const DASHED = '2XY7-PQ3-RT45';

describe('medicare-mbi', () => {
  // If this fails, a Medicare beneficiary identifier is missed in one of its print forms.
  it.each([
    [`MBI ${MBI}`, MBI],
    [`Medicare # ${DASHED}.`, DASHED],
    [`id ${MBI.toLowerCase()} on card`, MBI.toLowerCase()],
    ['card 9AA9AA9AA99', '9AA9AA9AA99'],
  ])('finds the MBI in %j', (text, value) => {
    expect(hitFor(medicareMbi, text, value)?.category).toBe('HEALTH_PLAN');
  });

  it('is reported as HEALTH_PLAN by the scan', () => {
    expect(scanHits(`MBI: ${DASHED}`).map((h) => [h.value, h.category])).toEqual([[DASHED, 'HEALTH_PLAN']]);
  });

  // If this fails, codes violating the CMS position rules (excluded letters S L O I B Z, first digit 0,
  // wrong length) are reported as MBIs.
  it.each([
    ['first character 0', `0${MBI.slice(1)}`],
    ['letter S in position 2', `2S${MBI.slice(2)}`],
    ['letter L in position 5', `${MBI.slice(0, 4)}L${MBI.slice(5)}`],
    ['letter O in position 8', `${MBI.slice(0, 7)}O${MBI.slice(8)}`],
    ['letter B in position 9', `${MBI.slice(0, 8)}B${MBI.slice(9)}`],
    ['letter in position 4', `${MBI.slice(0, 3)}A${MBI.slice(4)}`],
    ['ten characters', MBI.slice(0, 10)],
    ['twelve characters', `${MBI}9`],
  ])('rejects %s (%s)', (_why, v) => {
    expect(run(medicareMbi, `MBI ${v} here`)).toEqual([]);
  });
});
