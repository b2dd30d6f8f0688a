import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from './registry';
import { CATEGORIES } from './types';

// Meta-test in the manner of Refined GitHub's: the rules folder and the registry must agree, so a new
// detector cannot be written and forgotten (its PHI would silently pass), and each one documents itself.
const RULES = join(import.meta.dirname, 'rules');
const ruleFiles = readdirSync(RULES)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('detector registry', () => {
  it('has rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  // If this fails, a rules file is not registered (never runs), is registered twice (double work and
  // skewed merges), or a registered id has no file of its own.
  it('registers every rules file exactly once, under its file name', () => {
    const ids = REGISTRY.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles);
  });

  it('registers distinct detector objects', () => {
    expect(new Set(REGISTRY).size).toBe(REGISTRY.length);
  });

  it.each(ruleFiles)('rules/%s.ts exports the detector registered under its id', async (file) => {
    const mod = (await import(`./rules/${file}.ts`)) as Record<string, unknown>;
    const exported = Object.values(mod).filter(
      (v) =>
        typeof v === 'object' && v !== null && 'detect' in v && typeof (v as { detect: unknown }).detect === 'function',
    );
    // One exported detector per file (DESIGN.md), and it is the one in the registry.
    expect(exported).toHaveLength(1);
    expect(REGISTRY).toContain(exported[0]);
    expect((exported[0] as { id: string }).id).toBe(file);
  });

  // If this fails, the options page, reports or the redaction labels meet a detector whose metadata is
  // missing or whose category is unknown.
  it.each(REGISTRY.map((d) => [d.id, d] as const))('%s has valid metadata', (_id, d) => {
    expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(CATEGORIES).toContain(d.category);
    expect(d.description.trim().length).toBeGreaterThan(0);
    expect(d.source.trim().length).toBeGreaterThan(0);
    expect(typeof d.detect).toBe('function');
    for (const w of d.contextWords ?? []) {
      // The engine matches context words against lower-cased text.
      expect(w).toBe(w.toLowerCase());
      expect(w.trim().length).toBeGreaterThan(0);
    }
  });

  // If this fails, a rules file lost its header: the format it implements and the authoritative source
  // a reviewer checks it against (Presidio's convention).
  it.each(ruleFiles)('rules/%s.ts starts with a header comment giving the format and its source', (file) => {
    const src = readFileSync(join(RULES, `${file}.ts`), 'utf8');
    const header = /^\/\*\*[\s\S]*?\*\//.exec(src);
    expect(header, 'file must start with a /** ... */ comment').not.toBeNull();
    const text = header?.[0] ?? '';
    expect(text).toMatch(/Source:/);
    // An authoritative reference: a URL, a CFR / ISO / RFC / ITU / USPS citation.
    expect(text).toMatch(/https?:\/\/|\bCFR\b|\bISO\b|\bRFC\b|\bITU\b|\bUSPS\b|\b3GPP\b/);
    // A description of the format, not just a source line.
    const body = text.replace(/Source:[\s\S]*$/, '').replace(/[/*\s]+/g, ' ');
    expect(body.trim().length).toBeGreaterThan(40);
  });
});
