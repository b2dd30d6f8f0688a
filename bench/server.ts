/**
 * `npm run bench:server`: the admin server's ingestion throughput (autocannon against POST /v1/events over real
 * HTTP on 127.0.0.1, unique event ids per request) and the dashboard overview query with 1 million stored events,
 * on PGlite and, when DATABASE_URL is set, on PostgreSQL. Writes bench/SERVER-RESULTS.md.
 *
 * Options: --duration SECONDS (default 10), --rows N (default 1000000), --no-write.
 * Load generator and server share this machine's cores, so the figures are a floor for a dedicated server.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { sampleEvent } from '../events/fixtures';
import { eventTime } from '../events/schema';
import { buildApp } from '../server/app';
import { type Database, openDatabase } from '../server/db/client';
import { createEnrollmentToken } from '../server/store/auth';
import { countEvents, overview, rebuildRollups } from '../server/store/events';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const DURATION = opt('--duration', 10);
const ROWS = opt('--rows', 1_000_000);
const out = (s: string) => process.stdout.write(`${s}\n`);

interface IngestResult {
  batch: number;
  requestsPerSec: number;
  eventsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

interface BackendResult {
  name: string;
  ingest: IngestResult[];
  seedSeconds: number;
  rows: number;
  overview30d: number;
  overview7d: number;
  overviewSite: number;
}

const now = eventTime();
function body(batch: number): string {
  return JSON.stringify({ events: Array.from({ length: batch }, () => sampleEvent({ id: randomUUID(), time: now })) });
}

async function ingest(url: string, token: string, batch: number): Promise<IngestResult> {
  const result = await autocannon({
    url: `${url}/v1/events`,
    connections: 10,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body(batch) }),
      },
    ],
  });
  const ok = result.requests.total - result.non2xx;
  return {
    batch,
    requestsPerSec: result.requests.average,
    eventsPerSec: (ok / result.duration) * batch,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** 1 million synthetic events over 30 days in one statement per 100k rows (generate_series, no client round trips). */
async function seedForBench(database: Database, rows: number): Promise<void> {
  const chunk = 100_000;
  for (let start = 0; start < rows; start += chunk) {
    const end = Math.min(rows, start + chunk);
    await database.run(sql`
      insert into events (id, time, install_id, user_mode, user_id, site, action, categories, category_mask, detectors,
        confidence, justification, policy_version, extension_version, browser)
      select gen_random_uuid(),
        date_trunc('minute', now() - (((g::bigint * 7919) % 43200) * interval '1 minute')),
        md5('install' || (g % 800))::uuid,
        'pseudonymous', md5('user' || (g % 600)),
        (array['chatgpt.com','claude.ai','gemini.google.com','copilot.microsoft.com','www.perplexity.ai',
          'chat.deepseek.com','grok.com','chat.mistral.ai','poe.com','huggingface.co','notebooklm.google.com',
          'www.meta.ai','you.com','character.ai','m365.cloud.microsoft','chat.openai.com'])[1 + (g % 16)],
        (array['held','held','held','warned','warned','redacted','redacted','redacted','sent_anyway','cancelled',
          'blocked','blocked','allowed','allowed','allowed','allowed','unsanctioned_visit','unsanctioned_visit',
          'coverage_lost','held'])[1 + (g % 20)],
        jsonb_build_object('NAME', 1 + g % 3, 'MRN', 1),
        (1 << 0) | (1 << 8) | (case when g % 5 = 0 then 1 << 7 else 0 end),
        array['person-name','mrn'],
        (array['low','medium','high'])[1 + (g % 3)],
        case when g % 20 = 8 then (array['not-phi','synthetic','approved-tool','patient-request'])[1 + (g / 20) % 4] end,
        '3', '0.1.0', (array['chrome','edge','firefox'])[1 + (g % 3)]
      from generate_series(${start + 1}::int, ${end}::int) as g`);
  }
  await database.run(sql`analyze events`);
  // The rows bypassed insertEvents, so the dashboard's rollups are computed from them once.
  await rebuildRollups(database);
}

