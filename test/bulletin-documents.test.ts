import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { launch, type Browser } from 'puppeteer-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '../src/common/auth';
import { bulletinDocx } from '../src/modules/reports/bulletin/docx';
import { TEST_PASSWORD, makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';
import { binary } from './support/http';

/**
 * The bulletin as a page, a Word file and a workbook, against a hand-built fixture whose figures
 * are written out below (README "Report definitions"). Period: March 2026 (Asia/Shanghai); the
 * previous period 2026-01-29 to 2026-02-28; today (the app's clock) 2026-04-10.
 *
 *   item  district      discovered  deadline  rectified  closed  status      notes
 *   M1    511102 市中区  03-02       03-10     03-06      03-08   CLOSED      on time
 *   M2    511102 市中区  03-05       03-10     03-19      03-20   CLOSED      late; case filed 03-12, 5000 + 800.50 yuan, 3 vehicles, closed 03-25
 *   M3    511102 市中区  03-10       03-15     –          –       RECTIFYING  overdue: 26 days on 04-10
 *   S1    511111 沙湾区  03-20       04-30     –          –       NOTIFIED    MAJOR, listed; business named <script>alert(1)</script>
 *   E1    511181 峨眉山市 03-03      –         03-03      03-03   CLOSED      fixed on the spot
 *   P1    511102 市中区  02-10       02-20     –          –       NOTIFIED    previous period; overdue: 49 days on 04-10; case filed 02-15, 1000 yuan
 *   inspections: 03-04 (3 inspectors), 03-18 (2 inspectors), 02-12 (2 inspectors)
 *
 * This period: found 5, rectified 3, closed 3, rate 60.0 %, on time 2 of 3 = 66.7 %, new overdue 1
 * (M3), backlog 2 (M3, P1), listed 1, closed in period 3. Previous: found 1, closed 0, rate 0 %,
 * new overdue 1, backlog 1. Rate change +60.00 points. Ranking: 峨眉山市 (100 %), 市中区 (66.7 %),
 * 沙湾区 (0 %), then the eight districts that found nothing, by code.
 */
const CLOCK = new Date('2026-04-10T04:00:00Z'); // 12:00 in Shanghai
const FROM = '2026-03-01';
const TO = '2026-03-31';
const TITLE = '乐山市电动自行车安全隐患全链条整治工作通报';
const DISTRICTS = ['市中区', '沙湾区', '五通桥区', '金口河区', '犍为县', '井研县', '夹江县', '沐川县', '峨边彝族自治县', '马边彝族自治县', '峨眉山市'];
const XSS = '<script>alert(1)</script>';
const SHOTS = path.resolve(__dirname, '..', 'test-output', 'bulletin');
/** Pages the fixture's bulletin prints to (README "Bulletin page"). */
const MAX_PDF_PAGES = 5;

/** Hand-written headline figures: label, this period, previous period, change. */
const HEADLINE: [string, number | null, number | null, number | null][] = [
  ['发现隐患(处)', 5, 1, 4],
  ['已整改(处)', 3, 0, 3],
  ['已销号(处)', 3, 0, 3],
  ['整改率', 0.6, 0, 60],
  ['按期整改率', 0.6667, null, null],
  ['本期新增逾期(处)', 1, 1, 0],
  ['逾期存量(处, 截至2026-03-31)', 2, 1, 1],
  ['挂牌督办(处)', 1, 0, 1],
  ['本期销号(处)', 3, 0, 3],
  ['检查次数', 2, 1, 1],
  ['出动人次', 5, 2, 3],
  ['立案(起)', 1, 1, 0],
  ['结案(起)', 1, 0, 1],
  ['罚没金额(元)', 5800.5, 1000, 4800.5],
  ['查扣车辆(辆)', 3, 0, 3],
];


/** The entries of a ZIP file (DOCX, XLSX), read with zlib only. */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

let t: TestApp;
let ds: DataSource;
let reporter: string;
let coordUser: { username: string };

beforeAll(async () => {
  // A database of its own: the bulletin counts every item.
  ds = await workerDataSource({ suffix: '_bulletin_docs' });
  t = await startTestApp({ ds, now: () => CLOCK });
  reporter = (await makeUser(ds, Role.REPORTER)).token;
  coordUser = await makeUser(ds, Role.COORDINATOR);
  const [{ id: team }] = await ds.query(`SELECT id FROM task_team WHERE code = 'SALES'`);
  const [{ id: dept }] = await ds.query(`SELECT id FROM department ORDER BY code LIMIT 1`);
  const ids: Record<string, string> = {};
  const item = async (name: string, district: string, business: string, o: { on: string; deadline?: string; rectified?: string; closed?: string; status: string; level?: string; listed?: boolean }) => {
    const [{ id: biz }] = await ds.query(`INSERT INTO business (name, types, stages, district_code) VALUES ($1, '{RETAIL_STORE}', '{SALES}', $2) RETURNING id`, [business, district]);
    const [{ id }] = await ds.query(
      `INSERT INTO remediation_item (code, hazard_type_code, level, stage, team_id, district_code, business_id, description, discovered_at, discovered_on, discovery_method,
         status, deadline, rectified_on, rectified_at, closed_on, closed_at, listed, notice_type)
       VALUES ($1::text, 'SALES_SHOP_FIRE', $2::hazard_level, 'SALES', $3::uuid, $4::text, $5::uuid, 'fixture ' || $1::text, ($6::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', $6::date, 'ROUTINE',
         $7, $8::date, $9::date, ($9::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', $10::date, ($10::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', $11, CASE WHEN $8::date IS NULL THEN NULL ELSE 'LIMITED_TIME'::notice_type END)
       RETURNING id`,
      [`LS-${district}-${o.on.replace(/-/g, '')}-${name}`, o.level ?? 'GENERAL', team, district, biz, o.on, o.status, o.deadline ?? null, o.rectified ?? null, o.closed ?? null, o.listed ?? false],
    );
    ids[name] = id;
  };
  await item('0001', '511102', '市中区甲车行', { on: '2026-03-02', deadline: '2026-03-10', rectified: '2026-03-06', closed: '2026-03-08', status: 'CLOSED' });
  await item('0002', '511102', '市中区乙车行', { on: '2026-03-05', deadline: '2026-03-10', rectified: '2026-03-19', closed: '2026-03-20', status: 'CLOSED' });
  await item('0003', '511102', '市中区丙车行', { on: '2026-03-10', deadline: '2026-03-15', status: 'RECTIFYING' });
  await item('0004', '511111', XSS, { on: '2026-03-20', deadline: '2026-04-30', status: 'NOTIFIED', level: 'MAJOR', listed: true });
  await item('0005', '511181', '峨眉山市丁车行', { on: '2026-03-03', rectified: '2026-03-03', closed: '2026-03-03', status: 'CLOSED' });
  await item('0006', '511102', '市中区戊车行', { on: '2026-02-10', deadline: '2026-02-20', status: 'NOTIFIED' });
  await ds.query(
    `INSERT INTO enforcement_case (item_id, case_number, filed_on, department_id, fine_amount, confiscated_amount, seized_vehicles, closed_on)
     VALUES ($1, '乐市监罚〔2026〕1号', '2026-03-12', $3, 5000, 800.50, 3, '2026-03-25'), ($2, '乐市监罚〔2026〕0号', '2026-02-15', $3, 1000, 0, 0, NULL)`,
    [ids['0002'], ids['0006'], dept],
  );
  const [{ id: biz }] = await ds.query(`SELECT business_id AS id FROM remediation_item WHERE id = $1`, [ids['0001']]);
  const [{ id: biz2 }] = await ds.query(`SELECT business_id AS id FROM remediation_item WHERE id = $1`, [ids['0002']]);
  await ds.query(
    `INSERT INTO inspection (code, method, team_id, inspectors, target_business_id, district_code, stage, started_at) VALUES
       ('JC-1', 'ROUTINE', $1, '{甲,乙,丙}', $2, '511102', 'SALES', '2026-03-04 09:00+08'),
       ('JC-2', 'NIGHT_CHECK', $1, '{甲,乙}', $3, '511102', 'SALES', '2026-03-18 21:00+08'),
       ('JC-0', 'ROUTINE', $1, '{甲,乙}', $2, '511102', 'SALES', '2026-02-12 09:00+08')`,
    [team, biz, biz2],
  );
}, 120_000);

afterAll(() => t.close());

const BULLETIN_QUERY = `{ bulletin(from: "${FROM}", to: "${TO}") {
  totals { found rectified closed rectificationRate onTimeRate newOverdue overdueBacklog listed closedInPeriod }
  previousTotals { found rectified closed rectificationRate newOverdue overdueBacklog }
  rateChange foundChange
  inspections { inspections officerVisits } previousInspections { inspections officerVisits }
  enforcement { casesFiled casesClosed finesAndConfiscations seizedVehicles } previousEnforcement { casesFiled casesClosed finesAndConfiscations seizedVehicles }
  districtRanking { rank districtName current { found closed rectificationRate } }
  trendUnit trend { periodStart found rectified closed }
  overdueItems { code overdueDays businessName districtName }
  majorItems { code businessName }
} }`;

describe('the bulletin computation (the one all three documents render)', () => {
  it('has the fixture figures', async () => {
    const r = await t.gql(BULLETIN_QUERY, {}, reporter);
    expect(r.body.errors).toBeUndefined();
    const b = r.body.data!.bulletin;
    expect(b.totals).toEqual({ found: 5, rectified: 3, closed: 3, rectificationRate: 0.6, onTimeRate: 0.6667, newOverdue: 1, overdueBacklog: 2, listed: 1, closedInPeriod: 3 });
    expect(b.previousTotals).toEqual({ found: 1, rectified: 0, closed: 0, rectificationRate: 0, newOverdue: 1, overdueBacklog: 1 });
    expect(b.rateChange).toBe(60);
    expect(b.inspections).toEqual({ inspections: 2, officerVisits: 5 });
    expect(b.previousInspections).toEqual({ inspections: 1, officerVisits: 2 });
    expect(b.enforcement).toEqual({ casesFiled: 1, casesClosed: 1, finesAndConfiscations: '5800.50', seizedVehicles: 3 });
    expect(b.previousEnforcement).toEqual({ casesFiled: 1, casesClosed: 0, finesAndConfiscations: '1000.00', seizedVehicles: 0 });
    expect(b.districtRanking.slice(0, 3)).toEqual([
      { rank: 1, districtName: '峨眉山市', current: { found: 1, closed: 1, rectificationRate: 1 } },
      { rank: 2, districtName: '市中区', current: { found: 3, closed: 2, rectificationRate: 0.6667 } },
      { rank: 3, districtName: '沙湾区', current: { found: 1, closed: 0, rectificationRate: 0 } },
    ]);
    expect(b.trendUnit).toBe('WEEK');
    // ISO weeks by discovery date: 02-23 (03-01 is a Sunday), 03-02, 03-09, 03-16, 03-23.
    // Every week with an overdue backlog has a row (P1 is overdue from 02-21 on), so all six are there.
    expect(b.trend).toEqual([
      { periodStart: '2026-02-23', found: 0, rectified: 0, closed: 0 },
      { periodStart: '2026-03-02', found: 3, rectified: 3, closed: 3 },
      { periodStart: '2026-03-09', found: 1, rectified: 0, closed: 0 },
      { periodStart: '2026-03-16', found: 1, rectified: 0, closed: 0 },
      { periodStart: '2026-03-23', found: 0, rectified: 0, closed: 0 },
      { periodStart: '2026-03-30', found: 0, rectified: 0, closed: 0 },
    ]);
    expect(b.overdueItems).toEqual([
      { code: 'LS-511102-20260210-0006', overdueDays: 49, businessName: '市中区戊车行', districtName: '市中区' },
      { code: 'LS-511102-20260310-0003', overdueDays: 26, businessName: '市中区丙车行', districtName: '市中区' },
    ]);
    expect(b.majorItems).toEqual([{ code: 'LS-511111-20260320-0004', businessName: XSS }]);
  });
});

describe('GET /reports/bulletin', () => {
  const page = (url: string, token = reporter) => request(t.app).get(url).set('Authorization', `Bearer ${token}`);

  it('is one HTML page with the title, period, every district, the headline figures, both charts as SVG and no script', async () => {
    const res = await page(`/reports/bulletin?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain('统计期间：2026-03-01至2026-03-31（上期：2026-01-29至2026-02-28）');
    expect(html).toContain('编制日期：2026-04-10');
    for (const d of DISTRICTS) expect(html).toContain(d);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('@page { size: A4 landscape');
    // Nothing from elsewhere, nothing to run.
    expect(html).not.toMatch(/<script|src="http|href="http|@import/i);
    expect(html).toContain('全市共发现电动自行车安全隐患5处，较上期（2026-01-29至2026-02-28）增加4处；其中已整改3处、已销号3处，整改率60.0%，较上期提高60.00个百分点；按期整改率66.7%。');
  });

  it('escapes every value: a business named <script> is text', async () => {
    const html = (await page(`/reports/bulletin?from=${FROM}&to=${TO}`)).text;
    expect(html).not.toContain(XSS);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('defaults to the last full month', async () => {
    const html = (await page('/reports/bulletin')).text;
    expect(html).toContain('统计期间：2026-03-01至2026-03-31');
  });

  it.each([
    ['from=2026-03-31&to=2026-03-01', 'from'],
    ['from=2026-02-30&to=2026-03-31', 'from'],
    ['from=2026-03-01', 'to'],
  ])('%s → 400 naming %s', async (q, argument) => {
    const res = await page(`/reports/bulletin?${q}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
  });

  it('without credentials: a browser is sent to sign in, an API client gets 401; bad credentials get 401', async () => {
    const browser = await request(t.app).get(`/reports/bulletin?from=${FROM}&to=${TO}`).set('Accept', 'text/html');
    expect(browser.status).toBe(303);
    expect(browser.headers.location).toBe(`/reports/sign-in?next=${encodeURIComponent(`/reports/bulletin?from=${FROM}&to=${TO}`)}`);
    expect((await request(t.app).get('/reports/bulletin').set('Accept', 'application/json')).status).toBe(401);
    expect((await request(t.app).get('/reports/bulletin').set('Authorization', 'Bearer nope')).status).toBe(401);
  });
});

describe('browser sign-in (report cookie)', () => {
  // Tokens are checked against the real clock: an app without the fixed one.
  let live: TestApp;
  beforeAll(async () => {
    live = await startTestApp({ ds });
  });
  afterAll(() => live.close());

  const signIn = (body: Record<string, string>, origin?: string) => {
    const r = request(live.app).post('/reports/sign-in').type('form');
    return (origin ? r.set('Origin', origin) : r).send(body);
  };

  it('sets an HttpOnly, SameSite=Strict cookie for /reports and /exports, which reads the page and the exports but not the API', async () => {
    const res = await signIn({ username: coordUser.username, password: TEST_PASSWORD, next: `/reports/bulletin?from=${FROM}&to=${TO}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/reports/bulletin?from=${FROM}&to=${TO}`);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    expect(cookies).toHaveLength(2);
    // Max-Age: what is left of the access token's 900 s (the sign-in itself takes a moment).
    expect(cookies.map((c) => c.replace(/=[^;]+;/, '=…;').replace(/Max-Age=\d+/, 'Max-Age=n'))).toEqual([
      'ebike_report=…; Path=/reports; Max-Age=n; HttpOnly; SameSite=Strict',
      'ebike_report=…; Path=/exports; Max-Age=n; HttpOnly; SameSite=Strict',
    ]);
    for (const c of cookies) expect(Number(/Max-Age=(\d+)/.exec(c)![1])).toBeGreaterThan(600);
    for (const c of cookies) expect(Number(/Max-Age=(\d+)/.exec(c)![1])).toBeLessThanOrEqual(900);
    const cookie = cookies[0].split(';')[0];
    const pageRes = await request(live.app).get(`/reports/bulletin?from=${FROM}&to=${TO}`).set('Cookie', cookie);
    expect(pageRes.status).toBe(200);
    expect(pageRes.text).toContain('退出登录');
    expect((await request(live.app).get(`/exports/bulletin.xlsx?from=${FROM}&to=${TO}`).set('Cookie', cookie)).status).toBe(200);
    // The cookie is not a credential for the API, nor for anything but GET.
    const api = await request(live.app).post('/graphql').set('Cookie', cookie).send({ query: `{ bulletin(from: "${FROM}", to: "${TO}") { totals { found } } }` });
    expect(api.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password (401, the form again), a cross-site post (403) and a foreign next address', async () => {
    const wrong = await signIn({ username: coordUser.username, password: 'wrong password', next: '/reports/bulletin' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.text).toContain('<form method="post" action="/reports/sign-in">');
    const cross = await signIn({ username: coordUser.username, password: TEST_PASSWORD }, 'http://evil.example');
    expect(cross.status).toBe(403);
    expect(cross.headers['set-cookie']).toBeUndefined();
    const away = await signIn({ username: coordUser.username, password: TEST_PASSWORD, next: '//evil.example/x' });
    expect(away.status).toBe(303);
    expect(away.headers.location).toBe('/reports/bulletin');
  });

  it('signing out clears the cookie', async () => {
    const res = await request(live.app).post('/reports/sign-out');
    expect(res.status).toBe(303);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^ebike_report=; Path=\/reports; Max-Age=0; HttpOnly; SameSite=Strict$/);
  });

  it('the sign-in form escapes what it echoes', async () => {
    const res = await signIn({ username: XSS, password: 'x', next: '/reports/bulletin' });
    expect(res.text).not.toContain(XSS);
  });
});

describe('/exports/bulletin.docx', () => {
  let files: Map<string, Buffer>;
  let xml: string;
  beforeAll(async () => {
    const res = await request(t.app).get(`/exports/bulletin.docx?from=${FROM}&to=${TO}`).set('Authorization', `Bearer ${reporter}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    files = unzip(res.body as Buffer);
    xml = files.get('word/document.xml')!.toString('utf8');
    // Kept as test output, to open in Word or WPS (test-output/ is not committed).
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'bulletin.docx'), res.body as Buffer);
    for (const [name, data] of files) if (name.startsWith('word/media/')) fs.writeFileSync(path.join(SHOTS, `chart-${path.basename(name)}`), data);
  });
  const text = () => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

  it('has the title, the 文号 placeholder, the period and the headline sentence', () => {
    expect(text()).toContain(TITLE);
    expect(text()).toContain('乐电整治办〔　　〕　　号');
    expect(text()).toContain('（2026-03-01至2026-03-31）');
    expect(text()).toContain('全市共发现电动自行车安全隐患5处');
  });

  it('is A4 (portrait body, landscape tables) with fonts by name: 仿宋_GB2312, 宋体, 黑体', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    for (const f of ['仿宋_GB2312', '宋体', '黑体']) expect(xml).toContain(`w:eastAsia="${f}"`);
  });

  it('has the tables with the fixture figures, every district and the escaped business name', () => {
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]));
    expect(rows).toContainEqual(['发现隐患(处)', '5', '1', '4']);
    expect(rows).toContainEqual(['整改率', '60.0%', '0.0%', '+60.00']);
    expect(rows).toContainEqual(['罚没金额(元)', '5,800.50', '1,000.00', '4,800.50']);
    expect(rows).toContainEqual(['1', '峨眉山市', '1', '1', '100.0%', '0', '0', '—', '—', '0', '0']);
    for (const d of DISTRICTS) expect(text()).toContain(d);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rows).toContainEqual(['LS-511102-20260210-0006', '市中区', '市中区戊车行', '门店消防隐患(三合一、住人、储存大量电池、代客充电、私拉电线)', '一般事故隐患', '销售流通组', '已下达整改通知', '2026-02-10', '2026-02-20', '49', '否']);
  });

  it('has the two charts as PNG images', () => {
    const media = [...files.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const m of media) expect(files.get(m)!.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(xml.match(/<pic:pic /g)).toHaveLength(2);
  });
});

describe('the Word file of a long item list', () => {
  it('lists the first 50 items and says how many more the workbook has', async () => {
    const items = { id: 'overdue', sheet: '逾期隐患', title: '七、逾期隐患清单', columns: [{ header: '隐患编号', kind: 'text' as const }], rows: Array.from({ length: 73 }, (_, k) => [`LS-511102-20260301-${String(k).padStart(4, '0')}`]), note: '逾期存量共73处，全部列出。' };
    const empty = { id: 'x', sheet: 'x', title: '一、x', columns: [{ header: 'x', kind: 'text' as const }], rows: [] };
    const buf = await bulletinDocx({ title: TITLE, compiler: '专班', compiledOn: '2026-04-10', periodText: 'p', previousText: 'q', docNumber: 'n', paragraphs: [], tables: [empty, empty, empty, empty, empty, empty, items], charts: [] });
    const xml = unzip(buf).get('word/document.xml')!.toString('utf8');
    expect(xml.match(/LS-511102-20260301-\d{4}/g)).toHaveLength(50);
    expect(xml).toContain('本表列出前50项，另有23项见Excel工作簿（/exports/bulletin.xlsx）。逾期存量共73处，全部列出。');
  });
});

describe('/exports/bulletin.xlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await request(t.app).get(`/exports/bulletin.xlsx?from=${FROM}&to=${TO}`).set('Authorization', `Bearer ${reporter}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'bulletin.xlsx'), res.body as Buffer);
  });

  it('has a title, a period line and a header row on every sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '区县排名', '工作组进展', '按周趋势', '检查执法', '重大及挂牌督办隐患', '逾期隐患']);
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell('A1').value)).toMatch(new RegExp(`^${TITLE}：`));
      expect(String(ws.getCell('A2').value)).toContain('统计期间 2026-03-01至2026-03-31（上期 2026-01-29至2026-02-28）');
    }
  });

  it('stores numbers as numbers with formats, and dates as dates', () => {
    const s = wb.getWorksheet('汇总')!;
    const row = (label: string) => { let found: ExcelJS.Row | undefined; s.eachRow((r) => { if (r.getCell(1).value === label) found = r; }); return found!; };
    for (const [label, cur, prev, change] of HEADLINE) {
      const r = row(label);
      expect([label, r.getCell(2).value, r.getCell(3).value, r.getCell(4).value]).toEqual([label, cur, prev, change]);
    }
    expect(row('整改率').getCell(2).numFmt).toBe('0.0%');
    expect(row('整改率').getCell(4).numFmt).toBe('+0.00"个百分点";-0.00"个百分点";0.00"个百分点"');
    expect(row('罚没金额(元)').getCell(2).numFmt).toBe('#,##0.00');
    expect(row('发现隐患(处)').getCell(2).numFmt).toBe('#,##0');
    const overdue = wb.getWorksheet('逾期隐患')!;
    expect(overdue.getRow(3).values).toEqual([undefined, '隐患编号', '区县', '责任主体', '隐患类型', '等级', '工作组', '状态', '发现日期', '整改期限', '逾期天数', '挂牌督办']);
    const first = overdue.getRow(4);
    expect(first.getCell(1).value).toBe('LS-511102-20260210-0006');
    expect(first.getCell(2).value).toBe('市中区');
    expect(first.getCell(3).value).toBe('市中区戊车行');
    expect(first.getCell(8).value).toEqual(new Date('2026-02-10T00:00:00Z'));
    expect(first.getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(10).value).toBe(49);
    expect(String(overdue.getCell('A7').value)).toBe('逾期存量共2处，全部列出。');
    const ranking = wb.getWorksheet('区县排名')!;
    expect(ranking.getRow(4).values).toEqual([undefined, 1, '峨眉山市', 1, 1, 1, 0, 0, undefined, undefined, 0, 0]);
    expect(ranking.getRow(4).getCell(5).numFmt).toBe('0.0%');
    expect(ranking.rowCount).toBe(3 + 11 + 2);
  });

  it('headers are bold and bordered, frozen, filtered; no column narrower than its header; A4 landscape, one page wide, header row repeated', () => {
    for (const ws of wb.worksheets) {
      const header = ws.getRow(3);
      header.eachCell((c) => {
        expect(c.font?.bold).toBe(true);
        expect(c.border?.bottom?.style).toBe('thin');
        const w = [...String(c.value)].reduce((n, ch) => n + (/[\u4e00-\u9fff\uff08\uff09]/.test(ch) ? 2 : 1), 0);
        expect({ sheet: ws.name, header: c.value, width: ws.getColumn(c.col).width! >= w }).toEqual({ sheet: ws.name, header: c.value, width: true });
      });
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    }
    // The item code fits: 23 characters.
    expect(wb.getWorksheet('逾期隐患')!.getColumn(1).width).toBeGreaterThanOrEqual(23);
  });
});

