import { z } from 'zod';

/** Server settings, from the environment only (secrets never live in files). */
export const ServerEnv = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Creates the first administrator at start-up when no account exists (unattended installs). */
    MAPWRIGHT_ADMIN_EMAIL: z.email().optional(),
    MAPWRIGHT_ADMIN_PASSWORD: z
      .string()
      .min(12, 'MAPWRIGHT_ADMIN_PASSWORD needs at least 12 characters')
      .optional(),
    /** Send the session cookie only over HTTPS; on by default except on loopback. */
    MAPWRIGHT_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
    MAPWRIGHT_SESSION_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    /** Load the repository's example mappings at start-up (never overwriting a mapping of the same slug). */
    MAPWRIGHT_LOAD_EXAMPLES: z.enum(['true', 'false']).default('true'),
    /**
     * A folder of real messages (any depth) that reviewers may add to a version comparison; each
     * mapping uses the files of its source format, at most 500.
     */
    MAPWRIGHT_REVIEW_CORPUS: z.string().trim().min(1).optional(),
    /** The largest body `POST /ingest/<channel>` accepts, in bytes; larger ones get 413. */
    MAPWRIGHT_INGEST_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** The address channels' MLLP ports are bound to; loopback unless senders on other hosts must reach it. */
    MAPWRIGHT_MLLP_HOST: z.string().min(1).default('127.0.0.1'),
    /** How often (ms) MLLP listeners are matched to the channels after a create, update or deploy. */
    /** Bearer token Prometheus sends to /metrics; unset means /metrics answers 404. */
    MAPWRIGHT_METRICS_TOKEN: z
      .string()
      .trim()
      .min(16, 'MAPWRIGHT_METRICS_TOKEN needs at least 16 characters')
      .optional(),
    MAPWRIGHT_MLLP_RECONCILE_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  })
  .refine(
    (env) => (env.MAPWRIGHT_ADMIN_EMAIL === undefined) === (env.MAPWRIGHT_ADMIN_PASSWORD === undefined),
    {
      message: 'Set MAPWRIGHT_ADMIN_EMAIL and MAPWRIGHT_ADMIN_PASSWORD together, or neither',
    },
  );

export type ServerEnv = z.infer<typeof ServerEnv>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const secureCookies = (env: ServerEnv): boolean =>
  env.MAPWRIGHT_SECURE_COOKIES === undefined
    ? !LOOPBACK.has(env.HOST)
    : env.MAPWRIGHT_SECURE_COOKIES === 'true';
