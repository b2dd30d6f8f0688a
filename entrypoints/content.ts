import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createBadge } from '../guard/badge';
import { createDialog } from '../guard/dialog';
import { scanFiles } from '../guard/files';
import { type HoldReport, startGuard } from '../guard/guard';
import { Checker } from '../guard/verdict';
import { logger } from '../lib/logger';
import type { ScanResultMessage } from '../lib/messages';
import { assess } from '../policies/assess';
import { redact } from '../policies/redact';
import { CHATBOT_MATCHES } from '../sites/hosts';
import { adapterFor } from '../sites/index';

/** Tells the background what was held (the action and a count, never text). */
function report({ action, count, failed }: HoldReport): void {
  const msg: ScanResultMessage = { type: 'scan-result', action, count };
  if (failed) msg.failed = true;
  browser.runtime.sendMessage(msg).catch(() => {
    // The extension was reloaded or updated under this page; this script is an orphan and can only go quiet.
    logger.debug('background unreachable');
  });
}

export default defineContentScript({
  matches: [...CHATBOT_MATCHES],
  runAt: 'document_start',
  main(ctx: ContentScriptContext) {
    const adapter = adapterFor(new URL(location.href));
    const checker = new Checker(assess);
    const dialog = createDialog(document);
    const idle = (work: () => void) => ctx.requestIdleCallback(() => work(), { timeout: 400 });
    const badge = createBadge({
      doc: document,
      findComposer: () => adapter.findComposer(document),
      read: adapter.readText,
      check: (text) => checker.check(text),
      idle,
    });
    // Capture phase on window: these run before the site's own handlers, which may stop propagation or submit.
    startGuard({
      win: window,
      adapter,
      checker,
      dialog,
      redact,
      // Each file gets a fresh check (its own time budget), leaving the prompt's cached verdict in place.
      scanFiles: (files) => scanFiles(files, { check: (text) => new Checker(assess).check(text) }),
      listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler, options),
      report,
      changed: () => badge.schedule(),
    });
    ctx.onInvalidated(() => {
      dialog.destroy();
      badge.destroy();
    });
    // The first detection builds the lexicons (tens of ms); do it while idle, not on the user's first Enter.
    idle(() => assess('Warm-up: Dr Jane Roe saw the patient on 01/02/2000.'));
  },
});
