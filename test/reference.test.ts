import { Role } from '../src/common/auth';
import { loadReferenceData } from '../src/modules/reference/reference.loader';
import { makeUser, startTestApp, type TestApp } from './support/app';

let t: TestApp;
let coordinator: string;
let partner: string;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = (await makeUser(t.ds, Role.COORDINATOR)).token;
  partner = (await makeUser(t.ds, Role.PARTNER_VIEWER)).token;
});
afterAll(() => t.close());

describe('reference data', () => {
  it('lists 11 districts, 20 departments and the six task teams with their leads and stages', async () => {
    const r = await t.gql(
      `{ districts { code name pinyin kind }
         departments { code name isTaskForceOffice }
         taskTeams { code nameZh nameEn leadDepartment { code } coLeadDepartments { code } memberDepartments { code } stages } }`,
      {},
      partner,
    );
    expect(r.body.errors).toBeUndefined();
    const { districts, departments, taskTeams } = r.body.data!;
    expect(districts).toHaveLength(11);
    expect(districts[0]).toEqual({ code: '511102', name: '市中区', pinyin: 'Shìzhōng Qū', kind: 'DISTRICT' });
    expect(districts.map((d: { code: string }) => d.code)).not.toContain('511101');
    expect(departments).toHaveLength(20);
    expect(departments.filter((d: { isTaskForceOffice: boolean }) => d.isTaskForceOffice).map((d: { code: string }) => d.code)).toEqual(['FIRE']);
    expect(taskTeams.map((x: { code: string }) => x.code)).toEqual(['PRODUCTION', 'SALES', 'MODIFICATION', 'PARKING_CHARGING', 'RECYCLING', 'USE_TRAFFIC']);
    const parking = taskTeams.find((x: { code: string }) => x.code === 'PARKING_CHARGING');
    expect(parking.leadDepartment.code).toBe('HOUSING');
    expect(parking.coLeadDepartments.map((d: { code: string }) => d.code)).toEqual(['FIRE']);
    expect(parking.stages).toEqual(['PARKING_CHARGING']);
  });

  it('finds one team by code, and null for an unknown code', async () => {
    const r = await t.gql(`{ a: taskTeam(code: "SALES") { nameZh stages } b: taskTeam(code: "NOPE") { nameZh } }`, {}, coordinator);
    expect(r.body.data).toEqual({ a: { nameZh: '销售流通组', stages: ['IMPORT', 'SALES'] }, b: null });
  });

  it('filters hazard types and checklist items by stage', async () => {
    const r = await t.gql(
      `query($s: SupplyChainStage) { hazardTypes(stage: $s) { code primaryStage stages defaultLevel } checklistItems(stage: $s) { code stage hazardType { code } } }`,
      { s: 'MODIFICATION' },
      coordinator,
    );
    const { hazardTypes, checklistItems } = r.body.data!;
    expect(hazardTypes.length).toBeGreaterThan(5);
    for (const h of hazardTypes) expect(h.stages).toContain('MODIFICATION');
    // Types whose primary stage is elsewhere but that also occur in MOD are included.
    expect(hazardTypes.map((h: { code: string }) => h.code)).toEqual(expect.arrayContaining(['PROD_UNLICENSED', 'SALES_SHOP_FIRE', 'MOD_SPEED_LIMITER']));
    for (const c of checklistItems) expect(c.stage).toBe('MODIFICATION');
    expect(checklistItems.find((c: { code: string }) => c.code === 'MOD_NO_SPEED_LIMITER_TAMPERING').hazardType.code).toBe('MOD_SPEED_LIMITER');

    const all = await t.gql(`{ hazardTypes { code } checklistItems { code } }`, {}, coordinator);
    expect(all.body.data!.hazardTypes).toHaveLength(45);
    expect(all.body.data!.checklistItems).toHaveLength(65);
  });

  it('requires authentication', async () => {
    const r = await t.gql(`{ districts { code } }`);
    expect(r.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeNull();
  });
});

describe('updateTaskTeam', () => {
  const UPDATE = `mutation($input: UpdateTaskTeamInput!) { updateTaskTeam(input: $input) {
      taskTeam { id code nameZh version leadDepartment { code } memberDepartments { code } stages }
      userErrors { field messageEn code } } }`;

  async function team(code: string) {
    const r = await t.gql(`query($c: String!) { taskTeam(code: $c) { id version nameZh memberDepartments { code } stages } }`, { c: code }, coordinator);
    return r.body.data!.taskTeam;
  }

  it('renames a team and changes members and stages; a later reference load keeps the edit', async () => {
    const before = await team('RECYCLING');
    const r = await t.gql(UPDATE, {
      input: { id: before.id, expectedVersion: before.version, nameZh: '报废回收与以旧换新组', memberDepartmentCodes: ['ECON_IT', 'ECOLOGY'], stages: ['RECYCLING', 'TRACE_ACCOUNTABILITY'] },
    }, coordinator);
    expect(r.body.data!.updateTaskTeam.userErrors).toEqual([]);
    expect(r.body.data!.updateTaskTeam.taskTeam).toMatchObject({
      nameZh: '报废回收与以旧换新组',
      version: before.version + 1,
      leadDepartment: { code: 'COMMERCE' },
      memberDepartments: [{ code: 'ECON_IT' }, { code: 'ECOLOGY' }],
      stages: ['RECYCLING', 'TRACE_ACCOUNTABILITY'],
    });

    const inserted = await loadReferenceData(t.ds);
    expect(inserted).toEqual({ calendarYears: 0, districts: 0, departments: 0, taskTeams: 0, hazardTypes: 0, checklistItems: 0, regulatoryMilestones: 0 });
    const after = await team('RECYCLING');
    expect(after.nameZh).toBe('报废回收与以旧换新组');
    expect(after.memberDepartments.map((d: { code: string }) => d.code)).toEqual(['ECON_IT', 'ECOLOGY']);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM task_team`);
    expect(n).toBe(6);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const before = await team('SALES');
    const r = await t.gql(UPDATE, { input: { id: before.id, expectedVersion: before.version + 5, nameZh: 'X' } }, coordinator);
    expect(r.body.data!.updateTaskTeam).toEqual({
      taskTeam: null,
      userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT', messageEn: expect.stringContaining('reload') }],
    });
    expect(await team('SALES')).toEqual(before);
  });

  it('names every unknown department and validation failure, and writes nothing', async () => {
    const before = await team('PRODUCTION');
    const audits = await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [before.id]);
    const r = await t.gql(UPDATE, {
      input: { id: before.id, expectedVersion: before.version, nameZh: '新名字', leadDepartmentCode: 'NOPE', memberDepartmentCodes: ['FIRE', 'GHOST'] },
    }, coordinator);
    expect(r.body.data!.updateTaskTeam.userErrors).toEqual([
      { field: ['input', 'leadDepartmentCode'], code: 'INVALID_REFERENCE', messageEn: 'No department with code NOPE' },
      { field: ['input', 'memberDepartmentCodes', '1'], code: 'INVALID_REFERENCE', messageEn: 'No department with code GHOST' },
    ]);
    const blank = await t.gql(UPDATE, { input: { id: before.id, expectedVersion: before.version, nameZh: '   ' } }, coordinator);
    expect(blank.body.data!.updateTaskTeam.userErrors).toEqual([{ field: ['input', 'nameZh'], code: 'VALIDATION', messageEn: 'nameZh must not be blank' }]);
    expect(await team('PRODUCTION')).toEqual(before);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [before.id])).toEqual(audits);
  });

  it('is refused to a partner viewer with FORBIDDEN', async () => {
    const before = await team('SALES');
    const r = await t.gql(UPDATE, { input: { id: before.id, expectedVersion: before.version, nameZh: 'X' } }, partner);
    expect(r.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(r.body.data).toBeNull();
  });
});
