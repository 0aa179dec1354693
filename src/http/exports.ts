import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError, coerceInputValue, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import QueryStream from 'pg-query-stream';
import type { PoolClient } from 'pg';
import { Role } from '../common/auth';
import type { Context } from '../common/context';
import type { Logger } from '../common/logger';
import { maskJson, maskValue, seesPersonalData } from '../common/mask';
import { PERSONAL_DATA } from '../common/personal-data';
import { SortDirection } from '../common/sort';
import { recordExport } from '../modules/audit/audit.service';
import { checkInputValue } from '../common/input-rules';
import { isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableError } from '../common/errors';
import { isLocalDate } from '../common/time';
import { RemediationItem } from '../modules/remediation/remediation.entities';
import { RemediationSortField } from '../modules/remediation/remediation.enums';
import type { RemediationItemFilter } from '../modules/remediation/remediation.inputs';
import { applyItemFilter, today } from '../modules/remediation/remediation.service';
import { buildBulletin } from '../modules/reports/reports.service';
import { writeDispatchWorkbook } from '../modules/campaigns/campaigns.export';
import { buildDispatch } from '../modules/campaigns/campaigns.results';
import type { BulletinItem } from '../modules/reports/reports.types';
import { recordExportRows } from '../observability/metrics';
import { enumValueLabels as labels } from '../modules/reports/bulletin/labels';
import type * as BulletinDocx from '../modules/reports/bulletin/docx';
import { SHIPPED_CJK_FONT, cjkFontFile } from '../modules/reports/bulletin/png';
import { DATETIME_FMT, HEADER_ROW, NUM_FMT, BORDER, excelDate, layoutSheet, sheetOptions, textWidth, bulletinXlsx } from '../modules/reports/bulletin/xlsx';
import { PeriodError, bulletinDocumentFor, bulletinPeriod } from './reports';

/** Who may export: every role (REPORTER reads exports); personal data masked as in the API. */
export const EXPORTERS: ReadonlySet<Role> = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_OFFICER, Role.PARTNER_VIEWER, Role.REPORTER]);

class ExportInputError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}

interface Column {
  header: string;
  key: string;
  sql: string;
  width?: number;
  /** The RemediationItem field it shows, where that field is in the personal-data list (masked by its kind). */
  field?: string;
  /** How the workbook stores it: a date or date-time cell, a number; text otherwise. */
  cell?: 'date' | 'datetime' | 'int';
}

/** Columns of the remediation-item export, in order, with Chinese headers. */
const ITEM_COLUMNS: Column[] = [
  { header: '隐患编号', key: 'code', sql: 'i.code', width: 26 },
  { header: '隐患类型代码', key: 'hazard_type_code', sql: 'i.hazard_type_code', width: 22 },
  { header: '隐患类型', key: 'hazard_type', sql: 'h.name_zh', width: 30 },
  { header: '隐患等级', key: 'level', sql: 'i.level::text' },
  { header: '重大火灾隐患', key: 'major_fire', sql: 'i.is_major_fire_hazard' },
  { header: '环节', key: 'stage', sql: 'i.stage::text' },
  { header: '工作组', key: 'team', sql: 't.name_zh', width: 14 },
  { header: '区县', key: 'district', sql: 'd.name' },
  { header: '责任主体', key: 'business', sql: 'b.name', width: 30 },
  { header: '统一社会信用代码', key: 'uscc', sql: 'b.uscc', width: 22 },
  { header: '场所', key: 'site', sql: 's.name', width: 24 },
  { header: '地址', key: 'address', sql: 'i.address', width: 30, field: 'address' },
  { header: '隐患描述', key: 'description', sql: 'i.description', width: 40, field: 'description' },
  { header: '发现时间', key: 'discovered_at', sql: `to_char(i.discovered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`, width: 17, cell: 'datetime' },
  { header: '发现方式', key: 'method', sql: 'i.discovery_method::text' },
  { header: '整改通知类型', key: 'notice_type', sql: 'i.notice_type::text' },
  { header: '文书编号', key: 'notice_no', sql: 'i.notice_no' },
  { header: '整改期限', key: 'deadline', sql: 'i.deadline::text', width: 11, cell: 'date' },
  { header: '状态', key: 'status', sql: 'i.status::text' },
  { header: '是否逾期', key: 'overdue', sql: `(i.deadline < CAST(:exportToday AS date) AND i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED'))` },
  { header: '逾期天数', key: 'overdue_days', sql: `CASE WHEN i.deadline < CAST(:exportToday AS date) AND i.status NOT IN ('VERIFIED', 'CLOSED', 'INVALIDATED') THEN CAST(:exportToday AS date) - i.deadline ELSE 0 END`, cell: 'int' },
  { header: '挂牌督办', key: 'listed', sql: 'i.listed' },
  { header: '已立案', key: 'case_filed', sql: 'i.case_filed' },
  { header: '复查不合格次数', key: 'failed_reviews', sql: 'i.failed_reviews', cell: 'int' },
  { header: '延期次数', key: 'extensions', sql: 'i.extensions', cell: 'int' },
  { header: '责任人', key: 'responsible_person', sql: 'i.responsible_person', field: 'responsiblePerson' },
  { header: '联系电话', key: 'responsible_contact', sql: 'i.responsible_contact', field: 'responsibleContact' },
  { header: '整改完成日期', key: 'rectified_on', sql: 'i.rectified_on::text', width: 11, cell: 'date' },
  { header: '销号日期', key: 'closed_on', sql: 'i.closed_on::text', width: 11, cell: 'date' },
];

