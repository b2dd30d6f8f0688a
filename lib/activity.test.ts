import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  decisionHistory,
  EVENTS_MAX,
  localEventQueue,
  pendingEvents,
  recordHold,
  recordOutcome,
  todaysCounts,
} from './activity';

beforeEach(() => fakeBrowser.reset());

const NOON = new Date(2026, 10, 22, 12, 0).getTime();
const DAY = 24 * 3600 * 1000;

// If these fail, the popup's counts, the options page's history or the event queue are wrong or leak text.
describe('activity', () => {
  it("counts today's held, redacted and sent-anyway prompts, starting afresh each day", async () => {
    await recordHold(
      { site: 'chatgpt.com', action: 'block', failed: false, categories: ['SSN'], monitored: false },
      NOON,
    );
    await recordOutcome({ site: 'chatgpt.com', outcome: 'redacted' }, NOON);
    await recordHold(
      { site: 'claude.ai', action: 'warn', failed: false, categories: ['NAME'], monitored: false },
      NOON,
    );
    await recordOutcome({ site: 'claude.ai', outcome: 'sent-anyway', justification: 'synthetic' }, NOON);
    await recordHold({ site: 'poe.com', action: 'warn', failed: false, categories: ['DATE'], monitored: true }, NOON);
    expect(await todaysCounts(NOON)).toMatchObject({ held: 2, redacted: 1, sentAnyway: 1, monitored: 1 });
    expect(await todaysCounts(NOON + DAY)).toMatchObject({ held: 0, redacted: 0, sentAnyway: 0, monitored: 0 });
  });

  it('keeps a history of categories, sites, actions and outcomes', async () => {
    await recordHold(
      { site: 'chatgpt.com', action: 'block', failed: false, categories: ['SSN'], monitored: false },
      NOON,
    );
    await recordOutcome({ site: 'chatgpt.com', outcome: 'cancelled' }, NOON);
    expect(await decisionHistory.getValue()).toEqual([
      { at: NOON, site: 'chatgpt.com', action: 'blocked', categories: ['SSN'], outcome: 'cancelled' },
    ]);
  });

  it('queues events in the reporting vocabulary, with the justification only on sent_anyway', async () => {
    await recordHold(
      { site: 'claude.ai', action: 'warn', failed: false, categories: ['NAME'], monitored: false },
      NOON,
    );
    await recordOutcome({ site: 'claude.ai', outcome: 'sent-anyway', justification: 'not-phi' }, NOON);
    expect(await pendingEvents.getValue()).toEqual([
      { at: NOON, action: 'warned', site: 'claude.ai', categories: ['NAME'] },
      { at: NOON, action: 'sent_anyway', site: 'claude.ai', categories: ['NAME'], justification: 'not-phi' },
    ]);
  });

  it('refuses events with keys or values outside the schema, and caps the queue', async () => {
    await localEventQueue.record({
      at: 1,
      action: 'warned',
      site: 'x.com',
      categories: [],
      text: 'SSN 900-12-3456',
    } as never);
    await localEventQueue.record({
      at: 1,
      action: 'policy_issue',
      site: null,
      categories: [],
      field: 'Jane Roe 900-12-3456',
    });
    expect(await pendingEvents.getValue()).toEqual([]);
    await Promise.all(
      Array.from({ length: EVENTS_MAX + 5 }, (_, i) =>
        localEventQueue.record({
          at: i,
          action: 'unsanctioned_visit',
          site: 'claude.ai',
          categories: [],
          response: 'allow',
        }),
      ),
    );
    const list = await pendingEvents.getValue();
    expect(list).toHaveLength(EVENTS_MAX);
    expect(list[0].at).toBe(5);
  });

  it('keeps concurrent writes (one writer at a time)', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        recordHold({ site: 'chatgpt.com', action: 'warn', failed: false, categories: [], monitored: false }, NOON),
      ),
    );
    expect((await todaysCounts(NOON)).held).toBe(20);
  });
});
