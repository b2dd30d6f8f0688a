/**
 * The warn and block page for unsanctioned AI sites (lib/shadow-nav.ts sends tabs here). It shows the policy's
 * coaching message and a link to the sanctioned tool; on a warn it offers to continue, which the background
 * accepts only while the policy still says warn for that site.
 */
// First: configures zod before any schema is built (see the module).
import '../../lib/zod-config';
import '~/assets/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import { loadPolicy } from '../../lib/policy-store';
import { isHostname } from '../../policies/schema';
import { aiSiteFor } from '../../policies/shadow-ai';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function render() {
  const params = new URLSearchParams(location.search);
  const rawHost = params.get('host') ?? '';
  const host = isHostname(rawHost) ? rawHost : '';
  const warn = params.get('action') === 'warn';
  const { policy } = await loadPolicy();
  const site = host ? aiSiteFor(new URL(`https://${host}/`), policy) : undefined;
  const name = site?.name || host || 'This AI site';

  document.title = `PHI Guard: ${name} is not approved`;
  $('title').textContent = warn ? `${name} is not an approved AI tool` : `${name} is blocked by your organisation`;
  $('site').textContent = site ? `${site.name} (${site.vendor}) at ${host}` : host;
  $('coaching').textContent = policy.coachingMessage;
  if (policy.sanctionedToolUrl) {
    const a = document.createElement('a');
    a.id = 'sanctioned-link';
    a.href = policy.sanctionedToolUrl;
    a.textContent = `Use the approved AI tool instead (${new URL(policy.sanctionedToolUrl).hostname})`;
    $('sanctioned').append(a);
    $('sanctioned').hidden = false;
  }
  if (policy.helpLink) {
    const a = document.createElement('a');
    a.href = policy.helpLink;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = "Your organisation's guidance on AI tools";
    $('help').append(a);
    $('help').hidden = false;
  }
  $('back').addEventListener('click', () => {
    if (history.length > 1) history.back();
    else location.replace('about:blank');
  });
  const cont = $<HTMLButtonElement>('continue');
  if (warn && host) {
    cont.hidden = false;
    cont.addEventListener('click', async () => {
      cont.disabled = true;
      const reply = (await browser.runtime.sendMessage({ type: 'shadow-continue', host })) as
        | { url?: string }
        | undefined;
      if (reply?.url) location.replace(reply.url);
      else $('status').textContent = 'Your organisation no longer allows continuing to this site.';
    });
  }
}

void render();
