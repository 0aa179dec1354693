import type { NextFunction, Request, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../common/logger';

export interface RateLimiter {
  middleware: (req: Request, res: Response, next: NextFunction) => Promise<void>;
  /** Counts one sign-in attempt of a client address: null when allowed, else seconds to wait. */
  consumeSignIn(address: string): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Requests per window per principal (per client address when anonymous). In memory by default;
 * shared by every instance through Redis when REDIS_URL is set, with an in-memory fallback while
 * Redis is unreachable so an outage does not take the API down.
 */
/** How long requests wait for the first Redis connection before using the in-memory fallback. */
const FIRST_CONNECTION_WAIT_MS = 2000;

export function createRateLimiter(config: Config, log: Logger): RateLimiter {
  const opts = { points: config.rateLimitPoints, duration: config.rateLimitWindowSeconds, keyPrefix: 'ebike-rl' };
  let redis: Redis | null = null;
  let firstConnection: Promise<void> | null = null;
  let limiter: RateLimiterAbstract;
  // Password guesses per address, on top of the per-name lock: one request carries at most one.
  const signInOpts = { points: config.signInAttemptsPerAddress, duration: config.signInAddressWindowSeconds, keyPrefix: 'ebike-signin' };
  let signInLimiter: RateLimiterAbstract;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on('error', (e) => log.warn({ error: e.message }, 'redis error (rate limiter falls back to memory)'));
    limiter = new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) });
    signInLimiter = new RateLimiterRedis({ ...signInOpts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(signInOpts) });
    // Without the offline queue, requests arriving while the first connection is still being made
    // would go to this instance's in-memory insurance and escape the shared budget. Wait for that
    // first connection (briefly); after it, an outage falls back to memory at once.
    const client = redis;
    firstConnection = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        client.off('ready', done);
        client.off('error', done);
        client.off('end', done);
        resolve();
      };
      const timer = setTimeout(done, FIRST_CONNECTION_WAIT_MS);
      timer.unref();
      client.once('ready', done);
      client.once('error', done);
      client.once('end', done);
    });
  } else {
    limiter = new RateLimiterMemory(opts);
    signInLimiter = new RateLimiterMemory(signInOpts);
  }

  return {
    async middleware(req, res, next) {
      const key = req.principal ? `p:${req.principal.id}` : `ip:${req.ip ?? 'unknown'}`;
      if (firstConnection) await firstConnection;
      try {
        const r = await limiter.consume(key);
        res.set('RateLimit-Limit', String(opts.points));
        res.set('RateLimit-Remaining', String(r.remainingPoints));
        next();
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
          res
            .status(429)
            .set('Retry-After', String(retryAfter))
            .json({
              errors: [
                {
                  message: `Too many requests: at most ${opts.points} per ${opts.duration} s; retry after ${retryAfter} s (请求过于频繁)`,
                  extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
                },
              ],
            });
          return;
        }
        next(e);
      }
    },
    async consumeSignIn(address) {
      if (firstConnection) await firstConnection;
      try {
        await signInLimiter.consume(address);
        return null;
      } catch (e) {
        if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw e;
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
