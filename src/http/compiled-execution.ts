import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  GraphQLError,
  GraphQLObjectType,
  defaultFieldResolver,
  execute,
  getNamedType,
  isInputObjectType,
  isLeafType,
  Kind,
  printSchema,
  type DocumentNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type TypeNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../common/context';
import type { Logger } from '../common/logger';

type GatewayInterface = ApolloServerOptionsWithGateway<Context>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * Compiled execution of queries (GRAPHQL_JIT, on by default): graphql-jit turns each query document
 * into a JavaScript function once, and every later request with the same document runs that function
 * instead of graphql-js's interpreter, which walks the query and builds a promise per field. Same
 * schema, same resolvers, so the same guards, masking and loaders; measured on the benchmark's lists
 * (README, "Side by side with PostGraphile v5").
 *
 * Plugged in through Apollo Server's gateway interface, its one hook for another executor. Apollo
 * still parses, validates (with the service's limits) and caches documents and formats the answer.
 * Mutations, subscriptions, any query graphql-jit cannot compile and queries with a variable of an
 * input type with defaults (see needsInterpreter) run through graphql-js, as do requests whose
 * operation Apollo could not resolve (graphql-js words that error). A request whose variables
 * graphql-jit refuses is answered by graphql-js too, so a bad variable gets graphql-js's message (Apollo
 * answers it as BAD_USER_INPUT, status 400), exactly as without compilation; valid variables are
 * coerced once, by graphql-jit.
 */
export function compiledExecution(schema: GraphQLSchema, log: Logger, opts: { traced: boolean }): GatewayInterface {
  resolveStructureFields(schema);
  // With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), a compiled query gets the execute span graphql-js's instrumentation would give it.
  const tracer = opts.traced ? (require('@opentelemetry/api') as typeof import('@opentelemetry/api')).trace.getTracer('ebike-remediation') : null;
  /** Per parsed document (Apollo's document store hands out the same object for the same text): per operation name. */
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const executor: GatewayExecutor = async (rc) => {
    const interpreted = () =>
      execute({ schema, document: rc.document, contextValue: rc.context, variableValues: rc.request.variables, operationName: rc.request.operationName });
    const operation = rc.operation;
    if (!operation || operation.operation !== 'query') return interpreted();
    let byName = compiled.get(rc.document);
    if (!byName) compiled.set(rc.document, (byName = new Map()));
    const name = rc.operationName ?? '';
    let query = byName.get(name);
    if (query === undefined) {
      const result = needsInterpreter(schema, operation) ? null : compileQuery(schema, rc.document, rc.operationName ?? undefined);
      query = result && isCompiledQuery(result) ? result : null;
      if (result && !query) log.warn({ operationName: rc.operationName, errors: 'errors' in result ? result.errors?.map((e) => e.message) : undefined }, 'query not compiled; interpreted instead');
      byName.set(name, query);
    }
    if (!query) return interpreted();
    const compiledQuery = query;
    const run = async () => {
      const result = await compiledQuery.query(undefined, rc.context, rc.request.variables ?? {});
      // No data at all: graphql-jit refused the variables before running anything. graphql-js refuses them
      // again, in its own words (Apollo answers those as BAD_USER_INPUT, status 400).
      return result.data === undefined ? interpreted() : asGraphqlJsErrors(result);
    };
    if (!tracer) return run();
    return tracer.startActiveSpan(`query${rc.operationName ? ` ${rc.operationName}` : ''}`, { attributes: { 'graphql.operation.type': 'query', ...(rc.operationName ? { 'graphql.operation.name': rc.operationName } : {}) } }, async (span) => {
      try {
        const result = await run();
        if (result.errors?.length) span.setStatus({ code: 2, message: result.errors[0].message }); // SpanStatusCode.ERROR
        return result;
      } finally {
        span.end();
      }
    });
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      // Only Apollo's schema reporting (not used here) reads the SDL: printed if ever asked for.
      callback({
        apiSchema: schema,
        get coreSupergraphSdl() {
          return printSchema(schema);
        },
      });
      return () => undefined;
    },
    async load() {
      return { executor };
    },
    async stop() {
      // Nothing to release: compiled queries go with their documents.
    },
  };
}

/**
 * graphql-jit 0.8.9 does not fill in the defaults of input-object fields given through a variable
 * (`$o: CertificateOrder` = `{ field: NUMBER }` is refused for want of `direction`, whose default is
 * ASC), so an operation with such a variable is interpreted by graphql-js. Input objects written in
 * the query itself are coerced by graphql-jit correctly.
 */
function needsInterpreter(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const seen = new Set<string>();
  const hasDefaults = (type: GraphQLNamedType | undefined): boolean => {
    if (!isInputObjectType(type) || seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((f) => f.defaultValue !== undefined || hasDefaults(getNamedType(f.type)));
  };
  return (operation.variableDefinitions ?? []).some((v) => hasDefaults(schema.getType(namedTypeOf(v.type))));
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/**
 * graphql-jit reads a field without a resolver as a plain property and does not wait for it, where
 * graphql-js waits for a promise it finds there. Lists are lazy here (a connection's `nodes`, `edges`
 * and `pageInfo` are promises read only when selected, src/common/connection.ts), so every field of
 * an object or list type gets graphql-js's own default resolver: the same answer from graphql-js, and
 * graphql-jit then waits for it. Scalar and enum fields stay plain property reads.
 */
function resolveStructureFields(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (!field.resolve && !isLeafType(getNamedType(field.type))) field.resolve = defaultFieldResolver;
  }
}

/**
 * graphql-jit's errors carry `locations` but no AST nodes, and no `extensions` when the thrown error had
 * none; Apollo's error formatting expects graphql-js's errors (it reads `extensions.code`). Same message,
 * path, locations and original error, as graphql-js errors.
 */
function asGraphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
    if (e.locations) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true });
    return error;
  });
  return { ...result, errors };
}
