/**
 * The extension's only logger. Silent in production builds (the console calls are compiled out), so nothing
 * reaches a user's console; in development and tests it prefixes messages so they stand out from the page's.
 * Never pass it prompt text, matched values or anything derived from them: log counts, ids and states.
 */
type Log = (message: string, ...details: unknown[]) => void;

export interface Logger {
  debug: Log;
  warn: Log;
  error: Log;
}

const PREFIX = '[phi-guard]';
const silent: Log = () => {};

export const SILENT_LOGGER: Logger = { debug: silent, warn: silent, error: silent };

export const CONSOLE_LOGGER: Logger = {
  debug: (m, ...d) => console.debug(PREFIX, m, ...d),
  warn: (m, ...d) => console.warn(PREFIX, m, ...d),
  error: (m, ...d) => console.error(PREFIX, m, ...d),
};

// Written so Vite can replace it with a constant; `import.meta.env` is absent under plain Node (tsx scripts).
const PRODUCTION = import.meta.env !== undefined && import.meta.env.PROD === true;

export const logger: Logger = PRODUCTION ? SILENT_LOGGER : CONSOLE_LOGGER;
