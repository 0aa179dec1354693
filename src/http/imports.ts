import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import express, { type Request, type Response, type Router } from 'express';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { PERSONAL_DATA_READERS, RECORD_READERS, type Role } from '../common/auth';
import type { Context } from '../common/context';
import type { Logger } from '../common/logger';
import { maskPersonName, maskPhone } from '../common/mask';
import { BUSINESS_COLUMNS, businessStatusLabels, businessTypeLabels } from '../modules/import/import.businesses';
import { SITE_COLUMNS, siteTypeLabels } from '../modules/import/import.sites';
import { PRODUCT_MODEL_COLUMNS, certStatusLabels, chemistryLabels, productKindLabels, standardNumber } from '../modules/import/import.models';
import { SUPPLY_RELATION_COLUMNS } from '../modules/import/import.relations';
import type { ColumnDef } from '../modules/import/import.columns';
import { INSPECTION_COLUMNS, hazardLevelLabels, inspectionMethodLabels } from '../modules/import/import.inspections';
import { InspectionMethod } from '../modules/inspection/inspection.enums';
import { HazardLevel } from '../modules/reference/reference.enums';
import { Department, District, HazardType, TaskTeam } from '../modules/reference/reference.entities';
import { BUSINESS_TYPE_STAGES } from '../modules/registry/registry.enums';
import { BatteryChemistry, BusinessStatus, BusinessType, CHARGING_SITE_TYPES, CertStatus, ProductKind, SiteType, StandardVersion } from '../modules/registry/registry.enums';
import { recordExportRows } from '../observability/metrics';

/**
 * Import templates (/imports/templates/…) and the business list export (/exports/businesses.…),
 * whose columns are exactly what the import reads back: export → import gives the same records.
 */

export interface ImportHttpDeps {
  log: Logger;
  makeContext: (req: Request) => Context;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const filename = (ascii: string, zh: string, ext: string) => `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${zh}.${ext}`)}`;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Same protection as the other exports: a leading ' keeps Excel from running = + - @ (the import removes it).
  const safe = /^[=+\-@\t]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function authorised(deps: ImportHttpDeps, req: Request, res: Response, roles: readonly Role[]): Context | null {
  const ctx = deps.makeContext(req);
  if (!ctx.principal) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: 'Authentication required (请先登录)', extensions: { code: 'UNAUTHENTICATED' } }] });
    return null;
  }
  if (!roles.includes(ctx.principal.role)) {
    res.status(403).json({ errors: [{ message: 'Not allowed (无权限)', extensions: { code: 'FORBIDDEN' } }] });
    return null;
  }
  return ctx;
}

async function businessTemplate(ctx: Context): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主体');
  const allowed = wb.addWorksheet('允许值');
  const districts = await ctx.em.getRepository(District).find({ order: { sortOrder: 'ASC' } });
  const typeLabels = businessTypeLabels();
  const statusLabels = businessStatusLabels();
  const statuses = Object.values(BusinessStatus).filter((s) => s !== BusinessStatus.ARCHIVED);

  ws.columns = BUSINESS_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
  BUSINESS_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '【必填】' : ''}${c.note}\n英文列名：${c.field}`;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  ws.addRow(BUSINESS_COLUMNS.map((c) => c.sample));
  // Identifiers stay text: Excel would turn long digit strings into numbers.
  for (const field of ['uscc', 'contactPhone', 'legacyRegNo']) ws.getColumn(field).numFmt = '@';

  allowed.getCell('A1').value = '区县名称';
  allowed.getCell('B1').value = '区县代码';
  districts.forEach((d, i) => {
    allowed.getCell(`A${i + 2}`).value = d.name;
    allowed.getCell(`B${i + 2}`).value = d.code;
  });
  allowed.getCell('D1').value = '主体类型';
  allowed.getCell('E1').value = '代码';
  allowed.getCell('F1').value = '环节';
  Object.values(BusinessType).forEach((t, i) => {
    allowed.getCell(`D${i + 2}`).value = typeLabels[t];
    allowed.getCell(`E${i + 2}`).value = t;
    allowed.getCell(`F${i + 2}`).value = BUSINESS_TYPE_STAGES[t].join(', ');
  });
  allowed.getCell('H1').value = '主体状态';
  allowed.getCell('I1').value = '代码';
  statuses.forEach((s, i) => {
    allowed.getCell(`H${i + 2}`).value = statusLabels[s];
    allowed.getCell(`I${i + 2}`).value = s;
  });
  for (const col of ['A', 'D', 'H']) allowed.getColumn(col).width = 30;

  const col = (field: string) => ws.getColumn(field).letter;
  const range = (field: string) => `${col(field)}2:${col(field)}10001`;
  // Pick lists; several types in one cell are allowed, so that list only warns.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(range('districtCode'), { type: 'list', allowBlank: false, formulae: [`'允许值'!$A$2:$A$${districts.length + 1}`], showErrorMessage: true, errorTitle: '区县', error: '请从列表中选择区县，或填写 6 位区县代码' });
  dv.add(range('types'), { type: 'list', allowBlank: false, formulae: [`'允许值'!$D$2:$D$${Object.values(BusinessType).length + 1}`], showErrorMessage: true, errorStyle: 'information', errorTitle: '主体类型', error: '多个类型用“、”分隔；可用的类型见“允许值”表' });
  dv.add(range('status'), { type: 'list', allowBlank: true, formulae: [`'允许值'!$H$2:$H$${statuses.length + 1}`], showErrorMessage: true, errorTitle: '主体状态', error: '请从列表中选择' });
  return wb;
}

