import { join } from 'node:path';

/**
 * Bundles `policies/assess.ts` of the source tree at `root` the way the content script ships it
 * (esbuild, minified, ES module) into `outfile`. The bench and bench:ab time this bundle, never the
 * TypeScript under tsx: tsx wraps every function for name keeping, and an unminified bundle reads
 * module-level constants from the module context (~8% slower, in different places).
 */
export async function bundleAssess(root: string, outfile: string): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'policies', 'assess.ts')],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
  });
}
