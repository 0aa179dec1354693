import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type Principal } from '../../common/auth';
import { decodeCursor, encodeCursor, paginate, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ConnectionShape } from '../../common/connection';
import { applyEnumFilter, type EnumFilterShape } from '../../common/filters';
import type { Context } from '../../common/context';
import { UserErrorCode, badInput, fail } from '../../common/errors';
import type { Logger } from '../../common/logger';
import type { Config } from '../../config';
import { auditView, recordAudit } from '../audit/audit.service';
import { District } from '../reference/reference.entities';
import { Business } from '../registry/registry.entities';
import type { BusinessPatch } from '../registry/registry.service';
import { BUSINESS_COLUMNS, BusinessPlanner, checkBusinessRow, type PlannedRow } from './import.businesses';
import { AUDIT_COLUMNS, auditCells, copyInto, type CopyCell } from './import.copy';
import { SITE_COLUMNS, SitePlanner, checkSiteRow, writeSites } from './import.sites';
import { INSPECTION_COLUMNS, InspectionPlanner, checkInspectionRow, writeInspections } from './import.inspections';
import { PRODUCT_MODEL_COLUMNS, ProductModelPlanner, checkProductModelRow, writeProductModels } from './import.models';
import { SUPPLY_RELATION_COLUMNS, SupplyRelationPlanner, checkSupplyRelationRow, writeSupplyRelations } from './import.relations';
import type { ColumnDef } from './import.columns';
import { findHeader } from './import.columns';
import { ImportFileErrorCode, ImportJob, ImportKind, ImportProblemCode, ImportRow, ImportRowAction, ImportStatus, RUNNING_STATUSES, type ImportProblem } from './import.entities';
import { ImportFileRefusal, openSpreadsheet, tooManyRows, type Cell, type SheetRow } from './import.parse';
import { recordImportRows } from '../../observability/metrics';

/** Who started or commits a job: what its audit rows and scope checks need. */
export interface ImportActor {
  principal: Principal;
  requestId: string;
  clientIp: string | null;
}

export interface ProgressSink {
  (step: 'validate' | 'commit', done: number, total: number): void;
}

/** A heartbeat older than this marks a running job of another process as interrupted. */
const STALE_MS = 30_000;
const HEARTBEAT_MS = 1_000;
/**
 * Rows per step of the dry run and the commit: checked, matched against the database (one query per
 * batch), written by COPY and let go, so memory stays flat whatever the file's length.
 */
const BATCH = 2000;

const actorOf = (ctx: Context): ImportActor => ({ principal: ctx.principal!, requestId: ctx.requestId, clientIp: ctx.clientIp });

/** A context for audit rows written by a background step (it outlives its request). */
function jobContext(em: EntityManager, actor: ImportActor, log: Logger): Context {
  // The API's own services (the inspections import writes through them) also read the clock, the log and the pool.
  return { em, principal: actor.principal, requestId: actor.requestId, clientIp: actor.clientIp, now: () => new Date(), log, dataSource: em.connection } as Context;
}

export function importLimits(config: Config) {
  return {
    maxBytes: config.importMaxBytes,
    maxRows: config.importMaxRows,
    maxUncompressedBytes: config.importMaxUncompressedBytes,
    headerSearchRows: config.importHeaderSearchRows,
  };
}

/**
 * Background steps run in this process, their state in PostgreSQL: progress is queryable from any
 * instance, and a job whose process died (no heartbeat) reads as FAILED instead of hanging.
 */
export class ImportRunner {
  private static readonly byDataSource = new WeakMap<DataSource, ImportRunner>();
  readonly instanceId = randomUUID();
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  private constructor(
    readonly ds: DataSource,
    readonly log: Logger,
  ) {}

  static forDataSource(ds: DataSource, log: Logger): ImportRunner {
    let r = ImportRunner.byDataSource.get(ds);
    if (!r) ImportRunner.byDataSource.set(ds, (r = new ImportRunner(ds, log)));
    return r;
  }

