// First: configures zod before any schema is built (see the module).
import '../lib/zod-config';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { localEventQueue } from '../lib/activity';
import { logger } from '../lib/logger';
import { parsePageMessage } from '../lib/messages';
import { ORG_REFRESH_ALARM, syncOrgPolicy } from '../lib/org-sync';
import { reportPolicyIssues } from '../lib/policy-issues';
import { loadPolicy, readManaged } from '../lib/policy-store';
import { recordHoldOutcome, recordScanResult } from '../lib/scan-report';
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
    if (type === 'scan-result' || type === 'hold-outcome') {
      const record = type === 'scan-result' ? recordScanResult : recordHoldOutcome;
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
  });
  browser.runtime.onInstalled.addListener(() => void refresh());
  browser.runtime.onStartup.addListener(() => void refresh());

  void (async () => {
    const r = await current();
    await scheduleRefresh(r);
    await reportPolicyIssues(r.issues, localEventQueue);
    // A worker that starts with an admin server but no cached policy (first run, or a failed fetch) tries now.
    if (r.policy.reportingEndpoint && !r.org && Object.keys(await readManaged()).length) await refresh();
  })().catch((err: unknown) => logger.error('startup failed', err));
});
