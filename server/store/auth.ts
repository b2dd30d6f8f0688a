/**
 * Secrets of the admin server, all stored as hashes:
 * - the admin token (scrypt: it is the one secret a person types, so it gets a slow hash with a salt);
 * - admin sessions and enrollment tokens (SHA-256: they are 256-bit random values, a fast hash is enough and
 *   lets every request be checked by an indexed lookup).
 * Design and threat model: ../auth.design.md.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adminSessions, enrollmentTokens } from '../db/schema';
import { getSetting, setSetting } from './settings';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const ADMIN_KEY = 'admin_token';

export const randomToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

interface StoredHash {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

async function hashAdminToken(token: string): Promise<StoredHash> {
  const salt = randomBytes(16);
  const hash = await scrypt(token, salt, 32, SCRYPT);
  return {
    alg: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/**
 * Makes sure an admin token exists. Returns the new token when one was created (first start, or `rotate`),
 * which is the only time it is ever visible; otherwise undefined.
 */
export async function ensureAdminToken(database: Database, rotate = false): Promise<string | undefined> {
  const existing = await getSetting<StoredHash>(database, ADMIN_KEY);
  if (existing && !rotate) return undefined;
  const token = randomToken('pgadm');
  await setSetting(database, ADMIN_KEY, await hashAdminToken(token));
  // A new admin token ends every session opened with the old one.
  await database.db.delete(adminSessions);
  return token;
}

export async function verifyAdminToken(database: Database, token: string): Promise<boolean> {
  const stored = await getSetting<StoredHash>(database, ADMIN_KEY);
  if (stored?.alg !== 'scrypt' || token.length > 200) return false;
  const hash = await scrypt(token, Buffer.from(stored.salt, 'base64'), 32, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    maxmem: SCRYPT.maxmem,
  });
  const expected = Buffer.from(stored.hash, 'base64');
  return expected.length === hash.length && timingSafeEqual(expected, hash);
}

export interface Session {
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  database: Database,
  ttlMs: number,
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = randomToken('pgs');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await database.db.insert(adminSessions).values({ idHash: sha256(id), csrfToken, expiresAt });
  // Expired sessions are removed here rather than by a job: sign-ins are rare and this keeps the table small.
  await database.db.delete(adminSessions).where(lt(adminSessions.expiresAt, new Date()));
  return { id, csrfToken, expiresAt };
}

export async function findSession(database: Database, id: string | undefined): Promise<Session | undefined> {
  if (!id || id.length > 200) return undefined;
  const rows = await database.db
    .select({ csrfToken: adminSessions.csrfToken, expiresAt: adminSessions.expiresAt })
    .from(adminSessions)
    .where(and(eq(adminSessions.idHash, sha256(id)), gt(adminSessions.expiresAt, new Date())));
  return rows[0];
}

export async function deleteSession(database: Database, id: string): Promise<void> {
  await database.db.delete(adminSessions).where(eq(adminSessions.idHash, sha256(id)));
}

export async function createEnrollmentToken(database: Database, label: string): Promise<{ id: number; token: string }> {
  const token = randomToken('pge');
  const [row] = await database.db
    .insert(enrollmentTokens)
    .values({ tokenHash: sha256(token), label })
    .returning({ id: enrollmentTokens.id });
  return { id: row?.id ?? 0, token };
}

export async function listEnrollmentTokens(database: Database) {
  const rows = await database.db
    .select({
      id: enrollmentTokens.id,
      label: enrollmentTokens.label,
      createdAt: enrollmentTokens.createdAt,
      revokedAt: enrollmentTokens.revokedAt,
    })
    .from(enrollmentTokens)
    .orderBy(enrollmentTokens.id);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
  }));
}

export async function revokeEnrollmentToken(database: Database, id: number): Promise<boolean> {
  const r = await database.db
    .update(enrollmentTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(enrollmentTokens.id, id), isNull(enrollmentTokens.revokedAt)))
    .returning({ id: enrollmentTokens.id });
  return r.length === 1;
}

export async function checkEnrollmentToken(database: Database, token: string): Promise<boolean> {
  if (token.length < 8 || token.length > 200) return false;
  const rows = await database.db
    .select({ id: enrollmentTokens.id })
    .from(enrollmentTokens)
    .where(and(eq(enrollmentTokens.tokenHash, sha256(token)), isNull(enrollmentTokens.revokedAt)));
  return rows.length === 1;
}
