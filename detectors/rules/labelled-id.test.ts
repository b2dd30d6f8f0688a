import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { labelledId } from './labelled-id';

describe('labelled-id', () => {
  // If this fails, an identifier announced by an ID / case / reference label is missed; the label is
  // part of the finding by design ("patient ID 4471" identifies as a whole).
  it.each([
    ['patient ID 4471 today', 'patient ID 4471'],
    ['case no. 2024-0091', 'case no. 2024-0091'],
    ['ref #AB-9876.', 'ref #AB-9876'],
    ['accession 55-0012', 'accession 55-0012'],
    ['specimen: S99-1234', 'specimen: S99-1234'],
    ['study ID: X-449', 'study ID: X-449'],
  ])('finds %j', (text, value) => {
    const hits = run(labelledId, text);
    expect(hits.map((h) => [h.value, h.category])).toEqual([[value, 'OTHER_ID']]);
  });

  // If this fails, ordinary uses of these words with small numbers or years become identifiers.
  it.each(['ID: 12', 'case 2024', 'in case 3 doses fail', 'reference range 4-10', 'ticket to ride', 'IDs 1 to 9'])(
    'finds no identifier in %j',
    (text) => {
      expect(values(labelledId, text)).toEqual([]);
    },
  );
});
