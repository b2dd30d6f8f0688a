/**
 * The SIEM forwarder against a local node:http receiver standing in for Splunk HEC and a webhook. If these fail,
 * events reach the SIEM twice, late, never, or in a shape it does not parse.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleEvent } from '../../events/fixtures';
import type { Database } from '../db/client';
import { insertEvents } from '../store/events';
import { backends } from '../test-helpers';
import { forwarderStatus, forwardOnce } from './forwarder';
import { toOcsf } from './ocsf';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function receiver(statuses: number[] = []) {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const status = statuses.length ? (statuses.shift() as number) : 200;
      if (status === 200) got.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}');
    });
  });
  return {
    got,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          const a = server.address();
          resolve(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`);
        }),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('OCSF mapping', () => {
  it('maps an event to a Data Security Finding without text or values', () => {
    const e = sampleEvent({ action: 'sent_anyway', justification: 'not-phi', time: '2026-03-04T05:06Z' });
    const o = toOcsf(e);
    expect(o).toMatchObject({
      class_uid: 2006,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200601,
      time: Date.parse('2026-03-04T05:06:00Z'),
      severity_id: 4,
      action_id: 1,
      confidence_id: 3,
      count: 3,
      metadata: { uid: e.id, product: { name: 'PHI Guard' } },
      device: { uid: e.installId },
      dst_endpoint: { hostname: 'chatgpt.com' },
      actor: { user: { uid: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } },
      data_security: { category_id: 2 },
      unmapped: { phi_guard: { action: 'sent_anyway', justification: 'not-phi' } },
    });
  });
});

describe.each(backends())('SIEM forwarder on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  const events = Array.from({ length: 7 }, () => sampleEvent());

  beforeAll(async () => {
    ({ database, drop } = await backend.open());
    await insertEvents(database, events);
  });
  afterAll(async () => drop?.());

  it('pushes every stored event once to Splunk HEC, in batches, and resumes from its cursor', async () => {
    const r = receiver();
    const url = `${await r.start()}/services/collector/event`;
    try {
      const cfg = { name: 'splunk', kind: 'splunk-hec' as const, url, token: 'hec-token-123' };
      expect(await forwardOnce(database, cfg, { settleMs: 0, batchSize: 3 })).toBe(7);
      expect(r.got).toHaveLength(3);
      expect(r.got[0]?.headers.authorization).toBe('Splunk hec-token-123');
      const lines = r.got.flatMap((g) => g.body.split('\n').map((l) => JSON.parse(l)));
      expect(lines.map((l) => l.event.metadata.uid)).toEqual(events.map((e) => e.id));
      expect(lines[0]).toMatchObject({ source: 'phi-guard', sourcetype: 'ocsf:data_security_finding' });
      expect(typeof lines[0].time).toBe('number');
      // Nothing new: nothing sent.
      expect(await forwardOnce(database, cfg, { settleMs: 0 })).toBe(0);
      const more = sampleEvent();
      await insertEvents(database, [more]);
      expect(await forwardOnce(database, cfg, { settleMs: 0 })).toBe(1);
      expect(JSON.parse(r.got[3]?.body ?? '{}').event.metadata.uid).toBe(more.id);
      const status = await forwarderStatus(database);
      expect(status.find((s) => s.name === 'splunk')).toMatchObject({ forwarded: 8, last_error: null });
    } finally {
      await r.stop();
    }
  });

  it('a webhook that fails is retried from the last accepted batch, with nothing lost', async () => {
    const r = receiver([200, 503]);
    const url = `${await r.start()}/hook`;
    try {
      const cfg = { name: 'hook', kind: 'webhook' as const, url, secret: 's3cret' };
      expect(await forwardOnce(database, cfg, { settleMs: 0, batchSize: 4 })).toBe(4);
      const failed = await forwarderStatus(database);
      expect(failed.find((s) => s.name === 'hook')?.last_error).toBe('HTTP 503');
      expect(await forwardOnce(database, cfg, { settleMs: 0, batchSize: 4 })).toBe(4);
      const ids = r.got.flatMap((g) =>
        JSON.parse(g.body).events.map((e: { metadata: { uid: string } }) => e.metadata.uid),
      );
      expect(new Set(ids).size).toBe(8);
      const first = r.got[0] as Received;
      expect(first.headers['x-phi-guard-signature']).toBe(
        `sha256=${createHmac('sha256', 's3cret').update(first.body).digest('hex')}`,
      );
    } finally {
      await r.stop();
    }
  });

  it('one instance at a time: a second owner does nothing while the lease is held', async () => {
    const r = receiver();
    const url = await r.start();
    try {
      const cfg = { name: 'leased', kind: 'webhook' as const, url };
      let release: () => void = () => {};
      const gate = new Promise<void>((res) => {
        release = res;
      });
      const slowFetch: typeof fetch = async (input, init) => {
        await gate;
        return fetch(input, init);
      };
      const a = forwardOnce(database, cfg, { settleMs: 0, owner: 'a', fetch: slowFetch });
      await new Promise((res) => setTimeout(res, 200));
      expect(await forwardOnce(database, cfg, { settleMs: 0, owner: 'b' })).toBe(0);
      release();
      expect(await a).toBe(8);
    } finally {
      await r.stop();
    }
  });
});