  isRunningHere(id: string): boolean {
    return this.running.has(id);
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  run(jobId: string, work: () => Promise<void>): void {
    const p = (async () => {
      try {
        await work();
      } catch (e) {
        const ref = randomUUID();
        this.log.error({ err: e, jobId, errorId: ref }, 'import job failed');
        await markFailed(this.ds, jobId, ImportFileErrorCode.INTERNAL, `导入任务内部错误，编号 ${ref}`, `Internal error in the import job; reference ${ref}`).catch(() => undefined);
      } finally {
        this.running.delete(jobId);
      }
    })();
    this.running.set(jobId, p);
  }

  /** Waits for the jobs of this process (they check `isStopping` between chunks and give up). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Jobs left running by a process that is gone: FAILED, saying so. */
  async recover(): Promise<void> {
    // Before migrations have run (readiness answers 503 then) there is no job table and nothing to recover.
    const [{ exists }] = await this.ds.query(`SELECT to_regclass('import_job') IS NOT NULL AS exists`);
    if (!exists) return;
    await this.ds.query(
      `UPDATE import_job SET status = 'FAILED', error_code = 'INTERRUPTED', error_message = $1, error_message_en = $2, updated_at = now()
        WHERE status = ANY($3::import_status[]) AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $4))`,
      [INTERRUPTED_ZH, INTERRUPTED_EN, RUNNING_STATUSES, STALE_MS / 1000],
    );
  }
}

/** A logger for commits run without a runner (the command line prints its own report). */
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;

const INTERRUPTED_ZH = '服务在任务运行期间停止，任务已中断；未写入任何导入数据，请重新上传';
const INTERRUPTED_EN = 'The service stopped while the job ran; nothing of the import was written. Upload the file again';

/**
 * Only a job still in a running status: a poll that read VALIDATING just before its step finished
 * (and left this process's running set) must not overwrite the VALIDATED it ended with.
 */
async function markFailed(ds: DataSource, id: string, code: ImportFileErrorCode, zh: string, en: string): Promise<void> {
  await ds.query(
    `UPDATE import_job SET status = 'FAILED', error_code = $2, error_message = $3, error_message_en = $4, updated_at = now() WHERE id = $1 AND status = ANY($5::import_status[])`,
    [id, code, zh, en, RUNNING_STATUSES],
  );
}

class Stopped extends Error {}

/** Writes progress and the heartbeat at most once a second. */
function progressWriter(ds: DataSource, runner: ImportRunner | null, job: ImportJob, step: 'validate' | 'commit', sink?: ProgressSink) {
  let last = 0;
  return async (done: number, total: number, force = false) => {
    sink?.(step, done, total);
    if (runner?.isStopping) throw new Stopped();
    const now = Date.now();
    if (!force && now - last < HEARTBEAT_MS) return;
    last = now;
    await ds.query(`UPDATE import_job SET processed_rows = $2, total_rows = $3, heartbeat_at = now(), updated_at = now() WHERE id = $1`, [job.id, done, total]);
  };
}

/** What differs between the kinds of import; the two steps around it are the same for all. */
interface Planned {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  patch: object | null;
  problems: ImportProblem[];
  after?: { id: string };
}
interface Planner {
  plan(em: EntityManager, rows: { rowNumber: number; patch: never }[]): Promise<Planned[]>;
}
interface KindSpec {
  columns: ColumnDef[];
  /** Serialises commits of this kind (matching and inserting are then atomic against other imports). */
  lockKey: string;
  check(rowNumber: number, cells: Map<string, Cell>, headerOf: (field: string) => string | null, refs: { districts: { code: string; name: string }[] }): { rowNumber: number; patch: object | null; problems: ImportProblem[] };
  planner(principal: Principal, headerOf: (field: string) => string | null, lock: boolean): Planner;
  write(em: EntityManager, ctx: Context, planned: Planned[]): Promise<void>;
}

export const IMPORT_KINDS: Record<ImportKind, KindSpec> = {
  [ImportKind.BUSINESSES]: {
    columns: BUSINESS_COLUMNS,
    lockKey: 'ebike.import.business',
    check: (n, cells, headerOf, refs) => checkBusinessRow(n, cells, headerOf, refs.districts),
    planner: (p, headerOf, lock) => new BusinessPlanner(p, headerOf, lock) as unknown as Planner,
    write: (em, ctx, planned) => writeBusinesses(em, ctx, planned as PlannedRow[]),
  },
  [ImportKind.SITES]: {
    columns: SITE_COLUMNS,
    lockKey: 'ebike.import.site',
    check: (n, cells, headerOf, refs) => checkSiteRow(n, cells, headerOf, refs.districts),
    planner: (p, headerOf, lock) => new SitePlanner(p, headerOf, lock) as unknown as Planner,
    write: (em, ctx, planned) => writeSites(em, ctx, planned as never),
  },
  [ImportKind.INSPECTIONS]: {
    columns: INSPECTION_COLUMNS,
    lockKey: 'ebike.import.inspection',
    check: (n, cells, headerOf) => checkInspectionRow(n, cells, headerOf),
    planner: (p, headerOf, lock) => new InspectionPlanner(p, headerOf, lock) as unknown as Planner,
    // The writer may turn rows into REJECTED when the API's own functions refuse them.
    write: (em, ctx, planned) => writeInspections(em, ctx, planned as never),
  },
  [ImportKind.PRODUCT_MODELS]: {
    columns: PRODUCT_MODEL_COLUMNS,
    lockKey: 'ebike.import.product-model',
    check: (n, cells, headerOf) => checkProductModelRow(n, cells, headerOf),
    planner: (p, headerOf, lock) => new ProductModelPlanner(p, headerOf, lock) as unknown as Planner,
    write: (em, ctx, planned) => writeProductModels(em, ctx, planned as never),
  },
  [ImportKind.SUPPLY_RELATIONS]: {
    columns: SUPPLY_RELATION_COLUMNS,
    lockKey: 'ebike.import.supply-relation',
    check: (n, cells, headerOf) => checkSupplyRelationRow(n, cells, headerOf),
    planner: (p, headerOf, lock) => new SupplyRelationPlanner(p, headerOf, lock) as unknown as Planner,
    write: (em, ctx, planned) => writeSupplyRelations(em, ctx, planned as never),
  },
};

// ---------------- start ----------------

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

export async function startImport(ctx: Context, kind: ImportKind, file: UploadedFile): Promise<ImportJob> {
  if (file.buffer.length === 0) fail(UserErrorCode.VALIDATION, 'input.file', '上传的文件是空的', 'The uploaded file is empty');
  const runner = ImportRunner.forDataSource(ctx.dataSource, ctx.log);
  const job = await createJob(ctx.dataSource, kind, file, actorOf(ctx), runner.instanceId);
  await recordAudit(ctx, { operation: 'startImport', entityType: 'ImportJob', entityId: job.id, before: null, after: { kind, fileName: job.fileName, fileSize: job.fileSize, fileSha256: job.fileSha256 } });
  const actor = actorOf(ctx);
  const limits = importLimits(ctx.config);
  runner.run(job.id, () => validateJob(ctx.dataSource, job, file.buffer, actor, limits, runner).then(() => undefined));
  return job;
}

/** The job row is committed at once (outside the mutation's transaction) so the background step can see it. */
export async function createJob(ds: DataSource, kind: ImportKind, file: UploadedFile, actor: ImportActor, instanceId: string | null): Promise<ImportJob> {
  const job = ds.manager.create(ImportJob, {
    kind,
    status: ImportStatus.PENDING,
    fileName: (file.filename || 'upload').slice(0, 255),
    fileFormat: null,
    encoding: null,
    fileSize: file.buffer.length,
    fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
    headerRow: null,
    ignoredColumns: [],
    columnHeaders: {},
    createdById: actor.principal.id,
    createdByName: actor.principal.name,
    instanceId,
    heartbeatAt: new Date(),
    errorCode: null,
    errorMessage: null,
    errorMessageEn: null,
    validRowsOnly: null,
    validatedAt: null,
    committedAt: null,
  });
  await ds.manager.insert(ImportJob, job);
  return job;
}

// ---------------- dry run ----------------

export async function validateJob(
  ds: DataSource,
  job: ImportJob,
  buffer: Buffer,
  actor: ImportActor,
  limits: ReturnType<typeof importLimits>,
  runner: ImportRunner | null,
  sink?: ProgressSink,
): Promise<ImportJob> {
  await ds.query(`UPDATE import_job SET status = 'VALIDATING', heartbeat_at = now(), updated_at = now() WHERE id = $1`, [job.id]);
  const progress = progressWriter(ds, runner, job, 'validate', sink);
  const spec = IMPORT_KINDS[job.kind];
  let rowsWritten = false;
  let iterator: AsyncIterator<SheetRow> | undefined;
  try {
    const sheet = await openSpreadsheet(buffer, limits);
    iterator = sheet.rows[Symbol.asyncIterator]();
    const head: SheetRow[] = [];
    while (head.length < limits.headerSearchRows) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
    const header = findHeader(
      head.map((r) => r.cells),
      head.map((r) => r.rowNumber),
      spec.columns,
      limits.headerSearchRows,
    );
    const columnHeaders: Record<string, string> = {};
    for (const [pos, def] of header.columns) columnHeaders[def.field] = header.headerText.get(pos)!;
    const headerOf = (field: string) => columnHeaders[field] ?? null;
    const estimate = Math.max(0, sheet.estimatedRows - header.index - 1);

    await ds.query(`DELETE FROM import_row WHERE job_id = $1`, [job.id]);
    await ds.query(
      `UPDATE import_job SET file_format = $2, encoding = $3, header_row = $4, ignored_columns = $5, column_headers = $6, total_rows = $7 WHERE id = $1`,
      [job.id, sheet.format, sheet.encoding, head[header.index].rowNumber, header.ignored, JSON.stringify(columnHeaders), estimate],
    );
    const districts = await ds.getRepository(District).find({ select: { code: true, name: true } });
    const planner = spec.planner(actor.principal, headerOf, false);
    const counts = countActions([]);
    let total = 0;
    let batch: { rowNumber: number; patch: object | null; problems: ImportProblem[] }[] = [];
    const flush = async () => {
      const valid = batch.filter((c) => c.patch).map((c) => ({ rowNumber: c.rowNumber, patch: c.patch! as never }));
      const planned = await planner.plan(ds.manager, valid);
      const byRow = new Map(planned.map((p) => [p.rowNumber, p]));
      const results = batch.map((c) => byRow.get(c.rowNumber) ?? { rowNumber: c.rowNumber, action: ImportRowAction.REJECTED, targetId: null, patch: null, problems: c.problems });
      for (const r of results) counts[r.action]++;
      rowsWritten = true;
      await ds.transaction((em) => insertRows(em, job.id, results));
      batch = [];
      await progress(total, Math.max(total, estimate));
    };
    const take = async (r: SheetRow) => {
      if (r.cells.every((c) => typeof c === 'string' && c.trim() === '')) return;
      if (++total > limits.maxRows) tooManyRows(limits.maxRows);
      const cells = new Map<string, Cell>();
      for (const [pos, def] of header.columns) cells.set(def.field, r.cells[pos] ?? '');
      batch.push(spec.check(r.rowNumber, cells, headerOf, { districts }));
      if (batch.length >= BATCH) await flush();
    };
    for (const r of head.slice(header.index + 1)) await take(r);
    head.length = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await take(next.value);
    if (batch.length) await flush();
    if (total === 0) throw new ImportFileRefusal(ImportFileErrorCode.EMPTY, '表头下没有数据行', 'There are no data rows below the header');
    await ds.query(
      `UPDATE import_job SET status = 'VALIDATED', total_rows = $2, processed_rows = $2, valid_rows = $3, rejected_rows = $4, created_count = $5, updated_count = $6, unchanged_count = $7,
              validated_at = now(), heartbeat_at = now(), updated_at = now() WHERE id = $1`,
      [job.id, total, total - counts.REJECTED, counts.REJECTED, counts.CREATE, counts.UPDATE, counts.UNCHANGED],
    );
    recordImportRows('validated', counts);
  } catch (e) {
    await iterator?.return?.().catch(() => undefined);
    if (rowsWritten) await ds.query(`DELETE FROM import_row WHERE job_id = $1`, [job.id]);
    if (e instanceof ImportFileRefusal) {
      await ds.query(`UPDATE import_job SET status = 'REFUSED', error_code = $2, error_message = $3, error_message_en = $4, updated_at = now() WHERE id = $1`, [job.id, e.code, e.messageZh, e.messageEn]);
    } else if (e instanceof Stopped) {
      await markFailed(ds, job.id, ImportFileErrorCode.INTERRUPTED, INTERRUPTED_ZH, INTERRUPTED_EN);
    } else throw e;
  }
  return (await ds.manager.findOneByOrFail(ImportJob, { id: job.id }))!;
}

function countActions(rows: { action: ImportRowAction }[]): Record<ImportRowAction, number> {
  const c = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, REJECTED: 0 } as Record<ImportRowAction, number>;
  for (const r of rows) c[r.action]++;
  return c;
}

