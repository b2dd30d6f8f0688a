import { describe, expect, it } from 'vitest';
import { assess } from '../policies/assess';
import { classify, fhirPatientItems, hl7PatientItems, readableText, scanFiles } from './files';
import { DEFAULT_GUARD_POLICY } from './policy';
import { buildDicom, syntheticPatientDataset } from './synthetic-dicom';
import { Checker } from './verdict';

const check = (text: string) => new Checker(assess).check(text);
const file = (parts: BlobPart[], name: string, type = '') => new File(parts, name, { type });
const HL7 =
  'MSH|^~\\&|LAB|HOSP|EHR|HOSP|202401051200||ADT^A01|MSG0001|P|2.5\r' +
  'PID|1||MRN900123^^^HOSP^MR||TESTPATIENT^ALICE||19610304|F|||1 Test Way^^Springfield^IL^62701||555-0142||||||900-12-3456\r';
const FHIR = JSON.stringify({
  resourceType: 'Bundle',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        name: [{ given: ['Alice'], family: 'Testpatient' }],
        birthDate: '1961-03-04',
        identifier: [{ system: 'urn:mrn', value: 'MRN900123' }],
      },
    },
  ],
});

// If these fail, files with patient data (text, HL7, FHIR, DICOM) reach the chatbot unchecked, or clean ones are held.
describe('classify', () => {
  it.each([
    ['notes.txt', '', 'text'],
    ['labs.csv', 'text/csv', 'text'],
    ['a.hl7', '', 'hl7'],
    ['bundle.json', 'application/fhir+json', 'text'],
    ['scan.dcm', '', 'dicom'],
    ['report.pdf', '', 'pdf'],
    ['letter.docx', '', 'docx'],
    ['photo.jpg', 'image/jpeg', 'image'],
  ])('%s is %s', (name, type, kind) => {
    expect(classify(name, type, new TextEncoder().encode('hello'))).toBe(kind);
  });

  it('sniffs DICOM, PDF and HL7 by content when the name says nothing', () => {
    expect(classify('upload', '', buildDicom([]).slice(0, 132))).toBe('dicom');
    expect(classify('upload', '', new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(classify('upload', '', new TextEncoder().encode('MSH|^~\\&|'))).toBe('hl7');
    expect(classify('upload', '', new Uint8Array([0, 1, 2, 3]))).toBe('other');
  });
});

describe('structured patient fields', () => {
  it('reads HL7 v2 PID fields', () => {
    const labels = hl7PatientItems(HL7).map((i) => `${i.label}=${i.value}`);
    expect(labels).toEqual([
      'Patient ID (PID-3)=MRN900123 HOSP MR',
      'Patient name (PID-5)=TESTPATIENT ALICE',
      'Birth date (PID-7)=19610304',
      'Address (PID-11)=1 Test Way Springfield IL 62701',
      'Phone (PID-13)=555-0142',
      'SSN (PID-19)=900-12-3456',
    ]);
  });

  it('reads FHIR Patient resources inside a Bundle', () => {
    expect(fhirPatientItems(FHIR).map((i) => `${i.label}=${i.value}`)).toEqual([
      'Patient name=Alice Testpatient',
      'Birth date=1961-03-04',
      'Identifier=MRN900123',
    ]);
  });

  it('strips RTF control words and HTML tags before detection', () => {
    expect(readableText('a.rtf', 'text', '{\\rtf1\\ansi SSN 900-12-3456\\par next}')).toContain('SSN 900-12-3456');
    expect(readableText('a.html', 'text', '<p>SSN <b>900-12-3456</b></p>')).toMatch(/SSN\s+900-12-3456/);
  });
});

describe('scanFiles', () => {
  it('allows a clean text file', async () => {
    const v = await scanFiles([file(['Mix flour and water, bake at 220 C.'], 'recipe.txt')], { check });
    expect(v).toEqual({ action: 'allow', items: [], notes: [] });
  });

  it('blocks a CSV with an SSN and shows the finding', async () => {
    const v = await scanFiles([file(['name,ssn\nJohn Smith,900-12-3456\n'], 'export.csv')], { check });
    expect(v.action).toBe('block');
    expect(v.items.map((i) => i.label)).toContain('SSN');
  });

  it('holds HL7 and FHIR files by their patient fields', async () => {
    expect((await scanFiles([file([HL7], 'adt.hl7')], { check })).action).toBe('block');
    expect((await scanFiles([file([FHIR], 'patient.json')], { check })).action).toBe('block');
  });

  it('holds a DICOM file with patient tags, listing them', async () => {
    const v = await scanFiles([file([buildDicom(syntheticPatientDataset())], 'ct.dcm')], { check });
    expect(v.action).toBe('block');
    expect(v.items.map((i) => i.label)).toContain('Patient name (0010,0010)');
    expect(v.items.find((i) => i.label.startsWith('Patient ID'))?.value).toBe('MRN900123');
  });

  it('follows the policy for files it cannot read yet, with a message', async () => {
    const v = await scanFiles([file(['%PDF-1.4'], 'report.pdf')], { check });
    expect(v.action).toBe(DEFAULT_GUARD_POLICY.unreadableFiles.pdf);
    expect(v.notes[0]).toMatch(/PDF files cannot be checked yet/);
    const allowImages = {
      ...DEFAULT_GUARD_POLICY,
      unreadableFiles: { ...DEFAULT_GUARD_POLICY.unreadableFiles, image: 'allow' as const },
    };
    expect(
      (await scanFiles([file([new Uint8Array([0xff, 0xd8, 0xff])], 'x.jpg')], { check, policy: allowImages })).action,
    ).toBe('allow');
  });

  it('takes the strictest verdict across files', async () => {
    const v = await scanFiles([file(['clean'], 'a.txt'), file(['%PDF'], 'b.pdf'), file([HL7], 'c.hl7')], { check });
    expect(v.action).toBe('block');
    expect(v.items[0].label.startsWith('c.hl7: ')).toBe(true);
  });

  it('fails closed when detection throws', async () => {
    const broken = new Checker(() => {
      throw new Error('boom');
    });
    const v = await scanFiles([file(['anything'], 'a.txt')], { check: (t) => broken.check(t) });
    expect(v.action).toBe('block');
    expect(v.failed).toBe(true);
  });
});
