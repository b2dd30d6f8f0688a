/**
 * The Chromium (Chrome, Edge) id of PHI Guard, fixed by the public `key` in wxt.config.ts so that
 * enterprise policy (ExtensionSettings, 3rdparty managed storage) can name the extension before it is
 * installed. `extension-id.test.ts` recomputes it from the key; the e2e smoke test checks the built one.
 */
export const EXTENSION_ID = 'piobpcoajhbolmbgaaooipialpchlhcl';

/** Firefox's id (browser_specific_settings.gecko.id): stable so managed policy and storage survive updates. */
export const GECKO_ID = 'phi-guard@phi-guard.example';
