import { CCC_NUMBER, LEGACY_REG_NO, checkUscc, isChinesePhone, organisationCodeCheck, usccOuterCheckDigit } from '../src/modules/registry/registry.identifiers';

describe('USCC (统一社会信用代码), DOMAIN.md §8.1 test vectors', () => {
  it.each(['91310110666007217T', '9144030071526726XG', '91310115591693856A'])('%s is valid', (code) => {
    const r = checkUscc(code);
    expect(r.problem).toBeNull();
    expect(usccOuterCheckDigit(code.slice(0, 17))).toBe(code[17]);
  });

  it('91350211M00013FA1N (an early pilot code) fails the outer check: computes 3, has N; its inner check passes', () => {
    const r = checkUscc('91350211M00013FA1N');
    expect(r.problem).toEqual({ kind: 'OUTER_CHECK', expected: '3', message: expect.stringContaining('should be 3'), messageZh: '校验码错误：第 18 位为 N，应为 3' });
    expect(organisationCodeCheck('M00013FA')).toBe('1');
    expect(r.warnings.some((w) => w.includes('organisation code'))).toBe(false);
  });

  it('normalises case and surrounding spaces', () => {
    expect(checkUscc(' 91310110666007217t ').value).toBe('91310110666007217T');
    expect(checkUscc(' 91310110666007217t ').problem).toBeNull();
  });

  it.each([
    ['9131011066600721', /18 characters, this has 16/],
    ['91310110666007217TX', /18 characters/],
    ['91310110666OO7217T', /"O" is not allowed/],
    ['9I310110666007217T', /"I" is not allowed/],
    ['913101S0666007217T', /"S" is not allowed/],
    ['91A10110666007217T', /division code/],
  ])('hard-fails on format: %s', (code, message) => {
    const r = checkUscc(code);
    expect(r.problem?.kind).toBe('FORMAT');
    expect(r.problem?.message).toMatch(message);
  });

  it('warns (does not fail) when the inner organisation-code check fails or the division is outside Leshan', () => {
    // Positions 9–17 changed so the inner check fails; outer check digit recomputed so it passes.
    const body = '91511102MA62X0000';
    const code = body + usccOuterCheckDigit(body);
    const r = checkUscc(code);
    expect(r.problem).toBeNull();
    expect(r.warnings).toEqual([expect.stringContaining('organisation code')]);
    expect(checkUscc('91310110666007217T').warnings).toEqual([expect.stringContaining('outside Leshan')]);
  });
});

describe('other identifiers', () => {
  it('legacy registration numbers are 15 digits not starting with 0', () => {
    expect(LEGACY_REG_NO.test('511100000012345')).toBe(true);
    expect(LEGACY_REG_NO.test('011100000012345')).toBe(false);
    expect(LEGACY_REG_NO.test('51110000001234')).toBe(false);
  });

  it('CCC numbers are 16 digits starting with 19 or 20', () => {
    expect(CCC_NUMBER.test('2024011116000123')).toBe(true);
    expect(CCC_NUMBER.test('2124011116000123')).toBe(false);
    expect(CCC_NUMBER.test('202401111600012')).toBe(false);
    expect(CCC_NUMBER.test('20240111160001AB')).toBe(false);
  });

  it.each(['13812341234', '+86 138 1234 1234', '0833-2123456', '08332123456', '028-81234567-102', '400-123-4567'])('%s is a Chinese phone number', (p) => {
    expect(isChinesePhone(p)).toBe(true);
  });
  it.each(['12812341234', '1381234123', '833-2123456', 'phone', '0833-21234'])('%s is not', (p) => {
    expect(isChinesePhone(p)).toBe(false);
  });
});
