import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../events/fixtures';
import { CSV_COLUMNS, csvField, csvRow } from './export';

// If these fail, an export opened in a spreadsheet can run a formula or split a row.
describe('CSV export', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
  });

  it('one row per event with every column', () => {
    const e = { ...sampleEvent(), receivedAt: '2026-01-01T00:00:00Z', seq: 1 };
    const row = csvRow(e);
    expect(row.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(row).toContain('MRN=1;NAME=2');
  });
});
