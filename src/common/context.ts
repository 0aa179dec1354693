import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Principal } from './auth';
import type { Loaders } from './loaders';
import type { Logger } from './logger';
import type { ReportCache } from '../modules/reports/reports.cache';
import type { DailyJobs } from '../modules/jobs/scheduler';
import type { LiveHub } from '../modules/live/live.hub';

/** Everything a resolver or service needs about the current request. Services take it first. */
export interface Context {
  requestId: string;
  principal: Principal | null;
  /** The request's EntityManager: inside a mutation, bound to that mutation's transaction. */
  em: EntityManager;
  dataSource: DataSource;
  loaders: Loaders;
  clientIp: string | null;
  userAgent: string | null;
  log: Logger;
  config: Config;
  /** Statistics and bulletin results shared across requests (see reports.cache.ts). */
  reportCache: ReportCache;
  /** The process's daily jobs (escalation, snapshots), for the administrator's run-now. */
  dailyJobs?: DailyJobs;
  /** Counts a sign-in attempt of this client address: null when allowed, else seconds to wait. */
  consumeSignInAttempt: () => Promise<number | null>;
  /** The request's clock; tests substitute a fixed one. */
  now: () => Date;
  /** Live updates of this instance (subscriptions); absent in command-line tools. */
  live?: LiveHub;
}
