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
