/**
 * Policy problems become events once each: the background records every issue the resolved policy reports
 * (layer, field, severity; never the value) when it first appears, not on every service-worker start.
 */
import { storage } from 'wxt/utils/storage';
import type { PolicyIssue } from '../policies/layers';
import type { EventSink } from './activity';

const reported = storage.defineItem<string[]>('local:reportedPolicyIssues', { fallback: [] });

const keyOf = (i: PolicyIssue) => `${i.layer}|${i.field}|${i.severity}`;

export async function reportPolicyIssues(
  issues: readonly PolicyIssue[],
  events: EventSink,
  now = Date.now(),
): Promise<number> {
  const before = new Set(await reported.getValue());
  const current = [...new Set(issues.map(keyOf))];
  let n = 0;
  for (const i of issues) {
    const k = keyOf(i);
    if (before.has(k)) continue;
    before.add(k);
    await events.record({
      at: now,
      action: 'policy_issue',
      site: null,
      categories: [],
      layer: i.layer,
      field: i.field,
      severity: i.severity,
    });
    n++;
  }
  // Only the issues that still exist are remembered, so one that is fixed and comes back is reported again.
  await reported.setValue(current);
  return n;
}
