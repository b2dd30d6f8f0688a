/**
 * Pushes stored events to a SIEM: Splunk's HTTP Event Collector or a generic webhook, both carrying OCSF records.
 * Progress is a cursor over the events' arrival sequence, kept in the database with a lease, so with several
 * server instances one forwards at a time and a restart resumes where the last push succeeded (at-least-once:
 * a push that times out after the SIEM took it is sent again; the OCSF `metadata.uid` lets the SIEM dedupe).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { eventsAfter, type StoredEvent } from '../store/events';
import { eventEpochMs, toOcsf } from './ocsf';

export type ForwarderConfig =
  | { name: string; kind: 'splunk-hec'; url: string; token: string; index?: string }
  | { name: string; kind: 'webhook'; url: string; secret?: string };

export interface ForwardOptions {
  fetch?: typeof fetch;
  batchSize?: number;
  /** Events younger than this are left for the next run: one inserted just before may not be committed yet. */
  settleMs?: number;
  leaseMs?: number;
  timeoutMs?: number;
  owner?: string;
}

/** Splunk HEC: one JSON object per event, concatenated (newline-separated), `Authorization: Splunk <token>`. */
export function splunkHecBody(events: StoredEvent[], index?: string): string {
  return events
    .map((e) =>
      JSON.stringify({
        time: eventEpochMs(e) / 1000,
        host: 'phi-guard',
        source: 'phi-guard',
        sourcetype: 'ocsf:data_security_finding',
        ...(index ? { index } : {}),
        event: toOcsf(e),
      }),
    )
    .join('\n');
}

/** Generic webhook: `{"events":[ocsf...]}`, signed with HMAC-SHA256 of the body when a secret is set. */
export function webhookRequest(
  events: StoredEvent[],
  secret?: string,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ events: events.map(toOcsf) });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers['x-phi-guard-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { body, headers };
}

const instanceId = randomUUID();

/**
 * One forwarding run: take the lease, send batches after the cursor until caught up, move the cursor after
 * each accepted batch. Returns how many events were sent; throws nothing (errors are recorded on the state).
 */
export async function forwardOnce(
  database: Database,
  cfg: ForwarderConfig,
  opts: ForwardOptions = {},
): Promise<number> {
  const doFetch = opts.fetch ?? fetch;
  const batchSize = opts.batchSize ?? 500;
  const owner = opts.owner ?? instanceId;
  const leaseMs = opts.leaseMs ?? 60_000;
  await database.run(sql`insert into forward_state (name) values (${cfg.name}) on conflict do nothing`);
  const leased = await database.rows<{ cursor: string | number }>(sql`
    update forward_state set lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${leaseMs / 1000})
    where name = ${cfg.name} and (lease_until is null or lease_until < now() or lease_owner = ${owner})
    returning cursor`);
  if (!leased[0]) return 0;
  let cursor = Number(leased[0].cursor);
  let total = 0;
  try {
    const settled = await database.rows<{ max: string | number | null }>(sql`
      select max(seq) as max from events where received_at < now() - make_interval(secs => ${(opts.settleMs ?? 5000) / 1000})`);
    const maxSeq = Number(settled[0]?.max ?? 0);
    let batch: StoredEvent[] = [];
    const push = async () => {
      if (!batch.length) return;
      const req =
        cfg.kind === 'splunk-hec'
          ? {
              body: splunkHecBody(batch, cfg.index),
              headers: { authorization: `Splunk ${cfg.token}`, 'content-type': 'application/json' },
            }
          : webhookRequest(batch, cfg.secret);
      const res = await doFetch(cfg.url, {
        method: 'POST',
        body: req.body,
        headers: req.headers,
        redirect: 'error',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      cursor = batch[batch.length - 1]?.seq ?? cursor;
      await database.run(sql`update forward_state set cursor = ${cursor}, forwarded = forwarded + ${batch.length},
        last_success_at = now(), last_error = null,
        lease_until = now() + make_interval(secs => ${leaseMs / 1000}) where name = ${cfg.name} and lease_owner = ${owner}`);
      total += batch.length;
      batch = [];
    };
    if (maxSeq > cursor) {
      for await (const e of eventsAfter(database, null, cursor, batchSize, maxSeq)) {
        batch.push(e);
        if (batch.length >= batchSize) await push();
      }
      await push();
    }
    return total;
  } catch (err) {
    // Only the error's kind is kept: a message could quote a SIEM response we do not control.
    const reason = err instanceof Error && /^HTTP \d{3}$/.test(err.message) ? err.message : 'network error';
    await database.run(sql`update forward_state set last_error = ${reason} where name = ${cfg.name}`);
    return total;
  } finally {
    await database.run(sql`update forward_state set lease_until = null, lease_owner = null
      where name = ${cfg.name} and lease_owner = ${owner}`);
  }
}

export async function forwarderStatus(database: Database) {
  return database.rows<{ name: string; forwarded: number; last_success_at: string | null; last_error: string | null }>(
    sql`select name, forwarded::int as forwarded, to_char(last_success_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_success_at, last_error from forward_state order by name`,
  );
}
