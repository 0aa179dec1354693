import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { operationLimitError } from '../../http/limits';
import { admit, type TrustedDocuments } from '../../http/trusted-documents';
import { codeLabel, graphqlErrors, graphqlRequests, operationLabel } from '../../observability/metrics';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { requestIdOf } from '../../observability/access-log';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth';
import type { Context } from '../../common/context';
import { Loaders } from '../../common/loaders';
import type { Logger } from '../../common/logger';
import type { Config } from '../../config';
import type { ReportCache } from '../reports/reports.cache';
import { AuthenticationError, resolvePrincipal } from '../access/access.authenticate';
import type { LiveHub } from './live.hub';

export interface LiveServerDeps {
  schema: GraphQLSchema;
  dataSource: DataSource;
  config: Config;
  log: Logger;
  hub: LiveHub;
  reportCache: ReportCache;
  now: () => Date;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Trusted-documents mode (TRUSTED_DOCUMENTS): only registered documents start, as over HTTP. */
  trusted?: TrustedDocuments | null;
}

export interface LiveServer {
  /** Open WebSocket connections. */
  readonly clients: number;
  /** Closes every connection with 1001 (going away) and stops accepting. */
  close(): Promise<void>;
}

/** The connection payload's credentials as HTTP headers: `{ authorization: 'Bearer …' }`, `{ token }` or `{ apiKey }`. */
function headersOf(params: Record<string, unknown> | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (!params) return h;
  const get = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const auth = get('authorization') ?? get('Authorization');
  const token = get('token');
  const apiKey = get('apiKey') ?? get('x-api-key') ?? get('X-Api-Key');
  if (auth) h.authorization = auth;
  else if (token) h.authorization = `Bearer ${token}`;
  if (apiKey) h['x-api-key'] = apiKey;
  return h;
}

interface ConnectionExtra {
  principal: Principal | null;
  socket: WebSocket;
}

