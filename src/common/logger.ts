import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; one logger per process, children per request. */
export function createLogger(level: string, name = 'ebike-remediation'): Logger {
  return pino(
    {
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['password', '*.password', 'variables.password', 'variables.input.password'], censor: '[redacted]' },
    },
    // Synchronous: a line per request is cheap, and nothing is lost when the process exits.
    pino.destination({ dest: 1, sync: true }),
  );
}
