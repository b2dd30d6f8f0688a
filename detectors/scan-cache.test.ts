import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanInputOf } from './engine';
import { newScanCache } from './types';

describe('scan cache', () => {
  it('is made with every field, so its hidden class is its own', () => {
    const input = scanInputOf('Ann Roe');
    expect(input?.cache).toBeDefined();
    expect(Object.keys(input?.cache ?? {}).sort()).toEqual(Object.keys(newScanCache()).sort());
  });

  it('keeps one hidden class from scan to scan after another library filled the empty-object class', () => {
    // A child process, so that the pollution and V8's natives syntax stay out of the test runner.
    const fixture = fileURLToPath(new URL('./scan-cache.fixture.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', fixture], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    // The pollution took (two objects filled from {} no longer share a class), and the engine's caches do.
    expect(JSON.parse(out)).toEqual({ fromEmptyShared: false, scanCacheShared: true });
  });
});
