import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolvePolicy } from '../policies/layers';
import type { LocalEvent } from './activity';
import { reportPolicyIssues } from './policy-issues';

beforeEach(() => fakeBrowser.reset());

// If this fails, admins never hear about a broken policy field, or hear about it on every worker restart.
describe('reportPolicyIssues', () => {
  it('records each issue once, by field and layer, and again if it comes back', async () => {
    const events: LocalEvent[] = [];
    const sink = { record: async (e: LocalEvent) => void events.push(e) };
    const broken = resolvePolicy({ managed: { mode: 'strict', customPatterns: [{ id: 'x', pattern: '(a' }] } }).issues;
    expect(await reportPolicyIssues(broken, sink, 5)).toBe(2);
    expect(await reportPolicyIssues(broken, sink, 6)).toBe(0);
    expect(events).toEqual([
      { at: 5, action: 'policy_issue', site: null, categories: [], layer: 'managed', field: 'mode', severity: 'error' },
      {
        at: 5,
        action: 'policy_issue',
        site: null,
        categories: [],
        layer: 'managed',
        field: 'customPatterns[0]',
        severity: 'error',
      },
    ]);
    await reportPolicyIssues([], sink);
    expect(await reportPolicyIssues(broken, sink)).toBe(2);
  });
});
