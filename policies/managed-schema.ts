/**
 * public/managed_schema.json, generated from the zod schema (policies/schema.ts) so the two cannot drift:
 * `npx tsx scripts/gen-managed-schema.ts` writes it, and managed-schema.test.ts fails when the file differs
 * from what this module generates.
 *
 * Chrome's managed-storage schema is a JSON Schema dialect with a short list of attributes per type
 * (components/policy/core/common/schema.cc): no anyOf, no minLength or maxItems, minimum/maximum on integers
 * only, additionalProperties only as a schema. A schema Chrome rejects stops the extension from loading, so
 * `chromeSchemaProblems` re-checks the output against those rules. The Chrome schema is the coarse first
 * filter (types and enums); the zod schema stays the real validator, field by field, in every browser.
 */
import { z } from 'zod';
import { FIELD_NAMES, FIELDS, fieldSchema, POLICY_SCHEMA_VERSION } from './schema';

type Json = Record<string, unknown>;

/** Attributes Chrome accepts, per type. */
const ALLOWED: Record<string, readonly string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: [
    'additionalProperties',
    'description',
    'id',
    'patternProperties',
    'properties',
    'required',
    'sensitiveValue',
    'title',
    'type',
  ],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

const INT32 = 2 ** 31;

/** One JSON Schema node (from zod's draft-7 output) in Chrome's dialect. */
function toChrome(node: Json, path: string): Json {
  if (node.anyOf || node.oneOf || node.allOf) throw new Error(`${path}: unions cannot be expressed for Chrome`);
  let type = node.type;
  if (type === undefined && Array.isArray(node.enum)) type = typeof node.enum[0] === 'number' ? 'integer' : 'string';
  if (type === undefined && node.const !== undefined) type = typeof node.const === 'boolean' ? 'boolean' : 'string';
  if (typeof type !== 'string' || !(type in ALLOWED)) throw new Error(`${path}: type ${String(type)} not supported`);
  const out: Json = { type };
  if (typeof node.title === 'string') out.title = node.title;
  if (typeof node.description === 'string') out.description = node.description;
  if (node.sensitiveValue === true) out.sensitiveValue = true;
  if (type === 'string' || type === 'integer') {
    if (Array.isArray(node.enum)) out.enum = node.enum;
    else if (node.const !== undefined) out.enum = [node.const];
  }
  if (type === 'integer' && out.enum === undefined) {
    // Chrome reads bounds as int32; zod's safe-integer defaults are not bounds anyone set.
    if (typeof node.minimum === 'number' && Math.abs(node.minimum) < INT32) out.minimum = node.minimum;
    if (typeof node.maximum === 'number' && Math.abs(node.maximum) < INT32) out.maximum = node.maximum;
  }
  if (type === 'array') out.items = toChrome((node.items ?? {}) as Json, `${path}[]`);
  if (type === 'object') {
    const props: Json = {};
    for (const [k, v] of Object.entries((node.properties ?? {}) as Json))
      props[k] = toChrome(v as Json, `${path}.${k}`);
    const names = (node.propertyNames ?? {}) as Json;
    const extra = node.additionalProperties;
    if (Array.isArray(names.enum) && typeof extra === 'object' && extra !== null) {
      // A record keyed by an enum (categories): list the keys, so chrome://policy and admin tools show them.
      for (const k of names.enum as string[]) props[k] = toChrome(extra as Json, `${path}.${k}`);
    } else if (typeof extra === 'object' && extra !== null) {
      out.additionalProperties = toChrome(extra as Json, `${path}.*`);
    }
    if (Object.keys(props).length) out.properties = props;
  }
  return out;
}

/** The managed-storage schema for Chrome and Edge, one property per policy key. */
export function managedSchema(): Json {
  const properties: Json = {};
  for (const name of FIELD_NAMES) {
    const json = z.toJSONSchema(fieldSchema(FIELDS[name]), { io: 'input', target: 'draft-7' }) as Json;
    properties[name] = toChrome(json, name);
  }
  return {
    type: 'object',
    title: 'PHI Guard',
    description: `PHI Guard policy, schema version ${POLICY_SCHEMA_VERSION}. Generated from policies/schema.ts; do not edit.`,
    properties,
  };
}

/** The file's text, as written to public/managed_schema.json. */
export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}

/**
 * Problems Chrome would have with a schema (empty when it would load): Chrome's IsValidSchema rules as far as
 * they concern us, plus its top-level rules for managed storage.
 */
export function chromeSchemaProblems(schema: Json): string[] {
  const problems: string[] = [];
  if (schema.type !== 'object') problems.push('top level must be type object');
  if ('additionalProperties' in schema || 'patternProperties' in schema) {
    problems.push('top level may not have additionalProperties or patternProperties');
  }
  const visit = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push(`${path}: a schema must be an object`);
      return;
    }
    const n = node as Json;
    if (typeof n.$ref === 'string') return;
    const type = n.type;
    if (typeof type !== 'string' || !(type in ALLOWED)) {
      problems.push(`${path}: needs exactly one supported type`);
      return;
    }
    for (const k of Object.keys(n)) {
      if (!ALLOWED[type].includes(k)) problems.push(`${path}: attribute ${k} not allowed on ${type}`);
    }
    if ('enum' in n) {
      const e = n.enum;
      const itemType = type === 'integer' ? 'number' : 'string';
      if (!Array.isArray(e) || !e.length || e.some((x) => typeof x !== itemType)) {
        problems.push(`${path}: enum must be a non-empty list of ${type}s`);
      }
    }
    if (type === 'integer' && typeof n.minimum === 'number' && typeof n.maximum === 'number' && n.minimum > n.maximum) {
      problems.push(`${path}: minimum above maximum`);
    }
    if (type === 'array') {
      if (!('items' in n)) problems.push(`${path}: array needs items`);
      else visit(n.items, `${path}[]`);
    }
    if (type === 'object') {
      for (const [k, v] of Object.entries((n.properties ?? {}) as Json)) visit(v, `${path}.${k}`);
      for (const [k, v] of Object.entries((n.patternProperties ?? {}) as Json)) visit(v, `${path}/${k}/`);
      if ('additionalProperties' in n) visit(n.additionalProperties, `${path}.*`);
      if (Array.isArray(n.required)) {
        for (const r of n.required) {
          if (typeof r !== 'string' || !(r in ((n.properties ?? {}) as Json))) problems.push(`${path}: bad required`);
        }
      }
    }
  };
  visit(schema, '$');
  return problems;
}
