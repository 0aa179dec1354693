/**
 * Import benchmark: N businesses (default 50,000) in an XLSX, uploaded through the GraphQL
 * multipart endpoint of an in-process service, validated (dry run), committed, and imported a
 * second time (all unchanged). Prints the wall time of each step and the process's peak RSS
 * (sampled every 50 ms; the process is the service plus this small driver).
 *
 *   DATABASE_URL=postgres://…/an_empty_db npm run bench:import -- [--rows 50000] [--runs 3]
 *
 * Each run empties the business and import tables first (and, by CASCADE, the tables referring to businesses).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createApp } from '../src/app';
import { Role } from '../src/common/auth';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config';
import { connectWithRetry, migrate } from '../src/database/connect';
import { makeDataSource } from '../src/database/data-source';
import { User } from '../src/modules/access/access.entities';
import { signAccessToken } from '../src/modules/access/access.tokens';
import { loadReferenceData } from '../src/modules/reference/reference.loader';
import { usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';

const DISTRICTS = ['市中区', '沙湾区', '五通桥区', '金口河区', '犍为县', '井研县', '夹江县', '沐川县', '峨边彝族自治县', '马边彝族自治县', '峨眉山市'];
const TYPES = ['销售门店/经营网点', '维修店铺', '销售维修一体店', '蓄电池经销/更换网点', '经销商/批发商', '充电设施运营企业'];

async function makeXlsx(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: true });
  const ws = wb.addWorksheet('主体');
  ws.addRow(['统一社会信用代码', '名称', '主体类型', '区县', '地址', '法定代表人/经营者', '联系电话', '主体状态']).commit();
  for (let i = 0; i < rows; i++) {
    const body = `92511102${String(100000000 + i).slice(-9)}`;
    const workshop = i % 50 === 0;
    ws.addRow([
      workshop ? '' : body + usccOuterCheckDigit(body),
      `乐山测试商户${i}号`,
      workshop ? '黑作坊/窝点' : `${TYPES[i % TYPES.length]}${i % 3 === 0 ? '、维修店铺' : ''}`,
      DISTRICTS[i % DISTRICTS.length],
      `测试路 ${i} 号`,
      `经营者${i % 997}`,
      `138${String(i).padStart(8, '0')}`,
      '在营',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } } });
  const rows = Number(values.rows);
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789', LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '1000000' });
  const log = createLogger('warn');
  const ds = makeDataSource({ url: config.databaseUrl!, log });
  await connectWithRetry(ds, config.databaseUrl!, 10000, log);
  await migrate(ds, log);
  await loadReferenceData(ds);
  const t0 = Date.now();
  const file = await makeXlsx(rows);
  console.log(`generated ${rows} rows: ${(file.length / 1048576).toFixed(1)} MiB XLSX in ${Date.now() - t0} ms`);
  const { app, stop } = await createApp({ dataSource: ds, config, log });
  let user = await ds.getRepository(User).findOneBy({ username: 'bench-importer' });
  if (!user) {
    user = ds.getRepository(User).create({ username: 'bench-importer', displayName: 'bench', role: Role.COORDINATOR, teamIds: [], districtCodes: [], passwordHash: 'x', active: true, departmentId: null });
    await ds.getRepository(User).insert(user);
  }
  const token = signAccessToken(config.jwtSecret!, user.id, user.tokenVersion ?? 1, 3600).token;
  const gql = (query: string, variables: object) => request(app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query, variables });
  const settle = async (id: string) => {
    for (;;) {
      const r = await gql('query($id: ID!) { import(id: $id) { status createdCount updatedCount unchangedCount rejectedRows error { message } } }', { id });
      const j = r.body.data?.import;
      if (!j) throw new Error(`import(id) gave no job: ${r.status} ${r.text.slice(0, 500)}`);
      if (!['PENDING', 'VALIDATING', 'COMMITTING'].includes(j.status)) return j;
      await new Promise((res) => setTimeout(res, 100));
    }
  };
  const upload = async () => {
    const r = await request(app)
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .set('Apollo-Require-Preflight', 'true')
      .field('operations', JSON.stringify({ query: 'mutation($input: StartImportInput!) { startImport(input: $input) { import { id } userErrors { message } } }', variables: { input: { kind: 'BUSINESSES', file: null } } }))
      .field('map', JSON.stringify({ 0: ['variables.input.file'] }))
      .attach('0', file, 'bench.xlsx');
    if (!r.body?.data?.startImport?.import) throw new Error(`upload failed: ${r.status} ${r.text.slice(0, 500)}`);
    return r.body.data.startImport.import.id as string;
  };
  const results: { validate: number; commit: number; reimport: number; rss: number }[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    await ds.query(`TRUNCATE import_row, import_job; TRUNCATE business CASCADE`);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const before = peak;
    let peakHeap = 0;
    let peakExternal = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakExternal = Math.max(peakExternal, m.external);
    }, 50);
    let s = Date.now();
    const id = await upload();
    const v = await settle(id);
    const validate = Date.now() - s;
    s = Date.now();
    await gql('mutation($input: CommitImportInput!) { commitImport(input: $input) { userErrors { message } } }', { input: { id } });
    const c = await settle(id);
    const commit = Date.now() - s;
    s = Date.now();
    const again = await settle(await upload());
    const reimport = Date.now() - s;
    clearInterval(sampler);
    results.push({ validate, commit, reimport, rss: peak });
    console.log(
      `run ${run + 1}: dry run ${validate} ms (${v.status}, ${v.createdCount} to create, ${v.rejectedRows} rejected); commit ${commit} ms (${c.status}, ${c.createdCount} created); ` +
        `re-import dry run ${reimport} ms (${again.unchangedCount} unchanged); RSS ${(before / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MiB ` +
        `(peak heap used ${(peakHeap / 1048576).toFixed(0)} MiB, external ${(peakExternal / 1048576).toFixed(0)} MiB)`,
    );
  }
  console.log(
    `median of ${results.length}: dry run ${median(results.map((r) => r.validate))} ms, commit ${median(results.map((r) => r.commit))} ms, ` +
      `total ${median(results.map((r) => r.validate + r.commit))} ms, re-import dry run ${median(results.map((r) => r.reimport))} ms, peak RSS ${(median(results.map((r) => r.rss)) / 1048576).toFixed(0)} MiB`,
  );
  await stop();
  await ds.destroy();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
