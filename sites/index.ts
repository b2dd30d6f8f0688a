import characterAi from './character-ai';
import chatgpt from './chatgpt';
import claude from './claude';
import copilot from './copilot';
import deepseek from './deepseek';
import gemini from './gemini';
import generic from './generic';
import grok from './grok';
import huggingchat from './huggingchat';
import m365Copilot from './m365-copilot';
import metaAi from './meta-ai';
import mistral from './mistral';
import notebooklm from './notebooklm';
import perplexity from './perplexity';
import poe from './poe';
import type { SiteAdapter } from './types';
import you from './you';

/** Every site adapter, one per file; `registry.test.ts` checks this list against the folder and hosts.ts. */
export const SITES: readonly SiteAdapter[] = [
  chatgpt,
  claude,
  gemini,
  copilot,
  m365Copilot,
  perplexity,
  deepseek,
  grok,
  mistral,
  poe,
  huggingchat,
  notebooklm,
  metaAi,
  you,
  characterAi,
];

export { generic };

/** Whether a match pattern (https://host/path*, our hosts.ts form) covers `url`. */
export function patternMatches(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (url.protocol !== `${scheme}:` || url.hostname !== host) return false;
  const prefix = path.endsWith('*') ? path.slice(0, -1) : path;
  return path.endsWith('*') ? url.pathname.startsWith(prefix) : url.pathname === prefix;
}

/** The adapter for the page at `url`: the site's own, or the generic scorer for other AI sites. */
export function adapterFor(url: URL): SiteAdapter {
  return SITES.find((s) => s.matches.some((p) => patternMatches(p, url))) ?? generic;
}
