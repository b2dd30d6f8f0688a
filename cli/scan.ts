/**
 * `npm run -s scan -- ...`: the detection pipeline (policies/assess) from the command line.
 *
 * --jsonl is the machine contract: one output line per good input line, in input order, streamed.
 * Errors name line numbers only, never content, because the input is presumed to be PHI. The FILE
 * report is the one mode that prints text back, since showing findings in context is its purpose.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Finding } from '../detectors/types';
import { assess } from '../policies/assess';
import type { Action } from '../policies/decide';
import { redact } from '../policies/redact';

const USAGE = `Usage:
  npm run -s scan -- --jsonl < in.jsonl > out.jsonl
      Reads {"id": ..., "text": "..."} per line on stdin and writes, per line, in order:
      {"id": ..., "action": "allow"|"warn"|"block", "findings": [{start, end, category, detector, confidence}]}
      Offsets are UTF-16 code units, end exclusive. Blank lines are skipped; a bad line is reported on
      stderr by its line number only and produces no output line; the exit code is then 1.
  npm run -s scan -- [--redact] FILE...
      Prints a report per file: each finding highlighted in context with category, detector,
      confidence and reason, and the decided action. --redact prints the redacted text instead.
      "-" reads stdin. An unreadable file is reported and skipped (exit code 1).
  --help, -h    this text

Exit codes: 0 ok, 1 some input could not be scanned, 2 usage error.`;

const EXIT_USAGE = 2;

function errorLine(msg: string): void {
  process.stderr.write(`scan: ${msg}\n`);
}

/** A scan failure's message may carry detector internals; keep only which detector failed. */
function describeScanError(err: unknown): string {
  const m = /^detector (\S+) failed/.exec(err instanceof Error ? err.message : '');
  return m ? `scan failed in detector ${m[1]}` : 'scan failed';
}

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

// ---------- --jsonl ----------

function skipString(s: string, i: number): number {
  // s[i] is the opening quote of a string that JSON.parse already accepted.
  for (let k = i + 1; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '"') return k + 1;
  }
  return s.length;
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let k = i; k < s.length; k++) {
      const ch = s[k];
      if (ch === '"') {
        k = skipString(s, k) - 1;
      } else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return s.length;
  }
  let k = i;
  while (k < s.length && !/[\s,}\]]/.test(s[k])) k++;
  return k;
}

const WS = /\s/;

/**
 * Source text of a top-level member of a JSON object line that JSON.parse accepted, so that an id is
 * echoed exactly as given (a 20-digit number or `1.0` would not survive a parse/stringify round trip).
 * The last duplicate wins, as in JSON.parse.
 */
function rawMember(line: string, key: string): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < line.length && WS.test(line[i])) i++;
  };
  ws();
  if (line[i] !== '{') return undefined;
  i++;
  let found: string | undefined;
  for (;;) {
    ws();
    if (line[i] !== '"') return found;
    const keyEnd = skipString(line, i);
    const name = JSON.parse(line.slice(i, keyEnd)) as string;
    i = keyEnd;
    ws();
    i++; // ':'
    ws();
    const valueEnd = skipValue(line, i);
    if (name === key) found = line.slice(i, valueEnd);
    i = valueEnd;
    ws();
    if (line[i] !== ',') return found;
    i++;
  }
}

function findingOut(f: Finding) {
  return { start: f.start, end: f.end, category: f.category, detector: f.detector, confidence: f.confidence };
}

async function runJsonl(): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let failed = 0;
  for await (let line of rl) {
    lineNo++;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      errorLine(`line ${lineNo}: invalid JSON`);
      failed++;
      continue;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      errorLine(`line ${lineNo}: not a JSON object`);
      failed++;
      continue;
    }
    const text = (rec as Record<string, unknown>).text;
    if (typeof text !== 'string') {
      errorLine(`line ${lineNo}: ${text === undefined ? 'missing "text"' : '"text" is not a string'}`);
      failed++;
      continue;
    }
    let result: { action: Action; findings: Finding[] };
    try {
      result = assess(text);
    } catch (err) {
      errorLine(`line ${lineNo}: ${describeScanError(err)}`);
      failed++;
      continue;
    }
    const id = rawMember(line, 'id') ?? 'null';
    const rest = JSON.stringify({ action: result.action, findings: result.findings.map(findingOut) });
    await write(`{"id":${id},${rest.slice(1)}\n`);
  }
  if (failed) errorLine(`${failed} line${failed === 1 ? '' : 's'} could not be scanned`);
  return failed ? 1 : 0;
}

