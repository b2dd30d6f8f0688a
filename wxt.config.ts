import { defineConfig } from 'wxt';
import { GECKO_ID } from './lib/extension-id';

/**
 * Public half of the key that fixes the Chromium extension id (lib/extension-id.ts; a unit test recomputes
 * the id from this value). The private half was discarded: an unpacked or policy-installed build only needs
 * the public key to keep its id, and the web stores sign with their own keys.
 */
export const CHROMIUM_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy28Tz/IHs4oaHGie3uxaDEpQhloMnWEJ5b9PZv/mHuKYD9k/ZgKs14NoCG1p2s/e7EgwrZxjq0g+H9XZJ5WnSsuKMM/S2RBduePziMAx2tiYM0hPTDypcLiKQx/35FP7uAl44S6ib5OJ9UHNiPRsKea5qCIgiVMICHLN3BgfnqE+5xAJ+8/jPCiB8uoSmkfaxbXZn/MSb1YfPxiTIepagBtfCzAAhDei+GXAelT86hIHuOW1+JKRnO/tQu2eHbh7bLbTFAFKP2VkzGojBa0ShVIl+ho9dioL0ArwOPWgmHdf62kytQAckHnk3Bw8eHscKTsI+i+gxz0940gz26/L0wIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'PHI Guard',
    description:
      'Warns before patient identifiers (PHI) are sent to AI chatbots. Detection runs locally; prompt text never leaves the browser.',
    // webNavigation: shadow-AI discovery sees top-level navigations (lib/shadow-nav.ts); no host permissions needed.
    permissions: ['storage', 'alarms', 'webNavigation'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the ESR that managed fleets run, and the first release that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected for the developer; reports go only to the organisation's own server.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          key: CHROMIUM_PUBLIC_KEY,
          // Chrome and Edge validate enterprise policy for the extension against this schema (generated from
          // policies/schema.ts). Firefox reads policies.json "3rdparty" without one.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // public/README.md documents the folder for developers; it has no business inside the package.
    'build:publicAssets': (_wxt, files) => {
      const keep = files.filter((f) => f.relativeDest !== 'README.md');
      files.splice(0, files.length, ...keep);
    },
  },
});
