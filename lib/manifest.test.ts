import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../wxt.config';

async function manifestFor(browser: string): Promise<UserManifest> {
  const env: ConfigEnv = { browser, command: 'build', mode: 'production', manifestVersion: 3 };
  const m = config.manifest;
  return typeof m === 'function' ? await m(env) : ((await m) ?? {});
}

// If these fail, Chrome and Edge deliver no enterprise policy to the extension, or shadow-AI discovery sees nothing.
describe('manifest', () => {
  it('Chrome and Edge point storage.managed_schema at the generated schema in public/', async () => {
    for (const b of ['chrome', 'edge']) {
      const m = (await manifestFor(b)) as UserManifest & { storage?: { managed_schema?: string } };
      expect(m.storage?.managed_schema).toBe('managed_schema.json');
    }
    expect(existsSync(resolve(import.meta.dirname, '../public/managed_schema.json'))).toBe(true);
  });

  it('asks for webNavigation and no host permissions', async () => {
    const m = await manifestFor('chrome');
    expect(m.permissions).toContain('webNavigation');
    expect(m.host_permissions).toBeUndefined();
  });
});
