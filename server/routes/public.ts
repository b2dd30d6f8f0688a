/**
 * What the extensions and the load balancer call: health and readiness, the organisation policy (ETag) and
 * event ingestion. /v1 answers any origin (the extension calls from chrome-extension://...), because it is
 * authenticated by a bearer token and never by a cookie.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eventBatchSchema, issuePaths } from '../../events/schema';
import { checkEnrollmentToken, sha256 } from '../store/auth';
import { insertEvents } from '../store/events';
import { currentPolicy } from '../store/policy';

/** Accepted clock skew for event times in the future. */
const FUTURE_SKEW_MS = 10 * 60_000;
const TOKEN_CACHE_MS = 30_000;

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const cfg = app.config;
  // Checked tokens, per instance, for a short time: one database lookup per token and 30 s, not per request.
  // A revoked token therefore stops working within 30 s on every instance.
  const tokenCache = new Map<string, { ok: boolean; at: number }>();

  function bearer(req: FastifyRequest): string | undefined {
    const h = req.headers.authorization;
    if (typeof h !== 'string') return undefined;
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{8,200})$/.exec(h);
    return m?.[1];
  }

  async function requireEnrollment(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = bearer(req);
    if (!token) return void reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    const key = sha256(token);
    const now = Date.now();
    let hit = tokenCache.get(key);
    if (!hit || now - hit.at > TOKEN_CACHE_MS) {
      hit = { ok: await checkEnrollmentToken(app.database, token), at: now };
      if (tokenCache.size > 10_000) tokenCache.clear();
      tokenCache.set(key, hit);
    }
    if (!hit.ok) return void reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
  }

  const v1Headers = async (_req: FastifyRequest, reply: FastifyReply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag, X-Policy-Version, Retry-After');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cache-control', 'no-store');
  };

  const ingestLimit = {
    max: cfg.ingestRateLimit,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `${req.ip}|${sha256(bearer(req) ?? '')}`,
  };

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await app.database.ping();
      return { status: 'ready', database: app.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.options('/v1/*', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', 'authorization, content-type, if-none-match');
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });

  app.get(
    '/v1/policy',
    { onRequest: [v1Headers, requireEnrollment], config: { rateLimit: ingestLimit } },
    async (req, reply) => {
      const policy = await currentPolicy(app.database);
      if (!policy) return reply.code(404).send({ error: 'no organisation policy' });
      // Clients revalidate every time; unchanged policies cost a 304 with no body.
      reply.header('cache-control', 'no-cache');
      reply.header('etag', policy.etag);
      reply.header('x-policy-version', String(policy.version));
      const inm = req.headers['if-none-match'];
      if (typeof inm === 'string' && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === policy.etag)) {
        return reply.code(304).send();
      }
      // Wrapped with its version (policies/org-policy.ts unwraps it), so events can name the version they ran under.
      return { version: policy.version, policy: policy.body };
    },
  );

  app.post(
    '/v1/events',
    {
      bodyLimit: cfg.eventsBodyLimit,
      // Authentication runs before the body is read: an unauthenticated client cannot make us parse anything.
      onRequest: [v1Headers, requireEnrollment],
      config: { rateLimit: ingestLimit },
    },
    async (req, reply) => {
      const parsed = eventBatchSchema.safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: 'invalid events', issues: issuePaths(parsed.error) });
      const latest = Date.now() + FUTURE_SKEW_MS;
      const future = parsed.data.events.findIndex((e) => Date.parse(e.time.replace('Z', ':00Z')) > latest);
      if (future >= 0) {
        return reply
          .code(400)
          .send({ error: 'invalid events', issues: [{ path: `events.${future}.time`, code: 'in_future' }] });
      }
      return insertEvents(app.database, parsed.data.events);
    },
  );
}