/** Sheet 场所 with the columns (a note per header, a sample row), sheet 允许值 with districts and site types. */
async function siteTemplate(ctx: Context): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('场所');
  const allowed = wb.addWorksheet('允许值');
  const districts = await ctx.em.getRepository(District).find({ order: { sortOrder: 'ASC' } });
  const typeLabels = siteTypeLabels();
  ws.columns = SITE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
  SITE_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '【必填】' : ''}${c.note}\n英文列名：${c.field}`;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  ws.addRow(SITE_COLUMNS.map((c) => c.sample));
  ws.getColumn('operator').numFmt = '@';
  allowed.getCell('A1').value = '区县名称';
  allowed.getCell('B1').value = '区县代码';
  districts.forEach((d, i) => {
    allowed.getCell(`A${i + 2}`).value = d.name;
    allowed.getCell(`B${i + 2}`).value = d.code;
  });
  allowed.getCell('D1').value = '场所类型';
  allowed.getCell('E1').value = '代码';
  allowed.getCell('F1').value = '可填充电端口数';
  Object.values(SiteType).forEach((t, i) => {
    allowed.getCell(`D${i + 2}`).value = typeLabels[t];
    allowed.getCell(`E${i + 2}`).value = t;
    allowed.getCell(`F${i + 2}`).value = CHARGING_SITE_TYPES.has(t) ? '是' : '否';
  });
  for (const col of ['A', 'D']) allowed.getColumn(col).width = 30;
  const col = (field: string) => ws.getColumn(field).letter;
  const range = (field: string) => `${col(field)}2:${col(field)}10001`;
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(range('districtCode'), { type: 'list', allowBlank: false, formulae: [`'允许值'!$A$2:$A$${districts.length + 1}`], showErrorMessage: true, errorTitle: '区县', error: '请从列表中选择区县，或填写 6 位区县代码' });
  dv.add(range('siteType'), { type: 'list', allowBlank: false, formulae: [`'允许值'!$D$2:$D$${Object.values(SiteType).length + 1}`], showErrorMessage: true, errorTitle: '场所类型', error: '请从列表中选择场所类型' });
  return wb;
}

/**
 * Sheet 检查记录 (one row per hazard; a row without hazard columns for an inspection that found
 * nothing), sheet 允许值 with districts, task teams, departments, inspection methods, hazard types
 * (active ones) and levels.
 */
async function inspectionTemplate(ctx: Context): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查记录');
  const allowed = wb.addWorksheet('允许值');
  const districts = await ctx.em.getRepository(District).find({ order: { sortOrder: 'ASC' } });
  const teams = await ctx.em.getRepository(TaskTeam).find({ order: { sortOrder: 'ASC' } });
  const departments = await ctx.em.getRepository(Department).find({ order: { sortOrder: 'ASC' } });
  const types = await ctx.em.getRepository(HazardType).find({ where: { active: true }, order: { sortOrder: 'ASC' } });
  ws.columns = INSPECTION_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
  INSPECTION_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '【必填】' : ''}${c.note}\n英文列名：${c.field}`;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  ws.addRow(INSPECTION_COLUMNS.map((c) => c.sample));
  for (const field of ['business', 'inspectedOn', 'deadline', 'responsibleContact']) ws.getColumn(field).numFmt = '@';
  const put = (col: string, title: string, values: unknown[]) => {
    allowed.getCell(`${col}1`).value = title;
    values.forEach((v, i) => (allowed.getCell(`${col}${i + 2}`).value = v as ExcelJS.CellValue));
  };
  put('A', '区县名称', districts.map((d) => d.name));
  put('B', '区县代码', districts.map((d) => d.code));
  put('D', '工作组', teams.map((t) => t.nameZh));
  put('E', '代码', teams.map((t) => t.code));
  put('G', '检查部门', departments.map((d) => d.shortName ?? d.name));
  put('H', '代码', departments.map((d) => d.code));
  const methodLabels = inspectionMethodLabels();
  put('J', '检查方式', Object.values(InspectionMethod).map((m) => methodLabels[m]));
  put('K', '代码', Object.values(InspectionMethod));
  put('M', '隐患类型', types.map((t) => t.nameZh));
  put('N', '代码', types.map((t) => t.code));
  put('O', '默认等级', types.map((t) => t.defaultLevel));
  const levelLabels = hazardLevelLabels();
  put('Q', '隐患等级', Object.values(HazardLevel).map((l) => levelLabels[l]));
  put('R', '代码', Object.values(HazardLevel));
  for (const col of ['A', 'D', 'G', 'J', 'M', 'Q']) allowed.getColumn(col).width = 30;
  const col = (field: string) => ws.getColumn(field).letter;
  const range = (field: string) => `${col(field)}2:${col(field)}10001`;
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(range('team'), { type: 'list', allowBlank: false, formulae: [`'允许值'!$D$2:$D$${teams.length + 1}`], showErrorMessage: true, errorStyle: 'information', errorTitle: '工作组', error: '请从列表中选择工作组，或填写其代码' });
  dv.add(range('method'), { type: 'list', allowBlank: true, formulae: [`'允许值'!$J$2:$J$${Object.values(InspectionMethod).length + 1}`], showErrorMessage: true, errorStyle: 'information', errorTitle: '检查方式', error: '请从列表中选择检查方式，或填写其代码' });
  dv.add(range('hazardType'), { type: 'list', allowBlank: true, formulae: [`'允许值'!$M$2:$M$${types.length + 1}`], showErrorMessage: true, errorStyle: 'information', errorTitle: '隐患类型', error: '请从列表中选择隐患类型，或填写其代码' });
  dv.add(range('level'), { type: 'list', allowBlank: true, formulae: [`'允许值'!$Q$2:$Q$${Object.values(HazardLevel).length + 1}`], showErrorMessage: true, errorStyle: 'information', errorTitle: '隐患等级', error: '一般、较大、重大或代码' });
  return wb;
}

