import { lastScan } from './last-scan';
import { parseScanResult } from './messages';

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

/**
 * Handles a message that claims to be a content script's scan result: accepted only from our own content
 * scripts (our extension id, inside a tab) and only when well-formed; then kept as the last scan.
 * Returns whether it was recorded.
 */
export async function recordScanResult(msg: unknown, sender: Sender, ownId: string): Promise<boolean> {
  if (sender.id !== ownId || !sender.tab) return false;
  const result = parseScanResult(msg);
  if (!result) return false;
  await lastScan.setValue({
    action: result.action,
    count: result.count,
    failed: result.failed === true,
    site: hostOf(sender.url),
    at: Date.now(),
  });
  return true;
}
