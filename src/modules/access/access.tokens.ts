import { createHash, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { ConfigError, type Config } from '../../config';
import type { Logger } from '../../common/logger';

const ISSUER = 'ebike-remediation';
const AUDIENCE = 'ebike-remediation-api';

/**
 * Production refuses to start without JWT_SECRET. Development and test generate a secret once
 * and keep it in DATA_DIR, so tokens survive restarts.
 */
export function resolveJwtSecret(config: Config, log?: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required in production (at least 32 characters)');
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  log?.warn({ file }, 'JWT_SECRET not set: generated a development secret');
  return secret;
}

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Given a string, jsonwebtoken first tries to parse it as a PEM key on every call (about 1 ms of
 * CPU per request, measured by the benchmark); a KeyObject made once avoids that.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let k = keys.get(secret);
  if (!k) keys.set(secret, (k = createSecretKey(Buffer.from(secret, 'utf8'))));
  return k;
}

/**
 * `ver` is the user's token version at sign-in: each request compares it with the current one, so
 * bumping the version ends every session at once.
 */
export function signAccessToken(secret: string, userId: string, tokenVersion: number, ttlSeconds: number, now = new Date()): AccessToken {
  const iat = Math.floor(now.getTime() / 1000);
  const token = jwt.sign({ sub: userId, ver: tokenVersion, iat, exp: iat + ttlSeconds, typ: 'access' }, keyOf(secret), {
    algorithm: 'HS256',
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
}

/** The user id and token version of a valid token, or null (bad signature, expired, no version…). */
export function verifyAccessToken(secret: string, token: string): { userId: string; tokenVersion: number; expiresAtMs: number } | null {
  try {
    const claims = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !Number.isInteger(claims.ver) || !Number.isInteger(claims.exp)) return null;
    return { userId: claims.sub, tokenVersion: claims.ver as number, expiresAtMs: (claims.exp as number) * 1000 };
  } catch {
    return null;
  }
}

/** Refresh tokens: `ebr_` and 256 random bits; only their SHA-256 is stored. */
export const REFRESH_TOKEN_PATTERN = /^ebr_[A-Za-z0-9_-]{43}$/;

export function generateRefreshToken(): { token: string; hash: string } {
  const token = `ebr_${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token) };
}

/** API keys look like `ebk_<prefix>_<secret>`: the prefix finds the row, the secret is compared by hash. */
export const API_KEY_PATTERN = /^ebk_([a-z0-9]{12})_([A-Za-z0-9_-]{32})$/;

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const secret = randomBytes(24).toString('base64url');
  return { key: `ebk_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