/** One allowed-values list: its title, rows of (name, code), and the data columns it feeds as a drop-down. */
interface AllowedList {
  title: string;
  rows: [string, string][];
  fields: string[];
  /** Several values in one cell are allowed: the drop-down only warns. */
  several?: boolean;
}

/** A template of a catalogue import: the columns (a note per header, a sample row) and sheet 允许值 with the coded values. */
function listTemplate(sheet: string, columns: ColumnDef[], lists: AllowedList[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const allowed = wb.addWorksheet('允许值');
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '【必填】' : ''}${c.note}\n英文列名：${c.field}`;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  ws.addRow(columns.map((c) => c.sample));
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  lists.forEach((list, i) => {
    const [name, code] = [allowed.getColumn(i * 3 + 1), allowed.getColumn(i * 3 + 2)];
    allowed.getCell(1, name.number).value = list.title;
    allowed.getCell(1, code.number).value = '代码';
    list.rows.forEach(([n, c], r) => {
      allowed.getCell(r + 2, name.number).value = n;
      allowed.getCell(r + 2, code.number).value = c;
    });
    name.width = 30;
    for (const field of list.fields) {
      const col = ws.getColumn(field).letter;
      dv.add(`${col}2:${col}10001`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'允许值'!$${name.letter}$2:$${name.letter}$${list.rows.length + 1}`],
        showErrorMessage: true,
        errorStyle: list.several ? 'information' : undefined,
        errorTitle: list.title,
        error: list.several ? '多个用“、”分隔；可用的值见“允许值”表' : '请从列表中选择',
      });
    }
  });
  return wb;
}

