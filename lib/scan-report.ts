import { recordCoverageLost, recordHold, recordOutcome } from './activity';
import { lastScan } from './last-scan';
import { parseCoverageLost, parseHoldOutcome, parseScanResult } from './messages';

/** The parts of runtime.MessageSender the background relies on (the browser fills them, not the sender). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Only our own content scripts (our extension id, inside a tab, on a web page) may report. */
function fromOurContentScript(sender: Sender, ownId: string): boolean {
  return sender.id === ownId && !!sender.tab && /^https?:/.test(sender.url ?? '');
}

/**
 * Handles a message that claims to be a content script's scan result: accepted only from our own content
 * scripts and only when well-formed; then kept as the last scan and, when something was held (or would have
 * been, in monitor mode), counted and recorded. Returns whether it was recorded.
 */
export async function recordScanResult(msg: unknown, sender: Sender, ownId: string): Promise<boolean> {
  if (!fromOurContentScript(sender, ownId)) return false;
  const result = parseScanResult(msg);
  if (!result) return false;
  const site = hostOf(sender.url);
  await lastScan.setValue({
    action: result.action,
    count: result.count,
    failed: result.failed === true,
    site,
    at: Date.now(),
  });
  if (result.action !== 'allow') {
    await recordHold({
      site,
      action: result.action,
      failed: result.failed === true,
      categories: result.categories ?? [],
      monitored: result.monitored === true,
      counts: result.counts,
      detectors: result.detectors,
      confidence: result.confidence,
    });
  }
  return true;
}

/** Handles a content script's report of what the user did with a held prompt. Returns whether it was recorded. */
export async function recordHoldOutcome(msg: unknown, sender: Sender, ownId: string): Promise<boolean> {
  if (!fromOurContentScript(sender, ownId)) return false;
  const o = parseHoldOutcome(msg);
  if (!o) return false;
  await recordOutcome({ site: hostOf(sender.url), outcome: o.outcome, justification: o.justification });
  return true;
}

/** Handles a content script's report that the page has no prompt box it can find. Returns whether it was recorded. */
export async function recordCoverage(msg: unknown, sender: Sender, ownId: string): Promise<boolean> {
  if (!fromOurContentScript(sender, ownId)) return false;
  if (!parseCoverageLost(msg)) return false;
  const site = hostOf(sender.url);
  if (!site) return false;
  await recordCoverageLost(site);
  return true;
}
