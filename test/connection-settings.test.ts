import { makeDataSource } from '../src/database/data-source';
import { loadConfig } from '../src/config';
import { cloneTemplate, workerDatabaseName } from './support/db';

/** The session settings every pooled connection of the service starts with. */
const settings = async (jit?: boolean) => {
  const ds = makeDataSource({ url: await cloneTemplate(workerDatabaseName()), poolSize: 2, statementTimeoutMs: 4321, jit });
  await ds.initialize();
  try {
    const [row] = await ds.query(`SELECT current_setting('jit') AS jit, current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS timeout`);
    return row;
  } finally {
    await ds.destroy();
  }
};

it('connections run in UTC, with the statement timeout, and without JIT compilation unless DB_JIT asks for it', async () => {
  expect(await settings()).toEqual({ jit: 'off', tz: 'UTC', timeout: '4321ms' });
  expect((await settings(true)).jit).toBe('on');
});

it('DB_JIT is off by default and read as a boolean', () => {
  const base = { NODE_ENV: 'test' } as NodeJS.ProcessEnv;
  expect(loadConfig(base).dbJit).toBe(false);
  expect(loadConfig({ ...base, DB_JIT: 'true' }).dbJit).toBe(true);
});
