import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/auth';
import { User } from '../src/modules/access/access.entities';
import { hashPassword } from '../src/modules/access/access.passwords';
import { startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * docs/walkthrough.md stays true: every ```graphql block in it runs, in order, with the ```json
 * variables that follow it, as the person its `<!-- walkthrough: … -->` line names. The line says
 * `token=<slot>` (who sends it), `save <slot>=<path>` (values later steps use as "<slot>") and
 * `expect <path>=<value>`. Every answer must be free of errors and of userErrors.
 */
const DOC = path.resolve(__dirname, '..', 'docs', 'walkthrough.md');

interface Step {
  title: string;
  directive: string;
  query: string;
  variables: string | null;
}

function parseSteps(markdown: string): Step[] {
  const steps: Step[] = [];
  const re = /<!-- walkthrough:(.*?)-->\s*```graphql\n([\s\S]*?)```\s*(?:```json\n([\s\S]*?)```)?/g;
  for (const m of markdown.matchAll(re)) {
    const title = markdown.slice(0, m.index).match(/^## .*$/gm)?.at(-1) ?? '';
    steps.push({ title, directive: m[1].trim(), query: m[2], variables: m[3] ?? null });
  }
  return steps;
}

const at = (obj: unknown, p: string) => p.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);

function fill(value: unknown, slots: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const m = value.match(/^<(\w+)>$/);
    if (!m) return value;
    if (!(m[1] in slots)) throw new Error(`"${value}" is used before a step saved it`);
    return slots[m[1]];
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, slots));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, slots)]));
  return value;
}

function userErrorsIn(data: unknown): unknown[] {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) => (k === 'userErrors' && Array.isArray(v) ? v : userErrorsIn(v)));
}

let t: TestApp;
const ADMIN_PASSWORD = 'walkthrough-admin-password';

beforeAll(async () => {
  // A database of its own: the walk-through creates fixed user names (zhang.wei, li.na, admin).
  const ds = await workerDataSource({ suffix: '_walkthrough' });
  await ds.getRepository(User).insert(
    ds.getRepository(User).create({ username: 'admin', displayName: '系统管理员', role: Role.ADMIN, departmentId: null, teamIds: [], districtCodes: [], passwordHash: await hashPassword(ADMIN_PASSWORD), active: true }),
  );
  t = await startTestApp({ ds });
  // The day the walk-through describes, for the whole process (tokens are signed and checked with
  // Date too): only Date is faked, and it moves on with real time; timers stay real. After the
  // schema is built: type-graphql recognises Date fields by the original Date class.
  jest.useFakeTimers({
    now: new Date('2026-12-01T02:00:00Z'),
    advanceTimers: true,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
  await t.ds.destroy();
});

describe('docs/walkthrough.md', () => {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const steps = parseSteps(markdown);

  it('every GraphQL document in it is a step the test runs', () => {
    expect(steps.length).toBe((markdown.match(/```graphql/g) ?? []).length);
    expect(steps.length).toBeGreaterThanOrEqual(10);
  });

  it('runs from sign-in to a closed hazard exactly as written', async () => {
    const slots: Record<string, string> = { adminPassword: ADMIN_PASSWORD };
    for (const [i, step] of steps.entries()) {
      const where = `step ${i + 1} (${step.title}): ${step.directive}`;
      const words = step.directive.split(/\s+/);
      let mode: 'save' | 'expect' | null = null;
      let token: string | null = null;
      const saves: [string, string][] = [];
      const expects: [string, string][] = [];
      for (const w of words) {
        if (w === 'save' || w === 'expect') mode = w;
        else if (w.startsWith('token=') && mode === null) token = slots[w.slice(6)] ?? null;
        else if (mode === 'save') saves.push(w.split('=') as [string, string]);
        else if (mode === 'expect') expects.push(w.split('=') as [string, string]);
      }
      if (step.directive.includes('token=')) expect({ where, token: !!token }).toEqual({ where, token: true });
      const variables = step.variables ? (fill(JSON.parse(step.variables), slots) as Record<string, unknown>) : undefined;
      const res = await t.gql(step.query, variables, token);
      expect({ where, status: res.status, errors: res.body.errors }).toEqual({ where, status: 200, errors: undefined });
      expect({ where, userErrors: userErrorsIn(res.body.data) }).toEqual({ where, userErrors: [] });
      for (const [p, v] of expects) expect({ where, [p]: at(res.body, p) }).toEqual({ where, [p]: v });
      for (const [slot, p] of saves) {
        const v = at(res.body, p);
        expect({ where, [p]: typeof v }).toEqual({ where, [p]: 'string' });
        slots[slot] = v;
      }
    }
    // The last answer is the record of the closed item: its history in order.
    const last = await t.gql(
      `query($id: ID!) { remediationItem(id: $id) { status events { action fromStatus toStatus actorName } } }`,
      { id: slots.itemId },
      slots.coordinatorToken,
    );
    const changes = last.body.data!.remediationItem.events.filter((e: { fromStatus: string; toStatus: string }) => e.fromStatus !== e.toStatus);
    expect(changes.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`)).toEqual([
      'CREATED→REGISTERED',
      'SERVE_NOTICE→NOTIFIED',
      'START_RECTIFICATION→RECTIFYING',
      'REPORT_COMPLETION→PENDING_REVIEW',
      'PASS_REVIEW→VERIFIED',
      'CLOSE→CLOSED',
    ]);
  });
});