async function timeIt(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function runBackend(name: string, database: Database): Promise<BackendResult> {
  out(`\n== ${name}`);
  const { token } = await createEnrollmentToken(database, 'bench');
  const app = await buildApp({ database, logger: false, jobs: false, ingestRateLimit: 1e9 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const results: IngestResult[] = [];
  for (const batch of [1, 50]) {
    const r = await ingest(url, token, batch);
    out(`ingest batch=${batch}: ${r.eventsPerSec.toFixed(0)} events/s, p99 ${r.p99} ms, errors ${r.errors}`);
    results.push(r);
  }
  await app.close();

  await database.run(sql`truncate events`);
  const t = performance.now();
  await seedForBench(database, ROWS);
  const seedSeconds = (performance.now() - t) / 1000;
  const rows = await countEvents(database);
  out(`seeded ${rows} events in ${seedSeconds.toFixed(1)} s`);
  const to = new Date();
  const f30 = { from: new Date(to.getTime() - 30 * 86_400_000), to };
  const f7 = { from: new Date(to.getTime() - 7 * 86_400_000), to };
  const overview30d = await timeIt(() => overview(database, f30));
  const overview7d = await timeIt(() => overview(database, f7));
  const overviewSite = await timeIt(() => overview(database, { ...f30, site: 'claude.ai' }));
  out(
    `overview: 30 days ${overview30d.toFixed(0)} ms, 7 days ${overview7d.toFixed(0)} ms, one site ${overviewSite.toFixed(0)} ms`,
  );
  return { name, ingest: results, seedSeconds, rows, overview30d, overview7d, overviewSite };
}

async function pgVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query('show server_version');
  await c.end();
  return String(r.rows[0]?.server_version ?? '?');
}

async function main(): Promise<void> {
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const results: BackendResult[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'phig-bench-'));
  try {
    const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
    results.push(await runBackend('PGlite (data folder)', lite));
    await lite.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  let pgNote = 'PostgreSQL: skipped (DATABASE_URL not set).';
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `phig_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    try {
      const database = await openDatabase({ databaseUrl: u.toString() });
      results.push(await runBackend(`PostgreSQL ${await pgVersion(url)}`, database));
      await database.close();
      pgNote = '';
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else out(`\n${pgNote}`);

  const lines = [
    '# Admin server benchmark',
    '',
    `\`npm run bench:server\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ` +
      `${new Date().toISOString().slice(0, 10)}. autocannon: 10 connections, ${DURATION} s per run, POST /v1/events over ` +
      `HTTP on 127.0.0.1 with unique event ids; load generator and server share the cores (load average ${load} at the start: ` +
      'other work on the machine lowers these figures).',
    '',
    '| Database | Batch | Events/s | Requests/s | p50 ms | p99 ms | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) =>
      r.ingest.map(
        (i) =>
          `| ${r.name} | ${i.batch} | ${i.eventsPerSec.toFixed(0)} | ${i.requestsPerSec.toFixed(0)} | ${i.p50} | ${i.p99} | ${i.errors} |`,
      ),
    ),
    '',
    `Overview query (every dashboard aggregate for one filter; median of 5 after a warm-up) with ${ROWS.toLocaleString('en')} stored events spread over 30 days (seeded with generate_series):`,
    '',
    '| Database | Seed s | Last 30 days (all rows) ms | Last 7 days ms | One site, 30 days ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.seedSeconds.toFixed(1)} | ${r.overview30d.toFixed(0)} | ${r.overview7d.toFixed(0)} | ${r.overviewSite.toFixed(0)} |`,
    ),
    '',
    ...(pgNote ? [pgNote, ''] : []),
    'Target (issue 5): the overview under 500 ms on PostgreSQL with 1 million events.',
    '',
  ];
  if (!args.includes('--no-write')) {
    await writeFile(resolve(import.meta.dirname, 'SERVER-RESULTS.md'), lines.join('\n'));
    out('\nwrote bench/SERVER-RESULTS.md');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
