import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp, type App, type AppDeps } from '../../src/app';
import { Role } from '../../src/common/auth';
import { createLogger, type Logger } from '../../src/common/logger';
import { loadConfig, type Config } from '../../src/config';
import { User } from '../../src/modules/access/access.entities';
import { hashPassword } from '../../src/modules/access/access.passwords';
import { signAccessToken } from '../../src/modules/access/access.tokens';
import { TaskTeam } from '../../src/modules/reference/reference.entities';
import { workerDataSource } from './db';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789abcdef';
export const TEST_PASSWORD = 'correct horse battery';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, RATE_LIMIT_POINTS: '100000', SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
    // Off unless a test turns it on (test/report-cache.test.ts): fixtures written with plain SQL would
    // otherwise race the change notification.
    REPORT_CACHE_ENTRIES: '0',
    // The daily jobs (escalation, snapshots) run only when a test runs them (test/daily-jobs*.test.ts),
    // whatever NODE_ENV a test sets: a scheduled run would change other tests' items under them.
    DAILY_JOBS: 'false',
    ...env });
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
}

export interface TestApp {
  ds: DataSource;
  app: Express;
  handle: App;
  config: Config;
  /** POST a GraphQL operation, optionally as a principal (token or API key). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, auth?: string | null): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

/** createApp over this worker's database, driven through HTTP with supertest. */
export async function startTestApp(opts: { env?: Record<string, string>; now?: () => Date; log?: Logger; ds?: DataSource; appDeps?: Partial<AppDeps> } = {}): Promise<TestApp> {
  const ds = opts.ds ?? (await workerDataSource());
  const config = testConfig(opts.env);
  const handle = await createApp({ dataSource: ds, config, log: opts.log ?? createLogger('silent'), now: opts.now, ...opts.appDeps });
  return {
    ds,
    app: handle.app,
    handle,
    config,
    async gql(query, variables, auth) {
      let req = request(handle.app).post('/graphql').set('Content-Type', 'application/json');
      if (auth) req = auth.startsWith('ebk_') ? req.set('X-Api-Key', auth) : req.set('Authorization', `Bearer ${auth}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body };
    },
    async close() {
      await handle.stop();
      if (!opts.ds) await ds.destroy();
    },
  };
}

export interface TestUser {
  user: User;
  token: string;
  username: string;
}

/**
 * A user made directly in the database (fast), with a token as login would return. Team codes
 * and district codes give an AGENCY_OFFICER its write scope.
 */
export async function makeUser(ds: DataSource, role: Role, scope: { teams?: string[]; districts?: string[]; departmentCode?: string } = {}): Promise<TestUser> {
  const teams = scope.teams?.length ? await ds.getRepository(TaskTeam).createQueryBuilder('t').where('t.code = ANY(:c)', { c: scope.teams }).getMany() : [];
  const dept = scope.departmentCode ? (await ds.query(`SELECT id FROM department WHERE code = $1`, [scope.departmentCode]))[0]?.id : null;
  const username = `u-${role.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const user = ds.getRepository(User).create({
    username,
    displayName: `Test ${role}`,
    role,
    departmentId: dept ?? null,
    teamIds: teams.map((t) => t.id),
    districtCodes: scope.districts ?? [],
    passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    active: true,
  });
  await ds.getRepository(User).insert(user);
  return { user, username, token: signAccessToken(TEST_JWT_SECRET, user.id, 1, 3600).token };
}

/** A token per role, with an AGENCY_OFFICER scoped to the SALES team in 511102 (市中区). */
export async function tokensByRole(ds: DataSource): Promise<Record<Role, string>> {
  const out = {} as Record<Role, string>;
  for (const role of Object.values(Role)) {
    out[role] = (await makeUser(ds, role, role === Role.AGENCY_OFFICER ? { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' } : {})).token;
  }
  return out;
}
