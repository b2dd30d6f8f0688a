import { describe, expect, it } from 'vitest';
import { scan } from './engine';
import {
  LABEL_BEFORE,
  LABEL_SLACK,
  labelStarts,
  labelTokenSearchInUse,
  labelUsersReach,
  setLabelTokenSearch,
} from './labelled';
import './registry';
import { seededInts } from './test-helpers';
import { newScanCache } from './types';
import { setGating } from './util';

describe('label search regions', () => {
  // labelStarts searches labels only up to LABEL_BEFORE characters before a digit, which is exact while
  // every regex using the label starts reaches less than that (see labelRegions). A longer label or
  // connector makes it fall back to the wider digit regions: the results stay the same, the search slower.
  it('covers the reach of every regex that uses the label starts', () => {
    expect(labelUsersReach()).toBeGreaterThan(0);
    expect(labelUsersReach() + LABEL_SLACK).toBeLessThanOrEqual(LABEL_BEFORE);
  });

  it('finds the same values as an ungated scan around digit runs', () => {
    const pad = (n: number) => 'x '.repeat(n);
    const texts = [
      `ref 12 ${pad(20)} insurance carrier member id number: AB-12345 and MRN 4471902`,
      `seen 3 days ago. patient id no is ${pad(30)} 55-0192 case id 12 ${pad(45)} acct no. 55-0192`,
      `plate 7 ${pad(40)} licence plate number is 7ABC123; reg: 12 ${pad(50)} tag 8XYZ999`,
      `${pad(47)}case 1 ${pad(47)}case id id no ${pad(10)}98765432`,
    ];
    for (const text of texts) {
      const gated = scan(text, { threshold: 0 });
      setGating(false);
      try {
        expect(gated).toEqual(scan(text, { threshold: 0 }));
      } finally {
        setGating(true);
      }
    }
  });
});

describe('label starts by the tokens', () => {
  it('is in use: prefixesOf reads every registered label', () => {
    expect(labelTokenSearchInUse()).toBe(true);
  });

  it('finds the starts the union regex finds', () => {
    const words = [
      'MRN',
      'id',
      'IDs',
      'acct.',
      'a/c',
      's/n',
      'dl',
      ' ',
      '  ',
      '\t',
      ':',
      '#',
      '12',
      '4471902',
      'é',
      'İ',
      "'",
      '-',
      '.',
      'medical record',
      'Policy',
      'insurance policy',
      'lic.',
      "driver's license",
      '\n',
      'ab12cd',
      '7id',
      'patient id',
      'member',
      'no.',
      'plan',
      'device serial',
      'idea',
      'ref',
      '’',
      'x',
    ];
    const rnd = seededInts(5);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = 1 + rnd(30); j > 0; j--) text += words[rnd(words.length)] + (rnd(3) ? ' ' : '');
      const lower = text.toLowerCase();
      if (lower.length !== text.length) continue;
      const byTokens = labelStarts({ text, lower, cache: newScanCache() });
      setLabelTokenSearch(false);
      try {
        expect(byTokens, text).toEqual(labelStarts({ text, lower, cache: newScanCache() }));
      } finally {
        setLabelTokenSearch(true);
      }
    }
  });
});
