import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Config } from '../config';
import { registry } from './metrics';

/** Whether `GET /metrics` is served on the main port (see README "Operating it"). */
export function metricsOnMainPort(config: Config): boolean {
  if (config.metricsPort !== null) return false; // a separate listener serves them instead
  // Production without a token: off (404), so nothing is exposed by accident.
  return config.metricsToken !== null || config.nodeEnv !== 'production';
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format. With METRICS_TOKEN set the scraper must send
 * `Authorization: Bearer <token>`; a missing or wrong token is 401 (nothing about the metrics is
 * revealed). Mounted on the main app (see `metricsOnMainPort`) or on its own listener (METRICS_PORT).
 */
export function metricsRouter(config: Config): express.Router {
  const router = express.Router();
  router.get('/metrics', async (req, res) => {
    res.locals.route = 'metrics';
    res.set('Cache-Control', 'no-store');
    if (config.metricsToken !== null) {
      const m = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
      if (!m || !sameToken(m[1], config.metricsToken)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need a bearer token (需要指标访问令牌)\n');
        return;
      }
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

/** The app of the separate metrics listener (METRICS_PORT): `/metrics` only. */
export function metricsApp(config: Config): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(metricsRouter(config));
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found\n');
  });
  return app;
}
