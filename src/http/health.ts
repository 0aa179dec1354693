import type { Router } from 'express';
import express from 'express';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Lifecycle } from './drain';

/** Names of migrations listed in code but not yet applied to the database. */
export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const known = MIGRATIONS.map((m) => (new (m as new () => { name?: string })().name ?? m.name));
  const [{ exists }] = await ds.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`);
  if (!exists) return known;
  const applied = new Set((await ds.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name));
  return known.filter((n) => !applied.has(n));
}

export function healthRouter(ds: DataSource, lifecycle?: Lifecycle): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    // From the first moment of a shutdown, so a balancer stops sending before connections close.
    if (lifecycle?.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    try {
      if (!ds.isInitialized) throw new Error('database not connected');
      const pending = await pendingMigrations(ds);
      if (pending.length) {
        res.status(503).json({ status: 'unavailable', database: 'ok', pendingMigrations: pending });
        return;
      }
      res.json({ status: 'ready', database: 'ok', pendingMigrations: [] });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', database: 'unreachable', error: (e as Error).message.slice(0, 200) });
    }
  });
  return router;
}
