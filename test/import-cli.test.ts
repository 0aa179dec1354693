import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { addDays, shanghaiDate } from '../src/common/time';
import { makeUser } from './support/app';
import { cloneTemplate, workerDataSource, workerDatabaseName } from './support/db';
import { runService } from './support/process';
import { csv, uscc } from './import-support';

// The command runs through ts-node (it compiles the service first): slow on a busy machine.
jest.setTimeout(300_000);

/**
 * `npm run import` (scripts/import.ts) as a person at a terminal runs it: a real process on a
 * database of its own, its exit code, its printed summary, and what it wrote.
 */
let ds: DataSource;
let url: string;
let officer: string;
let officerId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-import-cli-'));
const SHOP = uscc(8101);
const D1 = addDays(shanghaiDate(new Date()), -5);

beforeAll(async () => {
  url = await cloneTemplate(workerDatabaseName('_icli'));
  ds = await workerDataSource({ suffix: '_icli' });
  const o = await makeUser(ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
  [officer, officerId] = [o.username, o.user.id];
});
afterAll(async () => {
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const svc = runService({ DATABASE_URL: url, LOG_LEVEL: 'warn' }, 'scripts/import.ts', args);
  const { code } = await svc.exited;
  return { code, output: svc.output() };
}

it('businesses: a dry run writes nothing; the import writes the rows; the same file again changes nothing', async () => {
  const file = path.join(dir, '商户名单.csv');
  fs.writeFileSync(file, csv([['统一社会信用代码', '名称', '主体类型', '区县', '地址'], [SHOP, '命令行导入车行', '销售门店/经营网点', '市中区', '嘉定北路 1 号']]));
  const dry = await cli(['businesses', file, '--dry-run']);
  expect(dry.output).toContain('1 rows: 1 valid, 0 rejected; would create 1, update 0, leave 0 unchanged');
  expect(dry.code).toBe(0);
  expect(await ds.query(`SELECT count(*)::int AS n FROM business WHERE uscc = $1`, [SHOP])).toEqual([{ n: 0 }]);
  const run = await cli(['businesses', file]);
  expect(run.output).toContain('written: 1 created, 0 updated, 0 unchanged, 0 rejected');
  expect(run.code).toBe(0);
  expect(await ds.query(`SELECT name, district_code FROM business WHERE uscc = $1`, [SHOP])).toEqual([{ name: '命令行导入车行', district_code: '511102' }]);
  const again = await cli(['businesses', file]);
  expect(again.output).toContain('written: 0 created, 0 updated, 1 unchanged, 0 rejected');
});

it('inspections need a person who may record them: refused as the system user, written with --as an officer in scope', async () => {
  const file = path.join(dir, '检查记录.csv');
  fs.writeFileSync(
    file,
    csv([
      ['被检查主体', '检查日期', '工作组', '检查方式', '检查部门', '检查人员', '检查结论', '隐患类型', '隐患等级', '隐患描述', '整改期限', '责任人', '责任人电话'],
      [SHOP, D1, '销售流通组', '日常检查', 'MARKET', '张三、李四', '', 'SALES_THREE_NO', '一般', '三无充电器 2 个', '', '', ''],
      [SHOP, D1, 'SALES', '', '', '', '', 'SALES_NO_CCC', '', '无CCC整车 1 辆', '', '', ''],
    ]),
  );
  const asSystem = await cli(['inspections', file]);
  expect(asSystem.output).toContain('OUT_OF_SCOPE');
  expect(asSystem.code).toBe(1);
  const unknown = await cli(['inspections', file, '--as', 'no-such-user']);
  expect(unknown.output).toContain('no active user named no-such-user');
  expect(unknown.code).toBe(2);
  const asOfficer = await cli(['inspections', file, '--as', officer]);
  expect(asOfficer.output).toContain('2 rows: 2 valid, 0 rejected');
  expect(asOfficer.code).toBe(0);
  // One inspection with its two hazards, recorded as the officer (written by hand from the file).
  const [{ inspections, items }] = await ds.query(
    `SELECT count(DISTINCT n.id)::int AS inspections, count(i.id)::int AS items
       FROM inspection n JOIN business b ON b.id = n.target_business_id LEFT JOIN remediation_item i ON i.inspection_id = n.id WHERE b.uscc = $1`,
    [SHOP],
  );
  expect({ inspections, items }).toEqual({ inspections: 1, items: 2 });
  const audit = await ds.query(`SELECT DISTINCT actor_id, request_id FROM audit_event WHERE operation = 'createInspection' AND request_id = 'cli:import'`);
  expect(audit).toEqual([{ actor_id: officerId, request_id: 'cli:import' }]);
});
