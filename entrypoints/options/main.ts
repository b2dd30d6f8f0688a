/**
 * The options page: the settings the policy lets the user change (stricter only; read-only when the browser is
 * managed), the policy in effect and where each part came from, policy problems, the local decision history
 * (sites and categories, never text) and the "what leaves this device" statement.
 */
// First: configures zod before any schema is built (see the module).
import '../../lib/zod-config';
import '~/assets/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../../detectors/types';
import { decisionHistory, type HistoryEntry } from '../../lib/activity';
import { orgPolicyCache, orgPolicyStatus, readManaged, userOptions, watchPolicy } from '../../lib/policy-store';
import { type LayerName, type ResolvedPolicy, resolvePolicy } from '../../policies/layers';
import { MODE_RANK, MODES, type Mode, type UserOptions } from '../../policies/schema';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') => {
  const n = document.createElement(tag);
  n.textContent = text;
  if (className) n.className = className;
  return n;
};

const MODE_LABEL: Record<Mode, string> = {
  off: 'Do not check',
  monitor: 'Let it through, record it',
  warn: 'Warn me, let me decide',
  redact: 'Replace identifiers with placeholders and send',
  block: 'Block it (no Send anyway)',
};
const SOURCE_LABEL: Record<LayerName, string> = {
  default: 'Built in',
  org: 'Your organisation (admin server)',
  managed: 'Your organisation (browser policy)',
  user: 'You',
};
const ACTION_LABEL: Record<HistoryEntry['action'], string> = {
  warned: 'Held (warning)',
  blocked: 'Held (blocked)',
  held: 'Held (check failed)',
  monitored: 'Recorded (monitor mode)',
};
const OUTCOME_LABEL = { redacted: 'Redacted and sent', 'sent-anyway': 'Sent anyway', cancelled: 'Not sent' };
const cat = (c: Category) => c.replace(/_/g, ' ').toLowerCase();

interface State {
  /** The policy without the user's options: what the user may tighten. */
  base: ResolvedPolicy;
  /** The policy in effect. */
  effective: ResolvedPolicy;
  user: UserOptions;
}

async function load(): Promise<State> {
  const [managed, org, user] = await Promise.all([readManaged(), orgPolicyCache.getValue(), userOptions.getValue()]);
  const base = resolvePolicy({ managed, org: org?.policy });
  const effective = resolvePolicy({ managed, org: org?.policy, user });
  return { base, effective, user: user as UserOptions };
}

function renderSettings(s: State) {
  const locked = s.base.managed;
  $<HTMLFieldSetElement>('settings-fields').disabled = locked;
  $('managed').hidden = !(s.base.managed || s.base.org);
  const select = $<HTMLSelectElement>('mode');
  select.replaceChildren();
  for (const m of MODES) {
    if (MODE_RANK[m] < MODE_RANK[s.base.policy.mode]) continue;
    const o = el('option', MODE_LABEL[m]);
    o.value = m;
    select.append(o);
  }
  select.value = s.effective.policy.mode;
  const rj = $<HTMLInputElement>('require-justification');
  rj.checked = s.effective.policy.requireJustification;
  // Already required by policy: the user cannot turn it off.
  rj.disabled = s.base.policy.requireJustification;
  const ra = $<HTMLInputElement>('restore-answers');
  ra.checked = s.effective.policy.restoreAnswers;
  // Switched off by policy: the user cannot switch it on.
  ra.disabled = !s.base.policy.restoreAnswers;
  const box = $('categories');
  box.replaceChildren();
  for (const c of CATEGORIES) {
    const id = `cat-${c}`;
    const input = el('input');
    input.type = 'checkbox';
    input.id = id;
    input.name = c;
    input.checked = s.effective.policy.categories[c]?.action === 'block';
    input.disabled = s.base.policy.categories[c]?.action === 'block';
    const label = el('label', ` ${cat(c)}`);
    label.htmlFor = id;
    const row = el('div');
    row.append(input, label);
    box.append(row);
  }
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'not set';
  if (Array.isArray(v)) return v.length ? `${v.length} entr${v.length === 1 ? 'y' : 'ies'}` : 'none';
  if (typeof v === 'object' && v !== null) return `${Object.keys(v).length} set`;
  return String(v);
}

