import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { logger } from '../lib/logger';
import { recordScanResult } from '../lib/scan-report';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    recordScanResult(msg, sender, browser.runtime.id)
      .then((recorded) => {
        if (!recorded) logger.warn('dropped a message that is not a valid scan result from our content script');
      })
      .catch((err: unknown) => logger.error('could not store the last scan', err));
  });
});
