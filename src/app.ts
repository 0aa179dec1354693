import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express } from 'express';
import { GraphQLError, Kind, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Context } from './common/context';
import { DATABASE_RETRY_AFTER_SECONDS, PUBLIC_ERROR_CODES, UserErrorCode, databaseUnavailableError, isDatabaseUnavailable } from './common/errors';
import { Loaders } from './common/loaders';
import { maskText, seesPersonalData } from './common/mask';
import type { Logger } from './common/logger';
import { currentRequest, requestStore } from './common/request-store';
import { exportsRouter } from './http/exports';
import { reportCookieAuth, reportsRouter } from './http/reports';
import { frontPageRouter } from './http/front-page';
import type { Lifecycle } from './http/drain';
import { healthRouter } from './http/health';
import { businessExportRouter, importsRouter, siteExportRouter } from './http/imports';
import { IDE_HTML, ideRouter, wantsIde } from './http/ide';
import { apolloHandler } from './http/apollo-express';
import { compiledExecution } from './http/compiled-execution';
import { queryLimitsPlugin } from './http/limits';
import { createRateLimiter } from './http/rate-limit';
import { signInGuardPlugin } from './http/sign-in-guard';
import { authenticate, rejectInvalidCredentials } from './modules/access/access.authenticate';
import { PrincipalCache } from './modules/access/access.principal-cache';
import { ImportRunner } from './modules/import/import.service';
import { graphqlMultipart } from './modules/import/import.upload';
import { configurePasswordHashing } from './modules/access/access.passwords';
import { ReportCache } from './modules/reports/reports.cache';
import { accessLog } from './observability/access-log';
import { codeLabel, configureErrorCodes, configureOperationLabels, graphqlDuration, graphqlErrors, graphqlRequests, operationLabel, sqlPerOperation, watchPool, type GraphqlOutcome, type PoolLike } from './observability/metrics';
import { metricsApp, metricsOnMainPort, metricsRouter } from './observability/metrics-http';
import { TrustedDocuments, trustedDocumentsGate } from './http/trusted-documents';
import { DailyJobs } from './modules/jobs/scheduler';
import { buildAppSchema } from './schema';
import type { Server } from 'node:http';
import { LiveHub, WEBHOOK_CHANNEL, type NotificationSource } from './modules/live/live.hub';
import { attachLiveServer, type LiveServer } from './modules/live/live.ws';
import { WebhookWorker } from './modules/live/webhook.worker';

export interface AppDeps {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  /** Clock for the request context (tests fix it). */
  now?: () => Date;
  schema?: GraphQLSchema;
  /** The process's shutdown state (main.ts): readiness and late requests answer 503 from it. */
  lifecycle?: Lifecycle & { middleware: express.RequestHandler };
  /** How a notification announced on `ebike_notification` is read (default: the inbox's `notification` table). */
  notificationSource?: NotificationSource;
}

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
  /** Statistics and bulletin results shared across requests. */
  reportCache: ReportCache;
  /** Callers of access tokens, per process (invalidated through the report cache's LISTEN connection). */
  principalCache: PrincipalCache;
  /** The app of the separate metrics listener when METRICS_PORT is set (main.ts listens), else null. */
  metricsApp: Express | null;
  /** The registered documents when TRUSTED_DOCUMENTS is set, else null. */
  trustedDocuments: TrustedDocuments | null;
  /** The daily jobs (escalation, snapshots); scheduled when DAILY_JOBS is on, else run only on demand. */
  dailyJobs: DailyJobs;
  /** Live updates of this instance (subscriptions' fan-out). */
  live: LiveHub;
  /** The webhook sender, when WEBHOOKS_ENABLED. */
  webhooks: WebhookWorker | null;
  /** Serves GraphQL subscriptions (graphql-ws) on the server's /graphql path. */
  attachLive(server: Server): LiveServer;
  /** Stops Apollo (its plugins and caches), the webhook sender and live updates; the HTTP server is closed by the caller. */
  stop(): Promise<void>;
}

/** graphql-js's suggestions name fields, arguments and enum values the caller did not ask about. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Anything that is not a deliberate client-facing error is logged with an id and reaches the
 * client only as "internal error" with that id: no stack, no SQL, no echo of input. An
 * unreachable database is answered as SERVICE_UNAVAILABLE (HTTP 503 with Retry-After, see
 * `responseStatusPlugin`), also with an id. With `hideSchema` (production, or introspection off),
 * "Did you mean …" suggestions are removed from every message, not only from validation errors.
 */
