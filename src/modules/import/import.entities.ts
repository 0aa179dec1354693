import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

const ts = { type: 'timestamptz', precision: 3 } as const;

export enum ImportKind {
  BUSINESSES = 'BUSINESSES',
  SITES = 'SITES',
  INSPECTIONS = 'INSPECTIONS',
  PRODUCT_MODELS = 'PRODUCT_MODELS',
  SUPPLY_RELATIONS = 'SUPPLY_RELATIONS',
}
registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What a spreadsheet import brings in (导入类型).',
  valuesConfig: {
    BUSINESSES: { description: 'Businesses of the chain (主体名录)' },
    SITES: { description: 'Places: compounds, shops, parking and charging sites (场所)' },
    INSPECTIONS: { description: 'Inspections with the hazards they found, one row per hazard (检查记录及发现隐患)' },
    PRODUCT_MODELS: { description: 'Product models, each with its CCC certificate on the same row (产品型号及CCC证书)' },
    SUPPLY_RELATIONS: { description: 'Supply relations: supplier, buyer and optionally the product model (供货关系)' },
  },
});

export enum ImportStatus {
  /** Uploaded, waiting for the background validation. */
  PENDING = 'PENDING',
  VALIDATING = 'VALIDATING',
  /** Dry run finished; nothing written; commitImport may run. */
  VALIDATED = 'VALIDATED',
  /** The file itself was refused (format, encoding, header …); see error. */
  REFUSED = 'REFUSED',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  /** Stopped by an unexpected error or a restart of the service; nothing of its commit was written. */
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import stands (导入状态).',
  valuesConfig: {
    PENDING: { description: 'Uploaded, waiting to be checked (待校验)' },
    VALIDATING: { description: 'Dry run in progress, nothing is written (校验中)' },
    VALIDATED: { description: 'Dry run done, see the report; commit or upload a corrected file (已校验)' },
    REFUSED: { description: 'The file was refused as a whole (format, encoding, header, size); see error (文件被拒绝)' },
    COMMITTING: { description: 'Writing the rows in one transaction (写入中)' },
    COMMITTED: { description: 'Written; the counts say what changed (已导入)' },
    FAILED: { description: 'Stopped by an unexpected error or a restart; nothing of the commit was written (失败)' },
  },
});

/** Statuses during which a background worker owns the job (and beats its heartbeat). */
export const RUNNING_STATUSES = [ImportStatus.PENDING, ImportStatus.VALIDATING, ImportStatus.COMMITTING] as const;

export enum ImportRowAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(ImportRowAction, {
  name: 'ImportRowAction',
  description: 'What the import does (dry run) or did (after commit) with one row (行处理结果).',
  valuesConfig: {
    CREATE: { description: 'A new record (新增)' },
    UPDATE: { description: 'An existing record changes; its version is bumped and audited (更新)' },
    UNCHANGED: { description: 'The record already holds these values (无变化)' },
    REJECTED: { description: 'The row has problems and is not written (拒绝)' },
  },
});

/** Codes of row problems: the API's user-error codes plus the write-scope refusal. */
export enum ImportProblemCode {
  VALIDATION = 'VALIDATION',
  REQUIRED = 'REQUIRED',
  INVALID_REFERENCE = 'INVALID_REFERENCE',
  DUPLICATE = 'DUPLICATE',
  CHECK_DIGIT = 'CHECK_DIGIT',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  FORMULA = 'FORMULA',
}
registerEnumType(ImportProblemCode, {
  name: 'ImportProblemCode',
  description: 'Why a row is rejected (行错误代码); the same rules as the API.',
  valuesConfig: {
    VALIDATION: { description: 'A value breaks a format or range rule (格式/取值不合法)' },
    REQUIRED: { description: 'A required value is missing (必填项缺失)' },
    INVALID_REFERENCE: { description: 'A district, type or other coded value does not exist (引用的记录不存在)' },
    DUPLICATE: { description: 'Repeats an earlier row of the file, or matches several records (重复)' },
    CHECK_DIGIT: { description: 'The USCC fails its check digit (校验码错误)' },
    OUT_OF_SCOPE: { description: 'Outside the writer\'s stages or districts (超出职责范围)' },
    FORMULA: { description: 'A formula cell without a stored result; formulas are never evaluated (公式无计算结果)' },
  },
});

