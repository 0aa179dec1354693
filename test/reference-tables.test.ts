import { Role } from '../src/common/auth';
import { makeUser, startTestApp, type TestApp } from './support/app';
import { workerDataSource } from './support/db';

/**
 * The seeded reference data against tables copied by hand from DOMAIN.md (§11 divisions, §2.3
 * teams, §5.1 hazard types) — deliberately not from src/modules/reference/reference.data.ts, so a
 * wrong seed row cannot agree with itself. A database of its own: other files edit teams.
 */
let t: TestApp;
let partner: string;

beforeAll(async () => {
  const ds = await workerDataSource({ suffix: '_reftables' });
  t = await startTestApp({ ds });
  partner = (await makeUser(ds, Role.PARTNER_VIEWER)).token;
});
afterAll(async () => {
  await t.close();
  await t.ds.destroy();
});

// DOMAIN.md §11 (GB/T 2260), in code order. 511101 市辖区 is a placeholder, not a division.
const DISTRICTS: [string, string, string, string][] = [
  ['511102', '市中区', 'Shìzhōng Qū', 'DISTRICT'],
  ['511111', '沙湾区', 'Shāwān Qū', 'DISTRICT'],
  ['511112', '五通桥区', 'Wǔtōngqiáo Qū', 'DISTRICT'],
  ['511113', '金口河区', 'Jīnkǒuhé Qū', 'DISTRICT'],
  ['511123', '犍为县', 'Qiánwèi Xiàn', 'COUNTY'],
  ['511124', '井研县', 'Jǐngyán Xiàn', 'COUNTY'],
  ['511126', '夹江县', 'Jiājiāng Xiàn', 'COUNTY'],
  ['511129', '沐川县', 'Mùchuān Xiàn', 'COUNTY'],
  ['511132', '峨边彝族自治县', 'Ébiān Yízú Zìzhìxiàn', 'AUTONOMOUS_COUNTY'],
  ['511133', '马边彝族自治县', 'Mǎbiān Yízú Zìzhìxiàn', 'AUTONOMOUS_COUNTY'],
  ['511181', '峨眉山市', 'Éméishān Shì', 'COUNTY_LEVEL_CITY'],
];

// DOMAIN.md §2.3. Members that are not departments of §2.1 (county governments, streets/communities,
// property companies) are not rows. Team 4 is led by housing with the fire detachment ("市住建局 + 消防救援支队").
const TEAMS: { code: string; names: string[]; lead: string; coLeads: string[]; members: string[]; stages: string[] }[] = [
  { code: 'PRODUCTION', names: ['生产制造组'], lead: 'ECON_IT', coLeads: [], members: ['MARKET', 'FIRE', 'EMERGENCY'], stages: ['PRODUCTION', 'STANDARD_CERT'] },
  { code: 'SALES', names: ['销售流通组'], lead: 'MARKET', coLeads: [], members: ['COMMERCE', 'TRAFFIC_POLICE', 'FIRE', 'POSTAL'], stages: ['SALES', 'IMPORT'] },
  { code: 'MODIFICATION', names: ['组装改装组'], lead: 'TRAFFIC_POLICE', coLeads: ['MARKET'], members: ['FIRE', 'URBAN_MGMT'], stages: ['MODIFICATION'] },
  { code: 'PARKING_CHARGING', names: ['停放充电组'], lead: 'HOUSING', coLeads: ['FIRE'], members: ['DRC', 'NATURAL_RESOURCES', 'STATE_GRID', 'SASAC', 'GOV_AFFAIRS'], stages: ['PARKING_CHARGING'] },
  { code: 'RECYCLING', names: ['报废回收组'], lead: 'COMMERCE', coLeads: [], members: ['ECON_IT', 'ECOLOGY', 'MARKET', 'FINANCE', 'TRAFFIC_POLICE'], stages: ['RECYCLING'] },
  { code: 'USE_TRAFFIC', names: ['通行管理组', '登记使用组'], lead: 'TRAFFIC_POLICE', coLeads: [], members: ['POSTAL', 'COMMERCE', 'TRANSPORT', 'EDUCATION'], stages: ['USE_TRAFFIC'] },
];