describe('consistency: page, Word file and workbook say what the bulletin query says', () => {
  it('every headline figure, the ranking and the overdue list agree across the four', async () => {
    const q = (await t.gql(BULLETIN_QUERY, {}, reporter)).body.data!.bulletin;
    const html = (await request(t.app).get(`/reports/bulletin?from=${FROM}&to=${TO}`).set('Authorization', `Bearer ${reporter}`)).text;
    const docxRes = await request(t.app).get(`/exports/bulletin.docx?from=${FROM}&to=${TO}`).set('Authorization', `Bearer ${reporter}`).buffer(true).parse(binary);
    const docXml = unzip(docxRes.body as Buffer).get('word/document.xml')!.toString('utf8');
    const xlsxRes = await request(t.app).get(`/exports/bulletin.xlsx?from=${FROM}&to=${TO}`).set('Authorization', `Bearer ${reporter}`).buffer(true).parse(binary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.body as never);

    const htmlRows = (id: string) => [...html.split(`<table id="${id}-table">`)[1].split('</table>')[0].matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((x) => x[1]));
    const docRows = [...docXml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]));
    const sheetRows = (name: string) => { const out: unknown[][] = []; wb.getWorksheet(name)!.eachRow((r, n) => { if (n > 3) out.push((r.values as unknown[]).slice(1)); }); return out; };

    // The query's figures, the hand-written ones, and each document's.
    const fromQuery: Record<string, [number | null, number | null]> = {
      '发现隐患(处)': [q.totals.found, q.previousTotals.found],
      '已销号(处)': [q.totals.closed, q.previousTotals.closed],
      '整改率': [q.totals.rectificationRate, q.previousTotals.rectificationRate],
      '逾期存量(处, 截至2026-03-31)': [q.totals.overdueBacklog, q.previousTotals.overdueBacklog],
      '检查次数': [q.inspections.inspections, q.previousInspections.inspections],
      '出动人次': [q.inspections.officerVisits, q.previousInspections.officerVisits],
      '立案(起)': [q.enforcement.casesFiled, q.previousEnforcement.casesFiled],
      '罚没金额(元)': [Number(q.enforcement.finesAndConfiscations), Number(q.previousEnforcement.finesAndConfiscations)],
    };
    const shown = (label: string, v: number | null) =>
      v === null ? '—' : label === '整改率' ? `${(v * 100).toFixed(1)}%` : label === '罚没金额(元)' ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : String(v);
    const summarySheet = sheetRows('汇总');
    for (const [label, [cur, prev]] of Object.entries(fromQuery)) {
      const hand = HEADLINE.find((h) => h[0] === label)!;
      expect({ label, query: [cur, prev] }).toEqual({ label, query: [hand[1], hand[2]] });
      expect({ label, xlsx: summarySheet.find((r) => r[0] === label)!.slice(1, 3) }).toEqual({ label, xlsx: [cur, prev] });
      const text = [label, shown(label, cur), shown(label, prev)];
      expect({ label, html: htmlRows('summary').find((r) => r[0] === label)?.slice(0, 3) }).toEqual({ label, html: text });
      expect({ label, docx: docRows.find((r) => r[0] === label)?.slice(0, 3) }).toEqual({ label, docx: text });
    }
    // The ranking in the same order everywhere.
    const order = q.districtRanking.map((d: { districtName: string }) => d.districtName);
    expect(order.slice(0, 3)).toEqual(['峨眉山市', '市中区', '沙湾区']);
    expect(htmlRows('ranking').slice(1).map((r) => r[1])).toEqual(order);
    expect(sheetRows('区县排名').slice(0, 11).map((r) => r[1])).toEqual(order);
    expect(docRows.filter((r) => r.length === 11 && /^\d+$/.test(r[0]) && DISTRICTS.includes(r[1])).map((r) => r[1])).toEqual(order);
    // The overdue list.
    const codes = q.overdueItems.map((i: { code: string }) => i.code);
    expect(htmlRows('overdue').slice(1).map((r) => r[0])).toEqual(codes);
    expect(sheetRows('逾期隐患').slice(0, 2).map((r) => r[0])).toEqual(codes);
  });
});

