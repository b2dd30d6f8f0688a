/**
 * Side-effect module: import it first in every extension entrypoint. It turns off zod's code generation before
 * any schema is built. Extension pages, the service worker and content scripts run under a CSP without eval, and
 * zod probes `new Function` when it builds its first object schema; as zod's own source notes, strict CSPs report
 * that caught probe as a securitypolicyviolation, which in a content script is an event on the page's document.
 * The generated parsers could not run here anyway. Node (tests, CLI, server) never imports this.
 */
import { z } from 'zod';

z.config({ jitless: true });
