/**
 * The dashboard page: sign-in, overview charts, recent events, exports, the policy editor and settings.
 * Plain DOM: every value is written with textContent, never as HTML, and the page loads nothing but its own
 * script and stylesheet (CSP script-src 'self').
 */
import { CATEGORIES } from '../../detectors/types';
import { EVENT_ACTIONS } from '../../events/schema';
import { validateOrgPolicy } from '../policy/validate';
import type { Overview as StoreOverview } from '../store/events';
import { hbars, type Stack, stackedBars } from './charts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let csrf = '';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(`/api/admin${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (res.status === 401 && path !== '/login') showSignIn();
  if (!res.ok) throw new HttpError(res.status, data);
  return data as T;
}

function cell(tr: HTMLTableRowElement, text: string | number | null | undefined, cls?: string): HTMLTableCellElement {
  const td = tr.insertCell();
  if (cls) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text === null || text === undefined ? '' : String(text);
    td.append(span);
  } else td.textContent = text === null || text === undefined ? '' : String(text);
  return td;
}

function tbody(id: string): HTMLTableSectionElement {
  const b = $<HTMLTableElement>(id).tBodies[0] as HTMLTableSectionElement;
  b.replaceChildren();
  return b;
}

function option(select: HTMLSelectElement, value: string, label = value): void {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  select.append(o);
}

function status(text: string): void {
  $('status').textContent = text;
}

// ---- sign-in ------------------------------------------------------------------------------------------------

function showSignIn(): void {
  $('app').hidden = true;
  $('tabs').hidden = true;
  $('signin').hidden = false;
}

async function showApp(): Promise<void> {
  $('signin').hidden = true;
  $('app').hidden = false;
  $('tabs').hidden = false;
  await refresh();
}

$('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = $<HTMLInputElement>('admin-token');
  try {
    const r = await api<{ csrfToken: string }>('POST', '/login', { token: input.value.trim() });
    csrf = r.csrfToken;
    input.value = '';
    $('signin-error').textContent = '';
    await showApp();
  } catch (err) {
    $('signin-error').textContent =
      err instanceof HttpError && err.status === 429
        ? 'Too many attempts; wait a minute.'
        : 'That token was not accepted.';
  }
});

$('logout').addEventListener('click', async () => {
  await api('POST', '/logout').catch(() => {});
  csrf = '';
  showSignIn();
});

// ---- filters ------------------------------------------------------------------------------------------------

const DAY = 86_400_000;

function filterParams(): URLSearchParams {
  const p = new URLSearchParams();
  const range = $<HTMLSelectElement>('f-range').value;
  if (range === 'custom') {
    const from = $<HTMLInputElement>('f-from').value;
    const to = $<HTMLInputElement>('f-to').value;
    if (from) p.set('from', new Date(`${from}T00:00:00Z`).toISOString());
    if (to) p.set('to', new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString());
  } else {
    const now = Date.now();
    p.set('from', new Date(now - Number(range) * DAY).toISOString());
    p.set('to', new Date(now + 60_000).toISOString());
  }
  for (const k of ['site', 'category', 'action']) {
    const v = $<HTMLSelectElement>(`f-${k}`).value;
    if (v) p.set(k, v);
  }
  return p;
}

function updateExportLinks(p: URLSearchParams): void {
  $<HTMLAnchorElement>('export-csv').href = `/api/admin/export.csv?${p}`;
  $<HTMLAnchorElement>('export-jsonl').href = `/api/admin/export.jsonl?${p}`;
}

for (const c of CATEGORIES) option($<HTMLSelectElement>('f-category'), c);
for (const a of EVENT_ACTIONS) option($<HTMLSelectElement>('f-action'), a);
const customShown = () => {
  const custom = $<HTMLSelectElement>('f-range').value === 'custom';
  for (const e of document.querySelectorAll<HTMLElement>('.filters .custom')) e.hidden = !custom;
};
customShown();
$('filters').addEventListener('change', () => {
  customShown();
  void refresh();
});
$('filters').addEventListener('submit', (ev) => ev.preventDefault());

// ---- overview -----------------------------------------------------------------------------------------------

/** What GET /admin/overview returns: the store's overview plus the sanctioned sites of the policy in force. */
type Overview = StoreOverview & { sanctionedSites: string[] };

const knownSites = new Set<string>();

