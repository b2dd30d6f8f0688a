/**
 * Shared by the server's tests: the database backends to run on (PGlite always; PostgreSQL when DATABASE_URL is
 * set, each test file in a database of its own), and a signed-in admin.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from './app';
import { type Database, openDatabase } from './db/client';
import { createEnrollmentToken, ensureAdminToken } from './store/auth';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<{ database: Database; drop(): Promise<void> }>;
}

let warned = false;

export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'pglite',
      open: async () => {
        const database = await openDatabase({ dataDir: 'memory://' });
        return { database, drop: () => database.close() };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      open: async () => {
        const name = `phig_test_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
        return {
          database,
          drop: async () => {
            await database.close();
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`drop database if exists ${name} with (force)`);
            await c.end();
          },
        };
      },
    });
  } else if (!warned) {
    warned = true;
    console.warn('[server tests] DATABASE_URL is not set: skipped PostgreSQL, ran on PGlite only');
  }
  return list;
}

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  adminToken: string;
  enrollmentToken: string;
  close(): Promise<void>;
}

export async function testServer(backend: Backend, over: Parameters<typeof buildApp>[0] = {}): Promise<TestServer> {
  const { database, drop } = await backend.open();
  const adminToken = (await ensureAdminToken(database)) ?? '';
  const { token: enrollmentToken } = await createEnrollmentToken(database, 'test');
  const app = await buildApp({ database, logger: false, jobs: false, loginRateLimit: 1000, ...over });
  await app.ready();
  return {
    app,
    database,
    adminToken,
    enrollmentToken,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Signs in through the API; returns the cookie header and CSRF token for later requests. */
export async function signIn(app: FastifyInstance, token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/login', payload: { token } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode}`);
  const c = res.cookies.find((x) => x.name === 'phig_session');
  return { cookie: `phig_session=${c?.value}`, csrf: res.json().csrfToken };
}