export enum ImportFileErrorCode {
  TOO_LARGE = 'TOO_LARGE',
  UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT',
  CORRUPT = 'CORRUPT',
  ZIP_BOMB = 'ZIP_BOMB',
  ENCODING = 'ENCODING',
  CSV_SYNTAX = 'CSV_SYNTAX',
  EMPTY = 'EMPTY',
  NO_HEADER = 'NO_HEADER',
  DUPLICATE_HEADER = 'DUPLICATE_HEADER',
  MISSING_COLUMN = 'MISSING_COLUMN',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  CHANGED_SINCE_DRY_RUN = 'CHANGED_SINCE_DRY_RUN',
  INTERRUPTED = 'INTERRUPTED',
  INTERNAL = 'INTERNAL',
}
registerEnumType(ImportFileErrorCode, {
  name: 'ImportFileErrorCode',
  description: 'Why a whole file or job was refused or stopped (文件错误代码).',
  valuesConfig: {
    TOO_LARGE: { description: 'Larger than the configured file size limit (文件过大)' },
    UNSUPPORTED_FORMAT: { description: 'Not an XLSX workbook or a CSV text file, e.g. a renamed PDF or an old .xls (格式不支持)' },
    CORRUPT: { description: 'The workbook cannot be read (文件损坏)' },
    ZIP_BOMB: { description: 'The workbook unpacks to more than the configured limit or has too many parts (解压后过大)' },
    ENCODING: { description: 'The text is neither UTF-8 nor GB18030 (编码无法识别)' },
    CSV_SYNTAX: { description: 'A quoted CSV field is not closed properly (CSV 引号不匹配)' },
    EMPTY: { description: 'No sheet or no data rows (无数据)' },
    NO_HEADER: { description: 'No header row with the expected column names near the top (未找到表头)' },
    DUPLICATE_HEADER: { description: 'Two columns name the same field (表头重复)' },
    MISSING_COLUMN: { description: 'A required column is missing (缺少必填列)' },
    TOO_MANY_ROWS: { description: 'More data rows than the configured limit (行数超限)' },
    CHANGED_SINCE_DRY_RUN: { description: 'The records changed between the dry run and the commit; see the refreshed report (预检后数据已变化)' },
    INTERRUPTED: { description: 'The service stopped while the job ran; nothing of a commit was written (任务中断)' },
    INTERNAL: { description: 'An unexpected error; the log has the details under the job id (内部错误)' },
  },
});

@ObjectType({ description: 'Why a file or job was refused or stopped (文件/任务错误).' })
export class ImportFileError {
  @Field(() => ImportFileErrorCode, { description: 'Machine-readable code (错误代码).' })
  code: ImportFileErrorCode;

  @Field({ description: 'Explanation in Chinese (错误说明，中文).' })
  message: string;

  @Field({ description: 'The same in English (错误说明，英文).' })
  messageEn: string;
}

@ObjectType({ description: 'One problem of one row (行错误).' })
export class ImportProblem {
  @Field(() => String, { nullable: true, description: 'Column header as written in the file, null for a row-level problem (列名).' })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'Field of the record, e.g. uscc (字段).' })
  field: string | null;

  @Field(() => ImportProblemCode, { description: 'Machine-readable code (错误代码).' })
  code: ImportProblemCode;

  @Field({ description: 'Explanation in Chinese (错误说明，中文).' })
  message: string;

  @Field({ description: 'The same in English (错误说明，英文).' })
  messageEn: string;
}

