/**
 * Serves the dashboard: one HTML page, one script bundled by esbuild from dashboard/main.ts on first request
 * (it includes the policy schema, so the editor validates with exactly the server's code), one stylesheet.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

const DIR = resolve(import.meta.dirname, '../dashboard');
let bundle: Promise<string> | undefined;

export function dashboardScript(): Promise<string> {
  bundle ??= (async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [resolve(DIR, 'main.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return out.outputFiles[0]?.text ?? '';
  })();
  bundle.catch(() => {
    bundle = undefined;
  });
  return bundle;
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_req, reply) => reply.redirect('/dashboard/'));
  app.get('/dashboard', async (_req, reply) => reply.redirect('/dashboard/'));
  app.get('/dashboard/', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(await readFile(resolve(DIR, 'index.html')));
  });
  app.get('/dashboard/app.css', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/css; charset=utf-8').send(await readFile(resolve(DIR, 'app.css')));
  });
  app.get('/dashboard/app.js', async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/javascript; charset=utf-8').send(await dashboardScript());
  });
}
