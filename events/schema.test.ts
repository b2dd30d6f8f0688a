import { describe, expect, it } from 'vitest';
import { STRING_FIELDS, sampleEvent } from './fixtures';
import { confidenceBucket, eventBatchSchema, eventTime, guardEventSchema, issuePaths, siteHost } from './schema';

const ok = (e: unknown) => guardEventSchema.safeParse(e).success;

// If these fail, the server would store (or the extension send) something that can carry prompt text or values.
describe('event schema', () => {
  it('accepts a well-formed event of each identity mode', () => {
    expect(ok(sampleEvent())).toBe(true);
    expect(ok(sampleEvent({ user: { mode: 'none' } }))).toBe(true);
    expect(ok(sampleEvent({ user: { mode: 'email', email: 'dr.roe@hospital.example' } }))).toBe(true);
    expect(ok(sampleEvent({ action: 'sent_anyway', justification: 'not-phi' }))).toBe(true);
    expect(ok(sampleEvent({ action: 'events_dropped', site: null, dropped: 12, categories: {}, detectors: [] }))).toBe(
      true,
    );
  });

  it('rejects unknown fields at every level', () => {
    expect(ok({ ...sampleEvent(), text: 'Jane Roe MRN 12345' })).toBe(false);
    expect(ok({ ...sampleEvent(), valueHash: 'abc' })).toBe(false);
    expect(ok(sampleEvent({ user: { mode: 'none', name: 'x' } as never }))).toBe(false);
    expect(ok(sampleEvent({ categories: { MRN: 1, SECRET: 1 } as never }))).toBe(false);
    expect(eventBatchSchema.safeParse({ events: [sampleEvent()], extra: 1 }).success).toBe(false);
  });

  it('rejects free text in every string field', () => {
    const text = 'Jane Roe 03/04/1961';
    for (const field of STRING_FIELDS) {
      expect(ok({ ...sampleEvent({ action: 'sent_anyway' }), [field]: text }), field).toBe(false);
    }
    expect(ok(sampleEvent({ detectors: [text] }))).toBe(false);
    expect(ok(sampleEvent({ user: { mode: 'pseudonymous', id: text } }))).toBe(false);
    expect(ok(sampleEvent({ site: 'chatgpt.com/c/123?mrn=44120987' }))).toBe(false);
  });

  it('keeps time to the minute and counts bounded', () => {
    expect(ok(sampleEvent({ time: '2026-11-22T10:42:13Z' }))).toBe(false);
    expect(ok(sampleEvent({ time: '2026-11-22T10:42:13.000Z' }))).toBe(false);
    expect(ok(sampleEvent({ categories: { MRN: 0 } }))).toBe(false);
    expect(ok(sampleEvent({ categories: { MRN: 1.5 } }))).toBe(false);
    expect(ok(sampleEvent({ categories: { MRN: 10_001 } }))).toBe(false);
    expect(eventTime(new Date('2026-11-22T10:42:59.999Z'))).toBe('2026-11-22T10:42Z');
  });

  it('ties optional fields to their action', () => {
    expect(ok(sampleEvent({ action: 'held', justification: 'not-phi' }))).toBe(false);
    expect(ok(sampleEvent({ action: 'held', dropped: 3 }))).toBe(false);
    expect(ok(sampleEvent({ action: 'events_dropped', site: null }))).toBe(false);
    expect(ok(sampleEvent({ site: null }))).toBe(false);
    expect(ok(sampleEvent({ detectors: ['mrn', 'mrn'] }))).toBe(false);
  });

  it('reports issues by path and code, never by value', () => {
    const r = guardEventSchema.safeParse({ ...sampleEvent(), site: 'SECRET-VALUE', smuggled: 'SECRET-VALUE' });
    expect(r.success).toBe(false);
    if (!r.success) expect(JSON.stringify(issuePaths(r.error))).not.toContain('SECRET');
  });

  it('helpers', () => {
    expect(confidenceBucket(undefined)).toBe('none');
    expect(confidenceBucket(0.5)).toBe('low');
    expect(confidenceBucket(0.7)).toBe('medium');
    expect(confidenceBucket(0.95)).toBe('high');
    expect(siteHost('https://Chat.OpenAI.com:443/c/abc?q=1')).toBe('chat.openai.com');
    expect(siteHost('not a url')).toBe(null);
  });
});
