/**
 * Breaking-change check of the API contract (README "Schema versions").
 *
 *   npm run schema:check     compares schema.graphql with schema/released.graphql
 *   npm run schema:release   makes the current schema the released one (at a release)
 *
 * A change that @graphql-inspector/core classes as BREAKING passes only when the major version in
 * package.json is above the released one AND docs/schema-changelog.md names the change's path
 * (e.g. `Query.bulletin.from`) in backticks in the section of the current version. Every
 * deprecation must carry a reason that says in which version it will be removed ("removal in 2.0.0").
 */
import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

const ROOT = path.resolve(__dirname, '..');
export const RELEASED_FILE = path.join(ROOT, 'schema', 'released.graphql');
export const CHANGELOG_FILE = path.join(ROOT, 'docs', 'schema-changelog.md');
const CURRENT_FILE = path.join(ROOT, 'schema.graphql');

/** The version a released schema file was released as: its first line, `# Released as version X.Y.Z …`. */
export function releasedVersion(sdl: string): string {
  const m = /^# Released as version (\d+\.\d+\.\d+)/.exec(sdl);
  if (!m) throw new Error('schema/released.graphql must start with "# Released as version X.Y.Z"');
  return m[1];
}

const major = (v: string) => Number(v.split('.')[0]);

/** The part of the changelog under `## <version>` (up to the next `## `). */
export function changelogSection(changelog: string, version: string): string {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${version}`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Deprecated fields, arguments and enum values whose reason does not name a removal version. */
export function deprecationProblems(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  const check = (where: string, reason: string | null | undefined) => {
    if (reason === undefined || reason === null) return;
    if (!/removal in \d+\.\d+\.\d+/i.test(reason)) out.push(`${where} is deprecated without "removal in X.Y.Z" in its reason: ${reason}`);
  };
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__')) continue;
    if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
      for (const f of Object.values(t.getFields())) {
        check(`${t.name}.${f.name}`, f.deprecationReason);
        for (const a of 'args' in f ? f.args : []) check(`${t.name}.${f.name}(${a.name})`, a.deprecationReason);
      }
    }
    if (isEnumType(t)) for (const v of t.getValues()) check(`${t.name}.${v.name}`, v.deprecationReason);
  }
  return out;
}

export interface CheckResult {
  breaking: Change[];
  problems: string[];
}

export async function checkSchema(released: string, current: string, changelog: string, currentVersion: string): Promise<CheckResult> {
  const before = buildSchema(released);
  const after = buildSchema(current);
  const changes = await diff(before, after);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const problems: string[] = [];
  const was = releasedVersion(released);
  if (breaking.length) {
    if (major(currentVersion) <= major(was)) problems.push(`${breaking.length} breaking change(s) but the major version did not move (released ${was}, now ${currentVersion})`);
    const section = changelogSection(changelog, currentVersion);
    if (!section) problems.push(`docs/schema-changelog.md has no "## ${currentVersion}" section`);
    for (const c of breaking) {
      const p = c.path ?? c.message;
      if (!section.includes(`\`${p}\``)) problems.push(`breaking change not named in the changelog of ${currentVersion}: \`${p}\` — ${c.message}`);
    }
  }
  problems.push(...deprecationProblems(after));
  return { breaking, problems };
}

async function main(): Promise<void> {
  const cmd = process.argv[2] ?? 'check';
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  if (cmd === 'release') {
    const sdl = fs.readFileSync(CURRENT_FILE, 'utf8');
    fs.writeFileSync(RELEASED_FILE, `# Released as version ${version} (${new Date().toISOString().slice(0, 10)}): the contract clients build on; \`npm run schema:check\` compares schema.graphql with it.\n${sdl}`);
    console.log(`schema/released.graphql is now version ${version}`);
    return;
  }
  if (cmd === 'list') {
    // Every breaking change's path, for writing the changelog.
    const r = await diff(buildSchema(fs.readFileSync(RELEASED_FILE, 'utf8')), buildSchema(fs.readFileSync(CURRENT_FILE, 'utf8')));
    for (const c of r) console.log(`${c.criticality.level}\t${c.path ?? ''}\t${c.message}`);
    return;
  }
  const r = await checkSchema(fs.readFileSync(RELEASED_FILE, 'utf8'), fs.readFileSync(CURRENT_FILE, 'utf8'), fs.readFileSync(CHANGELOG_FILE, 'utf8'), version);
  console.log(`${r.breaking.length} breaking change(s) against schema/released.graphql (${releasedVersion(fs.readFileSync(RELEASED_FILE, 'utf8'))}), version now ${version}`);
  for (const p of r.problems) console.error(`!! ${p}`);
  if (r.problems.length) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
