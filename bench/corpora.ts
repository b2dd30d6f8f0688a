import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusKind, CorpusRecord } from './score';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The development corpora in test/corpora/, by kind. */
export const CORPORA: Record<CorpusKind, { file: string; title: string }> = {
  asq: { file: 'asq-phi-dev.jsonl', title: 'ASQ-PHI dev' },
  negatives: { file: 'negatives-dev.jsonl', title: 'negatives-dev (MMLU medical + chatbot prompts)' },
  presidio: { file: 'presidio-synth-dev.jsonl', title: 'presidio-synth dev' },
};

/** The path of a corpus file. */
export function corpusPath(kind: CorpusKind): string {
  return join(ROOT, 'test', 'corpora', CORPORA[kind].file);
}

/** The paths of all the corpora, for the timing child processes; a missing file is a clear error. */
export function corpusPaths(): string[] {
  const paths = (Object.keys(CORPORA) as CorpusKind[]).map(corpusPath);
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`corpus missing: ${missing.join(', ')}`);
  return paths;
}

/** Reads a corpus; malformed lines are reported by number only, never by content. */
export function loadCorpus(kind: CorpusKind, limit?: number): CorpusRecord[] {
  const out = readRecords(corpusPath(kind), CORPORA[kind].file);
  return limit ? out.slice(0, limit) : out;
}

/**
 * The {id, text, phi} records of a JSON-lines file (a corpus, or any file in that format: bench/probe.ts).
 * A malformed line is an error naming `label` and its line number, never its content.
 */
export function readRecords(file: string, label: string): CorpusRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: CorpusRecord[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: CorpusRecord;
    try {
      rec = JSON.parse(line) as CorpusRecord;
    } catch {
      // JSON.parse quotes the offending text in its message: report the line number only.
      throw new Error(`${label} line ${i + 1}: invalid JSON`);
    }
    if (typeof rec.text !== 'string' || !Array.isArray(rec.phi)) {
      throw new Error(`${label} line ${i + 1}: not a {id, text, phi} record`);
    }
    out.push(rec);
  });
  return out;
}
