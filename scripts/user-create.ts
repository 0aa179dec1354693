/**
 * Creates a user from the command line (bootstrap without a hard-coded password):
 *
 *   npm run user:create -- --username zhang.wei --role AGENCY_OFFICER --display-name 张伟 \
 *     --department MARKET --teams SALES,MODIFICATION --districts 511102,511181 [--password …]
 *
 * Without --password a random one is generated and printed once. Uses DATABASE_URL, or the
 * embedded database under DATA_DIR (connecting to the running service's server if there is one).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Role } from '../src/common/auth';
import { UserInputFailure } from '../src/common/errors';
import { createLogger } from '../src/common/logger';
import { loadConfigOrExit } from '../src/config';
import { connectWithRetry, migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { cliDatabase } from '../src/database/embedded';
import { inSystemTransaction } from '../src/modules/access/access.bootstrap';
import { createUser } from '../src/modules/access/access.service';
import { loadReferenceData } from '../src/modules/reference/reference.loader';

const USAGE = 'usage: npm run user:create -- --username NAME --role ROLE [--display-name NAME] [--department CODE] [--teams A,B] [--districts 511102,…] [--password PW]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      department: { type: 'string' },
      teams: { type: 'string' },
      districts: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (!values.username || !values.role) {
    console.error(USAGE);
    return 2;
  }
  if (!(Object.values(Role) as string[]).includes(values.role)) {
    console.error(`--role must be one of ${Object.values(Role).join(', ')}`);
    return 2;
  }
  const config = loadConfigOrExit();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const db = await cliDatabase(config, log);
  const url = db.url;
  const ds = makeDataSource({ url, log });
  try {
    await connectWithRetry(ds, url, config.dbConnectTimeoutMs, log);
    await migrate(ds, log);
    await loadReferenceData(ds);
    const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
    const { user, generatedPassword } = await inSystemTransaction(ds, config, log, 'cli:user:create', (ctx) =>
      createUser(ctx, {
        username: values.username!,
        displayName: values['display-name'] ?? values.username!,
        role: values.role as Role,
        departmentCode: values.department,
        teamCodes: list(values.teams),
        districtCodes: list(values.districts),
        password: values.password,
      }),
    );
    console.log(`created user ${user.username} (${user.role}) id ${user.id}`);
    if (generatedPassword) console.log(`password (shown once): ${generatedPassword}`);
    return 0;
  } catch (e) {
    if (e instanceof UserInputFailure) {
      for (const err of e.userErrors) console.error(`${err.field.join('.')}: ${err.message} [${err.code}]`);
      return 1;
    }
    throw e;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`user:create failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
