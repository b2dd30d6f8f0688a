import { join } from 'node:path';

/**
 * Bundles `policies/assess.ts` of the source tree at `root` the way the content script ships it
 * (esbuild, minified, ES module) into `outfile`, with a source map beside it when asked (bench:ic). The
 * bench and bench:ab time this bundle, never the TypeScript under tsx: tsx wraps every function for name
 * keeping, and an unminified bundle reads module-level constants from the module context (~8% slower, in
 * different places).
 */
export async function bundleAssess(root: string, outfile: string, opts: { sourcemap?: boolean } = {}): Promise<void> {
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
    // (bench:ic: `${outfile}.map`, to name source lines; the bundle itself is the same.)
    sourcemap: opts.sourcemap ? 'external' : false,
  });
}
