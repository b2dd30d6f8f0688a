/**
 * Scores our scanner on any annotated JSON-lines file, by the rules of one corpus kind (SCORING.md, as
 * `npm run bench` applies them), without timing and without peers. For texts the scanner was not tuned
 * on: test/probes/ holds sets written blind (see its README), and a held-out file scored this way gives
 * the figures the targets name.
 *
 *   npm run -s bench:probe -- --kind asq|presidio|negatives [--misses] FILE...
 *
 * Prints one markdown table (strict recall overall and per category with 10+ values, query recall,
 * false alarms); --misses prints each missed value and false alarm to stderr. A malformed line is an
 * error naming its file and line number, never its content.
 */
import { basename } from 'node:path';
import { assess } from '../policies/assess';
import { readRecords } from './corpora';
import { type CorpusKind, type CorpusRecord, MIN_CATEGORY_VALUES, maskSpans, scoreCorpus } from './score';

const KINDS: readonly CorpusKind[] = ['asq', 'presidio', 'negatives'];

function usage(msg: string): never {
  process.stderr.write(
    `bench:probe: ${msg}\nusage: npm run -s bench:probe -- --kind asq|presidio|negatives [--misses] FILE...\n`,
  );
  process.exit(2);
}

function pct(hit: number, n: number): string {
  return n === 0 ? 'n/a' : `${(hit / n).toFixed(3)} (${hit}/${n})`;
}

function main(): void {
  const args = process.argv.slice(2);
  let kind: CorpusKind | undefined;
  let misses = false;
  const files: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--kind') {
      const v = args[++k] as CorpusKind;
      if (!KINDS.includes(v)) usage(`--kind takes one of ${KINDS.join(', ')}`);
      kind = v;
    } else if (a === '--misses') misses = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (!kind) usage('--kind is required');
  if (files.length === 0) usage('no file given');
  let records: CorpusRecord[];
  try {
    records = files.flatMap((f) => readRecords(f, basename(f)));
  } catch (err) {
    usage((err as Error).message);
  }
  const outcomes = records.map((r) => {
    const res = assess(r.text);
    return { flagged: res.action !== 'allow', output: maskSpans(r.text, res.findings), findings: res.findings };
  });
  const found = new Map(records.map((r, i) => [r, outcomes[i].findings]));
  const score = scoreCorpus(records, kind, outcomes, (rec, m) => {
    if (!misses) return;
    for (const v of m.strictMissed) process.stderr.write(`[miss] ${rec.id} ${v.type} ${JSON.stringify(v.value)}\n`);
    if (m.falseAlarm) {
      for (const f of found.get(rec) ?? [])
        process.stderr.write(
          `[false-alarm] ${rec.id} ${f.category}/${f.detector} ${JSON.stringify(rec.text.slice(f.start, f.end))}\n`,
        );
    }
  });
  const rows = [
    `| file(s) | ${files.map((f) => basename(f)).join(', ')} (${records.length} texts, scored as ${kind}) |`,
    '|---|---|',
    `| strict value recall | ${pct(score.strict?.hit ?? 0, score.strict?.n ?? 0)} |`,
    `| lenient value recall | ${pct(score.lenient.hit, score.lenient.n)} |`,
  ];
  for (const [type, c] of [...score.byType].sort((a, b) => b[1].n - a[1].n)) {
    if (c.n < MIN_CATEGORY_VALUES) continue;
    rows.push(`| strict, ${type} | ${pct(c.strict ?? 0, c.n)} |`);
  }
  rows.push(`| query recall | ${pct(score.query.hit, score.query.n)} |`);
  rows.push(`| false alarms | ${pct(score.falseAlarm.hit, score.falseAlarm.n)} |`);
  if (score.unlocatable) rows.push(`| values not found in their text | ${score.unlocatable} |`);
  process.stdout.write(`${rows.join('\n')}\n`);
}

main();
