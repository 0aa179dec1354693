import type { DataSource } from 'typeorm';
import { Role, type Principal } from '../../common/auth';
import type { Config } from '../../config';
import { ReportCache } from '../reports/reports.cache';
import type { Context } from '../../common/context';
import { Loaders } from '../../common/loaders';
import type { Logger } from '../../common/logger';
import { User } from './access.entities';
import { createUser } from './access.service';

/** The principal of start-up and command-line tasks, as the audit trail names it. */
export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'system',
  id: '00000000-0000-0000-0000-000000000000',
  name: 'system',
  role: Role.ADMIN,
  departmentId: null,
  teamIds: [],
  stages: [],
  districtCodes: [],
};

/** A context for work done outside an HTTP request (CLI, bootstrap), in one transaction. */
export async function inSystemTransaction<T>(ds: DataSource, config: Config, log: Logger, requestId: string, fn: (ctx: Context) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    const ctx: Context = {
      requestId,
      principal: SYSTEM_PRINCIPAL,
      em,
      dataSource: ds,
      loaders: new Loaders(em),
      clientIp: null,
      userAgent: null,
      log,
      config,
      reportCache: ReportCache.off(log),
      // Command-line work is not a sign-in from the network.
      consumeSignInAttempt: async () => null,
      now: () => new Date(),
    };
    return fn(ctx);
  });
}

/**
 * On a database with no users at all (a fresh embedded one), creates `admin` with a random
 * password printed once. No password is ever hard-coded.
 */
export async function bootstrapFirstAdmin(ds: DataSource, config: Config, log: Logger): Promise<void> {
  await inSystemTransaction(ds, config, log, 'bootstrap', async (ctx) => {
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('ebike.bootstrap-admin'))`);
    if ((await ctx.em.count(User)) > 0) return;
    const { user, generatedPassword } = await createUser(ctx, { username: 'admin', displayName: 'Administrator (系统管理员)', role: Role.ADMIN });
    process.stdout.write(
      `\nFirst administrator created — username: ${user.username}  password: ${generatedPassword}\n` +
        `This password is shown once. Sign in with the login mutation and change it with changeMyPassword.\n\n`,
    );
    log.warn({ username: user.username }, 'first administrator created with a generated password (printed once on stdout)');
  });
}