async function insertRows(em: EntityManager, jobId: string, rows: { rowNumber: number; action: ImportRowAction; targetId: string | null; patch: object | null; problems: ImportProblem[] }[]): Promise<void> {
  await copyInto(
    em,
    'import_row',
    ['job_id', 'row_number', 'action', 'target_id', 'data', 'problems'],
    rows.map((r) => [jobId, r.rowNumber, r.action, r.targetId, r.patch ? JSON.stringify(r.patch) : null, JSON.stringify(r.problems)]),
  );
}

// ---------------- commit ----------------

/** A row's outcome in the report: action, matched or created record, problems. */
interface Mark {
  rowNumber: number;
  action: ImportRowAction;
  targetId: string | null;
  problems: ImportProblem[];
}

const BUSINESS_COLUMNS_SQL = ['id', 'uscc', 'uscc_override_reason', 'legacy_reg_no', 'name', 'types', 'stages', 'district_code', 'address', 'latitude', 'longitude', 'legal_representative', 'contact_phone', 'status', 'archive_reason', 'version'];
function businessCells(b: Business): CopyCell[] {
  return [b.id, b.uscc, b.usccOverrideReason, b.legacyRegNo, b.name, b.types, b.stages, b.districtCode, b.address, b.latitude, b.longitude, b.legalRepresentative, b.contactPhone, b.status, b.archiveReason, 1];
}

