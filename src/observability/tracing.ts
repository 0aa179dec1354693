/**
 * OpenTelemetry tracing (链路追踪) of HTTP, GraphQL and pg, exported over OTLP/HTTP (JSON). Loaded
 * only by `tracing-preload.ts` when OTEL_EXPORTER_OTLP_ENDPOINT is set: with tracing off none of the
 * @opentelemetry modules is even required, so there is no cost.
 *
 * Must run before `http`, `express`, `graphql` and `pg` are first required, so that the
 * instrumentations can patch them (src/main.ts imports the preload first).
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config';

/** Probes and scrapes are not traced: they would drown the requests people look for. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics', '/favicon.ico']);

export function startTracing(cfg: TracingConfig): { flush(): Promise<void> } {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': cfg.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: cfg.endpoint }), scheduledDelayMillis: cfg.scheduleDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
        // Only calls made while serving a request (not the exporter's own posts).
        requireParentforOutgoingSpans: true,
      }),
      // parse / validate / execute per operation; one span per non-trivial resolver would cost more
      // than the request (a page of 100 rows has thousands of fields), so resolver spans are off.
      new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false }),
      // Statement text only (with $1 placeholders): parameter values may be personal data.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  return {
    flush: () => provider.shutdown(),
  };
}
