import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Principal, Role } from '../../common/auth';
import type { Logger } from '../../common/logger';
import { currentRequest } from '../../common/request-store';
import { recordUnauthenticatedMutations } from '../audit/audit.service';
import type { SupplyChainStage } from '../reference/reference.enums';
import type { PrincipalCache } from './access.principal-cache';
import { API_KEY_PATTERN, secretMatches, verifyAccessToken } from './access.tokens';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal | null;
    /** Why presented credentials were refused; answered with 401 after rate limiting. */
    authFailure?: string;
  }
}

interface PrincipalRow {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  team_ids: string[];
  district_codes: string[];
  stages: SupplyChainStage[];
  secret_hash?: string;
}

const STAGES_OF_TEAMS = `COALESCE(ARRAY(SELECT DISTINCT s.stage::text FROM task_team_stage s WHERE s.team_id = ANY(x.team_ids) ORDER BY 1), '{}') AS stages`;
/** A user as a principal row, with the stages of its teams; the caller adds the WHERE (an active user). */
const USER_PRINCIPAL = `SELECT x.id, x.username AS name, x.display_name, x.role, x.department_id, x.team_ids, x.district_codes, ${STAGES_OF_TEAMS}
       FROM app_user x`;

function toPrincipal(kind: Principal['kind'], r: PrincipalRow): Principal {
  return {
    kind,
    id: r.id,
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    departmentId: r.department_id,
    teamIds: r.team_ids,
    stages: r.stages,
    districtCodes: r.district_codes,
  };
}

/**
 * One statement by primary key: the active user with the stages of its teams, if the token's
 * version is still the user's (a password change, reset, (de)activation, role or scope change or
 * signOutEverywhere bumps it). Behind the per-process PrincipalCache (access.principal-cache.ts),
 * which every committed change to app_user or task_team_stage empties.
 */
async function userPrincipal(ds: DataSource, userId: string, tokenVersion: number): Promise<Principal | null> {
  const rows: PrincipalRow[] = await ds.query(`${USER_PRINCIPAL} WHERE x.id = $1 AND x.active AND x.token_version = $2`, [userId, tokenVersion]);
  return rows[0] ? toPrincipal('user', rows[0]) : null;
}

/** An active user by login name, as their requests would carry them (command-line tools acting for a user). */
export async function userPrincipalByUsername(ds: DataSource, username: string): Promise<Principal | null> {
  const rows: PrincipalRow[] = await ds.query(`${USER_PRINCIPAL} WHERE x.username = $1 AND x.active`, [username]);
  return rows[0] ? toPrincipal('user', rows[0]) : null;
}

/** One statement: the key by prefix, touching last_used_at at most once a minute. */
async function apiKeyPrincipal(ds: DataSource, key: string): Promise<Principal | null> {
  const m = API_KEY_PATTERN.exec(key);
  if (!m) return null;
  const rows: PrincipalRow[] = await ds.query(
    `WITH k AS (
        SELECT x.id, x.name, x.name AS display_name, x.role, x.department_id, x.team_ids, x.district_codes, x.secret_hash, ${STAGES_OF_TEAMS}
          FROM api_key x
         WHERE x.prefix = $1 AND x.revoked_at IS NULL AND (x.expires_at IS NULL OR x.expires_at > now())),
     touch AS (
        UPDATE api_key SET last_used_at = now()
         WHERE id = (SELECT id FROM k) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
     SELECT * FROM k`,
    [m[1]],
  );
  const row = rows[0];
  return row && secretMatches(m[2], row.secret_hash!) ? toPrincipal('apiKey', row) : null;
}

export class AuthenticationError extends Error {}

/**
 * The caller of a request: a user by `Authorization: Bearer <access token>`, a machine client by
 * `Authorization: Bearer ebk_…` or `X-Api-Key: ebk_…`, or nobody. Credentials that are present but
 * invalid are an error (not silently anonymous), so clients notice expired tokens.
 */
export async function resolvePrincipal(ds: DataSource, jwtSecret: string, req: Request, cache?: PrincipalCache): Promise<Principal | null> {
  const apiKey = req.get('x-api-key');
  const auth = req.get('authorization');
  if (!apiKey && !auth) return null;
  let principal: Principal | null = null;
  if (apiKey) {
    principal = await apiKeyPrincipal(ds, apiKey.trim());
  } else {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth!);
    if (!m) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
    if (m[1].startsWith('ebk_')) principal = await apiKeyPrincipal(ds, m[1]);
    else {
      const token = m[1];
      const now = Date.now();
      const cached = cache?.lookup(token, now);
      if (cached) return cached;
      const generation = cache?.currentGeneration ?? 0;
      const claims = verifyAccessToken(jwtSecret, token);
      principal = claims ? await userPrincipal(ds, claims.userId, claims.tokenVersion) : null;
      if (principal && claims) cache?.store(token, principal, claims.expiresAtMs, generation, now);
    }
  }
  if (!principal) throw new AuthenticationError('Invalid, expired or revoked credentials (凭证无效或已过期)');
  return principal;
}

/**
 * Root fields of the mutation a request would run, or [] when it is a query or cannot be parsed.
 * Only used to audit refused attempts; the request itself is never executed.
 */
export function mutationFieldsOf(body: unknown): string[] {
  const b = body as { query?: unknown; operationName?: unknown } | undefined;
  if (!b || typeof b.query !== 'string' || b.query.length > 100_000) return [];
  try {
    const ops = parse(b.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const op = typeof b.operationName === 'string' ? ops.find((o) => o.name?.value === b.operationName) : ops.length === 1 ? ops[0] : undefined;
    if (op?.operation !== 'mutation') return [];
    const names = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => s.name.value);
    return [...new Set(names)].filter((n) => !n.startsWith('__'));
  } catch {
    return [];
  }
}

/**
 * Resolves the caller. Invalid credentials are not answered here but marked on the request, so
 * that the rate limiter counts them (by address) before `rejectInvalidCredentials` answers 401.
 */
export function authenticate(ds: DataSource, jwtSecret: string, cache?: PrincipalCache) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      req.principal = await resolvePrincipal(ds, jwtSecret, req, cache);
    } catch (e) {
      if (!(e instanceof AuthenticationError)) return next(e);
      req.principal = null;
      req.authFailure = e.message;
    }
    next();
  };
}

/** 401 for requests that carried invalid credentials; a mutation attempted so is audited as refused. */
export function rejectInvalidCredentials(ds: DataSource, log: Logger) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!req.authFailure) return next();
    await recordUnauthenticatedMutations(ds, { requestId: currentRequest()?.requestId ?? null, clientIp: req.ip ?? null }, mutationFieldsOf(req.body), `UNAUTHENTICATED: ${req.authFailure}`).catch(
      (err: unknown) => log.error({ err }, 'could not record a refused attempt in the audit trail'),
    );
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: req.authFailure, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}
