/**
 * Versions of the organisation's policy. Saving never edits a version: it adds the next one, and a rollback
 * adds a copy of an older one, so the history is complete and every change gets a new ETag.
 */
import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { policies } from '../db/schema';

export interface PolicyVersion {
  version: number;
  etag: string;
  body: unknown;
  comment: string | null;
  restoredFrom: number | null;
  createdAt: string;
}

/** A stable JSON text (sorted keys), so the ETag depends on the content and not on key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const toVersion = (r: typeof policies.$inferSelect): PolicyVersion => ({
  version: r.version,
  etag: r.etag,
  body: r.body,
  comment: r.comment,
  restoredFrom: r.restoredFrom,
  createdAt: r.createdAt.toISOString(),
});

export async function currentPolicy(database: Database): Promise<PolicyVersion | undefined> {
  const rows = await database.db.select().from(policies).orderBy(desc(policies.version)).limit(1);
  return rows[0] ? toVersion(rows[0]) : undefined;
}

export async function policyVersion(database: Database, version: number): Promise<PolicyVersion | undefined> {
  const rows = await database.db.select().from(policies).where(eq(policies.version, version));
  return rows[0] ? toVersion(rows[0]) : undefined;
}

export async function policyHistory(database: Database, limit = 100): Promise<Omit<PolicyVersion, 'body'>[]> {
  const rows = await database.db
    .select({
      version: policies.version,
      etag: policies.etag,
      comment: policies.comment,
      restoredFrom: policies.restoredFrom,
      createdAt: policies.createdAt,
    })
    .from(policies)
    .orderBy(desc(policies.version))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Adds the next version. Two admins saving at once: the loser's insert conflicts and is retried on top. */
export async function savePolicy(
  database: Database,
  body: unknown,
  opts: { comment?: string | null; restoredFrom?: number | null } = {},
): Promise<PolicyVersion> {
  const hash = createHash('sha256').update(canonicalJson(body)).digest('base64url').slice(0, 22);
  for (let attempt = 0; ; attempt++) {
    const [row] = await database.rows<{ v: number }>(sql`select coalesce(max(version), 0)::int + 1 as v from policies`);
    const version = Number(row?.v ?? 1);
    const inserted = await database.db
      .insert(policies)
      .values({
        version,
        body,
        etag: `"${version}-${hash}"`,
        comment: opts.comment ?? null,
        restoredFrom: opts.restoredFrom ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) return toVersion(inserted[0]);
    if (attempt >= 5) throw new Error('policy version conflict');
  }
}