@ObjectType({ description: 'A spreadsheet import: upload, dry run, commit (批量导入任务).' })
@Entity('import_job')
@Index('ix_import_job_created', ['createdAt', 'id'])
export class ImportJob {
  @Field(() => ID, { description: 'Record id: a UUID, unique across all record types and stable (记录ID).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ImportKind, { description: 'What is imported (导入类型).' })
  @Column({ type: 'enum', enum: ImportKind, enumName: 'import_kind' })
  kind: ImportKind;

  @Field(() => ImportStatus, { description: 'Where the job stands (导入状态).' })
  @Index('ix_import_job_status')
  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status', default: ImportStatus.PENDING })
  status: ImportStatus;

  @Field({ description: 'Name of the uploaded file (文件名).' })
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Field(() => String, { nullable: true, description: 'XLSX or CSV, as recognised from the content, not the name (文件格式).' })
  @Column({ name: 'file_format', type: 'varchar', length: 10, nullable: true })
  fileFormat: string | null;

  @Field(() => String, { nullable: true, description: 'Text encoding of a CSV: UTF-8, UTF-8 (BOM), UTF-16 or GB18030 (文本编码).' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  encoding: string | null;

  @Field(() => Int, { description: 'Size in bytes (文件大小).' })
  @Column({ name: 'file_size', type: 'int' })
  fileSize: number;

  @Field({ description: 'SHA-256 of the file, hex (文件摘要).' })
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256: string;

  @Field(() => Int, { nullable: true, description: 'Line of the header row in the sheet, 1-based (表头所在行).' })
  @Column({ name: 'header_row', type: 'int', nullable: true })
  headerRow: number | null;

  @Field(() => [String], { description: 'Columns of the file that were not recognised and are ignored (未识别的列).' })
  @Column({ name: 'ignored_columns', type: 'text', array: true, default: () => `'{}'` })
  ignoredColumns: string[];

  @Field(() => Int, { description: 'Data rows in the file (数据行数).' })
  @Column({ name: 'total_rows', type: 'int', default: 0 })
  totalRows: number;

  @Field(() => Int, { description: 'Rows done by the current step (已处理行数).' })
  @Column({ name: 'processed_rows', type: 'int', default: 0 })
  processedRows: number;

  @Field(() => Int, { description: 'Rows without problems (有效行数).' })
  @Column({ name: 'valid_rows', type: 'int', default: 0 })
  validRows: number;

  @Field(() => Int, { description: 'Rows with problems, not written (拒绝行数).' })
  @Column({ name: 'rejected_rows', type: 'int', default: 0 })
  rejectedRows: number;

  @Field(() => Int, { description: 'Records created — after commit; before it, those a commit would create (新增数).' })
  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount: number;

  @Field(() => Int, { description: 'Records updated — after commit; before it, those a commit would update (更新数).' })
  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount: number;

  @Field(() => Int, { description: 'Rows matching a record that already holds their values (无变化数).' })
  @Column({ name: 'unchanged_count', type: 'int', default: 0 })
  unchangedCount: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the commit wrote only the valid rows (仅导入有效行).' })
  @Column({ name: 'valid_rows_only', type: 'boolean', nullable: true })
  validRowsOnly: boolean | null;

  /** Field → header text as written in the file, so the commit's report names the same columns. */
  @Column({ name: 'column_headers', type: 'jsonb', default: () => `'{}'` })
  columnHeaders: Record<string, string>;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'error_message_en', type: 'text', nullable: true })
  errorMessageEn: string | null;

  @Field({ description: 'Who uploaded it (上传人).' })
  @Column({ name: 'created_by_name', type: 'varchar', length: 200 })
  createdByName: string;

  @Index('ix_import_job_created_by')
  @Column({ name: 'created_by_id', type: 'varchar', length: 64 })
  createdById: string;

  /** The process running the job; with the heartbeat it tells a live job from one a restart interrupted. */
  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ name: 'heartbeat_at', ...ts, nullable: true })
  heartbeatAt: Date | null;

  @Field({ description: 'Uploaded (上传时间).' })
  @CreateDateColumn({ name: 'created_at', ...ts })
  createdAt: Date;

  @Field({ description: 'Last change (更新时间).' })
  @UpdateDateColumn({ name: 'updated_at', ...ts })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the dry run finished (校验完成时间).' })
  @Column({ name: 'validated_at', ...ts, nullable: true })
  validatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the commit finished (导入完成时间).' })
  @Column({ name: 'committed_at', ...ts, nullable: true })
  committedAt: Date | null;

  @Field(() => Float, { description: 'Share of the current step done, 0–1 (进度).' })
  progress(): number {
    if (this.status === ImportStatus.VALIDATED || this.status === ImportStatus.COMMITTED) return 1;
    return this.totalRows > 0 ? Math.min(1, this.processedRows / this.totalRows) : 0;
  }

  @Field(() => ImportFileError, { nullable: true, description: 'Why the file was refused or the job stopped (文件/任务错误).' })
  error(): ImportFileError | null {
    return this.errorCode ? { code: this.errorCode as ImportFileErrorCode, message: this.errorMessage ?? '', messageEn: this.errorMessageEn ?? '' } : null;
  }
}

@ObjectType({ description: 'The report of one data row (行报告).' })
@Entity('import_row')
export class ImportRow {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' })
  jobId: string;

  @Field(() => Int, { description: 'Line in the sheet, 1-based, as a spreadsheet shows it (行号).' })
  @PrimaryColumn({ name: 'row_number', type: 'int' })
  rowNumber: number;

  @Field(() => ImportRowAction, { description: 'What the import does or did with the row (处理结果).' })
  @Column({ type: 'enum', enum: ImportRowAction, enumName: 'import_row_action' })
  action: ImportRowAction;

  @Field(() => ID, { nullable: true, description: 'The record created, updated or matched (对应记录).' })
  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId: string | null;

  /** The row as a normalised patch of the record (null for rejected rows): what a commit writes. */
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Field(() => [ImportProblem], { description: 'Problems of the row; empty when it is valid (问题列表).' })
  @Column({ type: 'jsonb', default: () => `'[]'` })
  problems: ImportProblem[];
}
