/**
 * An event in OCSF terms (Open Cybersecurity Schema Framework 1.4, class Data Security Finding, 2006), so a SIEM
 * that speaks OCSF files it with its other DLP findings. Fields are mapped where OCSF has a home for them; the
 * rest (our action names, detector ids, justification) go under `unmapped.phi_guard`. Like the event itself,
 * the record holds no text, values or hashes of values.
 */
import type { GuardEvent } from '../../events/schema';

const ACTION_ID: Record<GuardEvent['action'], [number, string]> = {
  allowed: [1, 'Allowed'],
  sent_anyway: [1, 'Allowed'],
  blocked: [2, 'Denied'],
  cancelled: [2, 'Denied'],
  warned: [3, 'Observed'],
  held: [3, 'Observed'],
  unsanctioned_visit: [3, 'Observed'],
  coverage_lost: [3, 'Observed'],
  redacted: [4, 'Modified'],
  events_dropped: [99, 'Other'],
};

/** PHI that left anyway is the most severe; a site with no working prompt box is a gap in protection. */
const SEVERITY: Record<GuardEvent['action'], [number, string]> = {
  sent_anyway: [4, 'High'],
  coverage_lost: [3, 'Medium'],
  events_dropped: [3, 'Medium'],
  blocked: [2, 'Low'],
  cancelled: [2, 'Low'],
  redacted: [2, 'Low'],
  held: [2, 'Low'],
  warned: [2, 'Low'],
  unsanctioned_visit: [2, 'Low'],
  allowed: [1, 'Informational'],
};

const CONFIDENCE: Record<GuardEvent['confidence'], [number, string]> = {
  none: [0, 'Unknown'],
  low: [1, 'Low'],
  medium: [2, 'Medium'],
  high: [3, 'High'],
};

export function eventEpochMs(e: Pick<GuardEvent, 'time'>): number {
  return Date.parse(e.time.replace('Z', ':00Z'));
}

export function toOcsf(e: GuardEvent): Record<string, unknown> {
  const [actionId, action] = ACTION_ID[e.action];
  const [severityId, severity] = SEVERITY[e.action];
  const [confidenceId, confidence] = CONFIDENCE[e.confidence];
  const count = Object.values(e.categories).reduce<number>((a, b) => a + (b ?? 0), 0);
  const user =
    e.user.mode === 'pseudonymous'
      ? { uid: e.user.id }
      : e.user.mode === 'email'
        ? { email_addr: e.user.email }
        : undefined;
  return {
    class_uid: 2006,
    class_name: 'Data Security Finding',
    category_uid: 2,
    category_name: 'Findings',
    activity_id: 1,
    activity_name: 'Create',
    type_uid: 200601,
    time: eventEpochMs(e),
    severity_id: severityId,
    severity,
    action_id: actionId,
    action,
    confidence_id: confidenceId,
    confidence,
    count,
    status_id: 1,
    status: 'New',
    metadata: {
      version: '1.4.0',
      uid: e.id,
      product: { name: 'PHI Guard', vendor_name: 'PHI Guard', version: e.extensionVersion },
    },
    finding_info: {
      uid: e.id,
      title: e.site ? `PHI Guard ${e.action} on ${e.site}` : `PHI Guard ${e.action}`,
      types: Object.keys(e.categories),
    },
    device: { uid: e.installId },
    ...(user ? { actor: { user } } : {}),
    ...(e.site ? { dst_endpoint: { hostname: e.site } } : {}),
    data_security: {
      category_id: 2,
      category: 'Protected Health Information (PHI)',
      policy: { version: e.policyVersion, name: 'PHI Guard organisation policy' },
    },
    unmapped: {
      phi_guard: {
        action: e.action,
        categories: e.categories,
        detectors: e.detectors,
        ...(e.justification ? { justification: e.justification } : {}),
        ...(e.dropped !== undefined ? { dropped: e.dropped } : {}),
        browser: e.browser,
      },
    },
  };
}
