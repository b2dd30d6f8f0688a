import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeSchemaProblems, managedSchema } from './managed-schema';
import { FIELD_NAMES } from './schema';

const FILE = resolve(import.meta.dirname, '../public/managed_schema.json');

describe('public/managed_schema.json', () => {
  // If this fails, the schema Chrome validates managed policy against no longer matches the zod schema:
  // run `npx tsx scripts/gen-managed-schema.ts`.
  it('is what the zod schema generates (no drift)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(managedSchema());
  });

  // If this fails, Chrome refuses to load the extension (an invalid managed schema is a load error).
  it("is valid in Chrome's schema dialect", () => {
    expect(chromeSchemaProblems(managedSchema())).toEqual([]);
  });

  // If this fails, policy files written for the key names stop working.
  it('declares every policy key, including the contract names', () => {
    const props = Object.keys(managedSchema().properties as object);
    expect(props).toEqual(FIELD_NAMES);
    for (const key of [
      'mode',
      'sites',
      'sanctionedSites',
      'unsanctionedAction',
      'categories',
      'customPatterns',
      'customTerms',
      'coachingMessage',
      'requireJustification',
      'failClosed',
      'reportingEndpoint',
      'enrollmentToken',
      'identityMode',
      'helpLink',
      'refreshIntervalMinutes',
      'restoreAnswers',
      'placeholderStyle',
      'schemaVersion',
    ]) {
      expect(props).toContain(key);
    }
  });

  it('masks the enrollment token on chrome://policy and lists every category', () => {
    const props = managedSchema().properties as Record<string, Record<string, unknown>>;
    expect(props.enrollmentToken.sensitiveValue).toBe(true);
    expect(Object.keys(props.categories.properties as object)).toContain('SSN');
  });

  it('the dialect check catches what Chrome rejects', () => {
    expect(chromeSchemaProblems({ type: 'object', additionalProperties: { type: 'string' } })).not.toEqual([]);
    expect(chromeSchemaProblems({ type: 'object', properties: { a: { type: 'number', minimum: 0 } } })).toEqual([
      '$.a: attribute minimum not allowed on number',
    ]);
    expect(chromeSchemaProblems({ type: 'object', properties: { a: { type: 'array' } } })).toEqual([
      '$.a: array needs items',
    ]);
    expect(chromeSchemaProblems({ type: 'object', properties: { a: { anyOf: [] } } })).toEqual([
      '$.a: needs exactly one supported type',
    ]);
  });
});
