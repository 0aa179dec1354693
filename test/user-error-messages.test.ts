import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { Role } from '../src/common/auth';
import { usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';
import { helpers, tag } from './remediation-fixtures';
import { makeUser, startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './support/app';

/**
 * userErrors are read by Chinese officials: `message` is Chinese, `messageEn` English (README, "API
 * conventions"). (a) proves it through HTTP for a user error of every kind; (b) scans src/ so a new
 * English-only call site fails here rather than reaching a form.
 */

const HAN = /[\u3400-\u9fff]/;
const ERR = 'userErrors { field code message messageEn }';
type Err = { field: string[]; code: string; message: string; messageEn: string };

let t: TestApp;
let coord: TestUser;
let officer: TestUser;
const h = helpers(() => t);

beforeAll(async () => {
  t = await startTestApp();
  coord = await makeUser(t.ds, Role.COORDINATOR);
  officer = await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' });
});
afterAll(() => t.close());

async function errors(doc: string, variables: Record<string, unknown>, token?: string): Promise<Err[]> {
  const r = await t.gql(doc, variables, token);
  expect(r.body.errors).toBeUndefined();
  const payload = Object.values(r.body.data!)[0] as { userErrors: Err[] };
  expect(payload.userErrors.length).toBeGreaterThan(0);
  return payload.userErrors;
}

/** Every error is Chinese in `message` and English (no Han character) in `messageEn`. */
function expectBilingual(errs: Err[]): void {
  for (const e of errs) {
    expect({ e, chinese: HAN.test(e.message) }).toEqual({ e, chinese: true });
    expect({ e, english: e.messageEn.length > 0 && !HAN.test(e.messageEn) }).toEqual({ e, english: true });
  }
}

const UPDATE_TEAM = `mutation($input: UpdateTaskTeamInput!) { updateTaskTeam(input: $input) { taskTeam { id } ${ERR} } }`;
const CREATE_BUSINESS = `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { business { id } ${ERR} } }`;
const CREATE_ITEM = `mutation($input: CreateRemediationItemInput!) { createRemediationItem(input: $input) { remediationItem { id } ${ERR} } }`;
const TRANSITION = `mutation($input: TransitionInput!) { transitionRemediationItem(input: $input) { remediationItem { id } ${ERR} } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken ${ERR} } }`;

describe('(a) userErrors through HTTP: Chinese message, English messageEn', () => {
  async function team(code: string) {
    const r = await t.gql(`query($c: String!) { taskTeam(code: $c) { id version } }`, { c: code }, coord.token);
    return r.body.data!.taskTeam as { id: string; version: number };
  }

  it('VALIDATION from class-validator rules, by constraint, with the field name and the limit', async () => {
    const sales = await team('SALES');
    const blank = await errors(UPDATE_TEAM, { input: { id: sales.id, expectedVersion: sales.version, nameZh: '   ' } }, coord.token);
    expect(blank).toEqual([{ field: ['input', 'nameZh'], code: 'VALIDATION', message: 'nameZh 不能为空', messageEn: 'nameZh must not be blank' }]);

    const long = await errors(CREATE_BUSINESS, { input: { name: 'x'.repeat(500), types: ['RETAIL_STORE'], districtCode: '5111' } }, coord.token);
    expectBilingual(long);
    expect(long).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: ['input', 'name'], code: 'VALIDATION', message: expect.stringMatching(/^name 最多 \d+ 个字符$/) }),
        expect.objectContaining({ field: ['input', 'districtCode'], code: 'VALIDATION', message: 'districtCode 须为 6 位行政区划代码（GB/T 2260）', messageEn: 'districtCode must be a 6-digit GB/T 2260 code' }),
      ]),
    );
  });

  it('NOT_FOUND and CONFLICT from the versioned update', async () => {
    const missing = await errors(UPDATE_TEAM, { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, nameZh: '某组' } }, coord.token);
    expect(missing).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: '不存在该专项工作组', messageEn: 'No task team with this id' }]);

    const sales = await team('SALES');
    const stale = await errors(UPDATE_TEAM, { input: { id: sales.id, expectedVersion: sales.version + 3, nameZh: '某组' } }, coord.token);
    expect(stale).toEqual([
      {
        field: ['input', 'expectedVersion'],
        code: 'CONFLICT',
        message: `专项工作组已被他人修改（当前版本 ${sales.version}），请刷新后重试`,
        messageEn: `The task team was changed by someone else (now version ${sales.version}); reload and retry`,
      },
    ]);
  });

  it('CHECK_DIGIT and DUPLICATE on the USCC, INVALID_REFERENCE on a code', async () => {
    const bad = await errors(CREATE_BUSINESS, { input: { name: `Shop ${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102', uscc: '91350211M00013FA1N' } }, coord.token);
    expectBilingual(bad);
    expect(bad).toEqual([expect.objectContaining({ field: ['input', 'uscc'], code: 'CHECK_DIGIT', message: expect.stringContaining('校验码错误：第 18 位为 N，应为') })]);

    const body = `91511102MA${tag().toUpperCase().replace(/[IOSVZ]/g, '1').slice(0, 7)}`;
    const uscc = body + usccOuterCheckDigit(body);
    const first = await t.gql(CREATE_BUSINESS, { input: { name: `Shop ${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102', uscc } }, coord.token);
    expect(first.body.data!.createBusiness.userErrors).toEqual([]);
    const dup = await errors(CREATE_BUSINESS, { input: { name: `Shop ${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102', uscc } }, coord.token);
    expectBilingual(dup);
    expect(dup).toEqual([expect.objectContaining({ field: ['input', 'uscc'], code: 'DUPLICATE', message: expect.stringContaining(`统一社会信用代码 ${uscc} 已属于经营主体 ${first.body.data!.createBusiness.business.id}`) })]);

    const shop = await h.business(coord.token);
    const ref = await errors(CREATE_ITEM, { input: { businessId: shop.id, hazardTypeCode: 'SALES_THREE_NO', description: '三无产品', teamCode: 'GHOST', discoveryMethod: 'ROUTINE' } }, coord.token);
    expect(ref).toEqual([{ field: ['input', 'teamCode'], code: 'INVALID_REFERENCE', message: '不存在代码为 GHOST 的专项工作组', messageEn: 'No task team with code GHOST' }]);
  });

  it('INVALID_TRANSITION and GUARD_FAILED from the workflow', async () => {
    const shop = await h.business(officer.token);
    let i = await h.item(officer.token, { businessId: shop.id });
    const wrong = await errors(TRANSITION, { input: { id: i.id, expectedVersion: i.version, action: 'CLOSE' } }, officer.token);
    expectBilingual(wrong);
    expect(wrong).toEqual([expect.objectContaining({ field: ['input', 'action'], code: 'INVALID_TRANSITION', message: expect.stringMatching(/^当前状态 REGISTERED 不允许执行 CLOSE；可执行：/) })]);

    i = await h.move(officer.token, i, 'RECTIFY_ON_SITE', { comment: '当场下架' });
    const guard = await errors(TRANSITION, { input: { id: i.id, expectedVersion: i.version, action: 'CLOSE' } }, officer.token);
    expect(guard).toEqual([
      {
        field: ['input', 'action'],
        code: 'GUARD_FAILED',
        message: '销号须至少有一张整改后照片或一段整改后视频（文书不计）',
        messageEn: 'Closing needs at least one "after" photo or video (a document does not count)',
      },
    ]);
  });

  it('INVALID_CREDENTIALS on sign-in', async () => {
    const u = await makeUser(t.ds, Role.REPORTER);
    const errs = await errors(LOGIN, { i: { username: u.username, password: `${TEST_PASSWORD} no` } });
    expect(errs).toEqual([{ field: ['input', 'password'], code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', messageEn: 'Wrong username or password' }]);
  });
});

/**
 * Calls that make a user error: fail(code, field, message, messageEn), userError(…),
 * errors.add(UserErrorCode.X, field, message, messageEn), and the workflow's veto(field, message,
 * messageEn). A literal message must hold a Han character and a literal messageEn none; a message
 * that is not a literal (a pair passed through) must come with its messageEn.
 */
function englishOnlyCallSites(root: string): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  const found: string[] = [];
  for (const file of files(root)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const isLiteral = (n: ts.Node) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
    /** The literal text of a string or template, placeholders left out (their values are data, not wording). */
    const literalText = (n: ts.Node): string =>
      ts.isTemplateExpression(n) ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('') : (n as ts.StringLiteral).text;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const at = name === 'veto' ? 1 : 2;
        const relevant =
          name === 'fail' || name === 'userError' || name === 'veto' || (name === 'add' && n.arguments[0] !== undefined && /\bUserErrorCode\./.test(n.arguments[0].getText(sf)));
        const spread = n.arguments.some((a) => ts.isSpreadElement(a));
        if (relevant && !spread && n.arguments.length > at - 1) {
          const [message, messageEn] = [n.arguments[at], n.arguments[at + 1]];
          const where = `${relative(process.cwd(), file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
          if (!message) found.push(`${where} has no message`);
          else if (!messageEn) found.push(`${where} has no messageEn: ${message.getText(sf)}`);
          else {
            if (isLiteral(message) && !HAN.test(literalText(message))) found.push(`${where} message is not Chinese: ${message.getText(sf)}`);
            if (isLiteral(messageEn) && HAN.test(literalText(messageEn))) found.push(`${where} messageEn is not English: ${messageEn.getText(sf)}`);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('(b) every user-error call site in src/ is bilingual', () => {
  it('finds no English-only (or Chinese-in-English) call site', () => {
    expect(englishOnlyCallSites(join(__dirname, '..', 'src'))).toEqual([]);
  });

  it('the scan itself catches an English-only site (checked against a sample file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-errors-'));
    writeFileSync(
      join(dir, 'sample.ts'),
      [
        "errors.add(UserErrorCode.VALIDATION, 'input.a', '格式错误', 'Bad format');",
        "fail(UserErrorCode.NOT_FOUND, 'input.id', `不存在该${label}`, `No ${label} with this id`);",
        "fail(UserErrorCode.NOT_FOUND, 'input.id', 'No business with this id');",
        "errors.add(UserErrorCode.VALIDATION, 'input.b', `No district ${code}`, `No district ${code}`);",
        "veto('input.action', '须先报送方案', 'Needs a plan (须先报送方案)');",
        "veto('input.action', 'Needs a plan');",
        "list.add(item, 1, 2);",
      ].join('\n'),
    );
    const found = englishOnlyCallSites(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(found).toEqual([
      expect.stringContaining('sample.ts:3 has no messageEn'),
      expect.stringContaining('sample.ts:4 message is not Chinese'),
      expect.stringContaining('sample.ts:5 messageEn is not English'),
      expect.stringContaining('sample.ts:6 has no messageEn'),
    ]);
  });
});
