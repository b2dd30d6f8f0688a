import { describe, expect, it } from 'vitest';
import { run, values } from '../test-helpers';
import { url } from './url';

describe('url', () => {
  // If this fails, a web address (often a patient-portal link carrying an id) is missed, or trailing
  // sentence punctuation is redacted with it.
  it.each([
    ['see https://portal.example-clinic.org/patient/77?id=9.', 'https://portal.example-clinic.org/patient/77?id=9'],
    ['(http://example.com/a)', 'http://example.com/a'],
    ['ftp://files.example.net/x.pdf, then', 'ftp://files.example.net/x.pdf'],
    ['go to www.example.org/records', 'www.example.org/records'],
    ['visit clinic-portal.org/patient/77', 'clinic-portal.org/patient/77'],
    ['my page example.health', 'example.health'],
    ['site sub.example.co.uk today', 'sub.example.co.uk'],
  ])('finds the address in %j', (text, value) => {
    const hits = run(url, text);
    expect(hits.map((h) => h.value)).toContain(value);
    expect(hits.every((h) => h.category === 'URL')).toBe(true);
  });

  // If this fails, abbreviations, file names, doses or e-mail domains are reported as web addresses.
  it.each([
    'e.g. the dose',
    'i.e. this one',
    'took 3.5mg daily',
    'open file.txt now',
    'see report.docx',
    'mail jane@example.com',
    'vs. placebo',
    'Fig.3 shows',
    '1.co',
  ])('finds no address in %j', (text) => {
    expect(values(url, text)).toEqual([]);
  });
});