/** Creates by COPY (records and their audit rows), updates one by one under their row locks. */
async function writeBusinesses(em: EntityManager, ctx: Context, planned: PlannedRow[]): Promise<void> {
  const creates = planned.filter((p) => p.action === ImportRowAction.CREATE);
  if (creates.length) {
    await copyInto(em, 'business', BUSINESS_COLUMNS_SQL, creates.map((p) => businessCells(p.after!)));
    await copyInto(em, 'audit_event', AUDIT_COLUMNS, creates.map((p) => auditCells(ctx, 'Business', p.after!.id, null, auditView(p.after!))));
  }
  const updates = planned.filter((p) => p.action === ImportRowAction.UPDATE);
  for (const p of updates) {
    const before = auditView(p.before!);
    const after = auditView(p.after!);
    const set: Record<string, unknown> = {};
    for (const k of Object.keys(after)) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) set[k] = after[k];
    const r = await em
      .createQueryBuilder()
      .update(Business)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id AND version = :v', { id: p.before!.id, v: p.before!.version })
      .execute();
    if (r.affected !== 1) throw new Error(`business ${p.before!.id} changed under its row lock`);
  }
  if (updates.length) await copyInto(em, 'audit_event', AUDIT_COLUMNS, updates.map((p) => auditCells(ctx, 'Business', p.before!.id, auditView(p.before!), auditView(p.after!))));
}