const labelled = <T extends string>(values: T[], labels: Record<string, string>): [string, string][] => values.map((v) => [labels[v] ?? v, v]);

/** Sheet 产品型号: models with their certificate; 允许值: kinds, standards, chemistries, certificate statuses. */
function productModelTemplate(): ExcelJS.Workbook {
  const wb = listTemplate('产品型号', PRODUCT_MODEL_COLUMNS, [
    { title: '产品类别', rows: labelled(Object.values(ProductKind), productKindLabels()), fields: ['kind'] },
    { title: '标准', rows: Object.values(StandardVersion).map((s) => [standardNumber(s), s]), fields: ['standardVersion', 'standards'], several: true },
    { title: '电池类型', rows: labelled(Object.values(BatteryChemistry), chemistryLabels()), fields: ['chemistry'] },
    { title: '证书状态', rows: labelled(Object.values(CertStatus), certStatusLabels()), fields: ['certStatus'] },
  ]);
  const ws = wb.getWorksheet('产品型号')!;
  // Identifiers stay text: Excel would turn long digit strings into numbers.
  for (const field of ['producer', 'certNumber', 'certHolder']) ws.getColumn(field).numFmt = '@';
  return wb;
}

/** Sheet 供货关系: supplier, buyer, the model; 允许值: product kinds. */
function supplyRelationTemplate(): ExcelJS.Workbook {
  const wb = listTemplate('供货关系', SUPPLY_RELATION_COLUMNS, [{ title: '产品类别', rows: labelled(Object.values(ProductKind), productKindLabels()), fields: ['kind'] }]);
  const ws = wb.getWorksheet('供货关系')!;
  for (const field of ['supplier', 'buyer', 'producer']) ws.getColumn(field).numFmt = '@';
  return wb;
}

