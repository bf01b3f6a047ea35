import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@mapwright/db';
import express from 'express';
import type { Metrics } from './metrics';
import { checkReadiness } from './readiness';

export interface HealthOptions {
  db: Database;
  metrics: Metrics;
  /** When unset, /metrics answers 404 so nothing is exposed by default. */
  metricsToken?: string;
}

/** `/healthz` (liveness), `/readyz` (database and migrations) and `/metrics` (Prometheus, bearer token). */
export function healthRouter({ db, metrics, metricsToken }: HealthOptions): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(db);
    if (readiness.ready) return void res.json({ status: 'ready' });
    res.status(503).json({ status: 'not-ready', failed: readiness.failed, message: readiness.message });
  });
  router.get('/metrics', async (req, res) => {
    if (!metricsToken) return void res.status(404).end();
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !sameText(token, metricsToken))
      return void res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({ error: { code: 'unauthorized', message: 'Send `Authorization: Bearer <metrics token>`.' } });
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