class ChangedSinceDryRun extends Error {
  constructor(readonly planned: Mark[]) {
    super('changed since dry run');
  }
}

export function canSeeJob(p: Principal, job: ImportJob): boolean {
  return p.role === Role.ADMIN || p.role === Role.COORDINATOR || job.createdById === p.id;
}

export async function requestCommit(ctx: Context, id: string, validRowsOnly: boolean): Promise<ImportJob> {
  const job = await ctx.dataSource.manager.findOneBy(ImportJob, { id });
  if (!job || !canSeeJob(ctx.principal!, job)) fail(UserErrorCode.NOT_FOUND, 'input.id', '没有这个导入任务', 'No such import job');
  if (job.status !== ImportStatus.VALIDATED) {
    fail(UserErrorCode.INVALID_TRANSITION, 'input.id', `任务状态为 ${job.status}，只有校验完成(VALIDATED)的任务可以导入`, `The job is ${job.status}; only a VALIDATED job can be committed`);
  }
  if (job.validRows === 0) fail(UserErrorCode.VALIDATION, 'input.id', '没有可导入的有效行', 'There are no valid rows to import');
  if (job.rejectedRows > 0 && !validRowsOnly) {
    fail(
      UserErrorCode.VALIDATION,
      'input.validRowsOnly',
      `有 ${job.rejectedRows} 行存在问题；请修正后重新上传，或选择“仅导入有效行”`,
      `${job.rejectedRows} rows have problems; fix them and upload again, or commit with validRowsOnly`,
    );
  }
  const runner = ImportRunner.forDataSource(ctx.dataSource, ctx.log);
  // The status flip is the claim: of two concurrent commits of one job, one wins.
  const [, claimed] = await ctx.dataSource.query(
    `UPDATE import_job SET status = 'COMMITTING', processed_rows = 0, instance_id = $2, heartbeat_at = now(), updated_at = now() WHERE id = $1 AND status = 'VALIDATED'`,
    [id, runner.instanceId],
  );
  if (claimed !== 1) fail(UserErrorCode.CONFLICT, 'input.id', '该任务正在或已经导入', 'The job is already being committed');
  await recordAudit(ctx, { operation: 'commitImport', entityType: 'ImportJob', entityId: id, before: null, after: { validRowsOnly } });
  const actor = actorOf(ctx);
  runner.run(id, () => commitJob(ctx.dataSource, id, actor, validRowsOnly, runner).then(() => undefined));
  return (await ctx.dataSource.manager.findOneBy(ImportJob, { id }))!;
}

