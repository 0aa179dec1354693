import 'reflect-metadata';
import http from 'node:http';
import type { Socket } from 'node:net';
import { loadConfigOrExit, type Config } from './config';
import { createLogger, type Logger } from './common/logger';
import { createApp } from './app';
import { connectWithRetry, describeUrl, migrate } from './database/connect';
import { makeDataSource } from './database/data-source';
import { EmbeddedPostgres } from './database/embedded';
import { loadReferenceData } from './modules/reference/reference.loader';
import { bootstrapFirstAdmin } from './modules/access/access.bootstrap';
import { resolveJwtSecret } from './modules/access/access.tokens';

/** Process entry: config → database (embedded or DATABASE_URL) → migrate → reference data → app → listen. */
async function main(): Promise<void> {
  let config: Config = loadConfigOrExit();
  const log = createLogger(config.logLevel);

  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  let dbDescription: string;
  if (url) {
    dbDescription = describeUrl(url);
  } else {
    embedded = new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    await embedded.start();
    log.info({ ms: Math.round(performance.now()) }, 'embedded PostgreSQL started');
    url = embedded.url('postgres');
    dbDescription = embedded.describe('postgres');
  }

  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch((e) => log.error({ err: e }, 'could not stop embedded PostgreSQL'));
  };
  // A signal during start-up: stop what has been started (graceful draining is installed once listening).
  const abortStartup = (signal: NodeJS.Signals) => {
    log.warn({ signal }, 'signal during start-up: stopping');
    void stopEmbedded().finally(() => process.exit(1));
  };
  process.once('SIGINT', abortStartup);
  process.once('SIGTERM', abortStartup);

  try {
    const dataSource = makeDataSource({ url, poolSize: config.dbPoolSize, statementTimeoutMs: config.dbStatementTimeoutMs, log });
    await connectWithRetry(dataSource, url, config.dbConnectTimeoutMs, log);
    await migrate(dataSource, log);
    const loaded = await loadReferenceData(dataSource);
    if (Object.values(loaded).some((n) => n > 0)) log.info({ inserted: loaded }, 'reference data loaded');
    config = { ...config, jwtSecret: resolveJwtSecret(config, log) };
    if (config.bootstrapAdmin) await bootstrapFirstAdmin(dataSource, config, log);

    const { app, stop: stopApollo } = await createApp({ dataSource, config, log });
    const server = http.createServer(app);
    server.keepAliveTimeout = 5000;
    const sockets = new Set<Socket>();
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    log.info({ url: `http://${shownHost}:${port}/graphql`, database: dbDescription }, 'listening');
    process.stdout.write(`GraphQL listening on http://${shownHost}:${port}/graphql — database: ${dbDescription}\n`);

    process.removeListener('SIGINT', abortStartup);
    process.removeListener('SIGTERM', abortStartup);
    installShutdown({ log, config, server, sockets, stopApollo, dataSource, stopEmbedded, killEmbeddedNow: () => embedded?.killNow() });
  } catch (e) {
    await stopEmbedded();
    throw e;
  }
}

interface ShutdownParts {
  log: Logger;
  config: Config;
  server: http.Server;
  sockets: Set<Socket>;
  stopApollo: () => Promise<void>;
  dataSource: { destroy(): Promise<void>; isInitialized: boolean };
  stopEmbedded: () => Promise<void>;
  killEmbeddedNow: () => void;
}

/**
 * SIGINT/SIGTERM: stop accepting connections, let in-flight requests finish (bounded by
 * SHUTDOWN_TIMEOUT_MS), close the pool, then stop the embedded PostgreSQL. A second signal exits at once.
 */
function installShutdown(p: ShutdownParts): void {
  let stoppingSince = 0;
  const shutdown = async (signal: string) => {
    if (stoppingSince) {
      // npm and the terminal both deliver Ctrl-C: a repeat within 2 s is the same request.
      if (Date.now() - stoppingSince < 2000) return;
      p.log.warn({ signal }, 'second signal: stopping the database and exiting now');
      p.killEmbeddedNow();
      process.exit(1);
    }
    stoppingSince = Date.now();
    p.log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      p.log.warn({ open: p.sockets.size }, 'drain timeout: closing remaining connections');
      for (const s of p.sockets) s.destroy();
    }, p.config.shutdownTimeoutMs);
    force.unref();
    await new Promise<void>((resolve) => {
      p.server.close(() => resolve());
      p.server.closeIdleConnections();
    });
    clearTimeout(force);
    await p.stopApollo().catch((e) => p.log.error({ err: e }, 'apollo stop failed'));
    if (p.dataSource.isInitialized) await p.dataSource.destroy().catch((e) => p.log.error({ err: e }, 'pool close failed'));
    await p.stopEmbedded();
    p.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: Error) => {
  process.stderr.write(`Start-up failed: ${e.message}\n`);
  process.exit(1);
});