export function maskError(log: Logger, hideSchema = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (code && PUBLIC_ERROR_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
      const { stacktrace: _s, exception: _e, ...extensions } = formatted.extensions ?? {};
      const message = hideSchema ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      return { ...formatted, message, extensions };
    }
    const errorId = randomUUID();
    if (isDatabaseUnavailable(original)) {
      log.warn({ err: original, errorId, requestId: currentRequest()?.requestId, path: formatted.path }, 'database unreachable');
      return { ...databaseUnavailableError(errorId), locations: formatted.locations, path: formatted.path };
    }
    log.error({ err: original, errorId, requestId: currentRequest()?.requestId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal error (内部错误); reference ${errorId}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

/** Errors whose whole message maskError writes (fixed text and a reference id). */
const OWN_ERROR_TEXTS = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/**
 * Error messages go through the personal-data rule like any field: a message that quotes a name,
 * phone or ID number reaches a caller without personal-data access masked (userErrors are masked
 * as the `UserError.message` field; this covers the top-level errors).
 */
function maskErrorMessagesPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors || seesPersonalData(contextValue?.principal)) return;
          // The service's own "unavailable" / "internal error" texts quote nothing but a reference id, whose
          // digit runs must survive (they lead to the log line).
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => (OWN_ERROR_TEXTS.has(e.extensions?.code as string) ? e : { ...e, message: maskText(e.message) }));
        },
      };
    },
  };
}

/** Refusals of a well-formed request before execution (not of a malformed HTTP request). */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY']);

/**
 * The status of a response with errors. 503 with Retry-After when any error says the database
 * cannot be reached. A well-formed request refused before execution (parse, validation, variable
 * coercion, limits, input rules) is 400 — except for a client that accepts `application/json` but
 * not `application/graphql-response+json`: GraphQL over HTTP asks for 200 there, since such
 * clients read the status as the transport's, not the GraphQL result's.
 */
function responseStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, request }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : null;
          const errors = single ? single.errors : response.body.kind === 'incremental' ? response.body.initialResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
            return;
          }
          const accept = request.http?.headers.get('accept') ?? '';
          if (
            response.http.status === 400 &&
            single?.errors?.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code as string)) &&
            single.data === undefined &&
            /application\/json/i.test(accept) &&
            !/application\/graphql-response\+json/i.test(accept)
          ) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}

function soleOperationName(document: DocumentNode | undefined): string | null {
  const ops = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return ops.length === 1 && ops[0].kind === Kind.OPERATION_DEFINITION ? (ops[0].name?.value ?? null) : null;
}

/**
 * One structured log line per GraphQL request; the SQL statement count goes to `extensions` when
 * enabled. The same facts feed the metrics: requests and latency by operation and outcome, errors
 * by code, SQL statements per operation.
 */
