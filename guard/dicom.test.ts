import { describe, expect, it } from 'vitest';
import { hasDicomPreamble, readDicom } from './dicom';
import { buildDicom, type Element, syntheticPatientDataset, TRANSFER_SYNTAX } from './synthetic-dicom';

const EXPECTED = [
  { tag: '(0008,0050)', value: 'ACC99001', category: 'ACCOUNT' },
  { tag: '(0008,0080)', value: 'Synthetic General Hospital', category: 'LOCATION' },
  { tag: '(0010,0010)', value: 'TESTPATIENT ALICE', category: 'NAME' },
  { tag: '(0010,0020)', value: 'MRN900123', category: 'MRN' },
  { tag: '(0010,0030)', value: '19610304', category: 'DATE' },
];

// If these fail, a DICOM upload with a patient's name, ID or birth date in its header reaches the chatbot.
describe('readDicom', () => {
  it.each(Object.entries(TRANSFER_SYNTAX))('finds the patient tags (%s), stepping over sequences', (_name, syntax) => {
    const result = readDicom(buildDicom(syntheticPatientDataset(), syntax));
    expect(result.error).toBeUndefined();
    expect(result.tags.map(({ tag, value, category }) => ({ tag, value, category }))).toEqual(EXPECTED);
  });

  it('reads a data set without the Part 10 preamble (a bare .dcm)', () => {
    const bytes = buildDicom(syntheticPatientDataset(), TRANSFER_SYNTAX.implicitLittle, false);
    expect(hasDicomPreamble(bytes)).toBe(false);
    expect(readDicom(bytes).tags.map((t) => t.tag)).toContain('(0010,0010)');
  });

  it('finds patient tags nested inside a sequence item', () => {
    const nested: Element[] = [
      {
        group: 0x0008,
        element: 0x1120,
        vr: 'SQ',
        undefinedLength: true,
        value: [[{ group: 0x0010, element: 0x0020, vr: 'LO', value: 'OTHER77' }]],
      },
    ];
    expect(readDicom(buildDicom(nested)).tags.map((t) => t.value)).toEqual(['OTHER77']);
  });

  it('reports nothing for an anonymised file (empty patient tags)', () => {
    const anon: Element[] = [
      { group: 0x0010, element: 0x0010, vr: 'PN', value: '' },
      { group: 0x0010, element: 0x0020, vr: 'LO', value: '' },
    ];
    expect(readDicom(buildDicom(anon))).toEqual({ tags: [] });
  });

  it('stops before the pixel data (never reads past group 0010)', () => {
    const set = syntheticPatientDataset();
    // A bogus huge length in pixel data would throw "ends early" if the reader went there.
    set[set.length - 1] = { group: 0x7fe0, element: 0x0010, vr: 'OW', value: new Uint8Array(8) };
    const bytes = buildDicom(set);
    expect(readDicom(bytes.slice(0, bytes.length - 4)).error).toBeUndefined();
  });

  it('says when the header is cut short, keeping what it found', () => {
    const bytes = buildDicom(syntheticPatientDataset());
    const cut = readDicom(bytes.slice(0, 300));
    expect(cut.error).toBe('the header ends early');
  });

  it('refuses deflated data sets rather than guessing', () => {
    expect(readDicom(buildDicom([], '1.2.840.10008.1.2.1.99')).error).toMatch(/deflated/);
  });

  it('never throws or hangs on random bytes', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    for (let i = 0; i < 300; i++) {
      const bytes = buildDicom(syntheticPatientDataset());
      for (let j = 0; j < 12; j++) bytes[132 + ((rand() * 7) % (bytes.length - 132))] = rand();
      expect(() => readDicom(bytes)).not.toThrow();
      const noise = new Uint8Array(400).map(rand);
      expect(() => readDicom(noise)).not.toThrow();
    }
  });
});
