import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from '../common/logger';
import { currentRequest } from '../common/request-store';

/**
 * TypeORM logger that counts statements per request (the N+1 tests and the benchmark read the
 * count) and sends TypeORM's messages to the structured log. SQL text goes out at trace level only.
 */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const req = currentRequest();
    if (req) req.sqlStatements++;
    if (this.out.isLevelEnabled('trace')) this.out.trace({ sql: query, params: parameters?.length }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.out.debug({ err: typeof error === 'string' ? { message: error } : error, sql: query }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn({ durationMs: time, sql: query.slice(0, 2000) }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.out.debug({ schema: message }, 'schema build');
  }

  logMigration(message: string): void {
    this.out.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _qr?: QueryRunner): void {
    if (level === 'warn') this.out.warn({ typeorm: message }, 'typeorm');
    else this.out.debug({ typeorm: message }, 'typeorm');
  }
}
