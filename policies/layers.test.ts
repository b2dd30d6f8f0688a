import { describe, expect, it } from 'vitest';
import { parseLayer, parseUserOptions, resolvePolicy } from './layers';
import { DEFAULT_POLICY, FIELD_NAMES, PolicySchema } from './schema';

const SECRET = 'ZZ-SECRET-VALUE-900-12-3456';

describe('DEFAULT_POLICY', () => {
  // If this fails, the built-in layer is itself invalid and every fallback lands on broken settings.
  it('is valid under the schema and sets every field that has a default', () => {
    expect(PolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
    const optional = ['sanctionedToolUrl', 'helpLink', 'reportingEndpoint', 'enrollmentToken'];
    for (const f of FIELD_NAMES) if (!optional.includes(f)) expect(DEFAULT_POLICY[f]).toBeDefined();
  });
});

describe('parseLayer', () => {
  // If this fails, one bad field throws the whole policy away (or a bad field slips through).
  it('validates each field on its own', () => {
    const { values, issues } = parseLayer(
      { mode: 'block', failClosed: 'yes', coachingMessage: 'Use the approved tool.', refreshIntervalMinutes: 1 },
      'managed',
    );
    expect(values).toEqual({ mode: 'block', coachingMessage: 'Use the approved tool.' });
    expect(issues.map((i) => [i.layer, i.field, i.severity])).toEqual([
      ['managed', 'failClosed', 'error'],
      ['managed', 'refreshIntervalMinutes', 'error'],
    ]);
  });

  it('validates lists and maps entry by entry', () => {
    const { values, issues } = parseLayer(
      {
        sanctionedSites: ['chatgpt.com', 'https://claude.ai/', 'Copilot.Microsoft.com', 'chatgpt.com'],
        categories: { SSN: { minConfidence: 0.9 }, NAME: { action: 'explode' }, BOGUS: { enabled: false } },
        sites: { 'claude.ai': { mode: 'block' }, 'bad host': { mode: 'off' } },
      },
      'org',
    );
    expect(values.sanctionedSites).toEqual(['chatgpt.com', 'copilot.microsoft.com']);
    expect(values.categories).toEqual({ SSN: { minConfidence: 0.9 } });
    expect(values.sites).toEqual({ 'claude.ai': { mode: 'block' } });
    expect(issues.map((i) => i.field).sort()).toEqual(
      ['categories.<invalid-key>', 'categories.NAME', 'sanctionedSites[1]', 'sites.<invalid-key>'].sort(),
    );
  });

  // If this fails, an admin's catastrophic regex reaches every browser, or one bad pattern drops all of them.
  it('drops custom patterns that are not RE2 or too complex, keeping the rest', () => {
    const { values, issues } = parseLayer(
      {
        customPatterns: [
          { id: 'seh-mrn', pattern: 'SEH-?\\d{7}' },
          { id: 'backref', pattern: '(a)\\1' },
          { id: 'lookahead', pattern: 'a(?=b)' },
          { id: 'huge', pattern: '[a-z]{999}[0-9]{999}' },
          { id: 'empty', pattern: 'x*' },
          { id: 'Bad Id', pattern: 'abc' },
        ],
      },
      'managed',
    );
    expect(values.customPatterns?.map((p) => p.id)).toEqual(['seh-mrn']);
    expect(issues.map((i) => i.field)).toEqual([
      'customPatterns[1]',
      'customPatterns[2]',
      'customPatterns[3]',
      'customPatterns[4]',
      'customPatterns[5]',
    ]);
  });

  // If this fails, policy errors shown in the options page or sent as events can carry the admin's values.
  it('reports field names and reasons, never the values', () => {
    const { issues } = parseLayer(
      {
        mode: SECRET,
        customPatterns: [{ id: 'x', pattern: `(${SECRET}` }],
        customTerms: [{ term: SECRET, match: SECRET }],
        sanctionedSites: [SECRET],
        enrollmentToken: 12,
        [SECRET]: 1,
      },
      'managed',
    );
    expect(issues.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(issues);
    expect(text).not.toContain('900-12');
    expect(text).not.toContain('SECRET-VALUE');
  });

  it('ignores unknown keys with a warning and notes a newer schema version', () => {
    const { values, issues } = parseLayer({ mdoe: 'off', schemaVersion: 7 }, 'managed');
    expect(values).toEqual({ schemaVersion: 7 });
    expect(issues.map((i) => [i.field, i.severity])).toEqual([
      ['mdoe', 'warning'],
      ['schemaVersion', 'warning'],
    ]);
  });

  // If this fails, a compromised or misconfigured admin endpoint could point reporting (and itself) elsewhere.
  it('takes the reporting endpoint and token from managed storage only', () => {
    const org = parseLayer({ reportingEndpoint: 'https://evil.example', enrollmentToken: 'abcdefgh12' }, 'org');
    expect(org.values).toEqual({});
    expect(org.issues.map((i) => i.field)).toEqual(['reportingEndpoint', 'enrollmentToken']);
    const managed = parseLayer(
      { reportingEndpoint: 'https://phi.example.org', enrollmentToken: 'abcdefgh12' },
      'managed',
    );
    expect(managed.values).toEqual({ reportingEndpoint: 'https://phi.example.org', enrollmentToken: 'abcdefgh12' });
  });

  it('accepts http only for a local admin server', () => {
    expect(parseLayer({ reportingEndpoint: 'http://127.0.0.1:8080' }, 'managed').values.reportingEndpoint).toBe(
      'http://127.0.0.1:8080',
    );
    expect(parseLayer({ reportingEndpoint: 'http://phi.example.org' }, 'managed').values).toEqual({});
    expect(parseLayer({ helpLink: 'javascript:alert(1)' }, 'managed').values).toEqual({});
  });

  it.each([null, undefined])('treats %s as an empty layer', (raw) => {
    expect(parseLayer(raw, 'managed')).toEqual({ values: {}, issues: [] });
  });

  it.each([['a string'], [[1, 2]], [42]])('reports a layer that is not an object (%j)', (raw) => {
    const r = parseLayer(raw, 'org');
    expect(r.values).toEqual({});
    expect(r.issues).toEqual([
      { layer: 'org', field: '*', reason: 'the policy is not a JSON object', severity: 'error' },
    ]);
  });
});

describe('resolvePolicy', () => {
  it('is the defaults with nothing set', () => {
    const r = resolvePolicy({});
    expect(r.policy).toEqual(DEFAULT_POLICY);
    expect(r.managed).toBe(false);
    expect(r.issues).toEqual([]);
    expect(new Set(Object.values(r.sources))).toEqual(new Set(['default']));
  });

  it('layers defaults < org < managed, field by field', () => {
    const r = resolvePolicy({
      org: { mode: 'block', coachingMessage: 'Org says', requireJustification: false },
      managed: { mode: 'monitor', helpLink: 'https://intranet.example.org/ai' },
    });
    expect(r.policy.mode).toBe('monitor');
    expect(r.policy.coachingMessage).toBe('Org says');
    expect(r.policy.requireJustification).toBe(false);
    expect(r.policy.helpLink).toBe('https://intranet.example.org/ai');
    expect(r.sources).toMatchObject({
      mode: 'managed',
      coachingMessage: 'org',
      helpLink: 'managed',
      failClosed: 'default',
    });
    expect(r.managed).toBe(true);
    expect(r.org).toBe(true);
  });

  // If this fails, a typo in the browser policy silently discards the organisation's setting.
  it('falls back from an invalid managed field to the org value, then to the default', () => {
    const r = resolvePolicy({ org: { mode: 'block' }, managed: { mode: 'strict', failClosed: 'no' } });
    expect(r.policy.mode).toBe('block');
    expect(r.sources.mode).toBe('org');
    expect(r.policy.failClosed).toBe(true);
    expect(r.sources.failClosed).toBe('default');
    expect(r.issues.map((i) => `${i.layer}:${i.field}`)).toEqual(['managed:mode', 'managed:failClosed']);
  });

  it('merges categories per category and per setting, and sites per host', () => {
    const r = resolvePolicy({
      org: {
        categories: { SSN: { minConfidence: 0.8 }, NAME: { enabled: false } },
        sites: { 'claude.ai': { mode: 'block' } },
      },
      managed: { categories: { SSN: { action: 'warn' } }, sites: { 'poe.com': { mode: 'off' } } },
    });
    expect(r.policy.categories.SSN).toEqual({ action: 'warn', minConfidence: 0.8 });
    expect(r.policy.categories.NAME).toEqual({ enabled: false });
    expect(r.policy.categories.MRN).toEqual({ action: 'block' });
    expect(r.policy.sites).toEqual({ 'claude.ai': { mode: 'block' }, 'poe.com': { mode: 'off' } });
  });

  // If these fail, a clinician can switch the guard off or loosen it from the options page.
  describe('user options only tighten', () => {
    it('cannot lower the mode, can raise it (site overrides included)', () => {
      const managed = { mode: 'block', sites: { 'poe.com': { mode: 'warn' } } };
      expect(resolvePolicy({ managed, user: { mode: 'off' } }).policy.mode).toBe('block');
      expect(resolvePolicy({ managed, user: { mode: 'monitor' } }).policy.mode).toBe('block');
      const raised = resolvePolicy({
        managed: { mode: 'warn', sites: { 'poe.com': { mode: 'off' } } },
        user: { mode: 'block' },
      });
      expect(raised.policy.mode).toBe('block');
      expect(raised.policy.sites['poe.com'].mode).toBe('block');
      expect(raised.sources.mode).toBe('user');
    });

    it('cannot disable a category the organisation enabled, can enable one it disabled', () => {
      const r = resolvePolicy({
        org: { categories: { NAME: { enabled: false } } },
        user: { categories: { SSN: { enabled: false }, NAME: { enabled: true } } },
      });
      expect(r.policy.categories.SSN).toEqual({ action: 'block' });
      expect(r.policy.categories.NAME).toEqual({ enabled: true });
    });

    it('cannot drop the justification requirement or fail-closed; can add the requirement', () => {
      expect(resolvePolicy({ user: { requireJustification: false } }).policy.requireJustification).toBe(true);
      expect(resolvePolicy({ user: { failClosed: false } }).policy.failClosed).toBe(true);
      const r = resolvePolicy({ managed: { requireJustification: false }, user: { requireJustification: true } });
      expect(r.policy.requireJustification).toBe(true);
    });

    it('can switch restored answers off, never on against the policy', () => {
      const off = resolvePolicy({ user: { restoreAnswers: false } });
      expect(off.policy.restoreAnswers).toBe(false);
      expect(off.sources.restoreAnswers).toBe('user');
      const managedOff = resolvePolicy({ managed: { restoreAnswers: false }, user: { restoreAnswers: true } });
      expect(managedOff.policy.restoreAnswers).toBe(false);
      expect(parseUserOptions({ restoreAnswers: true }).issues[0]).toMatchObject({
        layer: 'user',
        field: 'restoreAnswers',
      });
    });

    it('can make a category always block, not make one warn', () => {
      const r = resolvePolicy({ user: { categories: { NAME: { action: 'block' }, SSN: { action: 'warn' } } } });
      expect(r.policy.categories.NAME).toEqual({ action: 'block' });
      expect(r.policy.categories.SSN).toEqual({ action: 'block' });
    });

    it('reports a malformed user option and ignores it', () => {
      expect(parseUserOptions({ mode: 'panic', requireJustification: true }).options).toEqual({
        requireJustification: true,
      });
      expect(parseUserOptions({ mode: 'panic' }).issues[0]).toMatchObject({ layer: 'user', field: 'mode' });
    });
  });

  // If this fails, a corrupted policy could leave clinicians unprotected.
  it('never lets a broken policy disable protection', () => {
    const broken: unknown[] = [
      'not json',
      [],
      { mode: null, failClosed: null, categories: 'all', customPatterns: {} },
      { mode: 'OFF', categories: { SSN: { enabled: 'false' } } },
      Object.create(null),
    ];
    for (const managed of broken) {
      const r = resolvePolicy({ managed, org: managed });
      expect(r.policy.mode).toBe('warn');
      expect(r.policy.failClosed).toBe(true);
      expect(r.policy.categories.SSN?.enabled).not.toBe(false);
    }
  });

  it('never throws: a getter that explodes leaves the defaults', () => {
    const hostile = {
      get mode() {
        throw new Error('boom');
      },
    };
    const r = resolvePolicy({ managed: hostile });
    expect(r.policy).toEqual(DEFAULT_POLICY);
    expect(r.issues[0]).toMatchObject({ field: '*', severity: 'error' });
  });
});
