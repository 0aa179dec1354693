import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../src/common/connection';
import { escapeLike } from '../src/common/filters';
import { diff } from '../src/modules/audit/audit.service';

describe('cursors', () => {
  it('round-trips sort value and id, opaquely', () => {
    const c = encodeCursor(['2026-11-29T08:00:00.000Z', '4f1c2a8e-0000-4000-8000-000000000001']);
    expect(c).not.toContain('2026');
    expect(decodeCursor(c, 2)).toEqual(['2026-11-29T08:00:00.000Z', '4f1c2a8e-0000-4000-8000-000000000001']);
  });

  it.each(['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url'), encodeCursor([{ x: 1 } as never, 'id'])])(
    'refuses a cursor it did not make (%s) with BAD_USER_INPUT naming `after`',
    (cursor) => {
      let e: unknown;
      try {
        decodeCursor(cursor, 2);
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(GraphQLError);
      expect((e as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    },
  );
});

describe('cursor values against their sort key', () => {
  const id = '4f1c2a8e-0000-4000-8000-000000000001';
  it.each([
    ['text', 'Zhang', true],
    ['text', 'a\u0000b', false],
    ['timestamptz', '2026-11-29T08:00:00.000Z', true],
    ['timestamptz', 'yesterday', false],
    ['timestamptz', '2026-11-29', false],
    ['date', '2026-02-28', true],
    ['date', '2026-02-31', false],
    ['int', 7, true],
    ['int', 7.5, false],
    ['text', 5, false],
  ] as const)('%s %p fits: %p', (cast, value, fits) => {
    const run = () => decodeCursor(encodeCursor([value, id]), 2, [cast, 'uuid']);
    if (fits) expect(run()).toEqual([value, id]);
    else expect(run).toThrow(GraphQLError);
  });

  it('refuses an id that is not a UUID', () => {
    expect(() => decodeCursor(encodeCursor(['Zhang', '1']), 2, ['text', 'uuid'])).toThrow(/not a cursor/);
  });
});

describe('filters', () => {
  it('escapes LIKE wildcards so "contains" is literal', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});

describe('audit diff', () => {
  it('keeps only changed fields, with dates as ISO strings', () => {
    const d = new Date('2026-01-02T03:04:05.000Z');
    expect(diff({ a: 1, b: [1, 2], c: 'x', t: null }, { a: 1, b: [2, 1], c: 'y', t: d, n: 'new' })).toEqual({
      b: { before: [1, 2], after: [2, 1] },
      c: { before: 'x', after: 'y' },
      t: { before: null, after: '2026-01-02T03:04:05.000Z' },
      n: { before: null, after: 'new' },
    });
    expect(diff(null, null)).toEqual({});
  });
});
