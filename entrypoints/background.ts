// First: configures zod before any schema is built (see the module).
import '../lib/zod-config';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { EventQueue, QUEUE_ALARM, QUEUE_ALARM_PERIOD_MINUTES } from '../events/queue';
import { forwardEventsTo, localEventQueue } from '../lib/activity';
import { logger } from '../lib/logger';
import { parsePageMessage } from '../lib/messages';
import { ORG_REFRESH_ALARM, syncOrgPolicy } from '../lib/org-sync';
import { reportPolicyIssues } from '../lib/policy-issues';
import { loadPolicy, orgPolicyCache, readManaged } from '../lib/policy-store';
import { browserName, eventUser, installId, toGuardEvent } from '../lib/reporting';
import { recordCoverage, recordHoldOutcome, recordScanResult } from '../lib/scan-report';
import { continueTo, handleNavigation, type ShadowDeps } from '../lib/shadow-nav';
import type { ResolvedPolicy } from '../policies/layers';

export default defineBackground(() => {
  // MV3 workers stop at any time: the policy is re-read from storage after every start and every change.
  let resolved: Promise<ResolvedPolicy> | undefined;
  const current = () => {
    resolved ??= loadPolicy();
    return resolved;
  };
  const pagePrefix = browser.runtime.getURL('/');

  const shadow: ShadowDeps = {
    policy: async () => (await current()).policy,
    navigate: async (tabId, url) => {
      await browser.tabs.update(tabId, { url });
    },
    pageUrl: (params) => `${browser.runtime.getURL('/blocked.html')}?${new URLSearchParams(params)}`,
    events: localEventQueue,
  };

  // Reporting: local records become schema events in the outbox (events/queue.ts), sent to the admin server in
  // the merged policy. No endpoint: enqueue stores nothing and flush sends nothing.
  const queue = new EventQueue({
    storage: {
      get: async (k) => (await browser.storage.local.get(k))[k],
      set: (k, v) => browser.storage.local.set({ [k]: v }),
    },
    fetch: (url, init) => fetch(url, init),
    config: async () => {
      const p = (await current()).policy;
      return { endpoint: p.reportingEndpoint, enrollmentToken: p.enrollmentToken };
    },
  });
  let warnedIdentity = false;
  const profileEmail = async () => {
    // Only with the identity.email permission (not requested today): then chrome.identity gives the signed-in email.
    const identity = (
      browser as unknown as { identity?: { getProfileUserInfo?: (d?: object) => Promise<{ email?: string }> } }
    ).identity;
    if (!identity?.getProfileUserInfo) return undefined;
    return (await identity.getProfileUserInfo({ accountStatus: 'ANY' })).email || undefined;
  };
  /** Batches: events recorded within a couple of seconds go in one POST; the alarm catches anything left. */
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flushSoon = () => {
    if (flushTimer !== undefined) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      void queue
        .flush()
        .catch((err: unknown) => logger.warn('event flush failed', err instanceof Error ? err.name : 'error'));
    }, 2000);
  };
  forwardEventsTo(async (local) => {
    const r = await current();
    if (!r.policy.reportingEndpoint) return;
    const { user, fellBack } = await eventUser(r.policy.identityMode, { managed: r.managed, email: profileEmail });
    if (fellBack && !warnedIdentity) {
      warnedIdentity = true;
      logger.warn(
        'identityMode "email": no profile email available (managed browser and identity.email needed); reporting without a user',
      );
    }
    const org = r.org ? (await orgPolicyCache.getValue())?.version : undefined;
    const event = toGuardEvent(local, {
      installId: await installId(),
      user,
      policyVersion: org ?? (r.org ? 'org' : r.managed ? 'managed' : 'default'),
      extensionVersion: browser.runtime.getManifest().version,
      browser: browserName(navigator.userAgent, import.meta.env.BROWSER === 'firefox'),
    });
    if (event && (await queue.enqueue(event))) flushSoon();
  });

  /** The flush alarm runs only while an admin server is configured. */
  async function scheduleFlush(r: ResolvedPolicy) {
    const alarm = await browser.alarms.get(QUEUE_ALARM);
    if (!r.policy.reportingEndpoint) {
      if (alarm) await browser.alarms.clear(QUEUE_ALARM);
      return;
    }
    if (!alarm) await browser.alarms.create(QUEUE_ALARM, { periodInMinutes: QUEUE_ALARM_PERIOD_MINUTES });
  }

  /** Keeps the refresh alarm in step with the policy (none without an admin server). */
  async function scheduleRefresh(r: ResolvedPolicy) {
    const period = r.policy.refreshIntervalMinutes;
    const alarm = await browser.alarms.get(ORG_REFRESH_ALARM);
    if (!r.policy.reportingEndpoint) {
      if (alarm) await browser.alarms.clear(ORG_REFRESH_ALARM);
      return;
    }
    if (alarm?.periodInMinutes !== period) {
      await browser.alarms.create(ORG_REFRESH_ALARM, { periodInMinutes: period, delayInMinutes: period });
    }
  }

  async function policyChanged() {
    resolved = undefined;
    const r = await current();
    await scheduleRefresh(r);
    await scheduleFlush(r);
    await reportPolicyIssues(r.issues, localEventQueue);
  }

  const refresh = () =>
    syncOrgPolicy().catch((err: unknown) => {
      logger.warn('organisation policy refresh failed', err instanceof Error ? err.name : 'error');
      return undefined;
    });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') {
      // The admin server or token may have changed: fetch the organisation policy again.
      void policyChanged().then(refresh);
    } else if (area === 'local' && ('orgPolicy' in changes || 'userOptions' in changes)) {
      void policyChanged();
    }
  });

  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (type === 'scan-result' || type === 'hold-outcome' || type === 'coverage-lost') {
      const record =
        type === 'scan-result' ? recordScanResult : type === 'hold-outcome' ? recordHoldOutcome : recordCoverage;
      record(msg, sender, browser.runtime.id)
        .then((ok) => {
          if (!ok) logger.warn('dropped a message that is not a valid report from our content script');
        })
        .catch((err: unknown) => logger.error('could not record a report', err));
      return undefined;
    }
    // Requests from the extension's own pages only (options, warn page): never from a content script.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(pagePrefix)) return undefined;
    const page = parsePageMessage(msg);
    if (page?.type === 'refresh-policy') return refresh().then((r) => ({ status: r?.status ?? 'error' }));
    if (page?.type === 'shadow-continue') return continueTo(page.host, shadow).then((url) => ({ url }));
    return undefined;
  });

  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    handleNavigation(details, shadow).catch((err: unknown) => logger.error('navigation check failed', err));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ORG_REFRESH_ALARM) void refresh();
    if (alarm.name === QUEUE_ALARM) void queue.flush().catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(() => void refresh());
  browser.runtime.onStartup.addListener(() => void refresh());

  void (async () => {
    const r = await current();
    await scheduleRefresh(r);
    await scheduleFlush(r);
    await reportPolicyIssues(r.issues, localEventQueue);
    // Whatever an earlier worker (or browser session) left queued goes now, if its backoff allows.
    void queue.flush().catch(() => undefined);
    // A worker that starts with an admin server but no cached policy (first run, or a failed fetch) tries now.
    if (r.policy.reportingEndpoint && !r.org && Object.keys(await readManaged()).length) await refresh();
  })().catch((err: unknown) => logger.error('startup failed', err));
});
