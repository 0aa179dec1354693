import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { ALL_ROLES, Role, type Principal } from '../src/common/auth';
import type { Context } from '../src/common/context';
import { maskPersonName, maskPhone } from '../src/common/mask';
import { assertCanWrite, writeScopeViolation, type RecordScope } from '../src/common/scope';
import { SupplyChainStage as S } from '../src/modules/reference/reference.enums';

function principal(role: Role, over: Partial<Principal> = {}): Principal {
  return { kind: 'user', id: '11111111-1111-1111-1111-111111111111', name: `p-${role}`, role, departmentId: null, teamIds: [], stages: [], districtCodes: [], ...over };
}

/** An officer of the sales team (stages IMPORT, SALES) in 市中区 and 五通桥区. */
const officer = principal(Role.AGENCY_OFFICER, { teamIds: ['t-sales'], stages: [S.IMPORT, S.SALES], districtCodes: ['511102', '511112'] });

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138-1234-1234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['+86 138 1234 1234', '138****1234'],
    ['+8613812341234', '138****1234'],
    ['0833-2123456', '0833-*****56'],
    ['08332123456', '0833-*****56'],
    ['0833 2123456', '0833-*****56'],
    ['028-85123456', '028-******56'],
    ['0833-2123456-801', '0833-*****56'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never returns the middle digits of a mobile or landline number', () => {
    for (const n of ['13812341234', '0833-2123456', '+86 139 8765 4321', '0833 2123456']) {
      const out = maskPhone(n);
      expect(out).toContain('*');
      const digits = n.replace(/\D/g, '');
      // the middle four digits of a mobile / the leading digits of a local number are hidden
      expect(out.replace(/\D/g, '').length).toBeLessThan(digits.replace(/^86/, '').length);
    }
  });

  it('masks anything else except its first and last character', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['司马相如之后', '司***'],
    ['Li Wei', 'L***'],
    ['  王五  ', '王*'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPersonName(input)).toBe(masked);
  });

  it('hides every character after the first', () => {
    for (const n of ['张三丰', '李四', 'Wang Xiaoming']) {
      const out = maskPersonName(n);
      expect(out[0]).toBe(n[0]);
      expect(out.slice(1)).toMatch(/^\*+$/);
    }
  });
});

