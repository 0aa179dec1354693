/**
 * The bulletin page (GET /reports/bulletin) and the browser sign-in for it.
 *
 * Authentication is the API's (Authorization: Bearer <token> or an API key), or for a browser the
 * report cookie: /reports/sign-in takes username and password (the `login` mutation's own checks,
 * limits and audit), and sets the access token as an HttpOnly, SameSite=Strict cookie (Secure when
 * the service is reached over HTTPS or runs in production) with paths /reports and /exports only.
 * The cookie is read for GET and HEAD requests there and nowhere else, so it can start no change:
 * a cross-site form cannot use it (SameSite=Strict), and no route that reads it writes anything.
 * Roles: those of the `bulletin` query.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../common/context';
import { UserInputFailure, isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from '../common/errors';
import type { Logger } from '../common/logger';
import { addDays, isLocalDate } from '../common/time';
import { verifyAccessToken } from '../modules/access/access.tokens';
import * as sessions from '../modules/access/access.sessions';
import { today } from '../modules/remediation/remediation.service';
import { buildBulletin } from '../modules/reports/reports.service';
import { AGGREGATE_READERS } from '../modules/reports/reports.roles';
import { bulletinDocument, type BulletinDocument } from '../modules/reports/bulletin/document';
import { bulletinHtml, signInHtml } from '../modules/reports/bulletin/html';
import { enumLabels } from '../modules/reports/bulletin/labels';

export const REPORT_COOKIE = 'ebike_report';
/** The paths the cookie is sent to (one cookie per path). */
export const REPORT_COOKIE_PATHS = ['/reports', '/exports'] as const;

function cookieValue(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/**
 * Before `authenticate` on /reports and /exports: a GET or HEAD without credentials of its own
 * presents the report cookie's token as its bearer token. A cookie whose token no longer verifies
 * (expired) is ignored, so the page sends the browser to sign in again.
 */
export function reportCookieAuth(config: Config): RequestHandler {
  return (req, _res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.headers.authorization && !req.headers['x-api-key']) {
      const token = cookieValue(req, REPORT_COOKIE);
      if (token && /^[A-Za-z0-9._-]{20,4096}$/.test(token) && verifyAccessToken(config.jwtSecret!, token)) {
        req.headers.authorization = `Bearer ${token}`;
        req.viaReportCookie = true;
      }
    }
    next();
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Credentials came from the report cookie (reportCookieAuth). */
    viaReportCookie?: boolean;
  }
}