/** What a connection's access line reports when it closes. */
interface ConnectionStats {
  requestId: string;
  started: bigint;
  principal: string | null;
  /** Operations the server started (subscriptions and queries over the socket). */
  operations: number;
  /** Operations refused when they were sent (trusted documents, validation, limits). */
  refused: number;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol on the HTTP server's `/graphql` path. The
 * credentials travel in the connection payload and are checked like an HTTP request's
 * (resolvePrincipal): invalid ones close the connection (4403); none means anonymous, which the
 * subscriptions' @Roles refuse. Each operation gets a context like a request's, so roles, the
 * record guard and personal-data masking apply to every pushed result as to a query.
 */
export function attachLiveServer(server: Server, deps: LiveServerDeps): LiveServer {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });
  const perConnection = new WeakMap<object, number>();
  // One access line per connection, when it closes (the upgrade never reaches Express's access log).
  const stats = new WeakMap<WebSocket, ConnectionStats>();
  const statsOf = (ctx: { extra: unknown }) => stats.get((ctx.extra as ConnectionExtra).socket);
  wss.on('connection', (socket, req) => {
    const s: ConnectionStats = { requestId: requestIdOf(req.headers['x-request-id']), started: process.hrtime.bigint(), principal: null, operations: 0, refused: 0 };
    stats.set(socket, s);
    socket.once('close', (code: number) => {
      const seconds = Number(process.hrtime.bigint() - s.started) / 1e9;
      deps.log.info(
        {
          requestId: s.requestId,
          method: 'GET',
          route: 'graphql_ws',
          path: '/graphql',
          status: 101,
          durationMs: Math.round(seconds * 10000) / 10,
          closeCode: code,
          operations: s.operations,
          refused: s.refused,
          principal: s.principal,
        },
        'http access',
      );
    });
  });
  const disposable = useServer<Record<string, unknown>, Record<PropertyKey, unknown>>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          const headers = headersOf(ctx.connectionParams);
          const req = { get: (name: string) => headers[name.toLowerCase()] };
          const principal = await resolvePrincipal(deps.dataSource, deps.config.jwtSecret!, req as never);
          (ctx.extra as unknown as ConnectionExtra).principal = principal;
          const s = statsOf(ctx);
          if (s) s.principal = principal?.id ?? null;
          return true;
        } catch (e) {
          if (e instanceof AuthenticationError) return false;
          throw e;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const n = (perConnection.get(ctx) ?? 0) + 1;
        if (n > deps.config.liveMaxSubscriptionsPerConnection) {
          const s = statsOf(ctx);
          if (s) s.refused += 1;
          return [new GraphQLError(`At most ${deps.config.liveMaxSubscriptionsPerConnection} subscriptions per connection (订阅数超过上限)`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        // What HTTP requests meet: the trusted-documents gate, then (src/http/limits.ts) tokens while parsing,
        // validation, depth, cost and input rules. Counted in ebike_graphql_requests_total once, when it starts.
        const refused = (errors: readonly GraphQLError[]) => {
          const s = statsOf(ctx);
          if (s) s.refused += 1;
          graphqlRequests.inc({ operation: operationLabel(payload.operationName ?? null), outcome: 'error' });
          for (const e of errors) graphqlErrors.inc({ code: codeLabel(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED') });
          // `extensions.http` is the HTTP status Apollo answers with; it means nothing on a socket.
          return errors.map((e) => {
            if (!e.extensions?.http) return e;
            const { http: _h, ...extensions } = e.extensions;
            return new GraphQLError(e.message, { nodes: e.nodes, extensions });
          });
        };
        let query = payload.query;
        if (deps.trusted) {
          const op: Record<string, unknown> = { query, extensions: payload.extensions };
          const refusal = admit(op, deps.trusted);
          if (refusal) return refused([new GraphQLError(refusal.message, { extensions: { code: refusal.code } })]);
          query = op.query as string;
        }
        let document: DocumentNode;
        try {
          document = parse(query, { maxTokens: deps.config.maxQueryTokens });
        } catch (e) {
          return refused([e instanceof GraphQLError ? e : new GraphQLError(String(e))]);
        }
        const invalid = validate(deps.schema, document);
        if (invalid.length) return refused(invalid);
        const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        const op = payload.operationName ? ops.find((o) => o.name?.value === payload.operationName) : ops[0];
        if (op) {
          const limited = operationLimitError(deps.schema, document, op, payload.variables ?? {}, deps.config.maxQueryDepth, deps.config.maxQueryCost);
          if (limited) return refused([limited]);
        }
        graphqlRequests.inc({ operation: operationLabel(payload.operationName ?? op?.name?.value ?? null), outcome: 'ok' });
        perConnection.set(ctx, n);
        const s = statsOf(ctx);
        if (s) s.operations += 1;
        return { schema: deps.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onComplete: (ctx) => {
        perConnection.set(ctx, Math.max(0, (perConnection.get(ctx) ?? 1) - 1));
      },
      context: (ctx): Context => {
        const requestId = randomUUID();
        const connection = statsOf(ctx)?.requestId;
        return {
          requestId,
          principal: (ctx.extra as unknown as ConnectionExtra).principal ?? null,
          em: deps.dataSource.manager,
          dataSource: deps.dataSource,
          loaders: new Loaders(deps.dataSource.manager),
          clientIp: null,
          userAgent: null,
          log: deps.log.child({ requestId, transport: 'ws', ...(connection ? { connectionRequestId: connection } : {}) }),
          config: deps.config,
          reportCache: deps.reportCache,
          consumeSignInAttempt: async () => null,
          now: deps.now,
          live: deps.hub,
        };
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        // Each pushed result reads afresh: loaders are per event, not per subscription.
        (args.contextValue as Context).loaders = new Loaders(deps.dataSource.manager);
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((e) => deps.formatError(e.toJSON(), e)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => deps.formatError(e.toJSON(), e)),
    },
    wss,
  );
  return {
    get clients() {
      return wss.clients.size;
    },
    async close() {
      for (const c of wss.clients) c.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
