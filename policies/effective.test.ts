import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingOf } from '../detectors/test-helpers';
import { CATEGORIES, type Category, type Finding } from '../detectors/types';
import { DEFAULT_DECISION_POLICY, decide } from './decide';
import { assessorFor, decisionPolicyFor, hostMatches, modeFor, scanOptionsFor, sitePolicy } from './effective';
import { resolvePolicy } from './layers';
import { DEFAULT_POLICY } from './schema';

const BLOCK = 'Pt seen today, SSN 900-12-3456, follow-up in 2 weeks';
const WARN = 'Patient John Smith, born 03/04/1961, has type 2 diabetes and hypertension. Summarize his plan.';
const CLEAN = 'Write a haiku about autumn leaves falling on a quiet pond';

const finding = fc.record({
  start: fc.constant(0),
  end: fc.constant(4),
  category: fc.constantFrom(...CATEGORIES),
  detector: fc.constant('t'),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  reason: fc.constant('r'),
}) as fc.Arbitrary<Finding>;

describe('decisionPolicyFor', () => {
  // If this fails, installing the policy model changed what the unmanaged extension holds or lets through.
  it('the default policy decides exactly as DEFAULT_DECISION_POLICY', () => {
    const mapped = decisionPolicyFor(DEFAULT_POLICY, DEFAULT_POLICY.mode);
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (fs, health) => {
        expect(decide(fs, health, mapped)).toEqual(decide(fs, health, DEFAULT_DECISION_POLICY));
      }),
      { numRuns: 2000 },
    );
  });

  it('block mode blocks everything warn would hold; category actions only raise', () => {
    const block = decisionPolicyFor(DEFAULT_POLICY, 'block');
    const warn = decisionPolicyFor(DEFAULT_POLICY, 'warn');
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (fs, health) => {
        const w = decide(fs, health, warn).action;
        expect(decide(fs, health, block).action).toBe(w === 'allow' ? 'allow' : 'block');
      }),
      { numRuns: 1000 },
    );
  });

  it('lets the organisation relax a strong category to warn, and raise a weak one to block', () => {
    const { policy } = resolvePolicy({
      managed: { categories: { SSN: { action: 'warn' }, NAME: { action: 'block' } } },
    });
    const d = decisionPolicyFor(policy, 'warn');
    const f = (category: Category, confidence = 0.95) => findingOf(category, confidence);
    expect(decide([f('SSN')], 1, d).action).toBe('warn');
    expect(decide([f('MRN')], 1, d).action).toBe('block');
    expect(decide([f('NAME')], 1, d).action).toBe('block');
    // Weak findings still need clinical context; a low-confidence name only warns.
    expect(decide([f('NAME')], 0, d).action).toBe('allow');
    expect(decide([f('NAME', 0.6)], 1, d).action).toBe('warn');
  });

  it('per-category minimum confidence replaces the global one in both scan and decide', () => {
    const { policy } = resolvePolicy({
      managed: { categories: { DATE: { minConfidence: 0.9 }, NAME: { minConfidence: 0.3 } } },
    });
    const d = decisionPolicyFor(policy, 'warn');
    const f = findingOf;
    expect(decide([f('DATE', 0.85)], 1, d).action).toBe('allow');
    expect(decide([f('NAME', 0.35)], 1, d).action).toBe('warn');
    expect(scanOptionsFor(policy).thresholds).toMatchObject({ DATE: 0.9, NAME: 0.3 });
  });
});

describe('site policy', () => {
  it('matches hosts and subdomains, not look-alikes', () => {
    expect(hostMatches('claude.ai', 'claude.ai')).toBe(true);
    expect(hostMatches('eu.claude.ai', 'claude.ai')).toBe(true);
    expect(hostMatches('notclaude.ai', 'claude.ai')).toBe(false);
  });

  it('takes the most specific site override, else the global mode', () => {
    const { policy } = resolvePolicy({
      managed: { mode: 'warn', sites: { 'google.com': { mode: 'off' }, 'gemini.google.com': { mode: 'block' } } },
    });
    expect(modeFor(policy, 'gemini.google.com')).toBe('block');
    expect(modeFor(policy, 'notebooklm.google.com')).toBe('off');
    expect(modeFor(policy, 'chatgpt.com')).toBe('warn');
  });

  it('disabled categories are not scanned', () => {
    const { policy } = resolvePolicy({ managed: { categories: { NAME: { enabled: false } } } });
    expect(scanOptionsFor(policy).categories).toEqual({ NAME: false });
    const a = assessorFor(sitePolicy(policy, 'chatgpt.com'))(WARN);
    expect(a.findings.some((f) => f.category === 'NAME')).toBe(false);
  });
});

describe('assessorFor (modes)', () => {
  const run = (managed: object, text: string) =>
    assessorFor(sitePolicy(resolvePolicy({ managed }).policy, 'chatgpt.com'))(text);

  // If these fail, the modes an admin picks do not do what the documentation says.
  it('warn: strong identifiers block, names warn, clean allows', () => {
    expect(run({}, BLOCK).action).toBe('block');
    expect(run({}, WARN).action).toBe('warn');
    expect(run({}, CLEAN).action).toBe('allow');
  });

  it('block: what would warn blocks', () => {
    expect(run({ mode: 'block' }, WARN).action).toBe('block');
    expect(run({ mode: 'block' }, CLEAN).action).toBe('allow');
  });

  it('monitor: allows, and says what would have happened', () => {
    const a = run({ mode: 'monitor' }, BLOCK);
    expect(a.action).toBe('allow');
    expect(a.monitored).toBe('block');
    expect(a.categories).toContain('SSN');
    expect(run({ mode: 'monitor' }, CLEAN).monitored).toBeUndefined();
  });

  it('off: allows without looking', () => {
    expect(run({ mode: 'off' }, BLOCK)).toEqual({ findings: [], health: 0, action: 'allow', categories: [] });
  });

  it('a site override applies on that site only', () => {
    const policy = resolvePolicy({ managed: { sites: { 'chatgpt.com': { mode: 'off' } } } }).policy;
    expect(assessorFor(sitePolicy(policy, 'chatgpt.com'))(BLOCK).action).toBe('allow');
    expect(assessorFor(sitePolicy(policy, 'claude.ai'))(BLOCK).action).toBe('block');
  });

  it("runs the organisation's custom patterns and terms", () => {
    const managed = { customPatterns: [{ id: 'seh', pattern: 'SEH-\\d{7}', category: 'MRN' }] };
    const a = run(managed, 'Please draft a discharge letter for SEH-0012345.');
    expect(a.action).toBe('block');
    expect(a.findings.some((f) => f.detector === 'custom:seh')).toBe(true);
  });
});
