import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guardEventSchema } from '../events/schema';
import {
  forwardEventsTo,
  type LocalEvent,
  localEventQueue,
  pendingEvents,
  recordCoverageLost,
  recordHold,
  recordOutcome,
} from './activity';
import { browserName, type EventContext, eventUser, installId, toGuardEvent } from './reporting';

beforeEach(() => fakeBrowser.reset());

const CTX: EventContext = {
  installId: '3f1c2a4e-8b7d-4c6a-9e5f-1a2b3c4d5e6f',
  user: { mode: 'none' },
  policyVersion: '3',
  extensionVersion: '0.1.0',
  browser: 'chrome',
};
const AT = Date.UTC(2026, 10, 22, 10, 42, 37);
const local = (e: Partial<LocalEvent>): LocalEvent => ({
  at: AT,
  action: 'held',
  site: 'chatgpt.com',
  categories: [],
  ...e,
});

// If these fail, what the extension reports does not match what the server accepts, or carries more than it may.
describe('reporting: local records as schema events', () => {
  it('maps decisions onto valid events (minute time, counts, fixed justification codes)', () => {
    const e = toGuardEvent(
      local({ action: 'sent_anyway', categories: ['NAME', 'DATE'], justification: 'synthetic' }),
      CTX,
    );
    expect(guardEventSchema.safeParse(e).success).toBe(true);
    expect(e).toMatchObject({
      time: '2026-11-22T10:42Z',
      site: 'chatgpt.com',
      action: 'sent_anyway',
      categories: { NAME: 1, DATE: 1 },
      justification: 'synthetic',
    });
    // An organisation's own reason id is not in the schema's list: it is reported as `other`, never as its text.
    expect(toGuardEvent(local({ action: 'sent_anyway', justification: 'my-reason' }), CTX)?.justification).toBe(
      'other',
    );
    for (const action of ['warned', 'blocked', 'held', 'redacted', 'cancelled', 'unsanctioned_visit'] as const) {
      expect(guardEventSchema.safeParse(toGuardEvent(local({ action }), CTX)).success).toBe(true);
    }
    expect(toGuardEvent(local({ action: 'warned', monitored: true }), CTX)?.action).toBe('allowed');
  });

  it('carries per-category counts, detectors and the confidence bucket; 1, [] and none when absent', () => {
    const e = toGuardEvent(
      local({
        action: 'blocked',
        categories: ['SSN', 'NAME'],
        counts: { SSN: 2, NAME: 1 },
        detectors: ['us-ssn', 'person-name'],
        confidence: 'high',
      }),
      CTX,
    );
    expect(guardEventSchema.safeParse(e).success).toBe(true);
    expect(e).toMatchObject({
      categories: { SSN: 2, NAME: 1 },
      detectors: ['us-ssn', 'person-name'],
      confidence: 'high',
    });
    // A count for a category the record does not list is ignored; a listed category without a count is 1.
    expect(
      toGuardEvent(local({ action: 'warned', categories: ['DATE'], counts: { SSN: 3 } }), CTX)?.categories,
    ).toEqual({ DATE: 1 });
    expect(toGuardEvent(local({ action: 'held', categories: ['DATE'] }), CTX)).toMatchObject({
      categories: { DATE: 1 },
      detectors: [],
      confidence: 'none',
    });
  });

  it('reports coverage_lost with the site and nothing else', async () => {
    await recordCoverageLost('claude.ai', AT);
    const [stored] = await pendingEvents.getValue();
    expect(stored).toEqual({ at: AT, action: 'coverage_lost', site: 'claude.ai', categories: [] });
    const e = toGuardEvent(stored, CTX);
    expect(guardEventSchema.safeParse(e).success).toBe(true);
    expect(e).toMatchObject({
      action: 'coverage_lost',
      site: 'claude.ai',
      categories: {},
      detectors: [],
      confidence: 'none',
    });
  });

  it('the outcome event says what the hold said (counts, detectors, confidence)', async () => {
    await recordHold(
      {
        site: 'chatgpt.com',
        action: 'block',
        failed: false,
        categories: ['SSN'],
        monitored: false,
        counts: { SSN: 2 },
        detectors: ['us-ssn'],
        confidence: 'high',
      },
      AT,
    );
    await recordOutcome({ site: 'chatgpt.com', outcome: 'cancelled' }, AT);
    const events = (await pendingEvents.getValue()).map((l) => toGuardEvent(l, CTX));
    expect(events.map((e) => e?.action)).toEqual(['blocked', 'cancelled']);
    for (const e of events) {
      expect(guardEventSchema.safeParse(e).success).toBe(true);
      expect(e).toMatchObject({ categories: { SSN: 2 }, detectors: ['us-ssn'], confidence: 'high' });
    }
  });

  it('does not report policy issues, the warn page continue, or records without a site', () => {
    expect(
      toGuardEvent(
        local({ action: 'policy_issue', site: null, layer: 'managed', field: 'mode', severity: 'error' }),
        CTX,
      ),
    ).toBeNull();
    expect(toGuardEvent(local({ action: 'unsanctioned_visit', response: 'continued' }), CTX)).toBeNull();
    expect(toGuardEvent(local({ site: null }), CTX)).toBeNull();
  });

  it('identity: none, a keyed pseudonym stable per install, email only when managed and available', async () => {
    const email = async () => 'dr.who@hospital.example';
    expect((await eventUser('none', { managed: true, email })).user).toEqual({ mode: 'none' });
    const a = (await eventUser('pseudonymous', { managed: false, email })).user;
    const b = (await eventUser('pseudonymous', { managed: false, email })).user;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ mode: 'pseudonymous', id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(a)).not.toContain(await installId());
    expect(await eventUser('email', { managed: true, email })).toEqual({
      user: { mode: 'email', email: 'dr.who@hospital.example' },
      fellBack: false,
    });
    expect(await eventUser('email', { managed: false, email })).toEqual({ user: { mode: 'none' }, fellBack: true });
    expect(await eventUser('email', { managed: true, email: async () => undefined })).toEqual({
      user: { mode: 'none' },
      fellBack: true,
    });
    fakeBrowser.reset();
    const c = (await eventUser('pseudonymous', { managed: false, email })).user;
    expect(c).not.toEqual(a);
  });

  it('names the browser', () => {
    expect(browserName('Mozilla/5.0 ... Chrome/140.0.0.0 Safari/537.36', false)).toBe('chrome');
    expect(browserName('Mozilla/5.0 ... Chrome/140.0.0.0 Safari/537.36 Edg/140.0', false)).toBe('edge');
    expect(browserName('anything', true)).toBe('firefox');
    expect(browserName('curl/8', false)).toBe('other');
  });

  it('every locally recorded event is forwarded to the outbox once', async () => {
    const seen: LocalEvent[] = [];
    forwardEventsTo(async (e) => {
      seen.push(e);
    });
    try {
      await recordHold(
        { site: 'claude.ai', action: 'warn', failed: false, categories: ['NAME'], monitored: false },
        AT,
      );
      await localEventQueue.record(local({ action: 'redacted' }));
      expect(seen.map((e) => e.action)).toEqual(['warned', 'redacted']);
    } finally {
      forwardEventsTo(undefined);
    }
  });
});
