import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { appRouter, resolveSession, type Context, type ReviewCorpusPort } from '@mapwright/api';
import {
  createConceptMapRepository,
  createMappingRepository,
  createMessageRepository,
  createChannelRepository,
  createDeploymentRepository,
  createReviewActionRepository,
  createSampleRepository,
  createSessionRepository,
  createTestCaseRepository,
  createUserRepository,
  type Database,
} from '@mapwright/db';
import { parseCookie } from 'cookie';
import express, { type Express } from 'express';
import { DEFAULT_INGEST_MAX_BYTES, ingestRouter, type IngestLogEntry } from './ingest/ingest-route';
import { healthRouter } from './observability/health-routes';
import { createMetrics, type Metrics } from './observability/metrics';

export const SESSION_COOKIE = 'mapwright_session';

export interface AppOptions {
  db: Database;
  sessionTtlMs: number;
  /** Mark the cookie Secure (HTTPS only). */
  secureCookies: boolean;
  /** The built studio (apps/studio/dist), served on the same origin as the API. */
  studioDir?: string;
  /** Real messages reviewers compare versions over (MAPWRIGHT_REVIEW_CORPUS). */
  reviewCorpus?: ReviewCorpusPort;
  /** The largest HTTP ingest body, in bytes (default 10 MB). */
  ingestMaxBytes?: number;
  /** Receives one PHI-free entry per ingest request. */
  ingestLog?: (entry: IngestLogEntry) => void;
  /** Shared with the MLLP listeners so /metrics shows both; a fresh registry when absent. */
  metrics?: Metrics;
  /** Bearer token for /metrics (MAPWRIGHT_METRICS_TOKEN); without it /metrics answers 404. */
  metricsToken?: string;
  now?: () => Date;
}

/** The HTTP host: the tRPC API under /trpc with a session cookie, and health checks. */
export function createApp({
  db,
  sessionTtlMs,
  secureCookies,
  studioDir,
  reviewCorpus,
  ingestMaxBytes = DEFAULT_INGEST_MAX_BYTES,
  ingestLog,
  metrics = createMetrics(),
  metricsToken,
  now = () => new Date(),
}: AppOptions): Express {
  const users = createUserRepository(db.prisma);
  const sessions = createSessionRepository(db.prisma);
  const mappings = createMappingRepository(db.prisma);
  const samples = createSampleRepository(db.prisma);
  const conceptMaps = createConceptMapRepository(db.prisma);
  const testCases = createTestCaseRepository(db.prisma);
  const reviews = createReviewActionRepository(db.prisma);
  const channels = createChannelRepository(db.prisma);
  const deployments = createDeploymentRepository(db.prisma);
  const messages = createMessageRepository(db.prisma);
  const app = express();
  app.disable('x-powered-by');

  app.use(healthRouter({ db, metrics, metricsToken }));

  // Senders are machines with a channel token, not studio sessions: ingest sits outside /trpc.
  app.use(
    ingestRouter({ channels, deployments, messages, maxBytes: ingestMaxBytes, log: ingestLog, metrics }),
  );

  app.use(
    '/trpc',
    // Above the largest sample (10 MB) as JSON-escaped text, so a big paste gets the API's own answer.
    express.json({ limit: '25mb' }),
    createExpressMiddleware({
      router: appRouter,
      createContext: async ({ req, res }): Promise<Context> => {
        const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
        return {
          user: await resolveSession(sessions, token, now()),
          sessionToken: token,
          users,
          sessions,
          mappings,
          samples,
          conceptMaps,
          testCases,
          reviews,
          channels,
          deployments,
          messages,
          reviewCorpus,
          now,
          sessionTtlMs,
          cookie: {
            // HttpOnly: scripts cannot read it; SameSite=Strict: other sites cannot send it.
            set: (value, expires) =>
              res.cookie(SESSION_COOKIE, value, {
                httpOnly: true,
                sameSite: 'strict',
                secure: secureCookies,
                expires,
                path: '/',
              }),
            clear: () =>
              res.clearCookie(SESSION_COOKIE, {
                httpOnly: true,
                sameSite: 'strict',
                secure: secureCookies,
                path: '/',
              }),
          },
        };
      },
    }),
  );
  if (studioDir) {
    app.use(express.static(studioDir, { index: 'index.html' }));
    // The studio routes in the browser: any other GET page gets its shell.
    app.get('/{*page}', (_req, res) => {
      res.sendFile('index.html', { root: studioDir });
    });
  }
  return app;
}