describe('the items workbook', () => {
  it('has a title, a styled frozen filtered header, dates as dates, numbers as numbers and A4 landscape setup', async () => {
    const filter = encodeURIComponent(JSON.stringify({ district: { eq: '511102' } }));
    const res = await request(t.app).get(`/exports/remediation-items.xlsx?filter=${filter}&orderBy=CODE&direction=ASC`).set('Authorization', `Bearer ${reporter}`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('隐患清单')!;
    expect(ws.getCell('A1').value).toBe('乐山市电动自行车安全隐患清单');
    expect(String(ws.getCell('A2').value)).toContain('导出日期：2026-04-10');
    expect(ws.getRow(3).getCell(1).value).toBe('隐患编号');
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toEqual('A3:AC7');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    const headers = (ws.getRow(3).values as string[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    const p1 = ws.getRow(4); // LS-511102-20260210-0006 sorts first
    expect(p1.getCell(1).value).toBe('LS-511102-20260210-0006');
    expect(p1.getCell(col('整改期限')).value).toEqual(new Date('2026-02-20T00:00:00Z'));
    expect(p1.getCell(col('整改期限')).numFmt).toBe('yyyy-mm-dd');
    expect(p1.getCell(col('发现时间')).value).toEqual(new Date('2026-02-10T10:00:00Z'));
    expect(p1.getCell(col('逾期天数')).value).toBe(49);
    expect(p1.getCell(col('区县')).value).toBe('市中区');
    headers.forEach((h, k) => {
      const w = [...h].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
      expect({ h, ok: ws.getColumn(k + 1).width! >= w }).toEqual({ h, ok: true });
    });
  });
});

// ---------- Chromium: the page as a person sees and prints it ----------

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const browserPath = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));
if (!browserPath) console.warn('SKIPPED the bulletin page in Chromium: no browser found (apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH).');
// Functions passed to page.evaluate run in the browser (the project compiles without the DOM lib).
declare const document: any;

(browserPath ? describe : describe.skip)('the bulletin page in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    browser = await launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'], defaultViewport: { width: 1280, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('renders the title, all 11 districts and the headline numbers; prints to A4 landscape in at most N pages', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) problems.push(`outside request: ${r.url()}`); });
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${reporter}` });
    const port = (server.address() as AddressInfo).port;
    const res = await page.goto(`http://127.0.0.1:${port}/reports/bulletin?from=${FROM}&to=${TO}`, { waitUntil: 'load' });
    expect(res!.status()).toBe(200);
    await page.screenshot({ path: path.join(SHOTS, 'bulletin-page.png'), fullPage: true });
    const text: string = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(TITLE);
    for (const d of DISTRICTS) expect(text).toContain(d);
    expect(text).toContain('全市共发现电动自行车安全隐患5处');
    expect(text).toMatch(/发现隐患\(处\)\s+5\s+1\s+4/);
    expect(text).toMatch(/整改率\s+60\.0%\s+0\.0%\s+\+60\.00/);
    expect(text).toContain(XSS); // shown as text, never run
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    expect(problems).toEqual([]);

    await page.emulateMediaType('print');
    await page.screenshot({ path: path.join(SHOTS, 'bulletin-print.png'), fullPage: true });
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    fs.writeFileSync(path.join(SHOTS, 'bulletin.pdf'), pdf);
    const latin = pdf.toString('latin1');
    const pages = latin.match(/\/Type\s*\/Page[^s]/g)!.length;
    const boxes = [...latin.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
    for (const [w, h] of boxes) expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(MAX_PDF_PAGES);
    fs.writeFileSync(path.join(SHOTS, 'pages.txt'), `${pages}\n`);
  }, 180_000);
});