/** The last full calendar month before today (Asia/Shanghai). */
export function lastFullMonth(todayDate: string): { from: string; to: string } {
  const to = addDays(`${todayDate.slice(0, 8)}01`, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

export class PeriodError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

/** from/to of a bulletin request: both given, or neither (the last full month). */
export function bulletinPeriod(ctx: Context, query: Request['query']): { from: string; to: string } {
  const { from, to } = query;
  if (from === undefined && to === undefined) return lastFullMonth(today(ctx));
  if (!isLocalDate(from)) throw new PeriodError('from must be a date YYYY-MM-DD (起始日期须为YYYY-MM-DD)', 'from');
  if (!isLocalDate(to)) throw new PeriodError('to must be a date YYYY-MM-DD (截止日期须为YYYY-MM-DD)', 'to');
  if (from > to) throw new PeriodError('from is after to (起始日期晚于截止日期)', 'from');
  return { from, to };
}

/** The bulletin document of a period: the `bulletin` query's result, laid out once for every format. */
export async function bulletinDocumentFor(ctx: Context, schema: GraphQLSchema, from: string, to: string): Promise<BulletinDocument> {
  const b = await buildBulletin(ctx, from, to);
  return bulletinDocument(b, enumLabels(schema), { compiledOn: today(ctx), compiler: ctx.config.bulletinCompiler });
}

export interface ReportsDeps {
  schema: GraphQLSchema;
  config: Config;
  log: Logger;
  makeContext: (req: Request) => Context;
}

/** Only paths of this service under /reports or /exports may be the target after signing in. */
function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(reports|exports)\/[A-Za-z0-9._~\-/?=&%]*$/.test(v) && !v.startsWith('//') ? v : '/reports/bulletin';
}

/** A POST from a page of another site (a login form on someone else's page) is refused. */
function sameOrigin(req: Request): boolean {
  const origin = req.get('origin') ?? req.get('referer');
  if (!origin || origin === 'null') return !req.get('origin');
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

const html = (res: Response, status: number, body: string) => res.status(status).type('html').set('Cache-Control', 'no-store').send(body);

export function reportsRouter(deps: ReportsDeps): Router {
  const router = express.Router();
  const secure = deps.config.behindHttps || deps.config.nodeEnv === 'production';
  const cookie = (value: string, maxAge: number) =>
    REPORT_COOKIE_PATHS.map((path) => `${REPORT_COOKIE}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`);

  router.get('/sign-in', (req, res) => html(res, 200, signInHtml({ next: safeNext(req.query.next) })));

  router.post('/sign-in', express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }), async (req, res) => {
    const next = safeNext(req.body?.next);
    if (!sameOrigin(req)) return void html(res, 403, signInHtml({ next, error: '请从本站页面登录（跨站提交已拒绝） · Cross-site sign-in refused' }));
    const username = typeof req.body?.username === 'string' ? req.body.username : '';
    const password = typeof req.body?.password === 'string' ? req.body.password : '';
    if (!username || !password) return void html(res, 400, signInHtml({ next, username, error: '请输入用户名和密码 · Enter username and password' }));
    const ctx = deps.makeContext(req);
    try {
      const session = await sessions.login(ctx, { username, password });
      const maxAge = Math.max(1, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
      res.set('Set-Cookie', cookie(session.accessToken, maxAge)).set('Cache-Control', 'no-store').redirect(303, next);
    } catch (e) {
      if (e instanceof UserInputFailure) return void html(res, 401, signInHtml({ next, username, error: `${e.userErrors[0]?.message ?? '用户名或密码错误'}` }));
      if (e instanceof GraphQLError && e.extensions?.code === 'RATE_LIMITED') {
        res.set('Retry-After', String(e.extensions.retryAfterSeconds ?? 60));
        return void html(res, 429, signInHtml({ next, username, error: e.message }));
      }
      if (isDatabaseUnavailable(e)) {
        res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        return void html(res, 503, signInHtml({ next, username, error: '数据库暂不可用，请稍后再试 · Database unavailable, retry later' }));
      }
      deps.log.error({ err: e, requestId: ctx.requestId }, 'report sign-in failed');
      html(res, 500, signInHtml({ next, username, error: `内部错误 · Internal error; reference ${ctx.requestId}` }));
    }
  });

  router.post('/sign-out', (req, res) => {
    if (!sameOrigin(req)) return void res.status(403).type('text').send('Cross-site request refused (跨站请求已拒绝)');
    res.set('Set-Cookie', cookie('', 0)).redirect(303, '/reports/sign-in');
  });

  router.get('/bulletin', async (req, res) => {
    const ctx = deps.makeContext(req);
    if (!ctx.principal) {
      if (req.accepts(['html', 'json']) === 'html') return void res.redirect(303, `/reports/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
      return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: 'Authentication required (请先登录)', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    if (!(AGGREGATE_READERS as readonly string[]).includes(ctx.principal.role)) {
      return void res.status(403).json({ errors: [{ message: 'Not allowed (无权限)', extensions: { code: 'FORBIDDEN' } }] });
    }
    try {
      const { from, to } = bulletinPeriod(ctx, req.query);
      const doc = await bulletinDocumentFor(ctx, deps.schema, from, to);
      const q = `from=${from}&to=${to}`;
      html(res, 200, bulletinHtml(doc, { docx: `/exports/bulletin.docx?${q}`, xlsx: `/exports/bulletin.xlsx?${q}`, signOut: req.viaReportCookie }));
    } catch (e) {
      if (e instanceof PeriodError) return void res.status(400).json({ errors: [{ message: e.message, extensions: { code: 'BAD_USER_INPUT', argument: e.argument } }] });
      if (isDatabaseUnavailable(e)) return void res.status(503).set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)).json({ errors: [{ message: 'Database unavailable (数据库暂不可用)', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      deps.log.error({ err: e, requestId: ctx.requestId }, 'bulletin page failed');
      res.status(500).json({ errors: [{ message: `Internal error (内部错误); reference ${ctx.requestId}`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: ctx.requestId } }] });
    }
  });

  return router;
}
