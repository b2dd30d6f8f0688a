/** Small key/value settings shared by every instance (so no instance keeps state of its own). */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { settings } from '../db/schema';

export async function getSetting<T>(database: Database, key: string): Promise<T | undefined> {
  const rows = await database.db.select().from(settings).where(eq(settings.key, key));
  return rows[0]?.value as T | undefined;
}

export async function setSetting(database: Database, key: string, value: unknown): Promise<void> {
  await database.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** Inserts only when absent; true when this call set it (first start). */
export async function setSettingIfAbsent(database: Database, key: string, value: unknown): Promise<boolean> {
  const r = await database.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoNothing()
    .returning({ key: settings.key });
  return r.length === 1;
}

export const RETENTION_KEY = 'retention_days';
export const DEFAULT_RETENTION_DAYS = 180;

export async function retentionDays(database: Database): Promise<number> {
  const v = await getSetting<number>(database, RETENTION_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : DEFAULT_RETENTION_DAYS;
}
