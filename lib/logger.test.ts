import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_LOGGER, logger, SILENT_LOGGER } from './logger';

afterEach(() => vi.restoreAllMocks());

// If the production logger writes anything, users' consoles (and page scripts hooking console) see our internals.
describe('logger', () => {
  it('the production logger writes nothing', () => {
    const spies = (['debug', 'warn', 'error', 'log', 'info'] as const).map((k) =>
      vi.spyOn(console, k).mockImplementation(() => {}),
    );
    SILENT_LOGGER.debug('a');
    SILENT_LOGGER.warn('b');
    SILENT_LOGGER.error('c', new Error('x'));
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it('outside production it logs, prefixed', () => {
    expect(logger).toBe(CONSOLE_LOGGER);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    logger.warn('queue full', 3);
    expect(warn).toHaveBeenCalledWith('[phi-guard]', 'queue full', 3);
  });
});