// DOMAIN.md §5.1: code → stages (the first is the primary stage, the code's prefix).
const P = 'PRODUCTION', S = 'SALES', M = 'MODIFICATION', U = 'USE_TRAFFIC', K = 'PARKING_CHARGING', R = 'RECYCLING';
const HAZARD_TYPES: Record<string, string[]> = {
  PROD_NO_CCC: [P], PROD_CERT_MISMATCH: [P], PROD_NONCONFORM_STD: [P, S], PROD_NO_ANTITAMPER: [P], PROD_BATTERY_MARKING: [P], PROD_CASCADE_CELLS: [P], PROD_UNLICENSED: [P, M],
  SALES_NO_CCC: [S], SALES_SUBSTANDARD: [S], SALES_DOC_MISMATCH: [S], SALES_THREE_NO: [S], SALES_NO_PURCHASE_CHECK: [S], SALES_MODIFIED_VEHICLE: [S], SALES_CONFIG_MISMATCH: [S],
  SALES_REFURBISHED: [S], SALES_ONLINE_ILLEGAL_INFO: [S], SALES_SHOP_FIRE: [S, M],
  MOD_SPEED_LIMITER: [M], MOD_BIG_BATTERY: [M], MOD_BATTERY_BRACKET: [M], MOD_BATTERY_BOX: [M], MOD_ELECTRICAL_PARTS: [M], MOD_ILLEGAL_ASSEMBLY: [M], MOD_BATTERY_REASSEMBLY: [M, R],
  MOD_BODY_ALTERATION: [M], MOD_UNLOCK_MUTUAL_REC: [M],
  USE_UNREGISTERED: [U], USE_RIDING_MODIFIED: [U],
  PARK_COMMON_AREA: [K], PARK_FLY_LINE: [K], PARK_INTO_BUILDING: [K], PARK_IN_ELEVATOR: [K], PARK_NEAR_UNIT_DOOR: [K], PARK_NEAR_BALCONY_INSULATION: [K], PARK_CHARGER_BROKEN: [K],
  PARK_CHARGER_DAMAGE_TRACES: [K], PARK_SITE_NONCOMPLIANT: [K], PARK_FIRE_LANE_BLOCKED: [K], PARK_CROWDED_VENUE_CHARGING: [K], PARK_SWAP_CABINET: [K], PARK_MANAGER_DUTY: [K],
  REC_NO_LICENCE: [R], REC_RESALE: [R], REC_NO_LEDGER: [R], REC_SUBSIDY_FRAUD: [R],
};

const sorted = (a: string[]) => [...a].sort();

describe('reference data equals DOMAIN.md', () => {
  it('every district: code, name, pinyin and kind', async () => {
    const r = await t.gql(`{ districts { code name pinyin kind } }`, {}, partner);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.districts.map((d: Record<string, string>) => [d.code, d.name, d.pinyin, d.kind])).toEqual(DISTRICTS);
  });

  it('every team: name, lead, co-leads, members and stages', async () => {
    const r = await t.gql(`{ taskTeams { code nameZh leadDepartment { code } coLeadDepartments { code } memberDepartments { code } stages } }`, {}, partner);
    expect(r.body.errors).toBeUndefined();
    const teams = r.body.data!.taskTeams as { code: string; nameZh: string; leadDepartment: { code: string }; coLeadDepartments: { code: string }[]; memberDepartments: { code: string }[]; stages: string[] }[];
    expect(teams.map((x) => x.code)).toEqual(TEAMS.map((x) => x.code));
    for (const want of TEAMS) {
      const got = teams.find((x) => x.code === want.code)!;
      expect({ code: got.code, nameOk: want.names.includes(got.nameZh) }).toEqual({ code: want.code, nameOk: true });
      expect({
        code: got.code,
        lead: got.leadDepartment.code,
        coLeads: sorted(got.coLeadDepartments.map((d) => d.code)),
        members: sorted(got.memberDepartments.map((d) => d.code)),
        stages: sorted(got.stages),
      }).toEqual({ code: want.code, lead: want.lead, coLeads: sorted(want.coLeads), members: sorted(want.members), stages: sorted(want.stages) });
    }
  });

  it('every stage but tracing is covered by exactly one team (no team covers TRACE_ACCOUNTABILITY, DOMAIN §2.3)', async () => {
    const r = await t.gql(`{ taskTeams { code stages } }`, {}, partner);
    const owners = new Map<string, string[]>();
    for (const x of r.body.data!.taskTeams as { code: string; stages: string[] }[]) for (const s of x.stages) owners.set(s, [...(owners.get(s) ?? []), x.code]);
    expect(Object.fromEntries(owners)).toEqual({
      PRODUCTION: ['PRODUCTION'], STANDARD_CERT: ['PRODUCTION'], SALES: ['SALES'], IMPORT: ['SALES'], MODIFICATION: ['MODIFICATION'],
      PARKING_CHARGING: ['PARKING_CHARGING'], RECYCLING: ['RECYCLING'], USE_TRAFFIC: ['USE_TRAFFIC'],
    });
  });

  it('every hazard type: its primary stage and every stage it occurs in', async () => {
    const r = await t.gql(`{ hazardTypes { code primaryStage stages } }`, {}, partner);
    expect(r.body.errors).toBeUndefined();
    const got = Object.fromEntries((r.body.data!.hazardTypes as { code: string; primaryStage: string; stages: string[] }[]).map((h) => [h.code, [h.primaryStage, sorted(h.stages)]]));
    const want = Object.fromEntries(Object.entries(HAZARD_TYPES).map(([code, stages]) => [code, [stages[0], sorted(stages)]]));
    expect(Object.keys(want)).toHaveLength(45);
    expect(got).toEqual(want);
  });
});