/** Takes the job from COMMITTING to COMMITTED (or back to VALIDATED when the records changed meanwhile). */
export async function commitJob(ds: DataSource, id: string, actor: ImportActor, validRowsOnly: boolean, runner: ImportRunner | null, sink?: ProgressSink): Promise<ImportJob> {
  const job = await ds.manager.findOneByOrFail(ImportJob, { id });
  const headerOf = (field: string) => job.columnHeaders[field] ?? null;
  const progress = progressWriter(ds, runner, job, 'commit', sink);
  let committed: ReturnType<typeof countActions> | null = null;
  try {
    await ds.transaction(async (em) => {
      // One import writer at a time: matching and inserting are then atomic against other imports.
      const spec = IMPORT_KINDS[job.kind];
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [spec.lockKey]);
      const planner = spec.planner(actor.principal, headerOf, true);
      const ctx = jobContext(em, actor, runner?.log ?? QUIET);
      const total = job.validRows;
      const counts = countActions([]);
      // What each row came to, kept compact (no records) for the report.
      const marks: Mark[] = [];
      let rejected = false;
      let done = 0;
      for (let after = 0; ; ) {
        const stored: { row_number: number; data: never }[] = await em.query(
          `SELECT row_number, data FROM import_row WHERE job_id = $1 AND action <> 'REJECTED' AND row_number > $2 ORDER BY row_number LIMIT ${BATCH}`,
          [id, after],
        );
        if (stored.length === 0) break;
        after = stored[stored.length - 1].row_number;
        const planned = await planner.plan(
          em,
          stored.map((r) => ({ rowNumber: r.row_number, patch: r.data })),
        );
        if (planned.some((p) => p.action === ImportRowAction.REJECTED) && !validRowsOnly) rejected = true;
        // All or nothing: once a row no longer passes, the rest is only planned (for the report), not written.
        if (!rejected) await spec.write(em, ctx, planned);
        // (A writer may have rejected rows that the API's own functions refused.)
        if (planned.some((p) => p.action === ImportRowAction.REJECTED) && !validRowsOnly) rejected = true;
        for (const p of planned) {
          counts[p.action]++;
          marks.push({ rowNumber: p.rowNumber, action: p.action, targetId: p.targetId ?? p.after?.id ?? null, problems: p.problems });
        }
        done += planned.length;
        await progress(done, total);
      }
      if (rejected) throw new ChangedSinceDryRun(marks);
      await markRows(em, id, marks);
      await em.query(
        `UPDATE import_job SET status = 'COMMITTED', valid_rows_only = $2, created_count = $3, updated_count = $4, unchanged_count = $5,
                rejected_rows = rejected_rows + $6, valid_rows = valid_rows - $6, processed_rows = total_rows, committed_at = now(), heartbeat_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, validRowsOnly, counts.CREATE, counts.UPDATE, counts.UNCHANGED, counts.REJECTED],
      );
      committed = counts;
    });
    if (committed) recordImportRows('committed', committed);
  } catch (e) {
    if (e instanceof ChangedSinceDryRun) {
      // Nothing was written; the report now shows the rows the database no longer accepts.
      await ds.transaction(async (em) => {
        await markRows(em, id, e.planned);
        const c = countActions(e.planned);
        await em.query(
          `UPDATE import_job SET status = 'VALIDATED', rejected_rows = rejected_rows + $2, valid_rows = valid_rows - $2, created_count = $3, updated_count = $4, unchanged_count = $5,
                  error_code = 'CHANGED_SINCE_DRY_RUN', error_message = $6, error_message_en = $7, updated_at = now() WHERE id = $1`,
          [id, c.REJECTED, c.CREATE, c.UPDATE, c.UNCHANGED, `预检之后数据已变化，${c.REJECTED} 行现在无法导入，未写入任何数据；请查看报告`, `The records changed after the dry run: ${c.REJECTED} rows can no longer be imported and nothing was written; see the report`],
        );
      });
    } else if (e instanceof Stopped) {
      await markFailed(ds, id, ImportFileErrorCode.INTERRUPTED, INTERRUPTED_ZH, INTERRUPTED_EN);
    } else if ((e as { code?: string }).code === '23505' || (e as { driverError?: { code?: string } }).driverError?.code === '23505') {
      // A USCC, product model, certificate number or relation registered through the API while the commit ran (the
      // API does not take the import lock; a unique index refuses the second): nothing was written; committing again
      // re-matches against the new record.
      await ds.query(
        `UPDATE import_job SET status = 'VALIDATED', error_code = 'CHANGED_SINCE_DRY_RUN', error_message = $2, error_message_en = $3, updated_at = now() WHERE id = $1`,
        [
          id,
          '导入期间有相同标识(信用代码、产品型号、证书编号或供货关系)的记录通过接口登记，未写入任何数据；请重新确认导入',
          'A record with one of these identifiers (USCC, product model, certificate number or supply relation) was registered through the API while the import ran; nothing was written. Commit again',
        ],
      );
    } else throw e;
  }
  return ds.manager.findOneByOrFail(ImportJob, { id });
}

async function markRows(em: EntityManager, jobId: string, rows: Mark[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await em.query(
      `UPDATE import_row r SET action = v.a, target_id = v.t, problems = v.p, data = CASE WHEN v.a = 'REJECTED' THEN NULL ELSE r.data END
         FROM unnest($2::int[], $3::import_row_action[], $4::uuid[], $5::jsonb[]) AS v(n, a, t, p)
        WHERE r.job_id = $1 AND r.row_number = v.n`,
      [jobId, chunk.map((r) => r.rowNumber), chunk.map((r) => r.action), chunk.map((r) => r.targetId), chunk.map((r) => JSON.stringify(r.problems))],
    );
  }
}

// ---------------- reading ----------------

export async function importById(ctx: Context, id: string): Promise<ImportJob | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  let job = await ctx.em.findOneBy(ImportJob, { id });
  if (!job || !canSeeJob(ctx.principal!, job)) return null;
  if ((RUNNING_STATUSES as readonly ImportStatus[]).includes(job.status)) {
    const runner = ImportRunner.forDataSource(ctx.dataSource, ctx.log);
    const ownLost = job.instanceId === runner.instanceId && !runner.isRunningHere(job.id);
    const stale = !job.heartbeatAt || Date.now() - job.heartbeatAt.getTime() > STALE_MS;
    if (ownLost || (job.instanceId !== runner.instanceId && stale)) {
      await markFailed(ctx.dataSource, job.id, ImportFileErrorCode.INTERRUPTED, INTERRUPTED_ZH, INTERRUPTED_EN);
      job = (await ctx.dataSource.manager.findOneBy(ImportJob, { id }))!;
    }
  }
  return job;
}

/** The caller's jobs (every job for administrators and coordinators, as canSeeJob), newest first. */
export function listImports(
  ctx: Context,
  args: { first?: number | null; after?: string | null; filter?: { kind?: EnumFilterShape<ImportKind> | null; status?: EnumFilterShape<ImportStatus> | null } | null },
): Promise<ConnectionShape<ImportJob>> {
  const p = ctx.principal!;
  const qb = ctx.em.getRepository(ImportJob).createQueryBuilder('j');
  if (p.role !== Role.ADMIN && p.role !== Role.COORDINATOR) qb.andWhere('j.created_by_id = :me', { me: p.id });
  applyEnumFilter(qb, 'j.kind', args.filter?.kind);
  applyEnumFilter(qb, 'j.status', args.filter?.status);
  return paginate(qb, args, { expression: 'j.created_at', direction: 'DESC', cast: 'timestamptz', value: (j) => j.createdAt });
}

export interface RowPage {
  nodes: ImportRow[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function importRows(ctx: Context, jobId: string, args: { first?: number | null; after?: string | null; onlyProblems?: boolean | null }): Promise<RowPage> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  const after = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
  const qb = ctx.em
    .getRepository(ImportRow)
    .createQueryBuilder('r')
    .where('r.job_id = :jobId AND r.row_number > :after', { jobId, after })
    .orderBy('r.row_number', 'ASC')
    .limit(first + 1);
  if (args.onlyProblems) qb.andWhere(`r.problems <> '[]'::jsonb`);
  const rows = await qb.getMany();
  const nodes = rows.slice(0, first);
  return { nodes, hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor([nodes[nodes.length - 1].rowNumber]) : null };
}

export { ImportProblemCode };
