/**
 * `npm run bench:ratio`: our throughput against redact-pii's on the three corpora, measured so that a
 * busy machine cannot bias the ratio. The full bench (`npm run bench`) times each tool in its own
 * stretch of time, so load that comes and goes lands on one tool more than the other. Here every round
 * times one pass of ours and one pass of redact-pii over the same texts back to back, and the ratio is
 * taken from the medians of the rounds. Nothing is written to disk; the figures are printed.
 *
 * Options: `--rounds N` (default 9).
 */
import { parseArgs } from 'node:util';
import { CORPORA, loadCorpus } from './corpora';
import { ours, redactPiiPeer } from './peers';
import { type CorpusKind, percentile } from './score';

function roundsOption(): number {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } }, strict: true });
  const n = values.rounds === undefined ? 9 : Number(values.rounds);
  if (!Number.isInteger(n) || n < 3 || n > 99) {
    process.stderr.write('bench:ratio: --rounds must be a whole number from 3 to 99\n');
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const rounds = roundsOption();
  const texts = (Object.keys(CORPORA) as CorpusKind[]).flatMap((kind) => loadCorpus(kind).map((r) => r.text));
  const chars = texts.reduce((a, t) => a + t.length, 0);
  const peer = await redactPiiPeer();
  const tools: [string, (t: string) => unknown][] = [
    [ours.name, (t) => ours.run(t)],
    [peer.name, (t) => peer.redact(t)],
  ];
  const pass = (f: (t: string) => unknown): number => {
    const t0 = performance.now();
    for (const t of texts) f(t);
    return performance.now() - t0;
  };
  // Warm-up: the same rule for both tools (optimising JITs need several passes).
  for (let w = 0; w < 4; w++) for (const [, f] of tools) pass(f);
  const ms: number[][] = tools.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < tools.length; i++) ms[i].push(pass(tools[i][1]));
  }
  const [oursMs, peerMs] = ms.map((xs) => percentile(xs, 50));
  const lines = [
    `${texts.length} texts, ${chars.toLocaleString('en-US')} characters (three corpora); ${rounds} interleaved rounds, medians:`,
    `  ${ours.name}: ${oursMs.toFixed(0)} ms per pass, ${(chars / oursMs).toFixed(0)} chars/ms`,
    `  ${peer.name}: ${peerMs.toFixed(0)} ms per pass, ${(chars / peerMs).toFixed(0)} chars/ms`,
    `  ratio: ${(peerMs / oursMs).toFixed(2)}x redact-pii's throughput (target 5x)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
