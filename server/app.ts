/**
 * The admin server as a Fastify app factory. `buildApp` opens (or is given) the database and registers the
 * plugins and routes; it keeps no state of its own beyond caches, so any number of instances can share one
 * PostgreSQL behind a load balancer (rate limits are per instance; see README).
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { DEFAULT_CONFIG, type ServerConfig } from './config';
import { type Database, openDatabase } from './db/client';
import { startJobs } from './jobs';
import { adminRoutes } from './routes/admin';
import { dashboardRoutes } from './routes/dashboard';
import { publicRoutes } from './routes/public';
import { RETENTION_KEY, retentionDays, setSettingIfAbsent } from './store/settings';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: ServerConfig;
  }
}

/** Strict CSP for everything the server returns: our own scripts and styles only, no inline code, no framing. */
export const CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** Public messages by status: Fastify's own messages can quote a header or body the client sent. */
const MESSAGES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  408: 'request timeout',
  409: 'conflict',
  411: 'length required',
  413: 'body too large',
  415: 'unsupported media type',
  429: 'too many requests',
};

export interface BuildOptions extends Partial<ServerConfig> {
  /** Use this database instead of opening one (tests share one; the caller closes it). */
  database?: Database;
}

export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const { database: given, ...rest } = options;
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...rest };
  const app = Fastify({
    logger:
      config.logger === false
        ? false
        : {
            ...(config.logger === true ? {} : config.logger),
            // Headers are not logged by default; these are redacted in case a serializer ever adds them.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.headers["set-cookie"]'],
          },
    // A hop count is valid at run time (proxy-addr) though the type leaves it out.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: 64 * 1024,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 100 },
  });
  const database = given ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  app.decorate('database', database);
  app.decorate('config', config);
  if (!given) app.addHook('onClose', async () => database.close());

  if (config.retentionDays) await setSettingIfAbsent(database, RETENTION_KEY, config.retentionDays);
  await retentionDays(database);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      // The error's name and code only: messages from the driver can quote values.
      req.log.error({ errName: err.name, errCode: err.code }, 'request failed');
      return reply.code(500).send({ error: 'internal error' });
    }
    return reply
      .code(status)
      .send({ error: MESSAGES[status] ?? 'bad request', ...(err.code ? { code: err.code } : {}) });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }));

  // JSON only: Fastify's default text/plain parser would let any text reach the handlers.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    // Same-origin for everything but /v1 (which the extension calls from its own origin); set there.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });

  await app.register(publicRoutes);
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(dashboardRoutes);
  if (config.jobs) startJobs(app);
  return app;
}
