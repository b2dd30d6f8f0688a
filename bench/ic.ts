/**
 * `npm run bench:ic`: the property reads of the shipped scanner that V8 found megamorphic (more than four
 * hidden classes at one site) while scanning the corpora, by source line.
 *
 * Why: optimised code reads a megamorphic site through a generic lookup in V8's global stub cache, several
 * times slower than a map check, and far slower in a process where other entries evict ours. Strings count:
 * each string representation (flat, sliced, internalized; one- or two-byte) has its own hidden class, so
 * `.length` or `.charCodeAt` on token strings goes megamorphic easily. Moving such reads off the hot
 * paths gained ~5-7% (detectors/engine.design.md, eighth round).
 *
 * How: policies/assess.ts is bundled as it ships (esbuild, minified) with a source map; a child process
 * (bench/ic-child.mjs) runs it over the corpora under `node --log-ic`; this reads V8's log, keeps the
 * inline-cache transitions into the megamorphic state whose code is the bundle's, and maps each site back
 * to its TypeScript line. Sites in list building (run once per process: the word lists, zod's schemas) and
 * on rare paths cost nothing; the source line tells them from the scan's hot paths.
 * Usage: `npm run bench:ic [-- --passes N]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAssess } from './bundle';
import { corpusPaths } from './corpora';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping of a source map: generated column (0-based) to source index, line and column (0-based). */
export interface Mapping {
  col: number;
  source: number;
  line: number;
  column: number;
}

/** Decodes a source map's `mappings` into one sorted list per generated line (source map v3, base64 VLQ). */
export function decodeMappings(mappings: string): Mapping[][] {
  const lines: Mapping[][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const out: Mapping[] = [];
    let col = 0;
    for (const seg of text.split(',')) {
      if (seg === '') continue;
      const v: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        if (d < 0) throw new Error(`source map: bad character ${JSON.stringify(ch)} in mappings`);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (shift !== 0) throw new Error('source map: truncated segment in mappings');
      col += v[0];
      if (v.length >= 4) {
        source += v[1];
        line += v[2];
        column += v[3];
        out.push({ col, source, line, column });
      }
    }
    lines.push(out.sort((a, b) => a.col - b.col));
  }
  return lines;
}

/** The mapping covering generated position (line, col), both 0-based: the last one at or before it on its line. */
export function lookup(lines: Mapping[][], line: number, col: number): Mapping | undefined {
  const row = lines[line];
  if (!row) return undefined;
  let found: Mapping | undefined;
  for (const m of row) {
    if (m.col > col) break;
    found = m;
  }
  return found;
}

/** One inline-cache site that went megamorphic. */
export interface Site {
  kind: string;
  /** 1-based line and column in the script, as V8 logs them. */
  line: number;
  column: number;
  property: string;
  /** Transitions into the megamorphic state logged for it (one per feedback vector: inlined copies count apart). */
  count: number;
}

/**
 * The megamorphic transitions of a `node --log-ic` log whose code lies in `script` (its URL or path,
 * matched as a suffix of the code's name). V8's log lines: `code-creation,TYPE,KIND,TIME,START,SIZE,NAME,...`
 * and `LoadIC,PC,TIME,LINE,COLUMN,OLD,NEW,MAP,KEY,MODIFIER,SLOW` (likewise StoreIC, KeyedLoadIC, KeyedStoreIC).
 */
export function megamorphicSites(log: string, script: string): Site[] {
  const codes: { start: number; end: number; name: string }[] = [];
  const sites = new Map<string, Site>();
  for (const l of log.split('\n')) {
    if (l.startsWith('code-creation,')) {
      const f = l.split(',');
      const start = Number.parseInt(f[4], 16);
      const size = Number(f[5]);
      if (Number.isFinite(start) && Number.isFinite(size)) codes.push({ start, end: start + size, name: f[6] ?? '' });
      continue;
    }
    const m = /^((?:Keyed)?(?:Load|Store)IC),/.exec(l);
    if (!m) continue;
    const f = l.split(',');
    if (f[6] !== 'N' || f[5] === 'N') continue;
    const pc = Number.parseInt(f[1], 16);
    let name: string | undefined;
    // The latest code object holding the pc (addresses are reused after collections).
    for (let k = codes.length - 1; k >= 0; k--) {
      if (pc >= codes[k].start && pc < codes[k].end) {
        name = codes[k].name;
        break;
      }
    }
    if (name === undefined) continue;
    const space = name.lastIndexOf(' ');
    const where = name.slice(space + 1).replace(/:\d+:\d+$/, '');
    if (!where.endsWith(script)) continue;
    const line = Number(f[3]);
    const column = Number(f[4]);
    const key = `${m[1]} ${line}:${column} ${f[8]}`;
    const s = sites.get(key);
    if (s) s.count++;
    else sites.set(key, { kind: m[1], line, column, property: f[8] ?? '', count: 1 });
  }
  return [...sites.values()].sort((a, b) => b.count - a.count || a.line - b.line || a.column - b.column);
}

function parsePasses(argv: readonly string[]): number {
  if (argv.length === 0) return 5;
  if (argv.length === 2 && argv[0] === '--passes' && /^\d+$/.test(argv[1]) && +argv[1] >= 1 && +argv[1] <= 50) {
    return +argv[1];
  }
  throw new Error('usage: npm run bench:ic [-- --passes N]   (N: 1-50 passes over each corpus, default 5)');
}

async function main(): Promise<void> {
  let passes: number;
  try {
    passes = parsePasses(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'phig-ic-'));
  try {
    const bundle = join(dir, 'assess.mjs');
    await bundleAssess(ROOT, bundle, { sourcemap: true });
    const logfile = join(dir, 'ic.log');
    const files = corpusPaths();
    execFileSync(
      process.execPath,
      [
        '--log-ic',
        `--logfile=${logfile}`,
        '--no-logfile-per-isolate',
        join(ROOT, 'bench', 'ic-child.mjs'),
        bundle,
        String(passes),
        ...files,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[]; mappings: string };
    const lines = decodeMappings(map.mappings);
    const sites = megamorphicSites(readFileSync(logfile, 'utf8'), 'assess.mjs');
    const rows: string[] = [];
    for (const s of sites) {
      const m = lookup(lines, s.line - 1, s.column - 1);
      const src = m
        ? `${relative(ROOT, join(dir, map.sources[m.source]))}:${m.line + 1}`
        : `bundle ${s.line}:${s.column}`;
      // Library code (zod's schema building) is not ours to tune.
      if (src.startsWith('node_modules/')) continue;
      rows.push(`| ${src} | ${s.kind} | \`.${s.property}\` | ${s.count} |`);
    }
    console.log(
      `Megamorphic property sites of the shipped scanner over the corpora (${passes} passes each), node ${process.version}:\n`,
    );
    console.log('| source | kind | property | transitions |\n|---|---|---|---|');
    console.log(rows.length ? rows.join('\n') : '| (none) | | | |');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
