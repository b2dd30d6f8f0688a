import type { Action } from '../policies/decide';

/**
 * What the content script tells the background after checking a prompt: the decision and how many
 * findings, never the text, the values or hashes of them.
 */
export interface ScanResultMessage {
  type: 'scan-result';
  action: Action;
  count: number;
  /** The scan threw; the action is then 'block' (the guard fails closed). */
  failed?: true;
}

const ACTIONS: readonly string[] = ['allow', 'warn', 'block'] satisfies Action[];
/** Far above any real prompt; a bigger count is a forged or corrupted message. */
const MAX_COUNT = 100_000;

/**
 * Messages reach the background from content scripts that run inside pages we do not control, so each
 * one is checked field by field and rebuilt from known keys only; anything else is dropped.
 */
export function parseScanResult(msg: unknown): ScanResultMessage | undefined {
  if (typeof msg !== 'object' || msg === null) return undefined;
  const m = msg as Record<string, unknown>;
  if (m.type !== 'scan-result') return undefined;
  if (typeof m.action !== 'string' || !ACTIONS.includes(m.action)) return undefined;
  if (!Number.isInteger(m.count) || (m.count as number) < 0 || (m.count as number) > MAX_COUNT) return undefined;
  if (m.failed !== undefined && m.failed !== true) return undefined;
  const out: ScanResultMessage = { type: 'scan-result', action: m.action as Action, count: m.count as number };
  if (m.failed) out.failed = true;
  return out;
}