function requestLogPlugin(log: Logger, exposeSqlCount: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, contextValue, errors, request, document }) {
          const store = currentRequest();
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const operationSql = store ? store.sqlStatements - store.sqlAtOperationStart : undefined;
          const responseErrors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          const outcome: GraphqlOutcome = responseErrors?.length || errors?.length ? 'error' : store?.userErrorCodes?.length ? 'user_error' : 'ok';
          // A document refused by validation has no resolved operation: its name is still what the client chose.
          const operation = operationLabel(operationName ?? request.operationName ?? soleOperationName(document));
          graphqlRequests.inc({ operation, outcome });
          graphqlDuration.observe({ operation, outcome }, durationMs / 1000);
          for (const e of responseErrors ?? []) graphqlErrors.inc({ code: codeLabel(e.extensions?.code) });
          // Only operations that ran: a refusal before execution has no statements of its own.
          if (operationSql !== undefined && contextValue && !responseErrors?.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code as string) || e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
            sqlPerOperation.observe({ operation }, operationSql);
          }
          if (exposeSqlCount && store && response.body.kind === 'single') {
            // Statements run for the operation itself; the principal lookup before it is one more.
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: operationSql };
          }
          log.info(
            {
              requestId: store?.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              sqlStatements: store?.sqlStatements,
              operationSqlStatements: operationSql,
              principal: contextValue?.principal?.id ?? null,
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { dataSource, config, log } = deps;
  const now = deps.now ?? (() => new Date());
  const schema = deps.schema ?? (await buildAppSchema());
  if (!config.jwtSecret) throw new Error('createApp needs config.jwtSecret (main resolves it with resolveJwtSecret)');
  // Before anything is started: an unreadable or tampered manifest stops start-up with its reason.
  const trustedDocuments = config.trustedDocuments ? TrustedDocuments.load(config.trustedDocuments) : null;
  const rateLimiter = createRateLimiter(config, log);
  configurePasswordHashing({ concurrency: config.passwordHashConcurrency, queue: config.passwordHashQueue });
  const reportCache = ReportCache.forDataSource(dataSource, { entries: config.reportCacheEntries, ttlMs: config.reportCacheTtlSeconds * 1000 }, log);
  const principalCache = new PrincipalCache({ entries: config.principalCacheEntries, ttlMs: config.principalCacheTtlSeconds * 1000 }, reportCache);
  await reportCache.start();
  const dailyJobs = new DailyJobs(dataSource, log, now, { at: config.dailyJobsAt, batchSize: config.dailyJobsBatchSize, pollMs: config.dailyJobsPollSeconds * 1000, retentionDays: config.outboxRetentionDays, notificationRetentionDays: config.notificationRetentionDays });
  if (config.dailyJobs) dailyJobs.start();
  const importRunner = ImportRunner.forDataSource(dataSource, log);
  // Jobs a previous process left running read as interrupted; also checked on every read of a job, so a failure here is not fatal.
  await importRunner.recover().catch((err) => log.warn({ err }, 'could not mark interrupted import jobs'));

  // Metrics: the pool read at scrape time, and which operation names and error codes become labels.
  watchPool((dataSource.driver as unknown as { master?: PoolLike }).master ?? null);
  configureOperationLabels({ max: config.metricsMaxOperations, trusted: trustedDocuments?.names ?? null });
  configureErrorCodes([...PUBLIC_ERROR_CODES, 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'DOCUMENT_NOT_TRUSTED', 'PAYLOAD_TOO_LARGE', ...Object.values(UserErrorCode)]);
  const live = new LiveHub(dataSource, config, log, deps.notificationSource);
  const webhooks = config.webhooksEnabled
    ? new WebhookWorker(
        dataSource,
        { timeoutMs: config.webhookTimeoutMs, maxAttempts: config.webhookMaxAttempts, backoffBaseMs: config.webhookBackoffBaseMs, backoffMaxMs: config.webhookBackoffMaxMs, pollMs: config.webhookPollMs, batch: 20 },
        log,
      )
    : null;
  if (webhooks) live.onOutbox(() => webhooks.wake());
  await live.start(webhooks ? { [WEBHOOK_CHANNEL]: () => webhooks.wake() } : {});
  webhooks?.start();

  const hideSchema = config.nodeEnv === 'production' || !config.introspection;
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit) unless GRAPHQL_JIT=false; Apollo takes another executor only as a "gateway".
    ...(config.graphqlJit ? { gateway: compiledExecution(schema, log, { traced: config.otlpEndpoint !== null }) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Production and closed schemas suggest no names ("Did you mean …").
    hideSchemaDetailsFromClientErrors: hideSchema,
    parseOptions: { maxTokens: config.maxQueryTokens },
    csrfPrevention: true,
    // Automatic persisted queries (Apollo's in-memory, size-bounded cache) stay on in open mode; with
    // trusted documents the hashes are looked up in the manifest instead and nothing can be registered.
    persistedQueries: trustedDocuments ? false : undefined,
    // main.ts owns SIGINT/SIGTERM: drain HTTP, then stop Apollo, the pool and the embedded database in order.
    stopOnTerminationSignals: false,
    formatError: maskError(log, hideSchema),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the default cache-control plugin would wrap every field resolver
      // (measured: a large share of a 2,500-object trace's CPU).
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(log, config.exposeSqlCount),
      maskErrorMessagesPlugin(),
      responseStatusPlugin(),
      queryLimitsPlugin(schema, config.maxQueryDepth, config.maxQueryCost),
      signInGuardPlugin(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Request id and the access log line first, so that every route and every refusal is logged.
  app.use(accessLog(log));
  if (deps.lifecycle) app.use(deps.lifecycle.middleware);
  app.set('trust proxy', config.trustProxy);
  // HTTPS upgrades only when PUBLIC_URL says the service is reached over HTTPS: over plain HTTP on
  // any host but localhost, `upgrade-insecure-requests` makes the IDE a blank page.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.behindHttps ? [] : null },
      },
      strictTransportSecurity: config.behindHttps,
    }),
  );
  app.use(
    cors({
      origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
      credentials: false,
      maxAge: 600,
      allowedHeaders: ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Request-Id', 'Apollo-Require-Preflight'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
    }),
  );

  if (config.ide) {
    app.use(ideRouter());
    app.get('/graphql', (req, res, next) => {
      if (!wantsIde(req)) return next();
      res.locals.route = 'ide';
      res.type('html').send(IDE_HTML);
    });
  }

  /** The request's context, for GraphQL and for the export endpoints alike. */
  const makeContext = (req: express.Request): Context => {
    const store = currentRequest()!;
    store.sqlAtOperationStart = store.sqlStatements;
    const ctx: Context = {
      requestId: store.requestId,
      principal: req.principal ?? null,
      em: dataSource.manager,
      dataSource,
      loaders: new Loaders(dataSource.manager),
      clientIp: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      log: log.child({ requestId: store.requestId }),
      config,
      reportCache,
      dailyJobs,
      consumeSignInAttempt: () => rateLimiter.consumeSignIn(req.ip ?? 'unknown'),
      now,
      live,
    };
    return ctx;
  };

  /** Request id, then who is calling, then the rate limit, then 401 for bad credentials. */
  const guard: express.RequestHandler[] = [
    // Bound after body parsing so that everything downstream sees this request's store.
    (_req, res, next) => {
      requestStore.run({ requestId: res.locals.requestId as string, sqlStatements: 0, sqlAtOperationStart: 0 }, next);
    },
    authenticate(dataSource, config.jwtSecret, principalCache),
    rateLimiter.middleware,
    rejectInvalidCredentials(dataSource, log),
  ];

  app.use(
    '/graphql',
    // A body that is neither JSON nor a GraphQL multipart upload (imports) is refused as such, before
    // CSRF prevention would call it a bad request.
    (req, res, next) => {
      if (req.method !== 'POST' || !req.get('content-type') || req.is('application/json') || req.is('multipart/form-data')) return next();
      res.status(415).set('Accept-Post', 'application/json, multipart/form-data').json({
        errors: [{ message: 'Send the request as JSON: Content-Type: application/json (请求须为JSON)', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }],
      });
    },
    express.json({ limit: config.bodyLimit }),
    ...guard,
    graphqlMultipart({ maxFileBytes: config.importMaxBytes }),
    ...(trustedDocuments ? [trustedDocumentsGate(trustedDocuments)] : []),
    apolloHandler(apollo, makeContext),
  );
  // After /graphql, which is by far the busiest path: every layer before it is tried on every request.
  app.use(healthRouter(dataSource, deps.lifecycle));
  if (metricsOnMainPort(config)) app.use(metricsRouter(config));
  app.use(frontPageRouter(config, schema));
  // The report cookie (browser sign-in, src/http/reports.ts) counts for GETs under /reports and /exports only.
  const reportCookie = reportCookieAuth(config);
  app.use('/reports', reportCookie, ...guard, reportsRouter({ schema, config, log, makeContext }));
  app.use('/exports', reportCookie, ...guard, exportsRouter({ schema, log, makeContext }));
  app.use('/exports', reportCookie, ...guard, businessExportRouter({ log, makeContext }));
  app.use('/exports', reportCookie, ...guard, siteExportRouter({ log, makeContext }));
  app.use('/imports', ...guard, importsRouter({ log, makeContext }));

  // Body too large, malformed JSON and the like: a JSON error, not an HTML page.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    if (isDatabaseUnavailable(err)) {
      const errorId = randomUUID();
      log.warn({ err, errorId, requestId: res.locals.requestId }, 'database unreachable');
      res.status(503).set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)).json({ errors: [databaseUnavailableError(errorId)] });
      return;
    }
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      const errorId = randomUUID();
      log.error({ err, errorId, requestId: res.locals.requestId }, 'unhandled http error');
      res.status(500).json({ errors: [{ message: `Internal error (内部错误); reference ${errorId}`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } }] });
      return;
    }
    log.info({ status, type: err.type, requestId: res.locals.requestId }, 'refused http request');
    const message = status === 413 ? `Request body larger than ${config.bodyLimit}` : err.message;
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
  });

  return {
    app,
    apollo,
    reportCache,
    principalCache,
    metricsApp: config.metricsPort !== null ? metricsApp(config) : null,
    trustedDocuments,
    dailyJobs,
    live,
    webhooks,
    attachLive: (server) => attachLiveServer(server, { schema, dataSource, config, log, hub: live, reportCache, now, formatError: maskError(log, hideSchema), trusted: trustedDocuments }),
    stop: async () => {
      // First: a daily run stops after its current batch (INTERRUPTED; the next run resumes it).
      await dailyJobs.stop();
      await webhooks?.stop();
      await live.stop();
      await apollo.stop();
      await importRunner.stop();
      await rateLimiter.close();
      await reportCache.stop();
    },
  };
}
