/**
 * Background jobs of one instance: the retention purge and the SIEM forwarders. Safe to run on every instance:
 * the purge is idempotent and each forwarder takes a lease in the database before it sends.
 */
import type { FastifyInstance } from 'fastify';
import { forwardOnce } from './siem/forwarder';
import { purgeOlderThan } from './store/events';
import { retentionDays } from './store/settings';

export async function runPurge(app: FastifyInstance): Promise<number> {
  const days = await retentionDays(app.database);
  const n = await purgeOlderThan(app.database, days);
  if (n) app.log.info({ purged: n, retentionDays: days }, 'retention purge');
  return n;
}

export function startJobs(app: FastifyInstance): void {
  const timers: NodeJS.Timeout[] = [];
  let busy = false;
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } catch (err) {
      app.log.error({ job: name, errName: (err as Error)?.name }, 'job failed');
    } finally {
      busy = false;
    }
  };
  const purge = guard('purge', () => runPurge(app));
  const forward = guard('forward', async () => {
    for (const f of app.config.forwarders) await forwardOnce(app.database, f);
  });
  app.addHook('onReady', async () => {
    timers.push(setTimeout(purge, 5_000), setInterval(purge, app.config.purgeIntervalMs));
    if (app.config.forwarders.length) timers.push(setInterval(forward, app.config.forwardIntervalMs));
    for (const t of timers) t.unref();
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearTimeout(t);
  });
}
