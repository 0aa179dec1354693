/**
 * Imports a spreadsheet from the command line, with the same dry run and commit as the API:
 *
 *   npm run import -- businesses|sites|product-models|supply-relations|inspections list.xlsx [--dry-run] [--valid-rows-only] [--as USERNAME]
 *
 * Prints the row problems, then (unless --dry-run) writes all rows in one transaction — or only
 * the valid ones with --valid-rows-only. Exit code 0 when written (or, with --dry-run, when every
 * row is valid), 1 when the file or rows were refused, 2 on usage errors. Runs as the system user,
 * or with --as as that active user, with their role and scope (inspections are recorded only by a
 * coordinator or an agency officer); audit rows carry request id `cli:import`. Uses DATABASE_URL, or
 * the embedded database under DATA_DIR (connecting to the running service's server if there is one).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config';
import { connectWithRetry, migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { cliDatabase } from '../src/database/embedded';
import { userPrincipalByUsername } from '../src/modules/access/access.authenticate';
import { SYSTEM_PRINCIPAL } from '../src/modules/access/access.bootstrap';
import { ImportKind, ImportRow, ImportStatus } from '../src/modules/import/import.entities';
import { commitJob, createJob, importLimits, validateJob, type ImportActor } from '../src/modules/import/import.service';
import { loadReferenceData } from '../src/modules/reference/reference.loader';

const USAGE = 'usage: npm run import -- businesses|sites|product-models|supply-relations|inspections FILE.xlsx|FILE.csv [--dry-run] [--valid-rows-only] [--as USERNAME]';
const KINDS: Record<string, ImportKind> = {
  businesses: ImportKind.BUSINESSES,
  sites: ImportKind.SITES,
  'product-models': ImportKind.PRODUCT_MODELS,
  'supply-relations': ImportKind.SUPPLY_RELATIONS,
  inspections: ImportKind.INSPECTIONS,
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, 'valid-rows-only': { type: 'boolean' }, as: { type: 'string' } } });
  const [kindName, file] = positionals;
  const kind = KINDS[kindName ?? ''];
  if (!kind || !file || positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const buffer = fs.readFileSync(file);
  const db = await cliDatabase(config, log);
  const ds = makeDataSource({ url: db.url, log });
  const bar = new cliProgress.SingleBar({ format: '{step} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let barStep: string | null = null;
  const sink = (step: 'validate' | 'commit', done: number, total: number) => {
    const label = step === 'validate' ? 'checking ' : 'writing  ';
    if (barStep !== label) {
      if (barStep) bar.stop();
      bar.start(total, 0, { step: label });
      barStep = label;
    }
    bar.update(done);
  };
  try {
    await connectWithRetry(ds, db.url, config.dbConnectTimeoutMs, log);
    await migrate(ds, log);
    await loadReferenceData(ds);
    const principal = values.as ? await userPrincipalByUsername(ds, values.as) : SYSTEM_PRINCIPAL;
    if (!principal) {
      console.error(`no active user named ${values.as}`);
      return 2;
    }
    const actor: ImportActor = { principal, requestId: 'cli:import', clientIp: null };
    let job = await createJob(ds, kind, { filename: path.basename(file), buffer }, actor, null);
    job = await validateJob(ds, job, buffer, actor, importLimits(config), null, sink);
    if (barStep) bar.update(job.totalRows);
    bar.stop();
    barStep = null;
    if (job.status === ImportStatus.REFUSED) {
      console.error(`refused: ${job.errorMessage} (${job.errorMessageEn}) [${job.errorCode}]`);
      return 1;
    }
    console.log(`${job.fileFormat}${job.encoding ? ` ${job.encoding}` : ''}, header on line ${job.headerRow}, ${job.totalRows} rows: ${job.validRows} valid, ${job.rejectedRows} rejected; would create ${job.createdCount}, update ${job.updatedCount}, leave ${job.unchangedCount} unchanged (job ${job.id})`);
    if (job.ignoredColumns.length) console.log(`ignored columns: ${job.ignoredColumns.join(', ')}`);
    const problems = await ds.getRepository(ImportRow).createQueryBuilder('r').where(`r.job_id = :id AND r.problems <> '[]'::jsonb`, { id: job.id }).orderBy('r.row_number').limit(50).getMany();
    for (const r of problems) for (const p of r.problems) console.log(`  line ${r.rowNumber}${p.column ? ` [${p.column}]` : ''} ${p.code}: ${p.message} (${p.messageEn})`);
    if (job.rejectedRows > problems.length) console.log(`  … ${job.rejectedRows - problems.length} more rows with problems (query import(id: "${job.id}") { report(onlyProblems: true) })`);
    if (values['dry-run']) return job.rejectedRows ? 1 : 0;
    if (job.rejectedRows && !values['valid-rows-only']) {
      console.error('nothing written: fix the rows above, or pass --valid-rows-only');
      return 1;
    }
    if (job.validRows === 0) {
      console.error('nothing to write: no valid rows');
      return 1;
    }
    await ds.query(`UPDATE import_job SET status = 'COMMITTING', processed_rows = 0 WHERE id = $1`, [job.id]);
    job = await commitJob(ds, job.id, actor, Boolean(values['valid-rows-only']), null, sink);
    bar.stop();
    if (job.status !== ImportStatus.COMMITTED) {
      console.error(`not written: ${job.errorMessage} (${job.errorMessageEn})`);
      return 1;
    }
    console.log(`written: ${job.createdCount} created, ${job.updatedCount} updated, ${job.unchangedCount} unchanged, ${job.rejectedRows} rejected`);
    return 0;
  } finally {
    bar.stop();
    if (ds.isInitialized) await ds.destroy();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`import failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
