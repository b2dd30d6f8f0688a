/** Synthetic events for tests and the benchmark (no real hosts' users, fixed ids only where a test needs them). */
import { eventTime, type GuardEvent, randomId } from './schema';

export const TEST_INSTALL_ID = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

export function sampleEvent(over: Partial<GuardEvent> = {}): GuardEvent {
  return {
    id: randomId(),
    time: eventTime(new Date()),
    installId: TEST_INSTALL_ID,
    user: { mode: 'pseudonymous', id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    site: 'chatgpt.com',
    action: 'held',
    categories: { MRN: 1, NAME: 2 },
    detectors: ['mrn', 'person-name'],
    confidence: 'high',
    policyVersion: '3',
    extensionVersion: '0.1.0',
    browser: 'chrome',
    ...over,
  };
}

/** The event's top-level string fields: where tests try to smuggle free text or injection strings. */
export const STRING_FIELDS: readonly (keyof GuardEvent)[] = [
  'id',
  'time',
  'installId',
  'site',
  'action',
  'confidence',
  'policyVersion',
  'extensionVersion',
  'browser',
  'justification',
];
