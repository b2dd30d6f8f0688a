/**
 * The one check the server and the dashboard's policy editor run on an organisation policy. It is the
 * extension's own parser for the org layer (policies/layers.ts `parseLayer`, over the zod schema in
 * policies/schema.ts), made stricter: the extension ignores a bad field and keeps protecting, but an admin
 * saving a policy must see every problem first, so any error, and any unknown key (a typo that would
 * silently do nothing), refuses the save. Warnings that are not mistakes (a newer schemaVersion) pass.
 */
import { type PolicyIssue, parseLayer } from '../../policies/layers';

export interface PolicyCheck {
  ok: boolean;
  issues: { field: string; reason: string; severity: 'error' | 'warning' }[];
}

const MAX_POLICY_BYTES = 256 * 1024;

export function validateOrgPolicy(raw: unknown): PolicyCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ field: '*', reason: 'the policy must be a JSON object', severity: 'error' }] };
  }
  if (JSON.stringify(raw).length > MAX_POLICY_BYTES) {
    return { ok: false, issues: [{ field: '*', reason: 'the policy is larger than 256 KB', severity: 'error' }] };
  }
  const issues = parseLayer(raw, 'org').issues.map((i: PolicyIssue) => ({
    field: i.field,
    reason: i.reason,
    severity: i.reason.startsWith('unknown setting') ? ('error' as const) : i.severity,
  }));
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}