function renderOverview(o: Overview): void {
  $('kpi-events').textContent = o.totals.events.toLocaleString('en');
  $('kpi-users').textContent = o.totals.users.toLocaleString('en');
  const held = (o.actions.held ?? 0) + (o.actions.blocked ?? 0) + (o.actions.warned ?? 0);
  $('kpi-held').textContent = held.toLocaleString('en');
  $('kpi-send-anyway').textContent = o.sendAnywayRate === null ? '–' : `${(o.sendAnywayRate * 100).toFixed(1)} %`;

  const byBucket = new Map<string, Map<string, number>>();
  for (const t of o.timeline) {
    const m = byBucket.get(t.bucket) ?? new Map<string, number>();
    m.set(t.action, t.count);
    byBucket.set(t.bucket, m);
  }
  const present = EVENT_ACTIONS.filter((a) => o.timeline.some((t) => t.action === a));
  const stacks: Stack[] = [...byBucket].map(([bucket, m]) => ({
    bucket,
    parts: present.map((a) => ({ key: a, value: m.get(a) ?? 0 })),
  }));
  const label = (b: string) => (o.range.bucket === 'hour' ? b.slice(11, 16) : b.slice(5, 10));
  stackedBars($('chart-timeline') as unknown as SVGSVGElement, stacks, label);
  const legend = $('legend-timeline');
  legend.replaceChildren();
  for (const a of present) {
    const s = document.createElement('span');
    s.className = `a-${a}`;
    s.textContent = a;
    legend.append(s);
  }

  hbars(
    $('chart-categories') as unknown as SVGSVGElement,
    o.categories.map((c) => ({ label: c.category, value: c.count })),
  );
  hbars(
    $('chart-sites') as unknown as SVGSVGElement,
    o.sites.map((s) => ({ label: s.site, value: s.events })),
  );
  hbars(
    $('chart-justifications') as unknown as SVGSVGElement,
    o.justifications.map((j) => ({ label: j.justification, value: j.count, cls: 'a-sent_anyway' })),
  );

  const sanctioned = new Set(o.sanctionedSites);
  const tools = tbody('tools');
  for (const s of o.sites) {
    const tr = tools.insertRow();
    cell(tr, s.site);
    // The current policy is authoritative; without it, a site the extension reported visits to as unsanctioned is.
    const status = sanctioned.has(s.site)
      ? 'sanctioned'
      : s.unsanctionedVisits > 0 || sanctioned.size > 0
        ? 'unsanctioned'
        : 'not listed';
    cell(tr, status, status === 'unsanctioned' ? 'pill bad' : status === 'sanctioned' ? 'pill ok' : 'pill warn');
    cell(tr, s.users || s.installs);
    cell(tr, s.events);
  }
  const cov = tbody('coverage');
  for (const s of o.sites.filter((x) => x.unsanctionedVisits < x.events)) {
    const tr = cov.insertRow();
    cell(tr, s.site);
    cell(tr, s.lastWorking ?? 'never in this range');
    cell(tr, s.coverageLost);
    cell(tr, s.lastCoverageLost ?? '');
    const lost = s.lastCoverageLost && (!s.lastWorking || s.lastCoverageLost > s.lastWorking);
    cell(
      tr,
      lost ? 'prompt box lost' : s.coverageLost ? 'recovered' : 'ok',
      lost ? 'pill bad' : s.coverageLost ? 'pill warn' : 'pill ok',
    );
  }

  const siteSelect = $<HTMLSelectElement>('f-site');
  for (const s of o.sites) {
    if (knownSites.has(s.site)) continue;
    knownSites.add(s.site);
    option(siteSelect, s.site);
  }
}

interface StoredEvent {
  time: string;
  site: string | null;
  action: string;
  categories: Record<string, number>;
  detectors: string[];
  confidence: string;
  justification?: string;
  user: { mode: string; id?: string; email?: string };
  browser: string;
}

function renderEvents(events: StoredEvent[]): void {
  const b = tbody('events');
  for (const e of events) {
    const tr = b.insertRow();
    cell(tr, e.time.replace('T', ' ').replace('Z', ''));
    cell(tr, e.site ?? '');
    cell(tr, e.action, `pill a-${e.action}`);
    cell(
      tr,
      Object.entries(e.categories)
        .map(([k, n]) => `${k}×${n}`)
        .join(', '),
    );
    cell(tr, e.detectors.join(', '));
    cell(tr, e.confidence);
    cell(tr, e.justification ?? '');
    cell(tr, e.user.mode === 'pseudonymous' ? `${e.user.id?.slice(0, 10)}…` : (e.user.email ?? ''));
    cell(tr, e.browser);
  }
}

let generation = 0;

async function refresh(): Promise<void> {
  const p = filterParams();
  updateExportLinks(p);
  const mine = ++generation;
  status('Loading…');
  try {
    const [o, ev] = await Promise.all([
      api<Overview>('GET', `/overview?${p}`),
      api<{ events: StoredEvent[] }>('GET', `/events?${p}&limit=100`),
    ]);
    if (mine !== generation) return;
    renderOverview(o);
    renderEvents(ev.events);
    document.body.dataset.loaded = String(mine);
    status(`Updated ${new Date().toLocaleTimeString('en-GB')}`);
  } catch (err) {
    if (mine === generation) status(err instanceof HttpError && err.status === 401 ? '' : 'Could not load the data.');
  }
}

// ---- tabs ---------------------------------------------------------------------------------------------------

for (const b of document.querySelectorAll<HTMLButtonElement>('#tabs [data-tab]')) {
  b.addEventListener('click', () => {
    for (const o of document.querySelectorAll<HTMLButtonElement>('#tabs [data-tab]')) o.removeAttribute('aria-current');
    b.setAttribute('aria-current', 'page');
    for (const t of document.querySelectorAll<HTMLElement>('.tab')) t.hidden = t.id !== `tab-${b.dataset.tab}`;
    if (b.dataset.tab === 'policy') void loadPolicy();
    if (b.dataset.tab === 'settings') void loadSettings();
  });
}

