/**
 * `npm run bench`: detection quality and speed of our scanner against the npm peers, on the
 * development corpora in test/corpora, scored by bench/score.ts (SCORING.md). Prints one markdown
 * report and, on a full run, writes it to bench/RESULTS.md.
 *
 * `--misses` PRINTS CORPUS TEXT (missed values, false-alarm spans) to stderr. It is a developer's
 * tuning aid; never paste its output into issues or logs that leave the machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../detectors/types';
import { CORPORA, loadCorpus } from './corpora';
import { loadPeers, ours, type Peer } from './peers';
import {
  type CorpusKind,
  type CorpusRecord,
  type CorpusScore,
  MIN_CATEGORY_VALUES,
  maskSpans,
  percentile,
  type Ratio,
  rate,
  scoreCorpus,
  type ToolOutcome,
} from './score';
import { syntheticNote, syntheticQuery } from './synthetic';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run bench -- [options]

  --corpus asq|negatives|presidio   run one corpus only (default: all three)
  --no-peers                        run our scanner only
  --limit N                         first N records of each corpus (quick runs)
  --misses                          print OUR missed values and false alarms to stderr.
                                    This PRINTS CORPUS TEXT: for tuning on your machine only.
  --help                            this text

bench/RESULTS.md is rewritten only by a full run (all corpora, peers, no --limit).`;

interface Options {
  corpora: CorpusKind[];
  peers: boolean;
  limit?: number;
  misses: boolean;
}

function parseOptions(argv: string[]): Options {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        'no-peers': { type: 'boolean' },
        limit: { type: 'string' },
        misses: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  }
  try {
    parsed = parse();
  } catch (err) {
    usageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  let corpora = Object.keys(CORPORA) as CorpusKind[];
  if (v.corpus !== undefined) {
    if (!(v.corpus in CORPORA)) usageError(`unknown corpus: ${v.corpus}`);
    corpora = [v.corpus as CorpusKind];
  }
  let limit: number | undefined;
  if (v.limit !== undefined) {
    limit = Number(v.limit);
    if (!Number.isInteger(limit) || limit < 1) usageError('--limit takes a positive integer');
  }
  return { corpora, peers: !v['no-peers'], limit, misses: !!v.misses };
}

function usageError(msg: string): never {
  process.stderr.write(`bench: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

function progress(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

interface Timed {
  /** ms per text, in record order. */
  ms: number[];
  /** Wall time of the whole run, warm-up included. */
  wallMs: number;
  errors: number;
}

interface ToolRun extends Timed {
  name: string;
  outcomes: ToolOutcome[];
  chars: number;
  score: CorpusScore;
}

/**
 * Warm-up: passes over the corpus's texts until this budget is spent, the same for every tool, so JIT
 * compilation and lazy set-up stay out of the timings without slow peers doubling the run time. (One pass
 * was too little: optimising JITs reach steady speed after several, on our code and on the peers'.)
 */
const WARMUP_MS = 2000;

/**
 * Passes over the corpus until WARMUP_MS is spent (at most MAX_WARMUP_PASSES). Ten were too few once all
 * four tools share the process: after the peers (compromise's lexicon, for one) have filled the heap, a
 * full collection lands in the middle of the next tool's warm-up and its code needs more passes to reach
 * steady speed again. Measured on presidio-synth (1,500 short texts): our timed pass after 10 warm-up
 * passes ran at 1,250-2,270 chars/ms in five processes, after 40 at 3,000-3,290, the same as in a
 * process with no peer loaded; redact-pii's speed did not depend on it. (Most of that gap was later traced
 * to our scan cache's hidden class, which the peers' objects had crowded out: detectors/engine.design.md.)
 */
const MAX_WARMUP_PASSES = 50;

