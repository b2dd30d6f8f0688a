/**
 * The toolbar popup: is this page protected, is it an approved AI site, who set the policy, and today's counts.
 * Reads only what the extension stores (no page content).
 */
// First: configures zod before any schema is built (see the module).
import '../../lib/zod-config';
import '~/assets/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import { todaysCounts } from '../../lib/activity';
import { loadPolicy } from '../../lib/policy-store';
import { type PageStatus, pageStatus } from '../../lib/site-status';
import type { Mode } from '../../policies/schema';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

/** The active tab's address: tabs.query gives it only with host access, webNavigation gives it for any tab. */
async function activeUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return undefined;
  if (tab.url) return tab.url;
  try {
    return (await browser.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }))?.url;
  } catch {
    return undefined;
  }
}

function pill(text: string, tone: 'ok' | 'warn' | 'bad' | 'muted'): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = tone === 'muted' ? 'pill' : `pill ${tone}`;
  s.textContent = text;
  return s;
}

const MODE_TEXT: Record<Mode, string> = {
  block: 'identifiers are blocked',
  redact: 'identifiers are replaced with placeholders before sending',
  warn: 'you are warned before sending',
  monitor: '',
  off: '',
};

function renderStatus(s: PageStatus) {
  $('host').textContent = s.host ?? 'No web page';
  const protection = $('protection');
  protection.replaceChildren();
  if (s.protection === 'protected') {
    protection.append(pill('Protected', 'ok'), ` PHI Guard checks prompts here: ${MODE_TEXT[s.mode]}.`);
  } else if (s.protection === 'monitoring') {
    protection.append(pill('Monitoring', 'warn'), ' Prompts are not held here; what would have been held is recorded.');
  } else if (s.protection === 'off') {
    protection.append(pill('Off', 'bad'), ' Your organisation turned PHI Guard off on this site.');
  } else {
    protection.append(pill('Not checked', 'muted'), ' PHI Guard does not check prompts on this page.');
  }
  const ai = $('ai');
  ai.replaceChildren();
  ai.hidden = s.ai === 'not-ai';
  const name = s.siteName ? `${s.siteName}${s.vendor ? ` (${s.vendor})` : ''}` : 'This AI site';
  if (s.ai === 'sanctioned') ai.append(pill('Sanctioned', 'ok'), ` ${name} is approved by your organisation.`);
  if (s.ai === 'unsanctioned')
    ai.append(pill('Unsanctioned', 'warn'), ` ${name} is not on your organisation's approved list.`);
  $('managed').hidden = !(s.managed || s.org);
}

async function main() {
  const [resolved, url, counts] = await Promise.all([loadPolicy(), activeUrl(), todaysCounts()]);
  renderStatus(pageStatus(url, resolved));
  $('held').textContent = String(counts.held);
  $('redacted').textContent = String(counts.redacted);
  $('sent-anyway').textContent = String(counts.sentAnyway);
  for (const id of ['privacy', 'options']) {
    const a = $(id) as HTMLAnchorElement;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      void browser.tabs.create({ url: a.href });
      window.close();
    });
  }
}

void main();
