import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Contract tests of the CLI as a user runs it: a child process, stdin/stdout, exit codes.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT = 60_000;

// Synthetic identifiers from unreal ranges; a labelled SSN is what every reasonable detector set catches.
const SSN = '900-12-3456';
const PHI_TEXT = `Pt Jane Roe, SSN ${SSN}, seen 03/04/2025 for follow-up of her diabetes.`;
const BENIGN_TEXT = 'What is the usual adult dose of amoxicillin for otitis media?';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/scan.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function lines(s: string): string[] {
  return s.split('\n').filter((l) => l !== '');
}

const tmp = mkdtempSync(join(tmpdir(), 'phi-guard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scan --jsonl', () => {
  it(
    'writes one line per input line, in order, with ids of any JSON type echoed as given',
    async () => {
      // Raw id source, as it must come back (a 20-digit number and 1.0 would not survive JSON.parse).
      const ids = ['"a-1"', '2', 'null', '{"k":[1,"}"]}', '12345678901234567890', 'true', '1.0', '[3, "x"]'];
      const input = ids.map((id, i) => `{"id":${id},"text":${JSON.stringify(i % 2 ? PHI_TEXT : BENIGN_TEXT)}}`);
      const r = await run(['--jsonl'], `${input.join('\n')}\n`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = lines(r.stdout);
      expect(out).toHaveLength(ids.length);
      out.forEach((line, i) => {
        expect(line.startsWith(`{"id":${ids[i]},"action":`)).toBe(true);
        const rec = JSON.parse(line) as { action: string; findings: Record<string, unknown>[] };
        expect(Object.keys(rec)).toEqual(['id', 'action', 'findings']);
        expect(['allow', 'warn', 'block']).toContain(rec.action);
        for (const f of rec.findings) {
          expect(Object.keys(f).sort()).toEqual(['category', 'confidence', 'detector', 'end', 'start']);
          // No reason and no value: the machine output carries offsets only.
          expect(f.start as number).toBeLessThan(f.end as number);
        }
      });
    },
    TIMEOUT,
  );

  it(
    'blocks a labelled SSN with a finding that covers it, and allows a clinical question without identifiers',
    async () => {
      const input = [
        JSON.stringify({ id: 'phi', text: PHI_TEXT }),
        JSON.stringify({ id: 'benign', text: BENIGN_TEXT }),
      ].join('\n');
      const r = await run(['--jsonl'], input);
      expect(r.code).toBe(0);
      const [phi, benign] = lines(r.stdout).map((l) => JSON.parse(l));
      const s = PHI_TEXT.indexOf(SSN);
      expect(phi.action).toBe('block');
      expect(
        phi.findings.some(
          (f: { start: number; end: number; category: string }) =>
            f.category === 'SSN' && f.start <= s && f.end >= s + SSN.length,
        ),
      ).toBe(true);
      expect(benign).toEqual({ id: 'benign', action: 'allow', findings: [] });
    },
    TIMEOUT,
  );

  it(
    'reports bad lines by number without their content, processes the rest, and exits 1',
    async () => {
      const secret = '900-55-0001';
      const input = [
        JSON.stringify({ id: 1, text: BENIGN_TEXT }),
        `{"id": 2, "text": "SSN ${secret}"`, // truncated JSON
        '',
        JSON.stringify({ id: 3 }),
        JSON.stringify({ id: 4, text: 42 }),
        `["SSN ${secret}"]`,
        '   ',
        JSON.stringify({ id: 5, text: PHI_TEXT }),
      ].join('\r\n');
      const r = await run(['--jsonl'], input);
      expect(r.code).toBe(1);
      expect(lines(r.stdout).map((l) => JSON.parse(l).id)).toEqual([1, 5]);
      for (const n of [2, 4, 5, 6]) expect(r.stderr).toMatch(new RegExp(`line ${n}\\b`));
      expect(r.stderr).not.toMatch(/line (1|3|7|8)\b/);
      expect(r.stderr).not.toContain(secret);
    },
    TIMEOUT,
  );

  it(
    'streams: answers a line before stdin is closed, and keeps order over many lines',
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'cli/scan.ts', '--jsonl'], { cwd: ROOT });
      let stdout = '';
      const firstLine = new Promise<void>((resolve) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          stdout += d;
          if (stdout.includes('\n')) resolve();
        });
      });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.write(`${JSON.stringify({ id: 0, text: PHI_TEXT })}\n`);
      await firstLine; // would hang (and time out) if the CLI buffered all input
      const n = 3000;
      for (let i = 1; i <= n; i++) {
        const ok = child.stdin.write(`${JSON.stringify({ id: i, text: i % 3 ? BENIGN_TEXT : PHI_TEXT })}\n`);
        if (!ok) await new Promise((resolve) => child.stdin.once('drain', resolve));
      }
      child.stdin.end();
      expect(await closed).toBe(0);
      const ids = lines(stdout).map((l) => JSON.parse(l).id);
      expect(ids).toEqual(Array.from({ length: n + 1 }, (_, i) => i));
    },
    TIMEOUT,
  );
});

describe('scan FILE...', () => {
  const phiFile = join(tmp, 'note.txt');
  writeFileSync(phiFile, `Referral\n${PHI_TEXT}\n`);

  it(
    'prints a report with the finding highlighted in context, no ANSI codes when not a TTY',
    async () => {
      const r = await run([phiFile]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(phiFile);
      expect(r.stdout).toMatch(/action: BLOCK/);
      expect(r.stdout).toMatch(/\bSSN\b/);
      expect(r.stdout).toContain(`[[${SSN}]]`);
      expect(r.stdout).toMatch(/\b0\.\d\d\b|\b1\.00\b/);
      expect(r.stdout).not.toContain('\x1b[');
    },
    TIMEOUT,
  );

  it(
    'reports a missing file, still processes the others, and exits 1',
    async () => {
      const missing = join(tmp, 'does-not-exist.txt');
      const r = await run([missing, phiFile]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(missing);
      expect(r.stderr).toMatch(/no such file/);
      expect(r.stdout).toContain(`[[${SSN}]]`);
    },
    TIMEOUT,
  );

  it(
    'reads stdin for "-"',
    async () => {
      const r = await run(['-'], PHI_TEXT);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('(stdin)');
      expect(r.stdout).toContain(`[[${SSN}]]`);
    },
    TIMEOUT,
  );

  it(
    '--redact prints the text with placeholders instead of the values',
    async () => {
      const r = await run(['--redact', phiFile]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\[SSN-1\]/);
      expect(r.stdout).not.toContain(SSN);
      expect(r.stdout).toContain('Referral\n');
    },
    TIMEOUT,
  );
});

describe('usage', () => {
  it(
    '--help prints usage and exits 0',
    async () => {
      const r = await run(['--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--jsonl/);
    },
    TIMEOUT,
  );

  it(
    'rejects unknown flags, nothing to scan, and --redact with --jsonl with exit code 2',
    async () => {
      for (const args of [['--bogus'], [], ['--jsonl', '--redact'], ['--jsonl', 'file.txt']]) {
        const r = await run(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/Usage/);
        expect(r.stdout).toBe('');
      }
    },
    TIMEOUT,
  );
});