/**
 * A full garbage collection before each tool's run, so that no tool is timed while the collector clears
 * the previous tool's garbage. `gc` is exposed at run time (the flag only adds the global function, in a
 * fresh context; it changes nothing else), so `npm run bench` needs no node option.
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

async function warmUp(records: CorpusRecord[], fn: (text: string) => unknown): Promise<void> {
  collectGarbage();
  const start = performance.now();
  for (let pass = 0; pass < MAX_WARMUP_PASSES; pass++) {
    for (const r of records) {
      try {
        await fn(r.text);
      } catch {
        // errors are counted in the timed pass
      }
      if (performance.now() - start > WARMUP_MS) return;
    }
  }
}

/**
 * Timed passes after the warm-up and the scoring pass: at least one, then more while TIMED_MS lasts (at
 * most MAX_TIMED_PASSES), and each text's time is its mean over the passes. One pass let a single JIT or
 * collector event decide a tool's figure: the same build's pass over negatives-dev varied by 15-30% from
 * process to process and from pass to pass. The mean, not the median, so that collector pauses stay in every
 * tool's figures, spread over the passes. The same rule for every tool; a slow tool simply gets one pass.
 *
 * Outputs are scored from a pass of their own before the timed ones, followed by a full
 * collection: the timed passes only call the tool, so the garbage the harness makes while it keeps and
 * masks the outputs is not charged to whichever tool's texts come next.
 */
const TIMED_MS = 2000;
const MAX_TIMED_PASSES = 5;

async function timedPasses(records: CorpusRecord[], call: (text: string) => unknown): Promise<number[]> {
  collectGarbage();
  const passes: number[][] = [];
  const start = performance.now();
  do {
    const ms: number[] = [];
    for (const r of records) {
      const t0 = performance.now();
      try {
        // A sync tool is not awaited, so that no microtask is charged to it.
        const res = call(r.text);
        if (res instanceof Promise) await res;
      } catch {
        // errors are counted in the scoring pass
      }
      ms.push(performance.now() - t0);
    }
    passes.push(ms);
  } while (passes.length < MAX_TIMED_PASSES && performance.now() - start < TIMED_MS);
  return records.map((_, i) => passes.reduce((t, p) => t + p[i], 0) / passes.length);
}

async function runOurs(
  records: CorpusRecord[],
  kind: CorpusKind,
  misses: boolean,
): Promise<ToolRun & { findings: Finding[][] }> {
  const wall0 = performance.now();
  await warmUp(records, (t) => ours.run(t));
  // Scoring pass (untimed).
  const outcomes: ToolOutcome[] = [];
  const findings: Finding[][] = [];
  let errors = 0;
  for (const r of records) {
    let res: ReturnType<typeof ours.run>;
    try {
      res = ours.run(r.text);
    } catch {
      errors++;
      res = { action: 'allow', findings: [] };
    }
    findings.push(res.findings);
    outcomes.push({ flagged: res.action !== 'allow', output: maskSpans(r.text, res.findings), findings: res.findings });
  }
  const ms = await timedPasses(records, (t) => ours.run(t));
  const wallMs = performance.now() - wall0;
  const byRecord = new Map(records.map((r, i) => [r, findings[i]]));
  const score = scoreCorpus(
    records,
    kind,
    outcomes,
    misses ? (rec, m) => printMisses(kind, rec, m, byRecord.get(rec)) : undefined,
  );
  return { name: ours.name, ms, wallMs, errors, outcomes, chars: totalChars(records), score, findings };
}

async function runPeer(peer: Peer, records: CorpusRecord[], kind: CorpusKind): Promise<ToolRun> {
  const wall0 = performance.now();
  await warmUp(records, (t) => peer.redact(t));
  // Scoring pass (untimed).
  const outcomes: ToolOutcome[] = [];
  let errors = 0;
  for (const r of records) {
    let output = r.text;
    try {
      const res = peer.redact(r.text);
      const out = typeof res === 'string' ? res : await res;
      if (typeof out === 'string') output = out;
      else errors++;
    } catch {
      errors++;
    }
    outcomes.push({ flagged: output !== r.text, output });
  }
  const ms = await timedPasses(records, (t) => peer.redact(t));
  const wallMs = performance.now() - wall0;
  return {
    name: peer.name,
    ms,
    wallMs,
    errors,
    outcomes,
    chars: totalChars(records),
    score: scoreCorpus(records, kind, outcomes),
  };
}

