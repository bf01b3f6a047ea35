import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createChannelRepository,
  createDeploymentRepository,
  createMessageRepository,
  openDatabase,
} from '@mapwright/db';
import { createApp } from './app';
import { secureCookies, ServerEnv } from './config';
import { ensureAdmin } from './first-run';
import { createMllpIngest } from './ingest/mllp-listeners';
import { createMetrics } from './observability/metrics';
import { loadExamples } from './load-examples';
import { folderCorpus } from './review-corpus';

/** Starts the server on the embedded database (or DATABASE_URL) and prints the address to open. */
const parsed = ServerEnv.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.') || 'environment'}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const db = await openDatabase();
const examplesDir = resolve(import.meta.dirname, '../../../mappings');
if (env.MAPWRIGHT_LOAD_EXAMPLES === 'true' && existsSync(examplesDir)) {
  const { loaded, problems } = await loadExamples(db, examplesDir);
  const added = loaded.filter((l) => l.created).map((l) => l.slug);
  if (added.length > 0) process.stdout.write(`Loaded example mappings: ${added.join(', ')}\n`);
  for (const problem of problems) console.warn(`Example mapping not loaded: ${problem}`);
}
const admin = await ensureAdmin(db, {
  email: env.MAPWRIGHT_ADMIN_EMAIL,
  password: env.MAPWRIGHT_ADMIN_PASSWORD,
});
const studioDir = resolve(import.meta.dirname, '../../studio/dist');
if (!existsSync(studioDir))
  console.warn('The studio is not built: run `pnpm --filter @mapwright/studio build`.');
const metrics = createMetrics();
const app = createApp({
  metrics,
  metricsToken: env.MAPWRIGHT_METRICS_TOKEN,
  studioDir: existsSync(studioDir) ? studioDir : undefined,
  db,
  sessionTtlMs: env.MAPWRIGHT_SESSION_HOURS * 60 * 60 * 1000,
  secureCookies: secureCookies(env),
  ingestMaxBytes: env.MAPWRIGHT_INGEST_MAX_BYTES,
  // One JSON line per ingest request: ids and counts only.
  ingestLog: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
  reviewCorpus: env.MAPWRIGHT_REVIEW_CORPUS ? folderCorpus(resolve(env.MAPWRIGHT_REVIEW_CORPUS)) : undefined,
});
const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  process.stdout.write(`Mapwright is running on ${db.kind}: open http://${env.HOST}:${port}/\n`);
  if (admin === 'needs-setup')
    process.stdout.write('First run: the first visitor creates the administrator.\n');
});
const mllp = createMllpIngest({
  channels: createChannelRepository(db.prisma),
  deployments: createDeploymentRepository(db.prisma),
  messages: createMessageRepository(db.prisma),
  host: env.MAPWRIGHT_MLLP_HOST,
  reconcileMs: env.MAPWRIGHT_MLLP_RECONCILE_MS,
  metrics,
  // One JSON line per listener change or refused frame: ids, ports and codes only.
  log: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
});
await mllp.reconcile();
const stop = () => server.close(() => void mllp.close().then(() => db.close().then(() => process.exit(0))));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
