import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../src/app';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { makeDataSource } from '../src/database/data-source';
import { makeUser, startTestApp, testConfig } from './support/app';
import { cloneTemplate, emptyDatabase, workerDatabaseName } from './support/db';

describe('health and readiness', () => {
  it('/healthz says the process is alive; /readyz says the database is reachable and migrated', async () => {
    const t = await startTestApp();
    try {
      const h = await request(t.app).get('/healthz');
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok' });
      const r = await request(t.app).get('/readyz');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ready', database: 'ok', pendingMigrations: [] });
    } finally {
      await t.close();
    }
  });

  it('/readyz is 503 and lists pending migrations on an unmigrated database, and 503 when the database is gone', async () => {
    const ds = makeDataSource({ url: await emptyDatabase(`pending_${process.env.JEST_WORKER_ID}`) });
    await ds.initialize();
    const handle = await createApp({ dataSource: ds, config: testConfig(), log: createLogger('silent') });
    try {
      const r = await request(handle.app).get('/readyz');
      expect(r.status).toBe(503);
      expect(r.body.status).toBe('unavailable');
      expect(r.body.pendingMigrations).toEqual(expect.arrayContaining([expect.stringMatching(/^Foundation\d+$/), expect.stringMatching(/^AccessAndAudit\d+$/)]));
      await ds.destroy();
      const gone = await request(handle.app).get('/readyz');
      expect(gone.status).toBe(503);
      expect(gone.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
      expect((await request(handle.app).get('/healthz')).status).toBe(200);
    } finally {
      await handle.stop();
      if (ds.isInitialized) await ds.destroy();
    }
  });
});

describe('unexpected errors', () => {
  it('reach the client as "internal error" with an id that is in the log; no stack, no SQL', async () => {
    // A database whose district table has been renamed: any query on it fails inside PostgreSQL.
    const url = await cloneTemplate(workerDatabaseName('_broken'));
    const ds = makeDataSource({ url });
    await ds.initialize();
    await ds.query(`ALTER TABLE IF EXISTS district RENAME TO district_gone`);
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(chunk.toString()));
        cb();
      },
    });
    const log = pino({ level: 'error' }, sink);
    const t = await startTestApp({ ds, log, env: { NODE_ENV: 'production' } });
    try {
      const { token } = await makeUser(ds, Role.COORDINATOR);
      const res = await request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ districts { code } }' });
      const error = res.body.errors[0];
      expect(error.message).toMatch(/^Internal error \(内部错误\); reference [0-9a-f-]{36}$/);
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
      const text = JSON.stringify([error.message, error.extensions]);
      expect(text).not.toMatch(/district|relation|SELECT|stack|at /i);
      const logged = lines.find((l) => l.errorId === error.extensions.errorId);
      expect(logged).toBeDefined();
      expect((logged!.err as { message: string }).message).toBe('relation "district" does not exist');
    } finally {
      await t.close();
      await ds.destroy();
    }
  });

  it('validation errors keep their message but never echo the input values', async () => {
    const t = await startTestApp();
    try {
      const { token } = await makeUser(t.ds, Role.ADMIN);
      const r = await t.gql(`{ users(first: 1000) { nodes { id } } }`, {}, token);
      expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(r.body)).not.toContain('1000');
    } finally {
      await t.close();
    }
  });
});
