import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decisionHistory, pendingEvents, todaysCounts } from './activity';
import { lastScan } from './last-scan';
import { recordCoverage, recordHoldOutcome, recordScanResult } from './scan-report';

const OWN_ID = 'our-extension-id';
const tabSender = { id: OWN_ID, tab: { id: 1 }, url: 'https://chatgpt.com/c/1' };

beforeEach(() => fakeBrowser.reset());

// If these fail, the background either loses the content script's reports or lets anyone write them.
describe('recordScanResult', () => {
  it('records a valid report with the sender host, and no text', async () => {
    const msg = { type: 'scan-result', action: 'block', count: 2, text: 'SSN 900-12-3456' };
    expect(await recordScanResult(msg, tabSender, OWN_ID)).toBe(true);
    expect(await lastScan.getValue()).toMatchObject({ action: 'block', count: 2, failed: false, site: 'chatgpt.com' });
    expect(JSON.stringify(await lastScan.getValue())).not.toContain('900-12');
  });

  it.each([
    ['another extension', { ...tabSender, id: 'someone-else' }],
    ['an extension page (no tab)', { id: OWN_ID, url: 'chrome-extension://x/popup.html' }],
  ])('ignores messages from %s', async (_who, sender) => {
    expect(await recordScanResult({ type: 'scan-result', action: 'warn', count: 1 }, sender, OWN_ID)).toBe(false);
    expect(await lastScan.getValue()).toBeNull();
  });

  it('counts and records what was held, with categories and no text', async () => {
    await recordScanResult(
      { type: 'scan-result', action: 'warn', count: 2, categories: ['NAME', 'DATE'] },
      tabSender,
      OWN_ID,
    );
    expect(
      await recordHoldOutcome(
        { type: 'hold-outcome', outcome: 'sent-anyway', justification: 'synthetic' },
        tabSender,
        OWN_ID,
      ),
    ).toBe(true);
    expect(await todaysCounts()).toMatchObject({ held: 1, sentAnyway: 1 });
    expect(await decisionHistory.getValue()).toMatchObject([
      { site: 'chatgpt.com', action: 'warned', categories: ['NAME', 'DATE'], outcome: 'sent-anyway' },
    ]);
  });

  it('does not count a clean prompt, and takes outcomes only from our content scripts', async () => {
    await recordScanResult({ type: 'scan-result', action: 'allow', count: 0 }, tabSender, OWN_ID);
    expect(
      await recordHoldOutcome({ type: 'hold-outcome', outcome: 'redacted' }, { ...tabSender, id: 'x' }, OWN_ID),
    ).toBe(false);
    expect(await todaysCounts()).toMatchObject({ held: 0, redacted: 0 });
  });

  it('ignores malformed reports', async () => {
    expect(await recordScanResult({ type: 'scan-result', action: 'explode', count: 1 }, tabSender, OWN_ID)).toBe(false);
    expect(await lastScan.getValue()).toBeNull();
  });
});

describe('recordCoverage', () => {
  it('records coverage_lost for the sender host only, from our content scripts only', async () => {
    expect(await recordCoverage({ type: 'coverage-lost', text: 'Jane Roe' }, tabSender, OWN_ID)).toBe(true);
    expect(await recordCoverage({ type: 'coverage-lost' }, { ...tabSender, id: 'x' }, OWN_ID)).toBe(false);
    expect(await recordCoverage({ type: 'scan-result' }, tabSender, OWN_ID)).toBe(false);
    const events = await pendingEvents.getValue();
    expect(events).toEqual([{ at: expect.any(Number), action: 'coverage_lost', site: 'chatgpt.com', categories: [] }]);
  });

  it('keeps counts, detectors and the confidence bucket of a held prompt', async () => {
    await recordScanResult(
      {
        type: 'scan-result',
        action: 'block',
        count: 2,
        categories: ['SSN'],
        counts: { SSN: 2 },
        detectors: ['us-ssn'],
        confidence: 'high',
      },
      tabSender,
      OWN_ID,
    );
    expect(await pendingEvents.getValue()).toMatchObject([
      { action: 'blocked', categories: ['SSN'], counts: { SSN: 2 }, detectors: ['us-ssn'], confidence: 'high' },
    ]);
  });
});
