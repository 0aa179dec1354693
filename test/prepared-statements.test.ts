import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { loadConfig } from '../src/config';
import { makeDataSource } from '../src/database/data-source';
import { createLogger } from '../src/common/logger';
import { makeUser, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/app';
import { cloneTemplate, workerDatabaseName } from './support/db';

/**
 * Named prepared statements (DB_PREPARED_STATEMENTS, issue 15), read back from PostgreSQL's own
 * view of the session (pg_prepared_statements) on a pool of one connection.
 */

async function dataSource(preparedStatements: number): Promise<DataSource> {
  const ds = makeDataSource({ url: await cloneTemplate(workerDatabaseName()), poolSize: 1, preparedStatements, log: createLogger('silent') });
  await ds.initialize();
  return ds;
}

const prepared = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'ebk\\_%' ORDER BY prepare_time`)).map((r: { statement: string }) => r.statement);

describe('named prepared statements', () => {
  let ds: DataSource;
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    ds = await dataSource(200);
    t = await startTestApp({ ds });
    token = (await makeUser(ds, Role.COORDINATOR)).token;
  });
  afterAll(async () => {
    await t.close();
    await ds.destroy();
  });

  it('a list read through the API is prepared once and answers the same when repeated', async () => {
    const q = `{ businesses(first: 3, filter: { district: { eq: "511102" } }) { nodes { id name } } }`;
    const first = await t.gql(q, {}, token);
    expect(first.body.errors).toBeUndefined();
    const statements = await prepared(ds);
    const page = statements.filter((s) => /FROM "business" "b"/.test(s) && /LIMIT/.test(s));
    expect(page).toHaveLength(1);
    for (let i = 0; i < 6; i++) expect((await t.gql(q, {}, token)).body).toEqual(first.body);
    expect((await prepared(ds)).filter((s) => s === page[0])).toHaveLength(1);
  });

  it('writes, statements without parameters and * selections are not prepared', async () => {
    await ds.query(`SELECT * FROM district WHERE code = $1`, ['511102']);
    await ds.query(`SELECT d.* FROM district d WHERE d.code = $1`, ['511102']);
    await ds.query(`SELECT count(*)::int AS n FROM district WHERE code = $1`, ['511102']);
    await ds.query(`SELECT code FROM district WHERE code = '511102'`);
    await ds.query(`UPDATE district SET name = name WHERE code = $1`, ['511102']);
    const statements = await prepared(ds);
    expect(statements.some((s) => s.includes('*') && !s.includes('count(*)'))).toBe(false);
    expect(statements.some((s) => s.startsWith('UPDATE') || s.includes(`'511102'`))).toBe(false);
    expect(statements).toContain(`SELECT count(*)::int AS n FROM district WHERE code = $1`);
  });
});

it('at most DB_PREPARED_STATEMENTS distinct texts are named; 0 names none', async () => {
  const two = await dataSource(2);
  const none = await dataSource(0);
  try {
    for (const ds of [two, none]) for (const n of [1, 2, 3, 4]) await ds.query(`SELECT code FROM district WHERE code = $1 AND ${n} = ${n}`, ['511102']);
    expect(await prepared(two)).toEqual([`SELECT code FROM district WHERE code = $1 AND 1 = 1`, `SELECT code FROM district WHERE code = $1 AND 2 = 2`]);
    expect(await prepared(none)).toEqual([]);
  } finally {
    await two.destroy();
    await none.destroy();
  }
});

it('DB_PREPARED_STATEMENTS is 200 by default and bounded', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET };
  expect(loadConfig(base).dbPreparedStatements).toBe(200);
  expect(loadConfig({ ...base, DB_PREPARED_STATEMENTS: '0' }).dbPreparedStatements).toBe(0);
  expect(() => loadConfig({ ...base, DB_PREPARED_STATEMENTS: '-1' })).toThrow(/DB_PREPARED_STATEMENTS/);
});
