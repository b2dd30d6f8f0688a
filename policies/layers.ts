/**
 * Policy layers, lowest first: built-in defaults, the organisation's policy (admin endpoint), managed storage
 * (enterprise browser policy); then the user's options, which may only tighten. Pure functions: the content
 * script, the service worker, the popup and the options page all call `resolvePolicy` on the same inputs.
 *
 * Each field is validated on its own (lists and maps entry by entry). An invalid field falls back to the layer
 * below and is reported as an issue naming the layer, the field and the reason, never the value. Nothing a
 * layer says can make resolution throw: the worst a broken policy does is leave the defaults in place, and
 * the defaults protect.
 */
import type { z } from 'zod';
import type { Category } from '../detectors/types';
import { compilePattern } from './custom';
import {
  type CustomPattern,
  DEFAULT_POLICY,
  FIELD_NAMES,
  FIELDS,
  type FieldName,
  type FieldSpec,
  MANAGED_ONLY,
  MODE_RANK,
  type Mode,
  POLICY_SCHEMA_VERSION,
  type Policy,
  type PolicyLayer,
  type UserOptions,
  UserOptionsSchema,
} from './schema';

export type LayerName = 'default' | 'org' | 'managed' | 'user';

export interface PolicyIssue {
  layer: LayerName;
  /** Field path: `mode`, `categories.SSN`, `customPatterns[2]`. Never a value. */
  field: string;
  reason: string;
  /** error: the setting was ignored; warning: noted (an unknown key, a newer schema). */
  severity: 'error' | 'warning';
}

