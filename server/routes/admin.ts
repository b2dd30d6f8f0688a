/**
 * The dashboard's API. Sign-in exchanges the admin token for a session cookie (httpOnly, SameSite=Strict);
 * every other route needs that session, and every state-changing one also needs the session's CSRF token in
 * a header and a same-origin request (design: ../auth.design.md).
 */

import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csvLines, jsonLines } from '../export';
import { validateOrgPolicy } from '../policy/validate';
import { forwarderStatus } from '../siem/forwarder';
import {
  createEnrollmentToken,
  createSession,
  deleteSession,
  findSession,
  listEnrollmentTokens,
  revokeEnrollmentToken,
  type Session,
  verifyAdminToken,
} from '../store/auth';
import { eventsAfter, filterQuerySchema, overview, recentEvents } from '../store/events';
import { currentPolicy, policyHistory, policyVersion, savePolicy } from '../store/policy';
import { RETENTION_KEY, retentionDays, setSetting } from '../store/settings';

export const SESSION_COOKIE = 'phig_session';
const SAFE = new Set(['GET', 'HEAD']);

declare module 'fastify' {
  interface FastifyRequest {
    session?: Session;
  }
}

const loginSchema = z.strictObject({ token: z.string().min(1).max(200) });
const policySaveSchema = z.strictObject({ policy: z.unknown(), comment: z.string().max(200).optional() });
const rollbackSchema = z.strictObject({ version: z.number().int().min(1) });
const settingsSchema = z.strictObject({ retentionDays: z.number().int().min(1).max(3650) });
const tokenCreateSchema = z.strictObject({ label: z.string().trim().min(1).max(80) });

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const cfg = app.config;

  /** The origin the dashboard is served from: configured, or this request's own scheme and host. */
  const expectedOrigin = (req: FastifyRequest) => cfg.publicOrigin ?? `${req.protocol}://${req.host}`;

  /** A state-changing request must come from the dashboard's own origin (or say nothing, as non-browsers do). */
  function sameOrigin(req: FastifyRequest): boolean {
    if (req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') return false;
    const origin = req.headers.origin;
    return origin === undefined || origin === expectedOrigin(req);
  }

  const bad = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({
      error: 'bad request',
      issues: error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), code: i.code })),
    });

  app.addHook('onRequest', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.url === '/api/admin/login') return;
    const session = await findSession(app.database, req.cookies[SESSION_COOKIE]);
    if (!session) return reply.code(401).send({ error: 'unauthorized' });
    if (!SAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !same(header, session.csrfToken) || !sameOrigin(req)) {
        return reply.code(403).send({ error: 'forbidden' });
      }
    }
    req.session = session;
  });

  const adminLimit = { rateLimit: { max: cfg.adminRateLimit, timeWindow: 60_000 } };

  app.post('/login', { config: { rateLimit: { max: cfg.loginRateLimit, timeWindow: 60_000 } } }, async (req, reply) => {
    // Sign-in forms posted from another site are refused too (login CSRF).
    if (!sameOrigin(req)) return reply.code(403).send({ error: 'forbidden' });
    const body = loginSchema.safeParse(req.body);
    if (!body.success) return bad(reply, body.error);
    if (!(await verifyAdminToken(app.database, body.data.token))) {
      return reply.code(401).send({ error: 'unauthorized' });
    }
    const s = await createSession(app.database, cfg.sessionTtlMs);
    reply.setCookie(SESSION_COOKIE, s.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cfg.publicOrigin ? cfg.publicOrigin.startsWith('https:') : req.protocol === 'https',
      expires: s.expiresAt,
    });
    return { csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
  });

  app.get('/session', { config: adminLimit }, async (req) => ({
    csrfToken: req.session?.csrfToken,
    expiresAt: req.session?.expiresAt.toISOString(),
  }));

  app.post('/logout', { config: adminLimit }, async (req, reply) => {
    const id = req.cookies[SESSION_COOKIE];
    if (id) await deleteSession(app.database, id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/overview', { config: adminLimit }, async (req, reply) => {
    const q = filterQuerySchema.safeParse(req.query);
    if (!q.success) return bad(reply, q.error);
    const [data, policy] = await Promise.all([overview(app.database, q.data.filter), currentPolicy(app.database)]);
    const body = policy?.body as { sanctionedSites?: unknown } | undefined;
    const sanctioned = Array.isArray(body?.sanctionedSites)
      ? body.sanctionedSites.filter((s): s is string => typeof s === 'string')
      : [];
    return { ...data, sanctionedSites: sanctioned, policyVersion: policy?.version ?? null };
  });

  app.get('/events', { config: adminLimit }, async (req, reply) => {
    const q = filterQuerySchema.safeParse(req.query);
    if (!q.success) return bad(reply, q.error);
    return { events: await recentEvents(app.database, q.data.filter, q.data.limit ?? 100) };
  });

  for (const format of ['csv', 'jsonl'] as const) {
    app.get(`/export.${format}`, { config: adminLimit }, async (req, reply) => {
      const q = filterQuerySchema.safeParse(req.query);
      if (!q.success) return bad(reply, q.error);
      const rows = eventsAfter(app.database, q.data.filter);
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '');
      reply.header('content-disposition', `attachment; filename="phi-guard-events-${stamp}.${format}"`);
      reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      return reply.send(Readable.from(format === 'csv' ? csvLines(rows) : jsonLines(rows)));
    });
  }

  app.get('/policy', { config: adminLimit }, async () => ({
    current: (await currentPolicy(app.database)) ?? null,
    history: await policyHistory(app.database),
  }));

  app.get('/policy/:version', { config: adminLimit }, async (req, reply) => {
    const v = z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .safeParse((req.params as { version: string }).version);
    if (!v.success) return bad(reply, v.error);
    const p = await policyVersion(app.database, v.data);
    return p ?? reply.code(404).send({ error: 'not found' });
  });

  app.post('/policy/validate', { config: adminLimit, bodyLimit: 512 * 1024 }, async (req) => {
    return validateOrgPolicy((req.body as { policy?: unknown } | null)?.policy);
  });

  app.put('/policy', { config: adminLimit, bodyLimit: 512 * 1024 }, async (req, reply) => {
    const body = policySaveSchema.safeParse(req.body);
    if (!body.success) return bad(reply, body.error);
    const check = validateOrgPolicy(body.data.policy);
    if (!check.ok) return reply.code(400).send({ error: 'invalid policy', issues: check.issues });
    const saved = await savePolicy(app.database, body.data.policy, { comment: body.data.comment ?? null });
    return reply.code(201).send(saved);
  });

  app.post('/policy/rollback', { config: adminLimit }, async (req, reply) => {
    const body = rollbackSchema.safeParse(req.body);
    if (!body.success) return bad(reply, body.error);
    const old = await policyVersion(app.database, body.data.version);
    if (!old) return reply.code(404).send({ error: 'not found' });
    const saved = await savePolicy(app.database, old.body, {
      comment: `rollback to version ${old.version}`,
      restoredFrom: old.version,
    });
    return reply.code(201).send(saved);
  });

  app.get('/settings', { config: adminLimit }, async () => ({
    retentionDays: await retentionDays(app.database),
    forwarders: await forwarderStatus(app.database),
  }));

  app.put('/settings', { config: adminLimit }, async (req, reply) => {
    const body = settingsSchema.safeParse(req.body);
    if (!body.success) return bad(reply, body.error);
    await setSetting(app.database, RETENTION_KEY, body.data.retentionDays);
    return { retentionDays: body.data.retentionDays };
  });

  app.get('/enrollment-tokens', { config: adminLimit }, async () => ({
    tokens: await listEnrollmentTokens(app.database),
  }));

  app.post('/enrollment-tokens', { config: adminLimit }, async (req, reply) => {
    const body = tokenCreateSchema.safeParse(req.body);
    if (!body.success) return bad(reply, body.error);
    // The token is shown in this response only; the server keeps its hash.
    return reply.code(201).send(await createEnrollmentToken(app.database, body.data.label));
  });

  app.delete('/enrollment-tokens/:id', { config: adminLimit }, async (req, reply) => {
    const id = z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .safeParse((req.params as { id: string }).id);
    if (!id.success) return bad(reply, id.error);
    return (await revokeEnrollmentToken(app.database, id.data))
      ? { ok: true }
      : reply.code(404).send({ error: 'not found' });
  });
}