// ---- policy editor ------------------------------------------------------------------------------------------

interface PolicyVersion {
  version: number;
  body?: unknown;
  comment: string | null;
  createdAt: string;
  restoredFrom: number | null;
}

const editor = $<HTMLTextAreaElement>('policy-json');

/** Live validation with the same function the server runs before it saves. */
function checkEditor(): boolean {
  const list = $('policy-issues');
  list.replaceChildren();
  const add = (text: string, cls: string) => {
    const li = document.createElement('li');
    li.className = cls;
    li.textContent = text;
    list.append(li);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(editor.value);
  } catch {
    editor.classList.add('invalid');
    add('Not valid JSON.', 'error');
    return false;
  }
  const r = validateOrgPolicy(parsed);
  editor.classList.toggle('invalid', !r.ok);
  for (const i of r.issues) add(`${i.field}: ${i.reason}`, i.severity);
  if (r.ok) add('Valid policy.', 'ok');
  $<HTMLButtonElement>('policy-save').disabled = !r.ok;
  return r.ok;
}
editor.addEventListener('input', checkEditor);

async function loadPolicy(): Promise<void> {
  const r = await api<{ current: PolicyVersion | null; history: PolicyVersion[] }>('GET', '/policy');
  editor.value = JSON.stringify(r.current?.body ?? { mode: 'warn' }, null, 2);
  checkEditor();
  const b = tbody('policy-history');
  for (const v of r.history) {
    const tr = b.insertRow();
    cell(tr, v.version === r.current?.version ? `${v.version} (current)` : v.version);
    cell(tr, v.createdAt.slice(0, 16).replace('T', ' '));
    cell(tr, v.comment ?? '');
    const td = tr.insertCell();
    const view = document.createElement('button');
    view.type = 'button';
    view.textContent = 'Load';
    view.addEventListener('click', async () => {
      const p = await api<PolicyVersion>('GET', `/policy/${v.version}`);
      editor.value = JSON.stringify(p.body, null, 2);
      checkEditor();
    });
    td.append(view);
    if (v.version !== r.current?.version) {
      const rb = document.createElement('button');
      rb.type = 'button';
      rb.textContent = 'Roll back to this';
      rb.addEventListener('click', async () => {
        await api('POST', '/policy/rollback', { version: v.version });
        await loadPolicy();
      });
      td.append(' ', rb);
    }
  }
}

$('policy-save').addEventListener('click', async () => {
  if (!checkEditor()) return;
  try {
    await api('PUT', '/policy', {
      policy: JSON.parse(editor.value),
      comment: $<HTMLInputElement>('policy-comment').value || undefined,
    });
    $<HTMLInputElement>('policy-comment').value = '';
    await loadPolicy();
  } catch {
    status('The policy was not saved.');
  }
});

// ---- settings -----------------------------------------------------------------------------------------------

async function loadSettings(): Promise<void> {
  const s = await api<{ retentionDays: number; forwarders: Record<string, unknown>[] }>('GET', '/settings');
  $<HTMLInputElement>('retention-days').value = String(s.retentionDays);
  const f = tbody('forwarders');
  for (const r of s.forwarders) {
    const tr = f.insertRow();
    for (const k of ['name', 'forwarded', 'last_success_at', 'last_error']) cell(tr, r[k] as string);
  }
  const t = await api<{ tokens: { id: number; label: string; createdAt: string; revokedAt: string | null }[] }>(
    'GET',
    '/enrollment-tokens',
  );
  const b = tbody('tokens');
  for (const tok of t.tokens) {
    const tr = b.insertRow();
    cell(tr, tok.id);
    cell(tr, tok.label);
    cell(tr, tok.createdAt.slice(0, 16).replace('T', ' '));
    cell(tr, tok.revokedAt?.slice(0, 16).replace('T', ' ') ?? '');
    const td = tr.insertCell();
    if (!tok.revokedAt) {
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = 'Revoke';
      btn.addEventListener('click', async () => {
        await api('DELETE', `/enrollment-tokens/${tok.id}`);
        await loadSettings();
      });
      td.append(btn);
    }
  }
}

$('retention-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  await api('PUT', '/settings', { retentionDays: Number($<HTMLInputElement>('retention-days').value) });
  await loadSettings();
});

$('token-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const r = await api<{ token: string }>('POST', '/enrollment-tokens', {
    label: $<HTMLInputElement>('token-label').value,
  });
  $('token-new').textContent = `New token (copy it now, it is not shown again): ${r.token}`;
  $<HTMLInputElement>('token-label').value = '';
  await loadSettings();
});

// ---- start --------------------------------------------------------------------------------------------------

api<{ csrfToken: string }>('GET', '/session')
  .then(async (s) => {
    csrf = s.csrfToken;
    await showApp();
  })
  .catch(() => showSignIn());
