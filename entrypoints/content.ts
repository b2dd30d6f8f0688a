// First: configures zod before any schema is built (see the module).
import '../lib/zod-config';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createBadge } from '../guard/badge';
import { COVERAGE_DELAY_MS, createCoverageWatch } from '../guard/coverage';
import { createDialog } from '../guard/dialog';
import { type FileVerdict, scanFiles } from '../guard/files';
import { type HoldOutcome, type HoldReport, startGuard } from '../guard/guard';
import { DEFAULT_GUARD_POLICY, type GuardPolicy, guardPolicyFor } from '../guard/policy';
import { createToast } from '../guard/toast';
import { Checker } from '../guard/verdict';
import { logger } from '../lib/logger';
import type { CoverageLostMessage, HoldOutcomeMessage, ScanResultMessage } from '../lib/messages';
import { loadPolicy, watchPolicy } from '../lib/policy-store';
import { assess } from '../policies/assess';
import { assessorFor, type SitePolicy, sitePolicy } from '../policies/effective';
import { DEFAULT_POLICY, type Policy } from '../policies/schema';
import { type RestoreSettings, startRestore } from '../restore/index';
import { CHATBOT_MATCHES } from '../sites/hosts';
import { adapterFor } from '../sites/index';

function send(msg: ScanResultMessage | HoldOutcomeMessage | CoverageLostMessage): void {
  browser.runtime.sendMessage(msg).catch(() => {
    // The extension was reloaded or updated under this page; this script is an orphan and can only go quiet.
    logger.debug('background unreachable');
  });
}

/** Tells the background what was held (the action, a count and categories, never text). */
function report({ action, count, failed, categories, monitored, counts, detectors, confidence }: HoldReport): void {
  const msg: ScanResultMessage = { type: 'scan-result', action, count };
  if (failed) msg.failed = true;
  if (categories?.length) msg.categories = categories;
  if (monitored) msg.monitored = true;
  if (counts && Object.keys(counts).length) msg.counts = counts;
  if (detectors?.length) msg.detectors = detectors;
  if (confidence) msg.confidence = confidence;
  send(msg);
}

function outcome({ outcome, justification }: HoldOutcome): void {
  const msg: HoldOutcomeMessage = { type: 'hold-outcome', outcome };
  if (justification) msg.justification = justification;
  send(msg);
}

const ALLOW_FILES: FileVerdict = { action: 'allow', items: [], notes: [] };

export default defineContentScript({
  matches: [...CHATBOT_MATCHES],
  runAt: 'document_start',
  main(ctx: ContentScriptContext) {
    const adapter = adapterFor(new URL(location.href));
    const host = location.hostname;
    // The built-in policy until the stored layers are read (a few milliseconds), then whatever they say.
    let site: SitePolicy = sitePolicy(DEFAULT_POLICY, host);
    let guardPolicy: GuardPolicy = guardPolicyFor(DEFAULT_POLICY, site.mode, DEFAULT_GUARD_POLICY);
    const checker = new Checker(assessorFor(site), guardPolicy);
    const dialog = createDialog(document);
    const toast = createToast(document);
    const idle = (work: () => void) => ctx.requestIdleCallback(() => work(), { timeout: 400 });
    const badge = createBadge({
      doc: document,
      findComposer: () => adapter.findComposer(document),
      read: adapter.readText,
      check: (text) => checker.check(text),
      idle,
    });

    const restoreSettings = (p: Policy): RestoreSettings => ({
      restoreAnswers: p.restoreAnswers,
      placeholderStyle: p.placeholderStyle,
    });
    // Redact & send gives each value one placeholder for the whole conversation; where the page shows a
    // placeholder, the value is put back on screen. The mapping lives in this script's memory only.
    const restore = startRestore({
      doc: document,
      adapter,
      url: new URL(location.href),
      settings: restoreSettings(DEFAULT_POLICY),
      href: () => location.href,
    });

    async function applyPolicy() {
      const { policy } = await loadPolicy();
      if (!ctx.isValid) return;
      restore.configure(restoreSettings(policy));
      site = sitePolicy(policy, host);
      guardPolicy = guardPolicyFor(policy, site.mode, DEFAULT_GUARD_POLICY);
      checker.configure(assessorFor(site), guardPolicy);
      badge.schedule();
    }

    async function checkFiles(files: readonly File[]): Promise<FileVerdict> {
      if (site.mode === 'off') return ALLOW_FILES;
      // Each file gets a fresh check (its own time budget), leaving the prompt's cached verdict in place.
      const verdict = await scanFiles(files, {
        check: (text) => new Checker(assessorFor(site), guardPolicy).check(text),
        policy: guardPolicy,
      });
      if (site.mode !== 'monitor' || verdict.action === 'allow') return verdict;
      report({ action: verdict.action, count: verdict.items.length, failed: false, monitored: true });
      return ALLOW_FILES;
    }

    // Capture phase on window: these run before the site's own handlers, which may stop propagation or submit.
    startGuard({
      win: window,
      adapter,
      checker,
      dialog,
      redact: (text, findings) => restore.redact(text, findings),
      scanFiles: checkFiles,
      listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler, options),
      report,
      outcome,
      notify: (message) => toast.show(message),
      changed: () => badge.schedule(),
      policy: () => guardPolicy,
    });
    // Managed storage, the organisation's policy or the user's options changed: the open page follows.
    const unwatch = watchPolicy(() => {
      applyPolicy().catch(() => logger.debug('policy reload failed; keeping the previous one'));
    });
    applyPolicy().catch(() => logger.debug('policy load failed; built-in policy in force'));
    // A supported chatbot page whose prompt box the adapter cannot find: the guard is blind there; say so once.
    const coverage = createCoverageWatch({
      found: () => adapter.findComposer(document) !== undefined,
      report: () => {
        if (site.mode !== 'off') send({ type: 'coverage-lost' });
      },
      delayMs: COVERAGE_DELAY_MS,
      setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimer: (id) => clearTimeout(id as number),
    });
    if (adapter.matches.length > 0) {
      const armWhenIdle = () => idle(() => coverage.arm());
      if (document.readyState === 'complete') armWhenIdle();
      else ctx.addEventListener(window, 'load', armWhenIdle, { once: true });
      // SPA navigation (history API): the new view gets its own delay.
      ctx.addEventListener(window, 'wxt:locationchange', () => coverage.arm());
    }
    // A different conversation shows its own placeholders; a new chat starts with none.
    ctx.addEventListener(window, 'wxt:locationchange', () => restore.navigate(new URL(location.href)));
    ctx.onInvalidated(() => {
      restore.stop();
      coverage.stop();
      unwatch();
      dialog.destroy();
      toast.destroy();
      badge.destroy();
    });
    // The first detection builds the lexicons (tens of ms); do it while idle, not on the user's first Enter.
    idle(() => assess('Warm-up: Dr Jane Roe saw the patient on 01/02/2000.'));
  },
});
