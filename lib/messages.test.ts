import { describe, expect, it } from 'vitest';
import { parseHoldOutcome, parseScanResult } from './messages';

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