const SORT: Record<RemediationSortField, string> = {
  DISCOVERED_AT: 'i.discovered_at',
  DEADLINE: `COALESCE(i.deadline, DATE '9999-12-31')`,
  UPDATED_AT: 'i.updated_at',
  CODE: 'i.code',
};

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
}

export interface ExportDeps {
  schema: GraphQLSchema;
  log: Logger;
  makeContext: (req: Request) => Context;
}

/**
 * Streaming exports with the same auth as the API: rows go from a PostgreSQL cursor through a
 * transform to the socket, with back-pressure, so memory stays flat whatever the row count.
 */
export function exportsRouter(deps: ExportDeps): Router {
  const router = express.Router();
  const label = {
    level: labels(deps.schema, 'HazardLevel'),
    stage: labels(deps.schema, 'SupplyChainStage'),
    method: labels(deps.schema, 'InspectionMethod'),
    notice: labels(deps.schema, 'NoticeType'),
    status: labels(deps.schema, 'HazardStatus'),
  };
  const filterType = deps.schema.getType('RemediationItemFilter') as GraphQLInputType;
  if (!cjkFontFile()) {
    deps.log.warn({ looked: ['BULLETIN_CJK_FONT', SHIPPED_CJK_FONT] }, 'no CJK font found: the charts in /exports/bulletin.docx will have no Chinese labels (set BULLETIN_CJK_FONT)');
  }

  function context(req: Request, res: Response): Context | null {
    const ctx = deps.makeContext(req);
    if (!ctx.principal) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: 'Authentication required (请先登录)', extensions: { code: 'UNAUTHENTICATED' } }] });
      return null;
    }
    if (!EXPORTERS.has(ctx.principal.role)) {
      res.status(403).json({ errors: [{ message: 'Not allowed (无权限)', extensions: { code: 'FORBIDDEN' } }] });
      return null;
    }
    return ctx;
  }

  function parseFilter(req: Request): RemediationItemFilter | undefined {
    const raw = req.query.filter;
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') throw new ExportInputError('filter must be one JSON object', 'filter');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ExportInputError('filter is not valid JSON', 'filter');
    }
    // The same input type as remediationItems(filter:), checked by GraphQL's own coercion.
    const filter = coerceInputValue(json, filterType, (path, _value, error: GraphQLError) => {
      throw new ExportInputError(`filter${path.length ? '.' + path.join('.') : ''}: ${error.message}`, 'filter');
    }) as RemediationItemFilter;
    const [problem] = checkInputValue(filter, filterType, 'filter');
    if (problem) throw new ExportInputError(`${problem.en} (${problem.zh})`, 'filter');
    for (const key of ['discoveredOn', 'deadline'] as const) {
      for (const end of ['from', 'to'] as const) {
        const v = filter[key]?.[end];
        if (v !== undefined && v !== null && !isLocalDate(v)) throw new ExportInputError(`filter.${key}.${end} must be a date YYYY-MM-DD`, 'filter');
      }
    }
    if (filter.text && filter.text.length > 200) throw new ExportInputError('filter.text is longer than 200 characters', 'filter');
    return filter;
  }

  function itemQuery(ctx: Context, req: Request): { sql: string; params: unknown[] } {
    const filter = parseFilter(req);
    const field = (req.query.orderBy ?? RemediationSortField.DISCOVERED_AT) as RemediationSortField;
    const direction = (req.query.direction ?? SortDirection.DESC) as SortDirection;
    if (typeof field !== 'string' || !Object.hasOwn(SORT, field)) throw new ExportInputError(`orderBy must be one of ${Object.keys(SORT).join(', ')}`, 'orderBy');
    if (direction !== 'ASC' && direction !== 'DESC') throw new ExportInputError('direction must be ASC or DESC', 'direction');
    const qb = ctx.em
      .getRepository(RemediationItem)
      .createQueryBuilder('i')
      .leftJoin('hazard_type', 'h', 'h.code = i.hazard_type_code')
      .leftJoin('task_team', 't', 't.id = i.team_id')
      .leftJoin('district', 'd', 'd.code = i.district_code')
      .leftJoin('business', 'b', 'b.id = i.business_id')
      .leftJoin('site', 's', 's.id = i.site_id');
    applyItemFilter(qb, 'i', filter, today(ctx));
    qb.select(ITEM_COLUMNS[0].sql, ITEM_COLUMNS[0].key);
    for (const c of ITEM_COLUMNS.slice(1)) qb.addSelect(c.sql, c.key);
    qb.setParameter('exportToday', today(ctx)).orderBy(SORT[field], direction).addOrderBy('i.id', direction);
    const [sql, params] = qb.getQueryAndParameters();
    return { sql, params };
  }

  /**
   * Display values of a row: Chinese labels, 是/否, personal data masked by the one list and rule
   * of the API (src/common/personal-data.ts). Counts the rows for the export's audit entry.
   */
  function present(ctx: Context, res: Response) {
    const unmasked = seesPersonalData(ctx.principal);
    const personal = PERSONAL_DATA.RemediationItem;
    const yes = (v: unknown) => (v ? '是' : '否');
    return (r: Record<string, unknown>): unknown[] => {
      res.locals.exportRows = (res.locals.exportRows ?? 0) + 1;
      // The names this row holds, masked also where its free text repeats them.
      const names = unmasked ? [] : ITEM_COLUMNS.filter((c) => c.field && personal[c.field] === 'personName' && typeof r[c.key] === 'string').map((c) => (r[c.key] as string).trim());
      return ITEM_COLUMNS.map(({ key, field }) => {
        const v = r[key];
        if (!unmasked && field && personal[field]) return maskValue(personal[field], v, names);
        switch (key) {
          case 'level': return label.level[v as string] ?? v;
          case 'stage': return label.stage[v as string] ?? v;
          case 'method': return label.method[v as string] ?? v;
          case 'notice_type': return v ? label.notice[v as string] ?? v : null;
          case 'status': return label.status[v as string] ?? v;
          case 'major_fire': case 'overdue': case 'listed': case 'case_filed': return yes(v);
          case 'overdue_days': case 'failed_reviews': case 'extensions': return Number(v);
          default: return v;
        }
      });
    };
  }

  /** Runs the export body with a pooled connection streaming rows; the connection is always released. */
  async function withRows(ctx: Context, req: Request, res: Response, body: (rows: Readable) => Promise<void>): Promise<void> {
    const { sql, params } = itemQuery(ctx, req);
    const runner = ctx.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const rows = client.query(new QueryStream(sql, params, { batchSize: 500, highWaterMark: 500 }));
      res.on('close', () => rows.destroy());
      // The query's own failure arrives before the first row: answer it as JSON while no header
      // has been sent, instead of a 200 that the stream pipeline would then cut off.
      await new Promise<void>((resolve, reject) => {
        rows.once('readable', resolve);
        rows.once('error', reject);
      });
      await body(rows);
    } finally {
      await runner.release();
    }
  }

  /**
   * Every download is recorded once its body is sent or broken off: who (the audit row's actor),
   * which export, the filter and parameters, the rows sent and whether personal data was masked,
   * in the audit trail and the log. Refused and invalid requests send no data and are not downloads.
   */
  async function auditDownload(ctx: Context, req: Request, res: Response, completed: boolean): Promise<void> {
    if (res.statusCode !== 200) return;
    const { filter: rawFilter, ...parameters } = req.query as Record<string, unknown>;
    let filter: unknown = rawFilter ?? null;
    try {
      if (typeof rawFilter === 'string') filter = JSON.parse(rawFilter);
    } catch {
      // kept as given
    }
    recordExportRows(req.path.replace(/^\//, ''), Number(res.locals.exportRows ?? 0));
    const record = {
      export: req.path.replace(/^\//, ''),
      filter,
      parameters,
      rows: Number(res.locals.exportRows ?? 0),
      personalDataMasked: !seesPersonalData(ctx.principal),
      completed,
    };
    // The log keeps the same facts; a filter's search text may name a person, so it is masked there.
    ctx.log.info({ ...record, filter: maskJson(filter), principal: ctx.principal!.id, role: ctx.principal!.role }, 'export downloaded');
    await recordExport(ctx, record);
  }

  const handle = (fn: (ctx: Context, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    const ctx = context(req, res);
    if (!ctx) return;
    try {
      await fn(ctx, req, res);
      await auditDownload(ctx, req, res, true);
    } catch (e) {
      if (res.headersSent) await auditDownload(ctx, req, res, false);
      if (e instanceof ExportInputError) {
        if (!res.headersSent) res.status(400).json({ errors: [{ message: e.message, extensions: { code: 'BAD_USER_INPUT', argument: e.argument } }] });
        return;
      }
      if ((e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return; // the client went away
      if (isDatabaseUnavailable(e) && !res.headersSent) {
        const body = databaseUnavailableError(ctx.requestId);
        deps.log.warn({ err: e, errorId: ctx.requestId, path: req.path }, 'database unreachable');
        res.status(503).set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)).json({ errors: [body] });
        return;
      }
      const errorId = ctx.requestId;
      deps.log.error({ err: e, requestId: ctx.requestId, path: req.path }, 'export failed');
      if (!res.headersSent) res.status(500).json({ errors: [{ message: `Internal error (内部错误); reference ${errorId}`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } }] });
      else res.destroy();
    }
  };

  /** ASCII name for old clients, the Chinese one (RFC 5987) for the rest. */
  const filename = (ascii: string, zh: string, ext: string) => `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zh}.${ext}`)}`;
  const stamp = (ctx: Context) => today(ctx).replace(/-/g, '');

  router.get(
    '/remediation-items.csv',
    handle(async (ctx, req, res) => {
      await withRows(ctx, req, res, async (rows) => {
        res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename(`remediation-items-${stamp(ctx)}`, `隐患清单-${stamp(ctx)}`, 'csv'), 'Cache-Control': 'no-store' });
        const toValues = present(ctx, res);
        let first = true;
        const toCsv = new Transform({
          writableObjectMode: true,
          transform(row: Record<string, unknown>, _enc, done) {
            // A UTF-8 byte-order mark so that Excel opens the Chinese text correctly.
            const head = first ? `\uFEFF${ITEM_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n` : '';
            first = false;
            done(null, head + toValues(row).map(csvCell).join(',') + '\r\n');
          },
          flush(done) {
            done(null, first ? `\uFEFF${ITEM_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n` : '');
          },
        });
        await pipeline(rows, toCsv, res);
      });
    }),
  );

  router.get(
    '/remediation-items.xlsx',
    handle(async (ctx, req, res) => {
      await withRows(ctx, req, res, async (rows) => {
        res.status(200).set({
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': filename(`remediation-items-${stamp(ctx)}`, `隐患清单-${stamp(ctx)}`, 'xlsx'),
          'Cache-Control': 'no-store',
        });
        // Streamed row by row (flat memory), so widths come from each column's declared width and
        // its header, not from the rows; every declared width holds that column's usual longest value.
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
        const ws = wb.addWorksheet('隐患清单', sheetOptions());
        const filterText = typeof req.query.filter === 'string' ? `  筛选：${req.query.filter.slice(0, 300)}` : '';
        layoutSheet(ws as unknown as ExcelJS.Worksheet, {
          title: '乐山市电动自行车安全隐患清单',
          subtitle: `导出日期：${today(ctx)}${filterText}`,
          headers: ITEM_COLUMNS.map((c) => c.header),
          widths: ITEM_COLUMNS.map((c) => Math.max(c.width ?? 12, textWidth(c.header) + 2)),
        }, HEADER_ROW);
        ws.getRow(1).commit();
        ws.getRow(2).commit();
        ws.getRow(HEADER_ROW).commit();
        const toValues = present(ctx, res);
        let n = HEADER_ROW;
        for await (const r of rows) {
          const row = ws.getRow(++n);
          toValues(r as Record<string, unknown>).forEach((v, k) => {
            const cell = row.getCell(k + 1);
            const kind = ITEM_COLUMNS[k].cell;
            if (kind === 'date' || kind === 'datetime') {
              cell.value = typeof v === 'string' && v ? excelDate(v) : null;
              cell.numFmt = kind === 'date' ? NUM_FMT.date! : DATETIME_FMT;
            } else {
              cell.value = v as ExcelJS.CellValue;
              if (kind === 'int') cell.numFmt = NUM_FMT.int!;
            }
            cell.border = BORDER;
          });
          row.commit();
        }
        // The streaming writer writes the filter when the sheet is committed: now its last row is known.
        ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: n, column: ITEM_COLUMNS.length } };
        ws.commit();
        await wb.commit();
      });
    }),
  );

  /**
   * The bulletin's documents: the `bulletin` query's result laid out once (bulletin/document.ts)
   * and written as a workbook or a Word file; the page (/reports/bulletin) shows the same.
   */
  const bulletinExport = (ext: 'xlsx' | 'docx', type: string, write: (doc: Awaited<ReturnType<typeof bulletinDocumentFor>>) => Promise<{ buffer: Buffer; rows: number }>) =>
    handle(async (ctx, req, res) => {
      let period: { from: string; to: string };
      try {
        period = bulletinPeriod(ctx, req.query);
      } catch (e) {
        if (e instanceof PeriodError) throw new ExportInputError(e.message, e.argument);
        throw e;
      }
      const doc = await bulletinDocumentFor(ctx, deps.schema, period.from, period.to);
      const { buffer, rows } = await write(doc);
      res.locals.exportRows = rows;
      res.status(200).set({
        'Content-Type': type,
        'Content-Disposition': filename(`bulletin-${period.from}-${period.to}`, `通报-${period.from}至${period.to}`, ext),
        'Cache-Control': 'no-store',
      }).send(buffer);
    });

  router.get('/bulletin.xlsx', bulletinExport('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bulletinXlsx));
  router.get(
    '/bulletin.docx',
    bulletinExport('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', async (doc) => ({
      // Loaded on first use (the docx library is large; most processes never write a Word file).
      buffer: await (require('../modules/reports/bulletin/docx') as typeof BulletinDocx).bulletinDocx(doc),
      rows: doc.tables.reduce((n, t) => n + t.rows.length, 0),
    })),
  );

  // The weekly dispatch (调度): aggregates only, like the bulletin; built in the campaigns module.
  router.get(
    '/dispatch.xlsx',
    handle(async (ctx, req, res) => {
      const from = req.query.from;
      const to = req.query.to;
      if (!isLocalDate(from)) throw new ExportInputError('from must be a date YYYY-MM-DD', 'from');
      if (!isLocalDate(to)) throw new ExportInputError('to must be a date YYYY-MM-DD', 'to');
      if (from > to) throw new ExportInputError('from is after to', 'from');
      const d = await buildDispatch(ctx, from, to);
      res.status(200).set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': filename(`dispatch-${from}-${to}`, `调度-${from}至${to}`, 'xlsx'),
        'Cache-Control': 'no-store',
      });
      res.locals.exportRows = await writeDispatchWorkbook(d, res);
    }),
  );

  return router;
}
