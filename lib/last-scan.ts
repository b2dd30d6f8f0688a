import { storage } from 'wxt/utils/storage';
import type { ScanResultMessage } from './messages';

export interface LastScan {
  action: ScanResultMessage['action'];
  count: number;
  failed: boolean;
  /** Host name of the page, taken from the browser's sender info, not from the message. */
  site: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * The background's record of the latest check, in session storage: the service worker's memory does not
 * outlive it, session storage lasts until the browser closes, and is not readable by content scripts.
 * The popup (later) and the end-to-end tests read it; it holds no text.
 */
export const lastScan = storage.defineItem<LastScan | null>('session:lastScan', { fallback: null });