describe('writeScopeViolation', () => {
  const inScope: RecordScope = { stages: [S.SALES], districtCode: '511102' };

  it.each([Role.ADMIN, Role.COORDINATOR])('%s may write any record', (role) => {
    const p = principal(role);
    expect(writeScopeViolation(p, inScope)).toBeNull();
    expect(writeScopeViolation(p, { stages: [S.RECYCLING], districtCode: '511181' })).toBeNull();
    expect(writeScopeViolation(p, { stages: [], districtCode: null })).toBeNull();
  });

  it.each([Role.PARTNER_VIEWER, Role.REPORTER])('%s may write nothing, even with scopes', (role) => {
    const p = principal(role, { stages: [S.SALES], districtCodes: ['511102'], teamIds: ['t-sales'] });
    expect(writeScopeViolation(p, inScope)).toMatch(/read-only/);
    expect(writeScopeViolation(p, { stages: [S.RECYCLING], districtCode: '511181' })).toMatch(/read-only/);
  });

  it('covers every role', () => {
    const results = Object.fromEntries(ALL_ROLES.map((r) => [r, writeScopeViolation(r === Role.AGENCY_OFFICER ? officer : principal(r), inScope) === null]));
    expect(results).toEqual({ ADMIN: true, COORDINATOR: true, AGENCY_OFFICER: true, PARTNER_VIEWER: false, REPORTER: false });
  });

  describe('AGENCY_OFFICER', () => {
    it.each<[string, RecordScope]>([
      ['in stage, in district', { stages: [S.SALES], districtCode: '511102' }],
      ['other in-scope stage and district', { stages: [S.IMPORT], districtCode: '511112' }],
      ['record spanning an in-scope stage', { stages: [S.PRODUCTION, S.SALES], districtCode: '511102' }],
    ])('may write: %s', (_label, scope) => {
      expect(writeScopeViolation(officer, scope)).toBeNull();
    });

    it.each<[string, RecordScope, RegExp]>([
      ['out of stage, in district', { stages: [S.RECYCLING], districtCode: '511102' }, /stages RECYCLING are outside/],
      ['in stage, out of district', { stages: [S.SALES], districtCode: '511181' }, /district 511181 is outside/],
      ['out of stage, out of district', { stages: [S.MODIFICATION], districtCode: '511181' }, /outside/],
      ['record without stages', { stages: [], districtCode: '511102' }, /\(none\) are outside/],
      ['record without district', { stages: [S.SALES], districtCode: null }, /district \(none\) is outside/],
    ])('may not write: %s', (_label, scope, why) => {
      expect(writeScopeViolation(officer, scope)).toMatch(why);
    });

    it('a city-wide record (catalogue) is checked by stage only', () => {
      expect(writeScopeViolation(officer, { stages: [S.SALES], districtCode: null, cityWide: true })).toBeNull();
      expect(writeScopeViolation(officer, { stages: [S.SALES], districtCode: '511181', cityWide: true })).toBeNull();
      expect(writeScopeViolation(officer, { stages: [S.PRODUCTION], districtCode: null, cityWide: true })).toMatch(/stages PRODUCTION are outside/);
      expect(writeScopeViolation(principal(Role.PARTNER_VIEWER, { stages: [S.SALES] }), { stages: [S.SALES], districtCode: null, cityWide: true })).toMatch(/read-only/);
    });

    it('with no teams or districts writes nothing', () => {
      const bare = principal(Role.AGENCY_OFFICER);
      expect(writeScopeViolation(bare, inScope)).not.toBeNull();
      expect(writeScopeViolation({ ...officer, districtCodes: [] }, inScope)).toMatch(/district/);
      expect(writeScopeViolation({ ...officer, stages: [] }, inScope)).toMatch(/stages/);
    });
  });
});

describe('assertCanWrite', () => {
  function fakeCtx(p: Principal | null) {
    const insert = jest.fn().mockResolvedValue(undefined);
    const log = { info: jest.fn(), error: jest.fn(), warn: jest.fn() };
    const ctx = { principal: p, requestId: 'req-1', clientIp: '127.0.0.1', log, dataSource: { manager: { insert } } } as unknown as Context;
    return { ctx, insert };
  }

  it('lets an in-scope officer through without recording anything', async () => {
    const { ctx, insert } = fakeCtx(officer);
    await expect(assertCanWrite(ctx, { stages: [S.SALES], districtCode: '511102' }, 'updateBusiness')).resolves.toBeUndefined();
    expect(insert).not.toHaveBeenCalled();
  });

  it('refuses an out-of-scope officer with FORBIDDEN and records the refusal', async () => {
    const { ctx, insert } = fakeCtx(officer);
    const err = await assertCanWrite(ctx, { stages: [S.SALES], districtCode: '511181' }, 'updateBusiness').catch((e) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.extensions.code).toBe('FORBIDDEN');
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert.mock.calls[0][1]).toMatchObject({ operation: 'updateBusiness', outcome: 'REFUSED', actorId: officer.id, requestId: 'req-1', reason: expect.stringMatching(/^FORBIDDEN: district 511181/) });
  });

  it('refuses a read-only role with FORBIDDEN', async () => {
    const { ctx } = fakeCtx(principal(Role.PARTNER_VIEWER));
    const err = await assertCanWrite(ctx, { stages: [S.SALES], districtCode: '511102' }, 'updateBusiness').catch((e) => e);
    expect(err.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const { ctx } = fakeCtx(null);
    const err = await assertCanWrite(ctx, { stages: [S.SALES], districtCode: '511102' }, 'updateBusiness').catch((e) => e);
    expect(err.extensions.code).toBe('UNAUTHENTICATED');
  });
});
