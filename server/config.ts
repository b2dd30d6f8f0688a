/** Server settings, from the environment (12-factor), with defaults that run on a laptop. */
import { resolve } from 'node:path';
import type { ForwarderConfig } from './siem/forwarder';

export interface ServerConfig {
  host: string;
  port: number;
  /** postgres://...: use PostgreSQL. Unset: PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder, or 'memory://' (tests). */
  dataDir: string;
  /**
   * The dashboard's public origin (https://phi-guard.hospital.example). State-changing admin requests must come
   * from it. Unset: the request's own origin (scheme and Host), which is right without a proxy.
   */
  publicOrigin?: string;
  /** Behind a load balancer: trust X-Forwarded-* from it (true, a hop count, or addresses). */
  trustProxy: boolean | number | string;
  sessionTtlMs: number;
  /** Largest POST /v1/events body; a full batch of 500 events is about 250 KB. */
  eventsBodyLimit: number;
  /** Requests per minute per enrollment token and address on /v1/*. */
  ingestRateLimit: number;
  /** Sign-in attempts per minute per address. */
  loginRateLimit: number;
  /** Admin API requests per minute per address. */
  adminRateLimit: number;
  /** Events older than this are purged (until an admin changes it in the dashboard). */
  retentionDays?: number;
  forwarders: ForwarderConfig[];
  /** Run the purge and forward timers in this process. */
  jobs: boolean;
  purgeIntervalMs: number;
  forwardIntervalMs: number;
  /** Fastify logger: false, true, or pino options. Request bodies are never logged. */
  logger: boolean | Record<string, unknown>;
}

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  dataDir: resolve(process.cwd(), '.data/phi-guard'),
  trustProxy: false,
  sessionTtlMs: 8 * 3_600_000,
  eventsBodyLimit: 512 * 1024,
  ingestRateLimit: 600,
  loginRateLimit: 10,
  adminRateLimit: 600,
  forwarders: [],
  jobs: true,
  purgeIntervalMs: 3_600_000,
  forwardIntervalMs: 30_000,
  logger: true,
};

const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** Reads PHI_GUARD_* and DATABASE_URL. Secrets (SIEM tokens) come only from the environment, never from flags. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const forwarders: ForwarderConfig[] = [];
  if (env.PHI_GUARD_SPLUNK_HEC_URL && env.PHI_GUARD_SPLUNK_HEC_TOKEN) {
    forwarders.push({
      name: 'splunk',
      kind: 'splunk-hec',
      url: env.PHI_GUARD_SPLUNK_HEC_URL,
      token: env.PHI_GUARD_SPLUNK_HEC_TOKEN,
    });
  }
  if (env.PHI_GUARD_WEBHOOK_URL) {
    forwarders.push({
      name: 'webhook',
      kind: 'webhook',
      url: env.PHI_GUARD_WEBHOOK_URL,
      secret: env.PHI_GUARD_WEBHOOK_SECRET,
    });
  }
  const trust = env.PHI_GUARD_TRUST_PROXY;
  return {
    ...DEFAULT_CONFIG,
    host: env.PHI_GUARD_HOST ?? DEFAULT_CONFIG.host,
    port: int(env.PORT ?? env.PHI_GUARD_PORT) ?? DEFAULT_CONFIG.port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PHI_GUARD_DATA_DIR ? resolve(env.PHI_GUARD_DATA_DIR) : DEFAULT_CONFIG.dataDir,
    publicOrigin: env.PHI_GUARD_PUBLIC_ORIGIN || undefined,
    trustProxy: trust === undefined ? false : trust === 'true' ? true : (int(trust) ?? trust),
    retentionDays: int(env.PHI_GUARD_RETENTION_DAYS),
    forwarders,
    logger: env.PHI_GUARD_LOG_LEVEL === 'silent' ? false : { level: env.PHI_GUARD_LOG_LEVEL ?? 'info' },
  };
}
