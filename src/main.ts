import 'reflect-metadata';
// Before anything it instruments (http, express, graphql, pg) is loaded; a no-op without OTEL_EXPORTER_OTLP_ENDPOINT.
import { flushTracing } from './observability/tracing-preload';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ClientConfig, Pool } from 'pg';
import { ConfigError, loadConfig, loadConfigOrExit, type Config } from './config';
import { createLogger, type Logger } from './common/logger';
import { createApp } from './app';
import { Drain } from './http/drain';
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
    const dataSource = makeDataSource({ url, poolSize: config.dbPoolSize, statementTimeoutMs: config.dbStatementTimeoutMs, jit: config.dbJit, preparedStatements: config.dbPreparedStatements, log });
    await connectWithRetry(dataSource, url, config.dbConnectTimeoutMs, log);
    await migrate(dataSource, log);
    const loaded = await loadReferenceData(dataSource);
    if (Object.values(loaded).some((n) => n > 0)) log.info({ inserted: loaded }, 'reference data loaded');
    config = { ...config, jwtSecret: resolveJwtSecret(config, log) };
    if (config.bootstrapAdmin) await bootstrapFirstAdmin(dataSource, config, log);

    const server = http.createServer();
    server.keepAliveTimeout = 5000;
    const drain = new Drain(server, log, Math.min(server.keepAliveTimeout, Math.floor(config.shutdownTimeoutMs / 2)));
    const pool = (dataSource.driver as unknown as { master: Pool & { options: ClientConfig } }).master;
    drain.trackPool(pool);
    const { app, stop: stopApollo, metricsApp, attachLive } = await createApp({ dataSource, config, log, lifecycle: drain });
    server.on('request', app);
    const liveServer = attachLive(server);
    if (metricsApp && config.metricsPort !== null) {
      // Metrics on their own listener (METRICS_PORT on METRICS_HOST): not reachable through the public port.
      const metricsServer = http.createServer(metricsApp);
      await new Promise<void>((resolve, reject) => {
        metricsServer.once('error', reject);
        metricsServer.listen(config.metricsPort!, config.metricsHost, resolve);
      });
      metricsServer.unref();
      const ma = metricsServer.address();
      log.info({ url: `http://${config.metricsHost}:${typeof ma === 'object' && ma ? ma.port : config.metricsPort}/metrics` }, 'metrics listening');
    }
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
    installShutdown({
      log,
      config,
      drain,
      adminConfig: { ...pool.options, application_name: 'ebike-shutdown' },
      stopApollo,
      closeLive: () => liveServer.close(),
      dataSource,
      stopEmbedded,
      killEmbeddedNow: () => embedded?.killNow(),
    });
  } catch (e) {
    await stopEmbedded();
    throw e;
  }
}

interface ShutdownParts {
  log: Logger;
  config: Config;
  drain: Drain;
  /** Connection settings for the one extra connection that ends unfinished requests' backends. */
  adminConfig: ClientConfig;
  stopApollo: () => Promise<void>;
  /** Closes the subscriptions' WebSocket connections (1001, going away). */
  closeLive: () => Promise<void>;
  dataSource: { destroy(): Promise<void>; isInitialized: boolean };
  stopEmbedded: () => Promise<void>;
  killEmbeddedNow: () => void;
}

/** After the deadline's backends are ended, how long responses (mostly errors) get to be written. */
const ABORT_GRACE_MS = 1500;

/**
 * SIGINT/SIGTERM: readiness turns 503 and no connection is accepted; requests in flight finish and
 * are answered with `Connection: close`, idle keep-alive sockets close after the announced keep-alive
 * timeout (see Drain). At SHUTDOWN_TIMEOUT_MS the database work of requests still running is ended
 * (their transactions roll back) before their sockets are destroyed. Only when no request runs is
 * the pool closed, then the embedded PostgreSQL stopped. A second signal exits at once.
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
    p.log.info({ signal, inFlight: p.drain.inFlight }, 'shutting down: draining requests');
    p.drain.start();
    // WebSocket connections are long-lived: closed at once (clients reconnect to another instance),
    // so they do not hold the drain until its deadline. The webhook sender and the live fan-out stop
    // with Apollo, after the requests (whose commits they may still announce).
    await p.closeLive().catch((e) => p.log.error({ err: e }, 'closing live connections failed'));
    const drained = await p.drain.waitUntilDrained(p.config.shutdownTimeoutMs);
    if (!drained) await p.drain.abort(p.adminConfig, ABORT_GRACE_MS);
    p.drain.stop();
    p.log.info({ drained, inFlight: p.drain.inFlight }, 'requests drained');
    await p.stopApollo().catch((e) => p.log.error({ err: e }, 'apollo stop failed'));
    if (p.dataSource.isInitialized) await p.dataSource.destroy().catch((e) => p.log.error({ err: e }, 'pool close failed'));
    await p.stopEmbedded();
    await flushTracing();
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
