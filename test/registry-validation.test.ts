import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/auth';
import { USCC_ALPHABET, usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';
import { makeUser, startTestApp, type TestApp } from './support/app';

/**
 * Every validation rule of the registry (DOMAIN.md §8, the list): a rejecting test with
 * the exact code and field path, and a check that nothing was written (row counts, audit rows,
 * the record itself).
 */

let t: TestApp;
let coordinator: string;
let officer: string; // SALES team, 511102

beforeAll(async () => {
  t = await startTestApp();
  coordinator = (await makeUser(t.ds, Role.COORDINATOR)).token;
  officer = (await makeUser(t.ds, Role.AGENCY_OFFICER, { teams: ['SALES'], districts: ['511102'], departmentCode: 'MARKET' })).token;
});
afterAll(() => t.close());

const rnd = (n: number, alphabet = USCC_ALPHABET) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
const tag = () => randomBytes(4).toString('hex');
function newUscc(division = '511102', category = '91'): string {
  const body = `${category}${division}MA${rnd(7)}`;
  return body + usccOuterCheckDigit(body);
}
function newCcc(): string {
  return `2024011116${rnd(6, '0123456789')}`;
}

const USER_ERRORS = 'userErrors { field messageEn code }';
const BUSINESS = 'id name uscc usccOverrideReason usccWarnings legacyRegNo types stages districtCode address latitude longitude legalRepresentative contactPhone status archiveReason version';
const CREATE_BUSINESS = `mutation($input: CreateBusinessInput!) { createBusiness(input: $input) { business { ${BUSINESS} } ${USER_ERRORS} } }`;
const UPDATE_BUSINESS = `mutation($input: UpdateBusinessInput!) { updateBusiness(input: $input) { business { ${BUSINESS} } ${USER_ERRORS} } }`;
const ARCHIVE_BUSINESS = `mutation($input: ArchiveInput!) { archiveBusiness(input: $input) { business { ${BUSINESS} } ${USER_ERRORS} } }`;
const GET_BUSINESS = `query($id: ID!) { business(id: $id) { ${BUSINESS} } }`;

const SITE = 'id name siteType districtCode latitude longitude chargingPorts status version';
const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { ${SITE} } ${USER_ERRORS} } }`;
const UPDATE_SITE = `mutation($input: UpdateSiteInput!) { updateSite(input: $input) { site { ${SITE} } ${USER_ERRORS} } }`;
const ARCHIVE_SITE = `mutation($input: ArchiveInput!) { archiveSite(input: $input) { site { ${SITE} } ${USER_ERRORS} } }`;

const MODEL = 'id kind brand model chemistry status version';
const CREATE_MODEL = `mutation($input: CreateProductModelInput!) { createProductModel(input: $input) { productModel { ${MODEL} } ${USER_ERRORS} } }`;
const UPDATE_MODEL = `mutation($input: UpdateProductModelInput!) { updateProductModel(input: $input) { productModel { ${MODEL} } ${USER_ERRORS} } }`;
const ARCHIVE_MODEL = `mutation($input: ArchiveInput!) { archiveProductModel(input: $input) { productModel { ${MODEL} } ${USER_ERRORS} } }`;

const CERT = 'id number status holderName issuedOn expiresOn archived version';
const CREATE_CERT = `mutation($input: CreateCertificateInput!) { createCertificate(input: $input) { certificate { ${CERT} } ${USER_ERRORS} } }`;
const UPDATE_CERT = `mutation($input: UpdateCertificateInput!) { updateCertificate(input: $input) { certificate { ${CERT} } ${USER_ERRORS} } }`;
const CHANGE_CERT = `mutation($input: ChangeCertificateStatusInput!) { changeCertificateStatus(input: $input) { certificate { ${CERT} } ${USER_ERRORS} } }`;
const ARCHIVE_CERT = `mutation($input: ArchiveInput!) { archiveCertificate(input: $input) { certificate { ${CERT} } ${USER_ERRORS} } }`;

const REL = 'id status version note firstSeenOn lastSeenOn';
const CREATE_REL = `mutation($input: CreateSupplyRelationInput!) { createSupplyRelation(input: $input) { supplyRelation { ${REL} } ${USER_ERRORS} } }`;
const UPDATE_REL = `mutation($input: UpdateSupplyRelationInput!) { updateSupplyRelation(input: $input) { supplyRelation { ${REL} } ${USER_ERRORS} } }`;
const ARCHIVE_REL = `mutation($input: ArchiveInput!) { archiveSupplyRelation(input: $input) { supplyRelation { ${REL} } ${USER_ERRORS} } }`;

type UserErr = { field: string[]; messageEn: string; code: string };

/** Runs a mutation and returns its payload (asserting there is no top-level error). */
async function mutate(query: string, input: Record<string, unknown>, token = coordinator): Promise<Record<string, any> & { userErrors: UserErr[] }> {
  const r = await t.gql(query, { input }, token);
  expect(r.body.errors).toBeUndefined();
  const data = r.body.data!;
  return data[Object.keys(data)[0]];
}

async function ok<T = Record<string, any>>(query: string, input: Record<string, unknown>, key: string, token = coordinator): Promise<T> {
  const p = await mutate(query, input, token);
  expect(p.userErrors).toEqual([]);
  return p[key] as T;
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await t.ds.query(`SELECT
      (SELECT count(*) FROM business)::int AS business,
      (SELECT count(*) FROM site)::int AS site,
      (SELECT count(*) FROM product_model)::int AS "productModel",
      (SELECT count(*) FROM certificate)::int AS certificate,
      (SELECT count(*) FROM certificate_status_change)::int AS "statusChange",
      (SELECT count(*) FROM supply_relation)::int AS "supplyRelation",
      (SELECT count(*) FROM audit_event)::int AS audit`);
  return row;
}

/** The mutation is rejected with exactly these user errors and writes nothing. */
async function rejects(query: string, input: Record<string, unknown>, expected: Partial<UserErr>[], token = coordinator): Promise<UserErr[]> {
  const before = await counts();
  const p = await mutate(query, input, token);
  expect(p.userErrors).toEqual(expected.map((e) => expect.objectContaining(e)));
  const payloadKey = Object.keys(p).find((k) => k !== 'userErrors')!;
  expect(p[payloadKey]).toBeNull();
  expect(await counts()).toEqual(before);
  return p.userErrors;
}

async function business(id: string) {
  const r = await t.gql(GET_BUSINESS, { id }, coordinator);
  return r.body.data!.business;
}

const shop = (extra: Record<string, unknown> = {}) => ({ name: `车行${tag()}`, types: ['RETAIL_STORE'], districtCode: '511102', ...extra });

describe('USCC (统一社会信用代码)', () => {
  it.each([
    ['17 characters', '91511102MA6212345'],
    ['19 characters', '91511102MA62123456X'],
    ['letter I', '91511102MA6I12345X'],
    ['letter O', '91511102MA6O12345X'],
    ['letter S', '91511102MA6S12345X'],
    ['letter V', '91511102MA6V12345X'],
    ['letter Z', '91511102MA6Z12345X'],
    ['lower-case letter outside the alphabet after upper-casing (o)', '91511102ma6o12345x'],
    ['a letter in the division (positions 3–8)', '9151A102MA6212345X'],
    ['punctuation', '91511102-A6212345X'],
  ])('rejects %s as VALIDATION on input.uscc', async (_label, uscc) => {
    await rejects(CREATE_BUSINESS, shop({ uscc }), [{ field: ['input', 'uscc'], code: 'VALIDATION' }]);
  });

  it('accepts the DOMAIN.md test vectors (any case) and warns that they are registered outside Leshan', async () => {
    const created: { id: string; version: number }[] = [];
    for (const v of ['91310110666007217T', '9144030071526726XG', '91310115591693856a']) {
      const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ uscc: v }), 'business');
      expect(b.uscc).toBe(v.toUpperCase());
      expect(b.usccOverrideReason).toBeNull();
      expect(b.usccWarnings).toEqual([expect.stringContaining('outside Leshan')]);
      created.push(b as { id: string; version: number });
    }
    // Free the well-known codes for anyone else in this worker's database.
    for (const b of created) await ok(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: 'test cleanup' }, 'business');
  });

  it('rejects a failing outer check digit with CHECK_DIGIT naming the expected digit, and writes nothing', async () => {
    const errs = await rejects(CREATE_BUSINESS, shop({ uscc: '91350211M00013FA1N' }), [{ field: ['input', 'uscc'], code: 'CHECK_DIGIT' }]);
    expect(errs[0].messageEn).toContain('should be 3');
    // A one-character typo in a valid Leshan code is caught too.
    const good = newUscc();
    const typo = good.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(good[17]) + 1) % 31];
    await rejects(CREATE_BUSINESS, shop({ uscc: typo }), [{ field: ['input', 'uscc'], code: 'CHECK_DIGIT' }]);
  });

  it('lets only a coordinator accept a failing check digit with a reason, stored and visible; a duplicate is still caught', async () => {
    const legacy = '91350211M00013FA1N';
    // An agency officer may not override, even inside its scope.
    await rejects(CREATE_BUSINESS, shop({ uscc: legacy, usccOverrideReason: '早期试点代码' }), [{ field: ['input', 'usccOverrideReason'], code: 'CHECK_DIGIT' }], officer);
    // A blank reason is no reason.
    await rejects(CREATE_BUSINESS, shop({ uscc: legacy, usccOverrideReason: '   ' }), [{ field: ['input', 'usccOverrideReason'], code: 'VALIDATION' }]);

    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ uscc: legacy, usccOverrideReason: '  早期试点地区代码，经核实  ' }), 'business');
    expect(b.uscc).toBe(legacy);
    expect(b.usccOverrideReason).toBe('早期试点地区代码，经核实');
    const read = await t.gql(`query($u: String!) { businessByUscc(uscc: $u) { id usccOverrideReason } }`, { u: legacy.toLowerCase() }, coordinator);
    expect(read.body.data!.businessByUscc).toEqual({ id: b.id, usccOverrideReason: '早期试点地区代码，经核实' });

    // The same overridden code again is a DUPLICATE naming the first business, not an internal error.
    const errs = await rejects(CREATE_BUSINESS, shop({ uscc: legacy, usccOverrideReason: '再次登记' }), [{ field: ['input', 'uscc'], code: 'DUPLICATE' }]);
    expect(errs[0].messageEn).toContain(b.id);

    await ok(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: 'test cleanup' }, 'business');
  });

  it('refuses an override reason for a USCC that passes, or when there is no USCC', async () => {
    await rejects(CREATE_BUSINESS, shop({ uscc: newUscc(), usccOverrideReason: '多余' }), [{ field: ['input', 'usccOverrideReason'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ usccOverrideReason: '多余' }), [{ field: ['input', 'usccOverrideReason'], code: 'VALIDATION' }]);
  });

  it('allows unregistered workshops (and others) without a USCC', async () => {
    const a = await ok<Record<string, any>>(CREATE_BUSINESS, { name: `黑作坊${tag()}`, types: ['ILLEGAL_WORKSHOP'], districtCode: '511102' }, 'business');
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, { name: `黑作坊${tag()}`, types: ['ILLEGAL_WORKSHOP'], districtCode: '511102', uscc: null }, 'business');
    expect([a.uscc, b.uscc]).toEqual([null, null]);
    expect(a.stages).toEqual(['MODIFICATION', 'RECYCLING']);
  });

  it('keeps a USCC unique among live businesses: DUPLICATE names the holder; reusable after archiving', async () => {
    const uscc = newUscc();
    const first = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ uscc }), 'business');
    const errs = await rejects(CREATE_BUSINESS, shop({ uscc: uscc.toLowerCase() }), [{ field: ['input', 'uscc'], code: 'DUPLICATE' }]);
    expect(errs[0].messageEn).toContain(first.id);

    // Taking it over by update is refused the same way.
    const other = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    const upd = await rejects(UPDATE_BUSINESS, { id: other.id, expectedVersion: other.version, uscc }, [{ field: ['input', 'uscc'], code: 'DUPLICATE' }]);
    expect(upd[0].messageEn).toContain(first.id);
    expect(await business(other.id)).toEqual(other);

    const archived = await ok<Record<string, any>>(ARCHIVE_BUSINESS, { id: first.id, expectedVersion: first.version, reason: '注销' }, 'business');
    expect(archived).toMatchObject({ status: 'ARCHIVED', archiveReason: '注销', version: first.version + 1 });
    const second = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ uscc }), 'business');
    expect(second.id).not.toBe(first.id);
    // The live one is found by USCC.
    const r = await t.gql(`query($u: String!) { businessByUscc(uscc: $u) { id } }`, { u: uscc }, coordinator);
    expect(r.body.data!.businessByUscc.id).toBe(second.id);
    // Keeping one's own USCC on update is not a duplicate.
    const same = await ok<Record<string, any>>(UPDATE_BUSINESS, { id: second.id, expectedVersion: second.version, uscc, address: '乐山市市中区' }, 'business');
    expect(same.version).toBe(second.version + 1);
  });

  it('turns a race for the same USCC into DUPLICATE for the loser, not an internal error', async () => {
    const uscc = newUscc();
    // Another writer has inserted the code but not committed: the mutation's own duplicate check
    // cannot see it, and its insert waits on the unique index until that writer commits.
    const qr = t.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    const [{ id: winner }] = await qr.query(
      `INSERT INTO business (name, types, stages, district_code, uscc) VALUES ($1, '{RETAIL_STORE}', '{SALES}', '511102', $2) RETURNING id`,
      [`并发${tag()}`, uscc],
    );
    const before = await counts();
    const pending = mutate(CREATE_BUSINESS, shop({ uscc }));
    await new Promise((r) => setTimeout(r, 300));
    await qr.commitTransaction();
    await qr.release();
    const p = await pending;
    expect(p.userErrors).toEqual([{ field: ['input', 'uscc'], code: 'DUPLICATE', messageEn: expect.stringContaining(winner) }]);
    expect(p.business).toBeNull();
    const after = await counts();
    expect(after).toEqual({ ...before, business: before.business + 1 });
  });
});

describe('other business fields', () => {
  it('requires a district that exists (INVALID_REFERENCE) and a 6-digit code (VALIDATION)', async () => {
    await rejects(CREATE_BUSINESS, shop({ districtCode: '511199' }), [{ field: ['input', 'districtCode'], code: 'INVALID_REFERENCE' }]);
    await rejects(CREATE_BUSINESS, shop({ districtCode: '511101' }), [{ field: ['input', 'districtCode'], code: 'INVALID_REFERENCE' }]);
    await rejects(CREATE_BUSINESS, shop({ districtCode: '5111' }), [{ field: ['input', 'districtCode'], code: 'VALIDATION' }]);
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, districtCode: '519999' }, [{ field: ['input', 'districtCode'], code: 'INVALID_REFERENCE' }]);
    expect(await business(b.id)).toEqual(b);
  });

  it('checks coordinate ranges and that both or neither are given', async () => {
    await rejects(CREATE_BUSINESS, shop({ latitude: 90.5, longitude: 103.7 }), [{ field: ['input', 'latitude'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ latitude: 29.5, longitude: -180.01 }), [{ field: ['input', 'longitude'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ latitude: 29.5 }), [{ field: ['input', 'longitude'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ longitude: 103.7 }), [{ field: ['input', 'latitude'], code: 'VALIDATION' }]);
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ latitude: 29.55, longitude: 103.77 }), 'business');
    expect([b.latitude, b.longitude]).toEqual([29.55, 103.77]);
    // Clearing one of the pair leaves half a position.
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, latitude: null }, [{ field: ['input', 'latitude'], code: 'VALIDATION' }]);
    expect(await business(b.id)).toEqual(b);
    const cleared = await ok<Record<string, any>>(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, latitude: null, longitude: null }, 'business');
    expect([cleared.latitude, cleared.longitude]).toEqual([null, null]);
    // Sites follow the same rule.
    await rejects(CREATE_SITE, { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102', latitude: 29.5 }, [{ field: ['input', 'longitude'], code: 'VALIDATION' }]);
    await rejects(CREATE_SITE, { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102', latitude: -91, longitude: 103 }, [{ field: ['input', 'latitude'], code: 'VALIDATION' }]);
  });

  it.each(['12345', '1381234123', '138123412345', '23812341234', '12812341234', '0833-12', 'phone', '833-2123456'])('rejects the phone number %s', async (contactPhone) => {
    await rejects(CREATE_BUSINESS, shop({ contactPhone }), [{ field: ['input', 'contactPhone'], code: 'VALIDATION' }]);
  });

  it.each([
    ['13812341234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['0833-2123456', '0833-2123456'],
    ['08332123456', '08332123456'],
    ['028-85123456-801', '028-85123456-801'],
    ['400-800-1234', '400-800-1234'],
  ])('accepts the phone number %s (stored as %s)', async (contactPhone, stored) => {
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ contactPhone }), 'business');
    expect(b.contactPhone).toBe(stored);
  });

  it('trims names and refuses blank or over-long ones', async () => {
    const name = `乐山车行${tag()}`;
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ name: `  ${name}\t` }), 'business');
    expect(b.name).toBe(name);
    await rejects(CREATE_BUSINESS, shop({ name: '' }), [{ field: ['input', 'name'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ name: '  \u3000 ' }), [{ field: ['input', 'name'], code: 'VALIDATION' }]);
    await rejects(CREATE_BUSINESS, shop({ name: '车'.repeat(201) }), [{ field: ['input', 'name'], code: 'VALIDATION' }]);
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, name: '   ' }, [{ field: ['input', 'name'], code: 'VALIDATION' }]);
    expect(await business(b.id)).toEqual(b);
    const long = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ name: '车'.repeat(200) }), 'business');
    expect(long.name).toHaveLength(200);
    // Sites and models too.
    await rejects(CREATE_SITE, { name: ' ', siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102' }, [{ field: ['input', 'name'], code: 'VALIDATION' }]);
    await rejects(CREATE_MODEL, { kind: 'VEHICLE', brand: ' ', model: 'X1' }, [{ field: ['input', 'brand'], code: 'VALIDATION' }]);
  });

  it('needs at least one business type, and reports every problem at once', async () => {
    await rejects(CREATE_BUSINESS, shop({ types: [] }), [{ field: ['input', 'types'], code: 'VALIDATION' }]);
    const before = await counts();
    const p = await mutate(CREATE_BUSINESS, shop({ districtCode: '511199', latitude: 29.5, uscc: '91350211M00013FA1N' }));
    expect(p.userErrors.map((e) => [e.field.join('.'), e.code]).sort()).toEqual([
      ['input.districtCode', 'INVALID_REFERENCE'],
      ['input.longitude', 'VALIDATION'],
      ['input.uscc', 'CHECK_DIGIT'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses archiving through status, and editing an archived business', async () => {
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, status: 'ARCHIVED' }, [{ field: ['input', 'status'], code: 'VALIDATION' }]);
    await rejects(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: '  ' }, [{ field: ['input', 'reason'], code: 'VALIDATION' }]);
    const a = await ok<Record<string, any>>(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: '关停' }, 'business');
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: a.version, name: '新名字' }, [{ field: ['input', 'id'], code: 'VALIDATION' }]);
    await rejects(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: a.version, reason: '再次' }, [{ field: ['input', 'id'], code: 'VALIDATION' }]);
  });
});

describe('CCC certificate numbers (强制性产品认证证书编号)', () => {
  it.each([
    ['15 digits', '202401111600001'],
    ['17 digits', '20240111160000123'],
    ['a letter', '2024011116A00012'],
    ['a year outside 19xx/20xx', '1824011116000012'],
    ['spaces', '2024 01111600001'],
  ])('rejects %s', async (_label, number) => {
    await rejects(CREATE_CERT, { number, holderName: '某电池厂' }, [{ field: ['input', 'number'], code: 'VALIDATION' }]);
  });

  it('accepts 16 digits once; the second registration is a DUPLICATE naming the first', async () => {
    const number = newCcc();
    const c = await ok<Record<string, any>>(CREATE_CERT, { number, holderName: '某电池厂', issuedOn: '2024-10-20', expiresOn: '2029-10-19' }, 'certificate');
    expect(c).toMatchObject({ number, status: 'VALID', archived: false, version: 1 });
    const errs = await rejects(CREATE_CERT, { number, holderName: '另一家' }, [{ field: ['input', 'number'], code: 'DUPLICATE' }]);
    expect(errs[0].messageEn).toContain(c.id);
  });

  it('needs a holder, a sane validity period and existing references', async () => {
    await rejects(CREATE_CERT, { number: newCcc() }, [{ field: ['input', 'holderBusinessId'], code: 'REQUIRED' }]);
    await rejects(CREATE_CERT, { number: newCcc(), holderName: 'x', issuedOn: '2025-01-02', expiresOn: '2025-01-01' }, [{ field: ['input', 'expiresOn'], code: 'VALIDATION' }]);
    await rejects(CREATE_CERT, { number: newCcc(), holderName: 'x', issuedOn: '2025-13-01' }, [{ field: ['input', 'issuedOn'], code: 'VALIDATION' }]);
    await rejects(CREATE_CERT, { number: newCcc(), holderBusinessId: '00000000-0000-4000-8000-000000000000' }, [{ field: ['input', 'holderBusinessId'], code: 'INVALID_REFERENCE' }]);
    await rejects(CREATE_CERT, { number: newCcc(), holderName: 'x', productModelId: '00000000-0000-4000-8000-000000000000' }, [{ field: ['input', 'productModelId'], code: 'INVALID_REFERENCE' }]);
  });

  it('refuses a status change to the same status or without a reason', async () => {
    const c = await ok<Record<string, any>>(CREATE_CERT, { number: newCcc(), holderName: '某充电器厂' }, 'certificate');
    await rejects(CHANGE_CERT, { id: c.id, expectedVersion: c.version, status: 'VALID', reason: '无变化' }, [{ field: ['input', 'status'], code: 'VALIDATION' }]);
    await rejects(CHANGE_CERT, { id: c.id, expectedVersion: c.version, status: 'SUSPENDED', reason: ' ' }, [{ field: ['input', 'reason'], code: 'VALIDATION' }]);
  });
});

describe('product models and supply relations', () => {
  it('refuses a chemistry that does not fit the kind, and a duplicate live model', async () => {
    const brand = `品牌${tag()}`;
    await rejects(CREATE_MODEL, { kind: 'LITHIUM_BATTERY', brand, model: '48V20Ah', chemistry: 'LEAD_ACID' }, [{ field: ['input', 'chemistry'], code: 'VALIDATION' }]);
    await rejects(CREATE_MODEL, { kind: 'CHARGER', brand, model: 'C1', chemistry: 'LITHIUM_ION' }, [{ field: ['input', 'chemistry'], code: 'VALIDATION' }]);
    const m = await ok<Record<string, any>>(CREATE_MODEL, { kind: 'LITHIUM_BATTERY', brand, model: '48V20Ah' }, 'productModel');
    expect(m.chemistry).toBe('LITHIUM_ION');
    const errs = await rejects(CREATE_MODEL, { kind: 'LITHIUM_BATTERY', brand: ` ${brand} `, model: '48V20Ah' }, [{ field: ['input', 'model'], code: 'DUPLICATE' }]);
    expect(errs[0].messageEn).toContain(m.id);
    await rejects(CREATE_MODEL, { kind: 'VEHICLE', brand, model: 'V', manufacturerBusinessId: '00000000-0000-4000-8000-000000000000' }, [{ field: ['input', 'manufacturerBusinessId'], code: 'INVALID_REFERENCE' }]);
  });

  it('refuses self-supply, unknown parties, duplicates and a reversed period', async () => {
    const a = await ok<Record<string, any>>(CREATE_BUSINESS, { name: `经销${tag()}`, types: ['DISTRIBUTOR'], districtCode: '511102' }, 'business');
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    await rejects(CREATE_REL, { supplierBusinessId: a.id, buyerBusinessId: a.id }, [{ field: ['input', 'buyerBusinessId'], code: 'VALIDATION' }]);
    await rejects(CREATE_REL, { supplierBusinessId: a.id, buyerBusinessId: '00000000-0000-4000-8000-000000000000' }, [{ field: ['input', 'buyerBusinessId'], code: 'INVALID_REFERENCE' }]);
    await rejects(CREATE_REL, { supplierBusinessId: a.id, buyerBusinessId: b.id, firstSeenOn: '2025-03-02', lastSeenOn: '2025-03-01' }, [{ field: ['input', 'lastSeenOn'], code: 'VALIDATION' }]);
    const r = await ok<Record<string, any>>(CREATE_REL, { supplierBusinessId: a.id, buyerBusinessId: b.id }, 'supplyRelation');
    const errs = await rejects(CREATE_REL, { supplierBusinessId: a.id, buyerBusinessId: b.id }, [{ field: ['input', 'productModelId'], code: 'DUPLICATE' }]);
    expect(errs[0].messageEn).toContain(r.id);
    // An archived party cannot be related.
    const arch = await ok<Record<string, any>>(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: '关停' }, 'business');
    expect(arch.status).toBe('ARCHIVED');
    const c = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    await rejects(CREATE_REL, { supplierBusinessId: b.id, buyerBusinessId: c.id }, [{ field: ['input', 'supplierBusinessId'], code: 'INVALID_REFERENCE' }]);
  });
});

describe('optimistic locking: a stale expectedVersion is CONFLICT and changes nothing', () => {
  it('for every update, status change and archive', async () => {
    const b = await ok<Record<string, any>>(CREATE_BUSINESS, shop({ legalRepresentative: '张三丰' }), 'business');
    const b2 = await ok<Record<string, any>>(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, address: '嘉州大道1号' }, 'business');
    expect(b2.version).toBe(b.version + 1);
    const conflict = [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }];
    await rejects(UPDATE_BUSINESS, { id: b.id, expectedVersion: b.version, name: '抢先修改' }, conflict);
    await rejects(ARCHIVE_BUSINESS, { id: b.id, expectedVersion: b.version, reason: '关停' }, conflict);
    expect(await business(b.id)).toEqual(b2);

    const s = await ok<Record<string, any>>(CREATE_SITE, { name: `小区${tag()}`, siteType: 'RESIDENTIAL_COMPOUND', districtCode: '511102', chargingPorts: 20 }, 'site');
    await rejects(UPDATE_SITE, { id: s.id, expectedVersion: s.version + 1, name: 'x' }, conflict);
    await rejects(ARCHIVE_SITE, { id: s.id, expectedVersion: s.version + 1, reason: 'x' }, conflict);

    const m = await ok<Record<string, any>>(CREATE_MODEL, { kind: 'VEHICLE', brand: `品牌${tag()}`, model: 'TDT-1' }, 'productModel');
    await rejects(UPDATE_MODEL, { id: m.id, expectedVersion: m.version + 1, model: 'x' }, conflict);
    await rejects(ARCHIVE_MODEL, { id: m.id, expectedVersion: 0 + m.version + 2, reason: 'x' }, conflict);

    const c = await ok<Record<string, any>>(CREATE_CERT, { number: newCcc(), holderName: 'x' }, 'certificate');
    await rejects(UPDATE_CERT, { id: c.id, expectedVersion: c.version + 1, holderName: 'y' }, conflict);
    await rejects(CHANGE_CERT, { id: c.id, expectedVersion: c.version + 1, status: 'SUSPENDED', reason: '通报' }, conflict);
    await rejects(ARCHIVE_CERT, { id: c.id, expectedVersion: c.version + 1, reason: 'x' }, conflict);

    const other = await ok<Record<string, any>>(CREATE_BUSINESS, shop(), 'business');
    const r = await ok<Record<string, any>>(CREATE_REL, { supplierBusinessId: b.id, buyerBusinessId: other.id }, 'supplyRelation');
    await rejects(UPDATE_REL, { id: r.id, expectedVersion: r.version + 1, note: 'x' }, conflict);
    await rejects(ARCHIVE_REL, { id: r.id, expectedVersion: r.version + 1, reason: 'x' }, conflict);

    // And an unknown id is NOT_FOUND.
    await rejects(UPDATE_BUSINESS, { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'x' }, [{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
  });
});
