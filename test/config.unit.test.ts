import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has laptop defaults: port 4000, embedded database under ./.data, IDE on', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ nodeEnv: 'development', port: 4000, databaseUrl: null, dataDir: path.resolve('/srv/app/.data'), embeddedPgPort: 54329, ide: true, introspection: true, redisUrl: null });
  });

  it('turns the IDE and introspection off by default in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://u:p@db:5432/ebike' });
    expect(c.ide).toBe(false);
    expect(c.introspection).toBe(false);
    expect(c.exposeSqlCount).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'must be an integer, got "abc"'],
    [{ PORT: '70000' }, 'PORT', 'must be between 0 and 65535'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'is not a valid URL'],
    [{ DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL', 'must use the postgres:// scheme'],
    [{ DATABASE_URL: 'postgres://u@h:5432/' }, 'DATABASE_URL', 'has no database name'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', 'must be one of development, production, test'],
    [{ GRAPHQL_IDE: 'maybe' }, 'GRAPHQL_IDE', 'must be true or false'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'at least 32 characters'],
    [{ CORS_ORIGINS: 'https://ok.example, ftp//bad' }, 'CORS_ORIGINS', 'invalid origin "ftp//bad"'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL', 'redis://'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT', 'must look like'],
  ])('rejects %j naming %s', (env, variable, problem) => {
    let error: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
    expect((error as ConfigError).message).toContain(problem);
  });
});
