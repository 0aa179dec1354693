import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Connection, PageArgs, type ConnectionShape } from '../../common/connection';
import { EnumFilter } from '../../common/filters';
import { Role, Roles } from '../../common/auth';
import type { Context } from '../../common/context';
import { InputArg, Mutation, MutationPayload } from '../../common/mutation';
import { ImportJob, ImportKind, ImportRow, ImportStatus } from './import.entities';
import { importById, importRows, listImports, requestCommit, startImport } from './import.service';
import { ReceivedFile, UploadScalar } from './import.upload';

/** Who may read import jobs and their reports (an officer sees its own jobs). */
export const IMPORT_READERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER] as const;
/** Who may import: the registry's writers. */
const IMPORTERS = [Role.COORDINATOR, Role.AGENCY_OFFICER] as const;

@ObjectType({ description: 'A page of row reports (行报告列表).' })
export class ImportRowPage {
  @Field(() => [ImportRow], { description: 'Rows in sheet order (行).' })
  nodes: ImportRow[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page (末行游标).' })
  endCursor: string | null;

  @Field({ description: 'More rows follow (是否有下一页).' })
  hasNextPage: boolean;
}

@ObjectType({ description: 'A page of import jobs, newest first (导入任务列表).' })
export class ImportJobConnection extends Connection(ImportJob) {}

const ImportKindFilter = EnumFilter<ImportKind>(ImportKind, 'ImportKind', 'Import kind (导入类型)');
const ImportStatusFilter = EnumFilter<ImportStatus>(ImportStatus, 'ImportStatus', 'Import status (导入状态)');

@InputType({ description: 'Which import jobs (导入任务筛选).' })
export class ImportFilter {
  @Field(() => ImportKindFilter, { nullable: true, description: 'What was imported (导入类型).' }) @IsOptional() @ValidateNested() kind?: InstanceType<typeof ImportKindFilter>;
  @Field(() => ImportStatusFilter, { nullable: true, description: 'Where the job stands (导入状态).' }) @IsOptional() @ValidateNested() status?: InstanceType<typeof ImportStatusFilter>;
}

@ArgsType()
export class ImportsArgs extends PageArgs {
  @Field(() => ImportFilter, { nullable: true, description: 'Which jobs (筛选).' }) @IsOptional() @ValidateNested() filter?: ImportFilter;
}

@ArgsType()
class ImportReportArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (每页条数), default 20, at most 100.' })
  @Min(0)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Rows after this cursor (游标).' })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only rows with problems (仅显示有问题的行).' })
  onlyProblems?: boolean | null;
}

@InputType({ description: 'Write a checked import (确认导入).' })
export class CommitImportInput {
  @Field(() => ID, { description: 'The import job (导入任务).' })
  @IsUUID('all')
  id: string;

  @Field({ nullable: true, defaultValue: false, description: 'Write the valid rows and skip the rejected ones; by default any rejected row stops the whole import (仅导入有效行).' })
  validRowsOnly: boolean;
}

@InputType({ description: 'A spreadsheet to check (上传导入文件).' })
export class StartImportInput {
  @Field(() => ImportKind, { description: 'What the file holds (导入类型).' })
  kind: ImportKind;

  @Field(() => UploadScalar, { description: 'The spreadsheet, as a multipart file part mapped to variables.input.file (文件).' })
  file: ReceivedFile;
}

@ObjectType({ description: 'Result of starting or committing an import (导入任务).' })
export class ImportPayload extends MutationPayload {
  @Field(() => ImportJob, { nullable: true, description: 'The job; poll import(id) for its progress (导入任务).' })
  import?: ImportJob | null;
}

@Resolver(() => ImportJob)
export class ImportResolver {
  @Query(() => ImportJob, { name: 'import', nullable: true, description: 'An import job with its status, progress, counts and row report (导入任务).' })
  @Roles(...IMPORT_READERS)
  importJob(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Job id (任务编号).' }) id: string): Promise<ImportJob | null> {
    return importById(ctx, id);
  }

  @Query(() => ImportJobConnection, {
    description: 'Import jobs, newest first: an agency officer sees the jobs it started, administrators and coordinators every job (导入任务列表).',
  })
  @Roles(...IMPORT_READERS)
  imports(@Ctx() ctx: Context, @Args() args: ImportsArgs): Promise<ConnectionShape<ImportJob>> {
    return listImports(ctx, args);
  }

  @FieldResolver(() => ImportRowPage, { description: 'Per-row report: what happens to each row and its problems by column, code and message (逐行报告).' })
  report(@Root() job: ImportJob, @Ctx() ctx: Context, @Args() args: ImportReportArgs): Promise<ImportRowPage> {
    return importRows(ctx, job.id, args);
  }

  @Mutation(() => ImportPayload, {
    description:
      'Upload a spreadsheet (XLSX or CSV: UTF-8 with or without BOM, GB18030) as a GraphQL multipart request with the header Apollo-Require-Preflight; it is checked in the background without writing anything (上传并校验). Poll import(id), then commitImport.',
  })
  @Roles(...IMPORTERS)
  async startImport(
    @Ctx() ctx: Context,
    @InputArg() input: StartImportInput,
  ): Promise<ImportPayload> {
    return { import: await startImport(ctx, input.kind, input.file), userErrors: [] };
  }

  @Mutation(() => ImportPayload, { description: 'Write a VALIDATED import in one transaction, in the background: all rows or none, or the valid rows only when asked (确认导入).' })
  @Roles(...IMPORTERS)
  async commitImport(@Ctx() ctx: Context, @InputArg() input: CommitImportInput): Promise<ImportPayload> {
    return { import: await requestCommit(ctx, input.id, input.validRowsOnly ?? false), userErrors: [] };
  }
}