export function importsRouter(deps: ImportHttpDeps): Router {
  const router = express.Router();
  const anyone = [...RECORD_READERS, 'REPORTER'] as Role[];

  router.get('/templates/businesses.xlsx', async (req, res) => {
    const ctx = authorised(deps, req, res, anyone);
    if (!ctx) return;
    const wb = await businessTemplate(ctx);
    res.status(200).set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': filename('businesses-template', '主体导入模板', 'xlsx'), 'Cache-Control': 'no-store' });
    await wb.xlsx.write(res);
    res.end();
  });

  router.get('/templates/businesses.csv', (req, res) => {
    if (!authorised(deps, req, res, anyone)) return;
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('businesses-template', '主体导入模板', 'csv'), 'Cache-Control': 'no-store' });
    res.send(`\uFEFF${BUSINESS_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n${BUSINESS_COLUMNS.map((c) => csvCell(c.sample)).join(',')}\r\n`);
  });

  router.get('/templates/sites.xlsx', async (req, res) => {
    const ctx = authorised(deps, req, res, anyone);
    if (!ctx) return;
    const wb = await siteTemplate(ctx);
    res.status(200).set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': filename('sites-template', '场所导入模板', 'xlsx'), 'Cache-Control': 'no-store' });
    await wb.xlsx.write(res);
    res.end();
  });

  router.get('/templates/sites.csv', (req, res) => {
    if (!authorised(deps, req, res, anyone)) return;
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('sites-template', '场所导入模板', 'csv'), 'Cache-Control': 'no-store' });
    res.send(`\uFEFF${SITE_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n${SITE_COLUMNS.map((c) => csvCell(c.sample)).join(',')}\r\n`);
  });

  const catalogue: [string, string, string, ColumnDef[], () => ExcelJS.Workbook][] = [
    ['product-models', 'product-models-template', '产品型号导入模板', PRODUCT_MODEL_COLUMNS, productModelTemplate],
    ['supply-relations', 'supply-relations-template', '供货关系导入模板', SUPPLY_RELATION_COLUMNS, supplyRelationTemplate],
  ];
  for (const [path, ascii, zh, columns, build] of catalogue) {
    router.get(`/templates/${path}.xlsx`, async (req, res) => {
      if (!authorised(deps, req, res, anyone)) return;
      res.status(200).set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': filename(ascii, zh, 'xlsx'), 'Cache-Control': 'no-store' });
      await build().xlsx.write(res);
      res.end();
    });
    router.get(`/templates/${path}.csv`, (req, res) => {
      if (!authorised(deps, req, res, anyone)) return;
      res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename(ascii, zh, 'csv'), 'Cache-Control': 'no-store' });
      res.send(`\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n${columns.map((c) => csvCell(c.sample)).join(',')}\r\n`);
    });
  }
  router.get('/templates/inspections.xlsx', async (req, res) => {
    const ctx = authorised(deps, req, res, anyone);
    if (!ctx) return;
    const wb = await inspectionTemplate(ctx);
    res.status(200).set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': filename('inspections-template', '检查记录导入模板', 'xlsx'), 'Cache-Control': 'no-store' });
    await wb.xlsx.write(res);
    res.end();
  });

  router.get('/templates/inspections.csv', (req, res) => {
    if (!authorised(deps, req, res, anyone)) return;
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('inspections-template', '检查记录导入模板', 'csv'), 'Cache-Control': 'no-store' });
    res.send(`\uFEFF${INSPECTION_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n${INSPECTION_COLUMNS.map((c) => csvCell(c.sample)).join(',')}\r\n`);
  });
  return router;
}

const BUSINESS_EXPORT_SQL = `
  SELECT b.uscc, b.name, b.types::text[] AS types, d.name AS district, b.address, b.legal_representative, b.contact_phone, b.status::text AS status,
         b.legacy_reg_no, b.latitude, b.longitude, b.uscc_override_reason
    FROM business b JOIN district d ON d.code = b.district_code
   WHERE b.status <> 'ARCHIVED' AND ($1::varchar IS NULL OR b.district_code = $1)
   ORDER BY b.name, b.id`;

const SITE_EXPORT_SQL = `
  SELECT s.name, s.site_type::text AS site_type, d.name AS district, s.address, COALESCE(o.uscc, o.name) AS operator, s.charging_ports, s.latitude, s.longitude
    FROM site s JOIN district d ON d.code = s.district_code LEFT JOIN business o ON o.id = s.operator_business_id
   WHERE s.status <> 'ARCHIVED' AND ($1::varchar IS NULL OR s.district_code = $1)
   ORDER BY s.name, s.id`;

