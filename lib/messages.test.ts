import { describe, expect, it } from 'vitest';
import { parseScanResult } from './messages';

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
  ])('rejects %j', (msg) => {
    expect(parseScanResult(msg)).toBeUndefined();
  });
});
