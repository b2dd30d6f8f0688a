/**
 * Bundles the replicas for the browser with esbuild (at test time, in memory) and serves each at its real
 * origin, so the extension's shipped match patterns decide where the guard runs.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { SITES } from '../../../sites/index';

let bundle: Promise<string> | undefined;

/** The replicas' script (one bundle for all sites: ProseMirror, TipTap, Quill, Lexical, React). */
export function replicaBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [resolve(import.meta.dirname, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

/** The first URL of a site adapter's first pattern (e.g. https://huggingface.co/chat). */
export function siteUrl(id: string): string {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new Error(`no adapter ${id}`);
  return site.matches[0].replace(/\*$/, '');
}

export function replicaHtml(id: string): string {
  return `<!doctype html><html lang="en" data-replica="${id}"><head><meta charset="utf-8"><title>${id} replica</title>
<style>body{font:15px system-ui;margin:40px}[contenteditable],textarea{display:block;min-height:48px;width:520px;border:1px solid #999;padding:6px}</style>
</head><body><script src="/__replica.js"></script></body></html>`;
}

/** Routes the site's origin to its replica page and the shared bundle. */
export async function serveReplica(context: BrowserContext, id: string): Promise<string> {
  const url = siteUrl(id);
  const origin = new URL(url).origin;
  const js = await replicaBundle();
  await context.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/__replica.js') {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: js });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: replicaHtml(id) });
  });
  return url;
}
