/**
 * Opens the database: embedded PGlite in a data folder (zero setup), or PostgreSQL when a URL is given. Both run
 * the same Drizzle schema and the same SQL migrations; the rest of the server sees one `Database`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema } from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Rows of a raw query (aggregates the query builder cannot say well). */
  rows<T>(query: SQL): Promise<T[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(query: SQL): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS = resolve(import.meta.dirname, 'migrations');

export interface DatabaseOptions {
  /** postgres://... ; when set, PostgreSQL is used and dataDir ignored. */
  databaseUrl?: string;
  /** PGlite data folder, or 'memory://' for a throw-away database (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10)
    : openPglite(opts.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzleLite(client, { schema });
  await migrateLite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    rows: async <T>(q: SQL) => (await db.execute(q)).rows as T[],
    run: async (q: SQL) => (await db.execute(q)).affectedRows ?? 0,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, statement_timeout: 30_000, idleTimeoutMillis: 30_000 });
  // An idle connection closed by the server (restart, failover) emits 'error'; unhandled, that would end the
  // process. The pool drops the connection and opens a new one on the next query.
  pool.on('error', () => {});
  // Several instances may start at once behind a load balancer: one migrates while the others wait.
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock(7461921)');
    await migratePg(drizzlePg(conn, { schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await conn.query('select pg_advisory_unlock(7461921)').catch(() => {});
    conn.release();
  }
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    rows: async <T>(q: SQL) => (await db.execute(q)).rows as T[],
    run: async (q: SQL) => (await db.execute(q)).rowCount ?? 0,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
