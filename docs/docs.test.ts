import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, GECKO_ID } from '../lib/extension-id';
import { parseLayer } from '../policies/layers';
import { FIELD_NAMES } from '../policies/schema';

const DIR = resolve(import.meta.dirname);
const EXAMPLES = join(DIR, 'examples');
const read = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const json = (name: string) => JSON.parse(read(name));

/** PHI Guard's part of each example file, as the browser hands it to the extension. */
const policies: Record<string, () => unknown> = {
  'phi-guard-policy.json': () => json('phi-guard-policy.json'),
  'linux-chrome-phi-guard.json': () => json('linux-chrome-phi-guard.json')['3rdparty'].extensions[EXTENSION_ID],
  'firefox-policies.json': () => json('firefox-policies.json').policies['3rdparty'].Extensions[GECKO_ID],
  'google-admin-console.json': () =>
    Object.fromEntries(
      Object.entries(json('google-admin-console.json')).map(([k, v]) => [k, (v as { Value: unknown }).Value]),
    ),
  'org-policy-endpoint.json': () => json('org-policy-endpoint.json').policy,
};

// If these fail, an admin who copies our examples deploys a policy that PHI Guard (partly) ignores.
describe('docs/examples', () => {
  it.each(Object.keys(policies))('%s is a valid policy with no issues', (name) => {
    const { values, issues } = parseLayer(policies[name](), name === 'org-policy-endpoint.json' ? 'org' : 'managed');
    expect(issues).toEqual([]);
    expect(Object.keys(values).length).toBeGreaterThan(5);
  });

  it('every example file is covered above or is a registry/PowerShell file naming the extension id', () => {
    for (const f of readdirSync(EXAMPLES)) {
      if (f.endsWith('.json')) expect(Object.keys(policies)).toContain(f);
      else expect(read(f)).toContain(EXTENSION_ID);
    }
  });

  it('the .reg files set each key of the example policy, under the 3rdparty policy key', () => {
    for (const [f, vendor] of [
      ['windows-chrome.reg', 'Google\\Chrome'],
      ['windows-edge.reg', 'Microsoft\\Edge'],
    ]) {
      const text = read(f);
      expect(text).toContain(
        `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy]`,
      );
      for (const key of Object.keys(json('phi-guard-policy.json'))) expect(text).toContain(`"${key}"=`);
    }
  });
});

describe('docs/policy-reference.md', () => {
  // If this fails, a policy key exists that admins cannot find documented.
  it('documents every policy key', () => {
    const text = readFileSync(join(DIR, 'policy-reference.md'), 'utf8');
    for (const key of FIELD_NAMES) expect(text, key).toContain(`| \`${key}\` |`);
  });
});