/** The site list in the sites import's columns (no personal data: names of places, operators by USCC or name). */
export function siteExportRouter(deps: ImportHttpDeps): Router {
  const router = express.Router();
  const typeLabels = siteTypeLabels();
  const present = (r: Record<string, unknown>): unknown[] => [r.name, typeLabels[r.site_type as string] ?? r.site_type, r.district, r.address, r.operator, r.charging_ports, r.latitude, r.longitude];
  router.get('/sites.csv', async (req, res) => {
    const ctx = authorised(deps, req, res, RECORD_READERS);
    if (!ctx) return;
    const district = typeof req.query.district === 'string' && /^\d{6}$/.test(req.query.district) ? req.query.district : null;
    const runner = ctx.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(new QueryStream(SITE_EXPORT_SQL, [district], { batchSize: 500, highWaterMark: 500 }));
      res.on('close', () => rows.destroy());
      res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('sites', '场所名录', 'csv'), 'Cache-Control': 'no-store' });
      res.write(`\uFEFF${SITE_COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`);
      const toCsv = new Transform({ writableObjectMode: true, transform: (row, _e, done) => done(null, present(row).map(csvCell).join(',') + '\r\n') });
      await pipeline(rows, toCsv, res);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      deps.log.error({ err: e, requestId: ctx.requestId }, 'site export failed');
      if (!res.headersSent) res.status(500).json({ errors: [{ message: `Internal error (内部错误); reference ${ctx.requestId}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    } finally {
      await runner.release();
    }
  });
  return router;
}

/** The business list in the import's columns, streamed from a cursor; personal data masked as in the API. */
export function businessExportRouter(deps: ImportHttpDeps): Router {
  const router = express.Router();
  const typeLabels = businessTypeLabels();
  const statusLabels = businessStatusLabels();

  const present = (ctx: Context) => {
    const unmasked = PERSONAL_DATA_READERS.has(ctx.principal!.role);
    return (r: Record<string, unknown>): unknown[] => [
      r.uscc,
      r.name,
      (r.types as string[]).map((t) => typeLabels[t] ?? t).join('、'),
      r.district,
      r.address,
      r.legal_representative && !unmasked ? maskPersonName(String(r.legal_representative)) : r.legal_representative,
      r.contact_phone && !unmasked ? maskPhone(String(r.contact_phone)) : r.contact_phone,
      statusLabels[r.status as string] ?? r.status,
      r.legacy_reg_no,
      r.latitude,
      r.longitude,
      r.uscc_override_reason,
    ];
  };

  const stream = (format: 'csv' | 'xlsx') => async (req: Request, res: Response) => {
    const ctx = authorised(deps, req, res, RECORD_READERS);
    if (!ctx) return;
    const district = typeof req.query.district === 'string' && /^\d{6}$/.test(req.query.district) ? req.query.district : null;
    const runner = ctx.dataSource.createQueryRunner();
    let sent = 0;
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(new QueryStream(BUSINESS_EXPORT_SQL, [district], { batchSize: 500, highWaterMark: 500 }));
      res.on('close', () => rows.destroy());
      const presentRow = present(ctx);
      const toValues: typeof presentRow = (row) => (sent++, presentRow(row));
      const headers = BUSINESS_COLUMNS.map((c) => c.header);
      if (format === 'csv') {
        res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('businesses', '主体名录', 'csv'), 'Cache-Control': 'no-store' });
        res.write(`\uFEFF${headers.map(csvCell).join(',')}\r\n`);
        const toCsv = new Transform({ writableObjectMode: true, transform: (row, _e, done) => done(null, toValues(row).map(csvCell).join(',') + '\r\n') });
        await pipeline(rows, toCsv, res);
      } else {
        res.status(200).set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': filename('businesses', '主体名录', 'xlsx'), 'Cache-Control': 'no-store' });
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
        const ws = wb.addWorksheet('主体');
        ws.addRow(headers).commit();
        for await (const row of rows) ws.addRow(toValues(row as Record<string, unknown>)).commit();
        ws.commit();
        await wb.commit();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      deps.log.error({ err: e, requestId: ctx.requestId }, 'business export failed');
      if (!res.headersSent) res.status(500).json({ errors: [{ message: `Internal error (内部错误); reference ${ctx.requestId}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    } finally {
      recordExportRows(req.path.replace(/^\//, ''), sent);
      await runner.release();
    }
  };

  router.get('/businesses.csv', stream('csv'));
  router.get('/businesses.xlsx', stream('xlsx'));
  return router;
}
