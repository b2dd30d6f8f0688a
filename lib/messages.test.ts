import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, reportedDetectorId } from '../detectors/ids';
import { REGISTRY } from '../detectors/registry';
import { parseCoverageLost, parseHoldOutcome, parseScanResult } from './messages';

// If this accepts junk, a hostile page's content-script context could fill the background's state with forged data.
describe('parseScanResult', () => {
  it('keeps a well-formed message', () => {
    expect(parseScanResult({ type: 'scan-result', action: 'block', count: 2 })).toEqual({
      type: 'scan-result',
      action: 'block',
      count: 2,
    });
    expect(parseScanResult({ type: 'scan-result', action: 'block', count: 0, failed: true })).toEqual({
      type: 'scan-result',
      action: 'block',
      count: 0,
      failed: true,
    });
  });

  it('drops unknown keys, so no text can ride along', () => {
    expect(parseScanResult({ type: 'scan-result', action: 'warn', count: 1, text: 'SSN 900-12-3456' })).toEqual({
      type: 'scan-result',
      action: 'warn',
      count: 1,
    });
  });

  it.each([
    null,
    'scan-result',
    {},
    { type: 'other', action: 'allow', count: 0 },
    { type: 'scan-result', action: 'redact', count: 0 },
    { type: 'scan-result', action: 'allow', count: -1 },
    { type: 'scan-result', action: 'allow', count: 1.5 },
    { type: 'scan-result', action: 'allow', count: '1' },
    { type: 'scan-result', action: 'allow', count: 1e9 },
    { type: 'scan-result', action: 'allow', count: 0, failed: 'yes' },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN', 'Jane Roe'] },
    { type: 'scan-result', action: 'warn', count: 1, categories: 'SSN' },
    { type: 'scan-result', action: 'warn', count: 1, monitored: 1 },
    // Counts: known categories among those listed, whole numbers within bounds, a plain object.
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { SSN: 0 } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { SSN: 1.5 } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { SSN: '1' } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { SSN: 1e6 } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { NAME: 1 } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: { 'Jane Roe': 1 } },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: [1] },
    { type: 'scan-result', action: 'warn', count: 1, categories: ['SSN'], counts: 'SSN:1' },
    // Detectors: known ids only, a bounded array; never a value or a custom pattern's own id.
    { type: 'scan-result', action: 'warn', count: 1, detectors: ['us-ssn', '900-12-3456'] },
    { type: 'scan-result', action: 'warn', count: 1, detectors: ['custom:acme-mrn'] },
    { type: 'scan-result', action: 'warn', count: 1, detectors: 'us-ssn' },
    { type: 'scan-result', action: 'warn', count: 1, detectors: Array(DETECTOR_IDS.length + 1).fill('us-ssn') },
    { type: 'scan-result', action: 'warn', count: 1, detectors: [7] },
    // Confidence: a bucket name, never a number.
    { type: 'scan-result', action: 'warn', count: 1, confidence: 0.97 },
    { type: 'scan-result', action: 'warn', count: 1, confidence: 'very high' },
  ])('rejects %j', (msg) => {
    expect(parseScanResult(msg)).toBeUndefined();
  });

  it('keeps known categories (deduplicated) and the monitored flag', () => {
    expect(
      parseScanResult({
        type: 'scan-result',
        action: 'block',
        count: 2,
        categories: ['SSN', 'SSN', 'NAME'],
        monitored: true,
      }),
    ).toEqual({ type: 'scan-result', action: 'block', count: 2, categories: ['SSN', 'NAME'], monitored: true });
  });

  it('keeps per-category counts, known detector ids (deduplicated) and the confidence bucket', () => {
    expect(
      parseScanResult({
        type: 'scan-result',
        action: 'block',
        count: 3,
        categories: ['SSN', 'NAME'],
        counts: { SSN: 1, NAME: 2 },
        detectors: ['us-ssn', 'person-name', 'us-ssn', 'custom-pattern'],
        confidence: 'high',
        values: ['900-12-3456'],
      }),
    ).toEqual({
      type: 'scan-result',
      action: 'block',
      count: 3,
      categories: ['SSN', 'NAME'],
      counts: { SSN: 1, NAME: 2 },
      detectors: ['us-ssn', 'person-name', 'custom-pattern'],
      confidence: 'high',
    });
  });

  it('the known detector ids are exactly the registry plus the custom stand-ins', () => {
    expect([...DETECTOR_IDS].sort()).toEqual([...REGISTRY.map((d) => d.id), 'custom-term', 'custom-pattern'].sort());
    expect(reportedDetectorId('us-ssn')).toBe('us-ssn');
    expect(reportedDetectorId('custom:acme-mrn')).toBe('custom-pattern');
    expect(reportedDetectorId('Jane Roe')).toBeUndefined();
  });
});

describe('parseCoverageLost', () => {
  it('keeps only the type', () => {
    expect(parseCoverageLost({ type: 'coverage-lost', url: 'https://claude.ai/chat/123', text: 'x' })).toEqual({
      type: 'coverage-lost',
    });
    expect(parseCoverageLost({ type: 'scan-result' })).toBeUndefined();
    expect(parseCoverageLost(null)).toBeUndefined();
  });
});

// If this accepts junk, a page could write free text into the history and events through the justification.
describe('parseHoldOutcome', () => {
  it('keeps an outcome and a justification id', () => {
    expect(parseHoldOutcome({ type: 'hold-outcome', outcome: 'sent-anyway', justification: 'not-phi', x: 1 })).toEqual({
      type: 'hold-outcome',
      outcome: 'sent-anyway',
      justification: 'not-phi',
    });
    expect(parseHoldOutcome({ type: 'hold-outcome', outcome: 'redacted', justification: 'not-phi' })).toEqual({
      type: 'hold-outcome',
      outcome: 'redacted',
    });
  });

  it.each([
    { type: 'hold-outcome', outcome: 'sent' },
    { type: 'hold-outcome', outcome: 'sent-anyway', justification: 'Patient Jane Roe asked' },
    { type: 'hold-outcome', outcome: 'sent-anyway', justification: 7 },
    { type: 'scan-result', outcome: 'redacted' },
  ])('rejects %j', (msg) => {
    expect(parseHoldOutcome(msg)).toBeUndefined();
  });
});