export interface ParsedLayer {
  values: PolicyLayer;
  issues: PolicyIssue[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A zod failure as one short sentence: paths and messages, no input values. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Extra checks beyond the entry schema (custom patterns must compile under the limits). */
function checkEntry(field: FieldName, entry: unknown): string | undefined {
  if (field !== 'customPatterns') return undefined;
  const c = compilePattern(entry as CustomPattern);
  return c.ok ? undefined : c.reason;
}

function parseField(
  layer: LayerName,
  field: FieldName,
  spec: FieldSpec,
  raw: unknown,
  issues: PolicyIssue[],
): { ok: true; value: unknown } | { ok: false } {
  const fail = (path: string, reason: string) => issues.push({ layer, field: path, reason, severity: 'error' });
  if (spec.kind === 'value') {
    const r = spec.schema.safeParse(raw);
    if (r.success) return { ok: true, value: r.data };
    fail(field, describe(r.error));
    return { ok: false };
  }
  if (spec.kind === 'list') {
    if (!Array.isArray(raw)) {
      fail(field, 'must be a list');
      return { ok: false };
    }
    if (raw.length > spec.max) {
      fail(field, `more than ${spec.max} entries`);
      return { ok: false };
    }
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (const [i, entry] of raw.entries()) {
      const r = spec.item.safeParse(entry);
      const problem = r.success ? checkEntry(field, r.data) : describe(r.error);
      if (problem) {
        fail(`${field}[${i}]`, problem);
        continue;
      }
      const key = JSON.stringify(r.data);
      if (!seen.has(key)) out.push(r.data);
      seen.add(key);
    }
    return { ok: true, value: out };
  }
  if (!isPlainObject(raw)) {
    fail(field, 'must be an object');
    return { ok: false };
  }
  const entries = Object.entries(raw);
  if (entries.length > spec.max) {
    fail(field, `more than ${spec.max} entries`);
    return { ok: false };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const key = spec.key.safeParse(k);
    if (!key.success) {
      // An invalid key is not echoed: it is whatever the admin typed (valid ones are host names or categories).
      fail(`${field}.<invalid-key>`, describe(key.error));
      continue;
    }
    const r = spec.value.safeParse(v);
    if (!r.success) {
      fail(`${field}.${key.data}`, describe(r.error));
      continue;
    }
    out[key.data] = r.data;
  }
  return { ok: true, value: out };
}

/** Validates one layer field by field; whatever is wrong is reported and left out. */
export function parseLayer(raw: unknown, layer: LayerName): ParsedLayer {
  const issues: PolicyIssue[] = [];
  const values: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return { values, issues };
  if (!isPlainObject(raw)) {
    issues.push({ layer, field: '*', reason: 'the policy is not a JSON object', severity: 'error' });
    return { values, issues };
  }
  for (const [key, v] of Object.entries(raw)) {
    if (!(key in FIELDS)) {
      // A misspelt key name helps the admin; anything that is not a plain word is not echoed.
      const name = /^[A-Za-z]{1,40}$/.test(key) ? key : '<unknown-key>';
      issues.push({ layer, field: name, reason: 'unknown setting, ignored', severity: 'warning' });
      continue;
    }
    const field = key as FieldName;
    if (layer !== 'managed' && layer !== 'default' && MANAGED_ONLY.has(field)) {
      issues.push({ layer, field, reason: 'can only be set by managed browser policy', severity: 'error' });
      continue;
    }
    const r = parseField(layer, field, FIELDS[field], v, issues);
    if (r.ok) values[field] = r.value;
  }
  const version = values.schemaVersion as number | undefined;
  if (version !== undefined && version > POLICY_SCHEMA_VERSION) {
    issues.push({
      layer,
      field: 'schemaVersion',
      reason: `written for schema ${version}; this extension knows ${POLICY_SCHEMA_VERSION}, so newer settings are ignored`,
      severity: 'warning',
    });
  }
  return { values: values as PolicyLayer, issues };
}

export type Sources = Record<FieldName, LayerName>;

/** Puts `layer` over `base`: fields replace, except categories (per category, per setting) and sites (per host). */
function overlay(base: Policy, layer: PolicyLayer, name: LayerName, sources: Sources): Policy {
  const out: Policy = { ...base };
  const target = out as unknown as Record<string, unknown>;
  for (const field of FIELD_NAMES) {
    const v = layer[field];
    if (v === undefined) continue;
    sources[field] = name;
    if (field === 'categories') {
      const merged = { ...out.categories };
      for (const [cat, setting] of Object.entries(v as Policy['categories']) as [Category, object][]) {
        merged[cat] = { ...merged[cat], ...setting };
      }
      out.categories = merged;
    } else if (field === 'sites') {
      out.sites = { ...out.sites, ...(v as Policy['sites']) };
    } else {
      target[field] = v;
    }
  }
  return out;
}

const stricter = (a: Mode, b: Mode | undefined): Mode => (b !== undefined && MODE_RANK[b] > MODE_RANK[a] ? b : a);

/**
 * Applies the user's options, which can only make the policy stricter: a higher mode (everywhere, site
 * overrides included), Send anyway needing a reason, categories switched on, categories that always block,
 * restored answers switched off.
 * Anything that would loosen is ignored.
 */
export function tighten(policy: Policy, user: UserOptions, sources: Sources): Policy {
  const out: Policy = { ...policy };
  const mode = stricter(policy.mode, user.mode);
  if (mode !== policy.mode) {
    out.mode = mode;
    sources.mode = 'user';
  }
  if (user.mode !== undefined) {
    const sites: Policy['sites'] = {};
    for (const [host, o] of Object.entries(policy.sites)) sites[host] = { ...o, mode: stricter(o.mode, user.mode) };
    out.sites = sites;
  }
  if (user.requireJustification === true && !policy.requireJustification) {
    out.requireJustification = true;
    sources.requireJustification = 'user';
  }
  if (user.restoreAnswers === false && policy.restoreAnswers) {
    out.restoreAnswers = false;
    sources.restoreAnswers = 'user';
  }
  if (user.categories) {
    const cats = { ...policy.categories };
    type UserCategory = NonNullable<NonNullable<UserOptions['categories']>[Category]>;
    for (const [cat, u] of Object.entries(user.categories) as [Category, UserCategory][]) {
      const cur = { ...cats[cat] };
      let changed = false;
      if (u.enabled === true && cur.enabled === false) {
        cur.enabled = true;
        changed = true;
      }
      if (u.action === 'block' && cur.action !== 'block') {
        cur.action = 'block';
        changed = true;
      }
      if (changed) {
        cats[cat] = cur;
        sources.categories = 'user';
      }
    }
    out.categories = cats;
  }
  return out;
}

/** Validates the user's options per field; a bad one is dropped and reported. */
export function parseUserOptions(raw: unknown): { options: UserOptions; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  const options: Record<string, unknown> = {};
  if (!isPlainObject(raw)) return { options, issues };
  const shape = UserOptionsSchema.shape;
  for (const [key, v] of Object.entries(raw)) {
    const schema = shape[key as keyof typeof shape];
    if (!schema) continue;
    if (key === 'categories' && isPlainObject(v)) {
      // Per category, like the policy layers: one stale entry does not drop the others.
      const cats: Record<string, unknown> = {};
      for (const [cat, setting] of Object.entries(v)) {
        const r = schema.safeParse({ [cat]: setting });
        if (r.success && r.data) Object.assign(cats, r.data);
        else issues.push({ layer: 'user', field: 'categories.<entry>', reason: 'invalid', severity: 'error' });
      }
      options.categories = cats;
      continue;
    }
    const r = schema.safeParse(v);
    if (r.success) options[key] = r.data;
    else issues.push({ layer: 'user', field: key, reason: describe(r.error), severity: 'error' });
  }
  return { options: options as UserOptions, issues };
}

export interface PolicyInputs {
  /** The organisation's policy as fetched (the cached body), if any. */
  org?: unknown;
  /** chrome.storage.managed contents ({} when unmanaged). */
  managed?: unknown;
  /** The user's saved options. */
  user?: unknown;
}

export interface ResolvedPolicy {
  policy: Policy;
  /** Which layer each field came from. */
  sources: Sources;
  issues: PolicyIssue[];
  /** Managed storage set at least one valid field: the organisation manages this browser. */
  managed: boolean;
  /** The organisation's endpoint policy contributed. */
  org: boolean;
}

/** defaults < org < managed, then the user's tightening. Never throws; on an internal error the defaults stand. */
export function resolvePolicy(inputs: PolicyInputs): ResolvedPolicy {
  const sources = Object.fromEntries(FIELD_NAMES.map((f) => [f, 'default'])) as Sources;
  try {
    const org = parseLayer(inputs.org, 'org');
    const managed = parseLayer(inputs.managed, 'managed');
    const user = parseUserOptions(inputs.user);
    let policy = overlay(DEFAULT_POLICY, org.values, 'org', sources);
    policy = overlay(policy, managed.values, 'managed', sources);
    policy = tighten(policy, user.options, sources);
    return {
      policy,
      sources,
      issues: [...org.issues, ...managed.issues, ...user.issues],
      managed: Object.keys(managed.values).length > 0,
      org: Object.keys(org.values).length > 0,
    };
  } catch {
    const fresh = Object.fromEntries(FIELD_NAMES.map((f) => [f, 'default'])) as Sources;
    return {
      policy: DEFAULT_POLICY,
      sources: fresh,
      issues: [
        { layer: 'default', field: '*', reason: 'the policy could not be read; defaults apply', severity: 'error' },
      ],
      managed: false,
      org: false,
    };
  }
}
