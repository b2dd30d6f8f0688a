import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../wxt.config';
import { EXTENSION_ID, GECKO_ID } from './extension-id';

/** Chromium's rule: sha256 of the DER SubjectPublicKeyInfo, first 32 hex digits, 0-f written as a-p. */
function chromiumIdFromKey(base64Der: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Der, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + Number.parseInt(h, 16))).join('');
}

async function manifestFor(browser: string): Promise<UserManifest> {
  const env: ConfigEnv = { browser, command: 'build', mode: 'production', manifestVersion: 3 };
  const m = config.manifest;
  return typeof m === 'function' ? await m(env) : ((await m) ?? {});
}

// If these fail, policies and docs that name the extension by id no longer reach the built extension.
describe('fixed extension ids', () => {
  it('EXTENSION_ID is the id Chromium derives from the key in wxt.config.ts', async () => {
    const { key } = await manifestFor('chrome');
    expect(typeof key).toBe('string');
    expect(chromiumIdFromKey(key as string)).toBe(EXTENSION_ID);
  });

  it('the key is a bare base64 RSA SubjectPublicKeyInfo, not a private key', async () => {
    const { key } = await manifestFor('edge');
    expect(key).toMatch(/^MIIB[A-Za-z0-9+/]+=*$/);
    const der = Buffer.from(key as string, 'base64');
    // 2048-bit RSA SPKI is 294 bytes; a PKCS#8 private key would be over a thousand.
    expect(der.length).toBe(294);
  });

  it('Firefox gets the gecko id and no Chromium key', async () => {
    const m = await manifestFor('firefox');
    expect(m.key).toBeUndefined();
    expect(m.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
  });
});