function renderPolicy(s: State) {
  const p = s.effective.policy;
  const rows: [string, keyof typeof p, string?][] = [
    ['Action for patient information', 'mode'],
    ['Per-site overrides', 'sites'],
    ['Approved AI sites', 'sanctionedSites', p.sanctionedSites.join(', ') || 'none'],
    ['Unapproved AI sites', 'unsanctionedAction'],
    ['Send anyway needs a reason', 'requireJustification'],
    ['If a check fails', 'failClosed', p.failClosed ? 'hold the prompt' : 'let it through'],
    ['Custom patterns', 'customPatterns'],
    ['Custom terms', 'customTerms'],
    [
      'Reports to',
      'reportingEndpoint',
      p.reportingEndpoint ? new URL(p.reportingEndpoint).host : 'nowhere (no reporting)',
    ],
    ['Who reports name', 'identityMode'],
    ['Values shown again in answers', 'restoreAnswers', p.restoreAnswers ? 'yes, on this device only' : 'no'],
    [
      'What redaction puts in place of a value',
      'placeholderStyle',
      p.placeholderStyle === 'surrogate' ? 'realistic stand-ins' : 'placeholders such as [NAME-1]',
    ],
  ];
  const body = $('policy-rows');
  body.replaceChildren();
  for (const [label, key, shown] of rows) {
    const tr = el('tr');
    const th = el('th', label);
    th.scope = 'row';
    tr.append(th, el('td', shown ?? describeValue(p[key])), el('td', SOURCE_LABEL[s.effective.sources[key]]));
    body.append(tr);
  }
  $('refresh-row').hidden = !p.reportingEndpoint;
  $('privacy-reporting').textContent = p.reportingEndpoint
    ? `This browser sends your organisation's server (${new URL(p.reportingEndpoint).host}) anonymised events: the site, what PHI Guard did and which kinds of information it found (for example "SSN"), never the text or the values.`
    : 'This browser sends no reports: the history on this page stays on this device.';
}

function renderIssues(s: State) {
  const list = $('issues');
  list.replaceChildren();
  if (!s.effective.issues.length) {
    list.append(el('li', 'None: every setting was understood.'));
    return;
  }
  for (const i of s.effective.issues) {
    list.append(el('li', `${SOURCE_LABEL[i.layer]}: ${i.field}: ${i.reason}`, i.severity));
  }
}

async function renderOrgStatus() {
  const st = await orgPolicyStatus.getValue();
  const text = !st
    ? ''
    : st.status === 'updated' || st.status === 'not-modified'
      ? `Organisation policy checked ${new Date(st.at).toLocaleString()}.`
      : st.status === 'disabled'
        ? ''
        : `Organisation policy could not be updated (${st.reason ?? st.status}); the last copy received is in use.`;
  $('org-status').textContent = text;
}

async function renderHistory() {
  const rows = [...(await decisionHistory.getValue())].reverse().slice(0, 100);
  const body = $('history');
  body.replaceChildren();
  if (!rows.length) {
    const tr = el('tr');
    const td = el('td', 'Nothing yet.');
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
    return;
  }
  for (const h of rows) {
    const tr = el('tr');
    tr.append(
      el('td', new Date(h.at).toLocaleString()),
      el('td', h.site),
      el('td', ACTION_LABEL[h.action]),
      el('td', h.categories.map(cat).join(', ') || '-'),
      el('td', h.outcome ? OUTCOME_LABEL[h.outcome] : '-'),
    );
    body.append(tr);
  }
}

let state: State;

async function render() {
  state = await load();
  renderSettings(state);
  renderPolicy(state);
  renderIssues(state);
  await Promise.all([renderOrgStatus(), renderHistory()]);
}

/** The form's choices as user options: only what is stricter than the policy is kept. */
function readForm(): UserOptions {
  const base = state.base.policy;
  const out: UserOptions = {};
  const mode = $<HTMLSelectElement>('mode').value as Mode;
  if (MODE_RANK[mode] > MODE_RANK[base.mode]) out.mode = mode;
  if ($<HTMLInputElement>('require-justification').checked && !base.requireJustification)
    out.requireJustification = true;
  if (!$<HTMLInputElement>('restore-answers').checked && base.restoreAnswers) out.restoreAnswers = false;
  const categories: NonNullable<UserOptions['categories']> = {};
  for (const c of CATEGORIES) {
    const input = $<HTMLInputElement>(`cat-${c}`);
    if (input.checked && base.categories[c]?.action !== 'block') categories[c] = { action: 'block' };
  }
  if (Object.keys(categories).length) out.categories = categories;
  return out;
}

$('settings').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (state.base.managed) return;
  await userOptions.setValue(readForm() as Record<string, unknown>);
  $('saved').textContent = 'Saved.';
});

$('refresh').addEventListener('click', async () => {
  const b = $<HTMLButtonElement>('refresh');
  b.disabled = true;
  await browser.runtime.sendMessage({ type: 'refresh-policy' }).catch(() => undefined);
  b.disabled = false;
  await render();
});

$('clear-history').addEventListener('click', async () => {
  await decisionHistory.setValue([]);
  await renderHistory();
});

watchPolicy(() => void render());
decisionHistory.watch(() => void renderHistory());
orgPolicyStatus.watch(() => void renderOrgStatus());
void render();