// ---------- FILE report ----------

interface Style {
  mark(s: string): string;
  dim(s: string): string;
  action(a: Action): string;
}

const PLAIN: Style = {
  mark: (s) => `[[${s}]]`,
  dim: (s) => s,
  action: (a) => a.toUpperCase(),
};

const ACTION_COLOUR: Record<Action, string> = { allow: '32', warn: '33', block: '31' };

const ANSI: Style = {
  mark: (s) => `\x1b[1;7m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  action: (a) => `\x1b[1;${ACTION_COLOUR[a]}m${a.toUpperCase()}\x1b[0m`,
};

/** Context shown on one line: newlines and control characters would break the layout or the terminal. */
function oneLine(s: string): string {
  let out = '';
  for (const ch of s.replace(/\r\n?/g, '\n')) {
    const c = ch.charCodeAt(0);
    out += ch === '\n' ? '↵' : ch === '\t' ? ' ' : c < 0x20 || (c >= 0x7f && c < 0xa0) ? '·' : ch;
  }
  return out;
}

const CONTEXT = 30;

function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

function report(name: string, text: string, style: Style): string {
  const { action, categories, findings } = assess(text);
  const out: string[] = [];
  out.push(`== ${name} (${text.length} characters) ==`);
  out.push(`action: ${style.action(action)}${categories.length ? ` (${categories.join(', ')})` : ''}`);
  if (findings.length === 0) {
    out.push('no findings');
    return out.join('\n');
  }
  out.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}:`);
  for (const f of findings) {
    const before = text.slice(Math.max(0, f.start - CONTEXT), f.start);
    const after = text.slice(f.end, f.end + CONTEXT);
    const lead = f.start > CONTEXT ? '…' : '';
    const tail = f.end + CONTEXT < text.length ? '…' : '';
    out.push(
      `  ${position(text, f.start)}  ${f.category}  ${f.detector}  ${f.confidence.toFixed(2)}  ${f.reason}`,
      `    ${style.dim(lead + oneLine(before))}${style.mark(oneLine(text.slice(f.start, f.end)))}${style.dim(oneLine(after) + tail)}`,
    );
  }
  return out.join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? 'read error';
}

async function runFiles(files: string[], redactMode: boolean): Promise<number> {
  const useColour = !!process.stdout.isTTY && !process.env.NO_COLOR;
  const style = useColour ? ANSI : PLAIN;
  let status = 0;
  let first = true;
  for (const file of files) {
    const name = file === '-' ? '(stdin)' : file;
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      errorLine(`cannot read ${name}: ${readErrorReason(err)}`);
      status = 1;
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      if (redactMode) {
        const { text: redacted } = redact(text, assess(text).findings);
        const header = files.length > 1 ? `${first ? '' : '\n'}==> ${name} <==\n` : '';
        await write(header + redacted + (redacted.endsWith('\n') ? '' : '\n'));
      } else {
        await write(`${first ? '' : '\n'}${report(name, text, style)}\n`);
      }
      first = false;
    } catch (err) {
      errorLine(`${name}: ${describeScanError(err)}`);
      status = 1;
    }
  }
  return status;
}

// ---------- main ----------

function usageError(msg: string): number {
  errorLine(msg);
  process.stderr.write(`\n${USAGE}\n`);
  return EXIT_USAGE;
}

async function main(argv: string[]): Promise<number> {
  let parsed: { values: { jsonl?: boolean; redact?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        jsonl: { type: 'boolean' },
        redact: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    // parseArgs appends advice about '--' that does not fit here; its first sentence names the problem.
    return usageError((err as Error).message.split('. ')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.jsonl) {
    if (values.redact) return usageError('--redact does not apply to --jsonl');
    if (positionals.some((p) => p !== '-'))
      return usageError('--jsonl reads stdin only; FILE arguments are not allowed');
    return runJsonl();
  }
  if (positionals.length === 0) return usageError('nothing to scan: give --jsonl or FILE...');
  return runFiles(positionals, !!values.redact);
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (| head) is the reader's choice, not a failure to report.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Every path that handles input text catches its own errors, so this message carries none.
    errorLine(`internal error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
