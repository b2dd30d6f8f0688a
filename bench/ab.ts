/**
 * `npm run bench:ab -- A B [--runs N]`: is revision B's scanner faster than revision A's? For speed work
 * on detectors/ where a change is worth a few per cent: the full bench moves by more than that between
 * processes.
 *
 * A and B are git revisions (anything `git rev-parse` takes), or `.` for the working tree. Each side is
 * bundled and minified by esbuild as it ships (policies/assess.ts). An unminified bundle reads module-level
 * constants from the module context, and ran ~8% slower in different places, so it is no guide.
 *
 * Then 2N processes alternate A, B, B, A, ... (`bench/ab-child.mjs`). Each one:
 * - warms up on each corpus;
 * - runs a full garbage collection, as the bench does (a change that deoptimises after a collection
 *   only shows that way);
 * - takes its fastest of seven timed passes, in CPU time.
 *
 * The figure per side is the median over its processes, and the ratio is A's time over B's: above 1, B is
 * faster. On the 2-core development VM an A/A run of one revision read up to 1.06x, so confirm a small
 * difference with a second run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAssess } from './bundle';
import { corpusPaths } from './corpora';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface AbOptions {
  a: string;
  b: string;
  runs: number;
}

const USAGE =
  'usage: npm run bench:ab -- A B [--runs N]   (A, B: git revisions, or . for the working tree; N: 2-40, default 8)';

/** Reads the command line; throws an Error whose message is fit for the user. */
export function parseAbArgs(argv: readonly string[]): AbOptions {
  const revs: string[] = [];
  let runs = 8;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') {
      const v = argv[++i];
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 2 || n > 40)
        throw new Error(`--runs takes a whole number from 2 to 40\n${USAGE}`);
      runs = n;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else {
      revs.push(arg);
    }
  }
  if (revs.length !== 2) throw new Error(`give two revisions, A and B\n${USAGE}`);
  return { a: revs[0], b: revs[1], runs };
}

/**
 * Per corpus and in all: the median of each side's process figures and the ratio A / B; and the same for
 * each side's fastest process (aMin, bMin, minRatio). Whole processes run a corpus ~1.5x slower at random
 * (detectors/engine.design.md, eighth round), which can move a median of a few processes; the fastest
 * process of each side is free of that luck, so a change that moves both ratios the same way is real.
 */
export function summarise(
  a: readonly Record<string, number>[],
  b: readonly Record<string, number>[],
): { corpus: string; a: number; b: number; ratio: number; aMin: number; bMin: number; minRatio: number }[] {
  const median = (xs: number[]) => {
    const s = xs.slice().sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  if (a.length === 0 || b.length === 0) throw new Error('no process figures to summarise');
  const rows = Object.keys(a[0]).map((corpus) => {
    const ma = median(a.map((r) => r[corpus]));
    const mb = median(b.map((r) => r[corpus]));
    const aMin = Math.min(...a.map((r) => r[corpus]));
    const bMin = Math.min(...b.map((r) => r[corpus]));
    return { corpus, a: ma, b: mb, ratio: ma / mb, aMin, bMin, minRatio: aMin / bMin };
  });
  const sum = (k: 'a' | 'b' | 'aMin' | 'bMin') => rows.reduce((s, r) => s + r[k], 0);
  const [ta, tb, ma, mb] = [sum('a'), sum('b'), sum('aMin'), sum('bMin')];
  rows.push({ corpus: 'all', a: ta, b: tb, ratio: ta / tb, aMin: ma, bMin: mb, minRatio: ma / mb });
  return rows;
}

/**
 * The source tree of a revision: the working tree for `.`, else an extracted copy, with a link to our
 * node_modules that it adds to `links` (main removes those before the scratch directory).
 */
function treeOf(rev: string, scratch: string, label: string, links: string[]): string {
  if (rev === '.') return ROOT;
  let commit: string;
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(`${label}: ${JSON.stringify(rev)} is not a revision of this repository`);
  }
  const dir = join(scratch, label);
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const link = join(dir, 'node_modules');
  symlinkSync(join(ROOT, 'node_modules'), link);
  links.push(link);
  return dir;
}

/**
 * One child process's figures. A failing child (a revision whose scanner throws, say) is reported by its
 * error line only: V8 also prints the minified source line, which can be megabytes.
 */
function runChild(child: string, bundle: string, files: string[], rev: string): Record<string, number> {
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--expose-gc', child, bundle, ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const line = stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? 'no error message';
    throw new Error(`the scanner of ${rev} failed in a timing process: ${line.slice(0, 300)}`);
  }
  return JSON.parse(out) as Record<string, number>;
}

async function main(): Promise<void> {
  let opt: AbOptions;
  try {
    opt = parseAbArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench:ab: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'phi-guard-ab-'));
  const links: string[] = [];
  try {
    const bundles: Record<'A' | 'B', string> = { A: join(scratch, 'a.mjs'), B: join(scratch, 'b.mjs') };
    for (const [label, rev] of [
      ['A', opt.a],
      ['B', opt.b],
    ] as const) {
      await bundleAssess(treeOf(rev, scratch, label, links), bundles[label]);
    }
    const files = corpusPaths();
    const child = join(ROOT, 'bench', 'ab-child.mjs');
    const figures: Record<'A' | 'B', Record<string, number>[]> = { A: [], B: [] };
    for (let i = 0; i < opt.runs; i++) {
      for (const side of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        figures[side].push(runChild(child, bundles[side], files, side === 'A' ? opt.a : opt.b));
      }
      process.stderr.write(`[bench:ab] ${i + 1}/${opt.runs} pairs\n`);
    }
    const lines = [
      `A = ${opt.a}, B = ${opt.b}; ${opt.runs} processes a side, alternating; CPU ms per pass (minified bundles): the median process, and the fastest`,
      '| corpus | A ms | B ms | A / B (> 1: B faster) | fastest A | fastest B | A / B |',
      '|---|---|---|---|---|---|---|',
      ...summarise(figures.A, figures.B).map(
        (r) =>
          `| ${r.corpus} | ${r.a.toFixed(1)} | ${r.b.toFixed(1)} | ${r.ratio.toFixed(3)}x | ${r.aMin.toFixed(1)} | ${r.bMin.toFixed(1)} | ${r.minRatio.toFixed(3)}x |`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    // The node_modules links first, so that no removal can ever reach through them.
    for (const link of links) unlinkSync(link);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((err: Error) => {
    process.stderr.write(`bench:ab: ${err.message}\n`);
    process.exit(1);
  });
}
