import fs from 'node:fs';
import path from 'node:path';
import { CHANGELOG_FILE, RELEASED_FILE, checkSchema, releasedVersion } from '../scripts/schema-check';
import { SCHEMA_FILE } from '../src/schema';

/**
 * The breaking-change check (issue 16): schema.graphql against the last released schema, with
 * @graphql-inspector/core. A breaking change passes only with a major version bump and the change
 * named in docs/schema-changelog.md; every deprecation names its removal version.
 */

const FIXTURES = path.join(__dirname, 'fixtures', 'schema-check');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('the fixture: a deliberately breaking change', () => {
  it('fails when the major version did not move and the changelog does not name it', async () => {
    const r = await checkSchema(fixture('released.graphql'), fixture('breaking.graphql'), '# Schema changelog\n\n## 1.1.0\n\n- nothing breaking\n', '1.1.0');
    expect(r.breaking.map((c) => c.path)).toEqual(['Item.code']);
    expect(r.problems).toEqual([
      '1 breaking change(s) but the major version did not move (released 1.0.0, now 1.1.0)',
      'breaking change not named in the changelog of 1.1.0: `Item.code` — Field \'code\' was removed from object type \'Item\'',
    ]);
  });

  it('fails with the major bump alone, passes with the bump and the change named', async () => {
    const unnamed = await checkSchema(fixture('released.graphql'), fixture('breaking.graphql'), '## 2.0.0\n\n- other things\n', '2.0.0');
    expect(unnamed.problems).toHaveLength(1);
    const named = await checkSchema(fixture('released.graphql'), fixture('breaking.graphql'), '## 2.0.0\n\n- `Item.code` removed: use `number`.\n\n## 1.0.0\n', '2.0.0');
    expect(named.problems).toEqual([]);
  });

  it('passes an additive change without a bump, but not a deprecation without its removal version', async () => {
    const r = await checkSchema(fixture('released.graphql'), fixture('additive.graphql'), '', '1.0.1');
    expect(r.breaking).toEqual([]);
    expect(r.problems).toEqual(['Item.note is deprecated without "removal in X.Y.Z" in its reason: Not used any more.']);
  });
});

describe('this repository', () => {
  it('schema.graphql is compatible with schema/released.graphql, or its breaking changes are named in the changelog under a new major version', async () => {
    const released = fs.readFileSync(RELEASED_FILE, 'utf8');
    const r = await checkSchema(released, fs.readFileSync(SCHEMA_FILE, 'utf8'), fs.readFileSync(CHANGELOG_FILE, 'utf8'), version);
    // On failure: name each change in docs/schema-changelog.md under "## <version>" and move the major version.
    expect(r.problems).toEqual([]);
    expect(releasedVersion(released)).toBe('0.1.0');
    expect(version).toBe('1.0.0');
  });
});
