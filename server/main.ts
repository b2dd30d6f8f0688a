/**
 * `npm run server` (and, after building the extension, `npm start`): starts the admin server with settings
 * from the environment (config.ts). At first start it creates and prints the admin token and an enrollment
 * token; both are stored hashed, so they are never shown again (`--new-admin-token` issues a fresh admin token,
 * which is what `npm start` does so that its output always holds a working one).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { createEnrollmentToken, ensureAdminToken, listEnrollmentTokens } from './store/auth';

const out = (s: string) => process.stdout.write(`${s}\n`);

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    out('usage: tsx server/main.ts [--new-admin-token]   (settings: server/README.md)');
    return;
  }
  const config = configFromEnv();
  const app = await buildApp(config);
  const database = app.database;
  const adminToken = await ensureAdminToken(database, argv.includes('--new-admin-token'));
  let enrollment: string | undefined;
  if ((await listEnrollmentTokens(database)).length === 0) {
    enrollment = (await createEnrollmentToken(database, 'default')).token;
  }
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = config.publicOrigin ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const extension = resolve(import.meta.dirname, '../.output/chrome-mv3');

  out('');
  out('PHI Guard admin server');
  out(`  dashboard:        ${base}/dashboard/`);
  out(
    `  database:         ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
  );
  if (adminToken) out(`  admin token:      ${adminToken}   (shown once; stored hashed)`);
  else out('  admin token:      set at first start (npm start, or --new-admin-token, issues a new one)');
  if (enrollment) out(`  enrollment token: ${enrollment}   (shown once; more in the dashboard's Settings)`);
  out(`  extension policy: reportingEndpoint "${base}", enrollmentToken as above`);
  if (existsSync(resolve(extension, 'manifest.json')))
    out(`  built extension:  ${extension}   (chrome://extensions, Load unpacked)`);
  out('');

  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`phi-guard server: could not start (${err instanceof Error ? err.message : 'unknown error'})\n`);
  process.exit(1);
});
