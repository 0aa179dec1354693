/**
 * First import of src/main.ts: starts tracing when an OTLP endpoint is configured, before the
 * modules it instruments are loaded. When it is not, nothing of OpenTelemetry is required.
 */
import { applyDotEnv, tracingConfig } from '../config';

let flusher: { flush(): Promise<void> } | null = null;

try {
  applyDotEnv();
  const cfg = tracingConfig(process.env);
  if (cfg) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    flusher = (require('./tracing') as typeof import('./tracing')).startTracing(cfg);
  }
} catch {
  // A bad value is reported (with the variable's name) by loadConfigOrExit a moment later.
}

/** Sends the spans still buffered (shutdown); a no-op when tracing is off. */
export async function flushTracing(): Promise<void> {
  await flusher?.flush().catch(() => undefined);
}
