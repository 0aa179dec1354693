import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Logger } from '../common/logger';
import { httpDuration, httpRequests } from './metrics';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The fixed route names of the access log and the HTTP metrics (a path never becomes a label). */
export type RouteName = 'graphql' | 'graphql_ws' | 'ide' | 'exports' | 'imports' | 'health' | 'front_page' | 'metrics' | 'not_found' | 'other';

/** The request id of a request: the caller's `X-Request-Id` when well formed, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const h = Array.isArray(header) ? header[0] : header;
  return h && REQUEST_ID.test(h) ? h : randomUUID();
}

export function routeOf(path: string, status: number): RouteName {
  if (path === '/graphql' || path.startsWith('/graphql/')) return 'graphql';
  if (path.startsWith('/ide/')) return 'ide';
  if (path.startsWith('/exports/')) return 'exports';
  if (path.startsWith('/imports')) return 'imports';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/' || path === '/favicon.ico' || path === '/schema.graphql') return 'front_page';
  if (path === '/metrics') return 'metrics';
  return status === 404 ? 'not_found' : 'other';
}

/**
 * First middleware of the app: gives the request its id (a well-formed `X-Request-Id` from the
 * caller, else a new UUID; echoed in the response) and writes one access log line when the response
 * is finished or the connection closes first:
 * `{ requestId, method, route, path, status, durationMs, bytes, principal, aborted }`.
 * Only the path is logged — never the query string (a GET /graphql carries variables there), headers,
 * tokens, the client address or bodies; `principal` is the caller's id once authenticated.
 * WebSocket connections never reach Express: src/modules/live/live.ws.ts writes their line
 * (route `graphql_ws`) when they close.
 */
export function accessLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.get('x-request-id'));
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    const path = req.path.slice(0, 200);
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route: RouteName = res.locals.route ?? routeOf(path, res.statusCode);
      const aborted = !res.writableFinished;
      httpRequests.inc({ route, method: /^(GET|POST|HEAD|OPTIONS)$/.test(req.method) ? req.method : 'other', status: String(res.statusCode) });
      httpDuration.observe({ route }, seconds);
      const length = res.getHeader('content-length');
      log.info(
        {
          requestId,
          method: req.method,
          route,
          path,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10000) / 10,
          bytes: length === undefined ? null : Number(length),
          principal: req.principal?.id ?? null,
          ...(aborted ? { aborted: true } : {}),
        },
        'http access',
      );
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}