function totalChars(records: CorpusRecord[]): number {
  return records.reduce((n, r) => n + r.text.length, 0);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function throughput(run: { chars: number; ms: number[] }): number {
  return run.chars / sum(run.ms);
}

// --misses: the one place this program prints corpus text, on stderr, on request.
function printMisses(
  kind: CorpusKind,
  rec: CorpusRecord,
  m: { strictMissed: { type: string; value: string }[]; lenientMissed: { value: string }[]; falseAlarm: boolean },
  findings: Finding[] | undefined,
): void {
  const leaked = new Set(m.lenientMissed.map((v) => v.value));
  for (const v of m.strictMissed) {
    const how = leaked.has(v.value) ? 'missed (leaks)' : 'partly covered';
    process.stderr.write(`[miss] ${kind} ${rec.id} ${v.type} ${JSON.stringify(v.value)} ${how}\n`);
  }
  if (m.falseAlarm) {
    for (const f of findings ?? []) {
      const ctx = rec.text.slice(Math.max(0, f.start - 25), f.end + 25).replace(/\s+/g, ' ');
      process.stderr.write(
        `[false-alarm] ${kind} ${rec.id} ${f.category}/${f.detector} ${f.confidence} ` +
          `${JSON.stringify(rec.text.slice(f.start, f.end))} in ${JSON.stringify(ctx)}\n`,
      );
    }
  }
}

// ---------- isolated timings ----------

interface Isolated {
  tool: string;
  iterations: number;
  p50: number;
  p99: number;
  max: number;
  charsPerMs: number;
  errors: number;
}

async function timeIsolated(
  tool: string,
  text: string,
  fn: (text: string) => unknown,
  maxIterations: number,
  budgetMs: number,
): Promise<Isolated> {
  let errors = 0;
  const call = async () => {
    try {
      const r = fn(text);
      if (r instanceof Promise) await r;
    } catch {
      errors++;
    }
  };
  collectGarbage();
  for (let i = 0; i < Math.min(20, maxIterations); i++) await call();
  errors = 0;
  const ms: number[] = [];
  const start = performance.now();
  while (ms.length < maxIterations && (ms.length < 5 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  return {
    tool,
    iterations: ms.length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    charsPerMs: (text.length * ms.length) / sum(ms),
    errors,
  };
}

// ---------- bundle size ----------

interface BundleSize {
  bytes?: number;
  gzip?: number;
  error?: string;
}

async function bundleSize(): Promise<BundleSize> {
  try {
    const esbuild = await import('esbuild');
    const res = await esbuild.build({
      entryPoints: [join(ROOT, 'detectors', 'index.ts')],
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = res.outputFiles[0].contents;
    return { bytes: code.byteLength, gzip: gzipSync(code).byteLength };
  } catch (err) {
    return { error: (err as Error).message.split('\n')[0] };
  }
}

// ---------- report ----------

const fmt3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
const ms2 = (x: number) => (Number.isFinite(x) ? (x < 0.1 ? x.toFixed(3) : x.toFixed(2)) : 'n/a');
const num = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : 'n/a');
const times = (x: number) =>
  Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}×` : 'n/a';

function ratioCell(r: Ratio | undefined, asPct = false): string {
  if (!r) return 'n/a';
  if (r.n === 0) return '–';
  return `${asPct ? pct(rate(r)) : fmt3(rate(r))} (${r.hit}/${r.n})`;
}

function corpusSection(kind: CorpusKind, records: CorpusRecord[], runs: ToolRun[]): string {
  const o = runs[0];
  const s = o.score;
  const lines: string[] = [];
  lines.push(`## ${CORPORA[kind].title}`, '');
  lines.push(
    `${records.length} texts, ${o.chars.toLocaleString('en-US')} characters; ${s.query.n} PHI-bearing, ` +
      `${s.falseAlarm.n} PHI-free${s.ignored ? `, ${s.ignored} with only unscored labels (ignored)` : ''}; ` +
      `${s.values} scored values${s.unlocatable ? ` (${s.unlocatable} unlocatable, excluded)` : ''}.`,
    '',
  );
  lines.push(
    '| tool | strict value recall | lenient value recall | query recall | false alarms | char precision | chars/ms | p50 ms | p99 ms | ours ÷ tool chars/ms | tool ÷ ours p50 | tool ÷ ours p99 | errors | run time |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const oThr = throughput(o);
  const oP50 = percentile(o.ms, 50);
  const oP99 = percentile(o.ms, 99);
  for (const r of runs) {
    const isOurs = r === o;
    const thr = throughput(r);
    const p50 = percentile(r.ms, 50);
    const p99 = percentile(r.ms, 99);
    lines.push(
      `| ${r.name} | ${isOurs ? ratioCell(r.score.strict) : 'n/a'} | ${ratioCell(r.score.lenient)} | ` +
        `${ratioCell(r.score.query, true)} | ${ratioCell(r.score.falseAlarm, true)} | ` +
        `${isOurs && r.score.precision ? fmt3(rate(r.score.precision)) : 'n/a'} | ${num(thr)} | ${ms2(p50)} | ${ms2(p99)} | ` +
        `${isOurs ? '–' : times(oThr / thr)} | ${isOurs ? '–' : times(p50 / oP50)} | ${isOurs ? '–' : times(p99 / oP99)} | ` +
        `${r.errors} | ${(r.wallMs / 1000).toFixed(1)} s |`,
    );
  }
  const peers = runs.slice(1);
  if (peers.length) {
    const fastest = peers.reduce((a, b) => (throughput(b) > throughput(a) ? b : a));
    lines.push(
      '',
      `Fastest peer: ${fastest.name} (${num(throughput(fastest))} chars/ms); ours is ${times(oThr / throughput(fastest))} its throughput.`,
    );
  }
  const cats = [...s.byType.entries()].filter(([, c]) => c.n >= MIN_CATEGORY_VALUES).sort((a, b) => b[1].n - a[1].n);
  if (cats.length) {
    lines.push('', `Per category (${MIN_CATEGORY_VALUES}+ values):`, '');
    lines.push(
      `| category | values | ${o.name} strict | ${o.name} lenient | ${peers.map((p) => `${p.name} lenient`).join(' | ')}${peers.length ? ' |' : ''}`,
      `|---|---|---|---|${peers.map(() => '---|').join('')}`,
    );
    for (const [type, c] of cats) {
      const peerCells = peers.map((p) => {
        const pc = p.score.byType.get(type);
        return pc ? fmt3(pc.lenient / pc.n) : 'n/a';
      });
      lines.push(
        `| ${type} | ${c.n} | ${fmt3((c.strict ?? 0) / c.n)} | ${fmt3(c.lenient / c.n)} | ${peerCells.join(' | ')}${peers.length ? ' |' : ''}`,
      );
    }
  }
  return lines.join('\n');
}

type Verdict = 'pass' | 'fail' | 'not run';

interface Target {
  name: string;
  threshold: string;
  measured: string;
  verdict: Verdict;
}

function verdict(ok: boolean | undefined): Verdict {
  return ok === undefined ? 'not run' : ok ? 'pass' : 'fail';
}

const MARK: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ FAIL', 'not run': '— not run' };

const PRESIDIO_TARGET_TYPES = [
  'PERSON',
  'STREET_ADDRESS',
  'PHONE_NUMBER',
  'EMAIL_ADDRESS',
  'US_SSN',
  'CREDIT_CARD',
  'IP_ADDRESS',
];

function targets(
  results: Partial<Record<CorpusKind, ToolRun[]>>,
  iso: { query: Isolated[]; note: Isolated[] },
  size: BundleSize,
): Target[] {
  const t: Target[] = [];
  const asq = results.asq?.[0].score;
  t.push({
    name: 'ASQ-PHI dev: strict value recall, overall',
    threshold: '≥ 0.99',
    measured: asq ? ratioCell(asq.strict) : 'n/a',
    verdict: verdict(asq?.strict ? rate(asq.strict) >= 0.99 : undefined),
  });
  if (asq) {
    for (const [type, c] of [...asq.byType.entries()].sort((a, b) => b[1].n - a[1].n)) {
      if (c.n < MIN_CATEGORY_VALUES) continue;
      const r = (c.strict ?? 0) / c.n;
      t.push({
        name: `ASQ-PHI dev: strict value recall, ${type}`,
        threshold: '≥ 0.97',
        measured: `${fmt3(r)} (${c.strict ?? 0}/${c.n})`,
        verdict: verdict(r >= 0.97),
      });
    }
  } else {
    t.push({
      name: 'ASQ-PHI dev: strict value recall, each category with 10+ values',
      threshold: '≥ 0.97',
      measured: 'n/a',
      verdict: 'not run',
    });
  }
  t.push({
    name: 'ASQ-PHI dev: false alarms on hard negatives',
    threshold: '≤ 3%',
    measured: asq ? ratioCell(asq.falseAlarm, true) : 'n/a',
    verdict: verdict(asq ? rate(asq.falseAlarm) <= 0.03 : undefined),
  });
  t.push({
    name: 'ASQ-PHI dev: query recall',
    threshold: '100%',
    measured: asq ? ratioCell(asq.query, true) : 'n/a',
    verdict: verdict(asq ? asq.query.hit === asq.query.n : undefined),
  });
  const neg = results.negatives?.[0].score;
  t.push({
    name: 'negatives-dev: false alarms',
    threshold: '≤ 2%',
    measured: neg ? ratioCell(neg.falseAlarm, true) : 'n/a',
    verdict: verdict(neg ? rate(neg.falseAlarm) <= 0.02 : undefined),
  });
  const psy = results.presidio?.[0].score;
  for (const type of PRESIDIO_TARGET_TYPES) {
    const c = psy?.byType.get(type);
    t.push({
      name: `presidio-synth: strict value recall, ${type}`,
      threshold: '≥ 0.95',
      measured: c
        ? `${fmt3((c.strict ?? 0) / c.n)} (${c.strict ?? 0}/${c.n}; lenient ${fmt3(c.lenient / c.n)})`
        : 'n/a',
      verdict: verdict(c ? (c.strict ?? 0) / c.n >= 0.95 : undefined),
    });
  }
  // Throughput over every corpus run, so that long and short texts both weigh by their size.
  const all = Object.values(results).flat();
  const agg = (name: string) => {
    const rs = all.filter((r) => r.name === name);
    return rs.length ? sum(rs.map((r) => r.chars)) / sum(rs.map((r) => sum(r.ms))) : undefined;
  };
  const oThr = agg(ours.name);
  const rpThr = agg('redact-pii');
  t.push({
    name: 'Speed: throughput vs redact-pii (all corpora run)',
    threshold: '≥ 5×',
    measured: oThr && rpThr ? `${times(oThr / rpThr)} (${num(oThr)} vs ${num(rpThr)} chars/ms)` : 'n/a',
    verdict: verdict(oThr && rpThr ? oThr / rpThr >= 5 : undefined),
  });
  const q = iso.query[0];
  t.push({
    name: `Speed: 1 KB query, p99 (${q.iterations} runs)`,
    threshold: '≤ 2 ms',
    measured: `${ms2(q.p99)} ms`,
    verdict: verdict(q.p99 <= 2),
  });
  const n = iso.note[0];
  t.push({
    name: `Speed: 100 KB note, p99 (${n.iterations} runs)`,
    threshold: '≤ 50 ms',
    measured: `${ms2(n.p99)} ms (max ${ms2(n.max)})`,
    verdict: verdict(n.p99 <= 50),
  });
  t.push({
    name: 'Size: detectors/index.ts bundled, minified',
    threshold: '< 300 KB (300,000 bytes)',
    measured:
      size.bytes !== undefined
        ? `${size.bytes.toLocaleString('en-US')} bytes (gzip ${size.gzip?.toLocaleString('en-US')})`
        : `build failed: ${size.error}`,
    verdict: verdict(size.bytes !== undefined ? size.bytes < 300_000 : false),
  });
  return t;
}

function isolatedSection(iso: { query: Isolated[]; note: Isolated[] }, queryLen: number, noteLen: number): string {
  const lines = ['## Isolated timings', ''];
  lines.push(
    `Synthetic texts written for the benchmark (fake identifiers from unreal ranges): a clinical query of ${queryLen.toLocaleString('en-US')} characters and a pasted note of ${noteLen.toLocaleString('en-US')} characters, each timed alone after 20 warm-up calls.`,
    '',
    '| text | tool | runs | p50 ms | p99 ms | max ms | chars/ms | tool ÷ ours p99 | errors |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const [label, rows] of [
    ['1 KB query', iso.query],
    ['100 KB note', iso.note],
  ] as const) {
    const o = rows[0];
    for (const r of rows) {
      lines.push(
        `| ${label} | ${r.tool} | ${r.iterations} | ${ms2(r.p50)} | ${ms2(r.p99)} | ${ms2(r.max)} | ${num(r.charsPerMs)} | ` +
          `${r === o ? '–' : times(r.p99 / o.p99)} | ${r.errors} |`,
      );
    }
  }
  return lines.join('\n');
}

function machineNote(): string {
  const c = cpus();
  // Load average at start: timings on a shared machine are only comparable at similar load.
  return (
    `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `${platform()} ${release()}, load average ${loadavg()[0].toFixed(2)} at start`
  );
}

async function main(): Promise<void> {
  const opt = parseOptions(process.argv.slice(2));
  const machine = machineNote();
  if (opt.misses) progress('--misses: printing corpus text (missed values, false alarms) to stderr');
  const peers = opt.peers ? await loadPeers() : [];
  const results: Partial<Record<CorpusKind, ToolRun[]>> = {};
  const sections: string[] = [];
  const started = performance.now();

  for (const kind of opt.corpora) {
    const records = loadCorpus(kind, opt.limit);
    progress(`${kind}: ${records.length} texts, ${ours.name}`);
    const runs: ToolRun[] = [await runOurs(records, kind, opt.misses)];
    for (const p of peers) {
      progress(`${kind}: ${p.name}`);
      runs.push(await runPeer(p, records, kind));
    }
    results[kind] = runs;
    sections.push(corpusSection(kind, records, runs));
  }

  progress('isolated timings');
  const query = syntheticQuery();
  const note = syntheticNote();
  const iso = { query: [] as Isolated[], note: [] as Isolated[] };
  iso.query.push(await timeIsolated(ours.name, query, (t) => ours.run(t), 5000, 3000));
  iso.note.push(await timeIsolated(ours.name, note, (t) => ours.run(t), 200, 5000));
  for (const p of peers) {
    progress(`isolated timings: ${p.name}`);
    iso.query.push(await timeIsolated(p.name, query, (t) => p.redact(t), 2000, 3000));
    iso.note.push(await timeIsolated(p.name, note, (t) => p.redact(t), 50, 15000));
  }

  progress('bundle size');
  const size = await bundleSize();
  const tgs = targets(results, iso, size);

  const full = opt.corpora.length === Object.keys(CORPORA).length && opt.peers && !opt.limit;
  const header = [
    '# PHI Guard detection benchmark',
    '',
    `Date: ${new Date().toISOString()} · Node ${process.version} · ${machine}`,
    `Run: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` · ${((performance.now() - started) / 1000).toFixed(0)} s in all${full ? '' : ' · partial run'}`,
    '',
    'Scoring: bench/score.ts, implementing SCORING.md. Strict recall and character precision need spans, so they exist for our scanner only; peers return redacted text and are compared on lenient recall. A peer "flags" a text when its output differs from the input; an error on a text counts as unchanged output (column "errors").',
    '',
    'Peers: ' +
      (peers.length ? peers.map((p) => `${p.name} ${p.version} (${p.setup})`).join('; ') : 'not run (--no-peers)') +
      `. Ours: ${ours.name} ${ours.version} (${ours.setup}).`,
  ];
  const targetTable = [
    '## Targets',
    '',
    '| target | threshold | measured | result |',
    '|---|---|---|---|',
    ...tgs.map((t) => `| ${t.name} | ${t.threshold} | ${t.measured} | ${MARK[t.verdict]} |`),
  ];
  const sizeSection = [
    '## Bundle size',
    '',
    size.bytes !== undefined
      ? `\`detectors/index.ts\` (the scanner, its detectors and the health-context score) bundled by esbuild (minify, browser, esm): ${size.bytes.toLocaleString('en-US')} bytes, ${size.gzip?.toLocaleString('en-US')} gzipped.`
      : `esbuild could not bundle \`detectors/index.ts\`: ${size.error}`,
  ];
  const notes = [
    '## Notes',
    '',
    '- Occurrences: presidio values use their annotated offsets; other values every verbatim occurrence (quote-folded when needed: one ASQ-PHI value differs from its text by a typographic apostrophe). Unlocatable values are excluded and counted above.',
    '- presidio: only PERSON, STREET_ADDRESS, PHONE_NUMBER, EMAIL_ADDRESS, US_SSN, CREDIT_CARD, IP_ADDRESS, IBAN_CODE, US_DRIVER_LICENSE, DOMAIN_NAME and DATE_TIME with a day or month (a month name, a day ordinal, or a numeric date with two or three parts; weekday names and bare years excluded) are scored. A record with only other labels is neither PHI-bearing nor PHI-free. The presidio targets are judged on strict recall; lenient is shown alongside.',
    '- negatives-dev: records with a label (an age over 89, an e-mail address in a long prompt) are PHI-bearing, not false alarms.',
    '- Character precision counts finding characters inside any annotated value (scored or not) over PHI-bearing texts; annotations are not exhaustive, so it is a lower bound.',
    '- Times are per call in this process: the mean of each text over up to 5 timed passes (as many as fit in 2 s, at least one), after a warm-up over the same texts (repeated passes for up to 2 s, at most 50 passes, after a full garbage collection; the same rule for every tool: optimising JITs need several passes to reach steady speed, and no tool should pay for the garbage of the tool before it) and an untimed pass whose outputs are scored (then another full collection, so that the timed passes only call the tool); "run time" is wall time for the tool on the corpus, warm-up included. The 100 KB target is judged on p99 of the isolated runs.',
  ];
  const report = [
    header.join('\n'),
    targetTable.join('\n'),
    ...sections,
    isolatedSection(iso, query.length, note.length),
    sizeSection.join('\n'),
    notes.join('\n'),
  ].join('\n\n');
  process.stdout.write(`${report}\n`);
  if (full) {
    writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${report}\n`);
    progress('wrote bench/RESULTS.md');
  } else {
    progress('partial run: bench/RESULTS.md not updated');
  }
}

main().catch((err: unknown) => {
  // Messages come from our own code and the peers' loaders, not from corpus text.
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
