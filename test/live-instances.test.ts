import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Client as WsClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { makeDataSource } from '../src/database/data-source';
import { TEST_JWT_SECRET, makeUser } from './support/app';
import { cloneTemplate, workerDatabaseName } from './support/db';
import { freePort } from './support/global-setup';
import { postGraphql } from './support/http';
import { connected, liveClient, subscribe, type Sub } from './support/live';
import { runService, type Service } from './support/process';
import { eventually } from './support/receiver';

/**
 * Two instances (child processes on two ports) against one database: a change made through one
 * reaches a subscriber of the other, once — through PostgreSQL LISTEN/NOTIFY, and through Redis
 * pub/sub when REDIS_URL is set (TEST_REDIS_URL).
 */
jest.setTimeout(300_000);

const services: Service[] = [];
const wsClients: WsClient[] = [];
let ds: DataSource;
let url: string;
let token: string;

beforeAll(async () => {
  url = await cloneTemplate(workerDatabaseName('_live'));
  ds = makeDataSource({ url, log: createLogger('silent'), poolSize: 2 });
  await ds.initialize();
  token = (await makeUser(ds, Role.COORDINATOR)).token;
});

afterAll(async () => {
  for (const c of wsClients) await c.dispose();
  for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await ds?.destroy();
});

async function start(env: Record<string, string>): Promise<{ svc: Service; port: number }> {
  const port = await freePort();
  const svc = runService({ DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '1000000', WEBHOOKS_ENABLED: 'false', ...env });
  services.push(svc);
  await svc.waitFor(/GraphQL listening on/, 120000);
  return { svc, port };
}

async function stop(svc: Service): Promise<void> {
  svc.child.kill('SIGTERM');
  await svc.exited;
}

async function gql(port: number, query: string, variables: Record<string, unknown>) {
  const r = await postGraphql(port, false, { query, variables }, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data;
}

const SUB = `subscription($f: RemediationItemChangedFilter) { remediationItemChanged(filter: $f) { id type item { id code } } }`;

async function createItemThrough(port: number, districtCode: string): Promise<{ id: string; code: string }> {
  const b = await gql(port, `mutation($i: CreateBusinessInput!) { createBusiness(input: $i) { business { id } userErrors { code } } }`, { i: { name: `两实例车行${randomBytes(3).toString('hex')}`, types: ['RETAIL_STORE'], districtCode } });
  const i = await gql(port, `mutation($i: CreateRemediationItemInput!) { createRemediationItem(input: $i) { remediationItem { id code } userErrors { code message } } }`, {
    i: { hazardTypeCode: 'SALES_THREE_NO', description: '两实例测试', teamCode: 'SALES', discoveryMethod: 'ROUTINE', businessId: b.createBusiness.business.id },
  });
  expect(i.createRemediationItem.userErrors).toEqual([]);
  return i.createRemediationItem.remediationItem;
}

async function subscribeOn(port: number, districtCode: string): Promise<Sub> {
  const c = liveClient(`ws://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${token}` });
  wsClients.push(c);
  const sub = subscribe(c, SUB, { f: { districtCodes: [districtCode] } });
  await connected(c);
  return sub;
}

const transports: [string, Record<string, string> | null][] = [
  ['PostgreSQL LISTEN/NOTIFY', { LIVE_TRANSPORT: 'postgres' }],
  ['Redis pub/sub', process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : null],
];

describe.each(transports)('two instances, %s', (name, env) => {
  const run = env ? test : test.skip;
  run('a change through one reaches subscribers of both, exactly once', async () => {
    const [a, b] = [await start(env!), await start(env!)];
    try {
      // A district per transport, so the two runs do not see each other's items.
      const district = name.startsWith('Redis') ? '511112' : '511111';
      const onB = await subscribeOn(b.port, district);
      const onA = await subscribeOn(a.port, district);
      const item = await createItemThrough(a.port, district);
      const second = await createItemThrough(b.port, district);
      await eventually(() => onB.results.length >= 2 && onA.results.length >= 2, 30000);
      // Anything doubled would arrive within this wait.
      await new Promise((r) => setTimeout(r, 1000));
      for (const sub of [onA, onB]) {
        expect(sub.error).toBeNull();
        expect(sub.results.map((r) => [r.data!.remediationItemChanged.type, r.data!.remediationItemChanged.item.id]).sort()).toEqual(
          [['ITEM_CREATED', item.id], ['ITEM_CREATED', second.id]].sort(),
        );
      }
      const [published] = await ds.query(`SELECT count(*) FILTER (WHERE published_at IS NOT NULL)::int AS n FROM outbox_event WHERE entity_id = ANY($1)`, [[item.id, second.id]]);
      // Through Redis the relay marks what it published; through PostgreSQL the NOTIFY is the trigger's.
      expect(published.n).toBe(env!.REDIS_URL ? 2 : 0);
    } finally {
      await stop(a.svc);
      await stop(b.svc);
    }
  });
});
