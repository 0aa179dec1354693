import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../common/logger';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { preparingClient } from './prepared-statements';
import { SqlLogger } from './sql-logger';

const DEFAULT_PREPARED_STATEMENTS = 200;

// A `date` is a calendar day, not an instant: keep it as the 'YYYY-MM-DD' string PostgreSQL sends.
types.setTypeParser(types.builtins.DATE, (v) => v);

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** PostgreSQL's JIT compilation (default off, see below). */
  jit?: boolean;
  /** Distinct SELECT texts sent as named prepared statements (default 200; 0: none). See prepared-statements.ts. */
  preparedStatements?: number;
  log?: Logger;
  applicationName?: string;
}

/** The single way to build a DataSource: entities and migrations listed explicitly, never synchronize. */
export function makeDataSource(opts: DataSourceOptions): DataSource {
  const log = opts.log ?? createLogger('silent');
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations, not at connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: true,
    logger: new SqlLogger(log),
    maxQueryExecutionTime: 1000,
    applicationName: opts.applicationName ?? 'ebike-remediation',
    extra: {
      max: opts.poolSize ?? 10,
      // Every connection answers within the configured time or is cancelled by the server.
      statement_timeout: opts.statementTimeoutMs ?? 15000,
      idle_in_transaction_session_timeout: 60000,
      connectionTimeoutMillis: 10000,
      Client: preparingClient(opts.preparedStatements ?? DEFAULT_PREPARED_STATEMENTS),
      // JIT compilation off unless asked for: the service's statements are short, and at city scale the
      // planner's JIT threshold caught the report statements, where compiling cost 40–80 ms each, more
      // than it saved (a district bulletin statement: 312 ms with JIT, 175 ms without).
      options: `-c timezone=UTC -c jit=${opts.jit ? 'on' : 'off'}`,
    },
  });
}
