import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMappings, lookup, megamorphicSites } from './ic';

describe('bench:ic source maps', () => {
  it('decodes base64 VLQ segments, relative across segments and lines', () => {
    // "AAAA": col 0 -> source 0, line 0, col 0; "IAAC": col +4, column +1; next line "AACA": line +1.
    // "gBAAE": col +16 (two digits), column +2.
    const lines = decodeMappings('AAAA,IAAC;AACA,gBAAE');
    expect(lines[0]).toEqual([
      { col: 0, source: 0, line: 0, column: 0 },
      { col: 4, source: 0, line: 0, column: 1 },
    ]);
    expect(lines[1]).toEqual([
      { col: 0, source: 0, line: 1, column: 1 },
      { col: 16, source: 0, line: 1, column: 3 },
    ]);
    expect(lookup(lines, 0, 3)?.column).toBe(0);
    expect(lookup(lines, 0, 9)?.column).toBe(1);
    expect(lookup(lines, 1, 15)?.column).toBe(1);
    expect(lookup(lines, 7, 0)).toBeUndefined();
  });

  it('rejects a damaged mappings string with a clear error', () => {
    expect(() => decodeMappings('AA!A')).toThrow(/bad character/);
    expect(() => decodeMappings('g')).toThrow(/truncated/);
  });
});

describe('bench:ic log reading', () => {
  it('keeps transitions into the megamorphic state of code in the named script only', () => {
    const log = [
      'code-creation,JS,10,100,0x1000,64,hot file:///x/assess.mjs:1:10,0x1,~',
      'code-creation,JS,10,100,0x2000,64,other file:///x/lib.mjs:1:1,0x2,~',
      'LoadIC,0x1010,200,1,42,P,N,0xabc,length,,',
      'LoadIC,0x1010,201,1,42,N,N,0xabd,length,,',
      'LoadIC,0x1020,202,1,50,1,P,0xabc,charCodeAt,,',
      'LoadIC,0x2010,203,3,7,P,N,0xabc,length,,',
      'KeyedLoadIC,0x1030,204,1,60,P,N,0xabc,block,,',
    ].join('\n');
    const sites = megamorphicSites(log, 'assess.mjs');
    expect(sites.map((s) => `${s.kind} ${s.line}:${s.column} ${s.property} x${s.count}`)).toEqual([
      'LoadIC 1:42 length x1',
      'KeyedLoadIC 1:60 block x1',
    ]);
  });

  it('finds a real megamorphic read in a log that node writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phig-ic-test-'));
    try {
      const script = join(dir, 'poly.mjs');
      // Six object shapes at one read: V8 goes megamorphic after four.
      writeFileSync(
        script,
        'const xs = [{a:1},{b:1,a:2},{c:1,a:3},{d:1,a:4},{e:1,a:5},{f:1,a:6}];\n' +
          'function read(o) { return o.a; }\nlet s = 0;\nfor (let i = 0; i < 1e4; i++) s += read(xs[i % 6]);\n',
      );
      const logfile = join(dir, 'ic.log');
      execFileSync(process.execPath, ['--log-ic', `--logfile=${logfile}`, '--no-logfile-per-isolate', script]);
      const sites = megamorphicSites(readFileSync(logfile, 'utf8'), 'poly.mjs');
      expect(sites.some((s) => s.kind === 'LoadIC' && s.property === 'a' && s.line === 2)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
