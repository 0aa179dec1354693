import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Plain JavaScript (it runs before anything is compiled), so required rather than imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason } = require('../scripts/build-if-stale.js') as { staleReason: (root: string) => string | null };

/** `npm start` compiles only when a source is newer than the last finished build. */
describe('build-if-stale', () => {
  let root: string;
  const at = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(path.join(root, file), t, t);
  };
  const write = (file: string, secondsAgo: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
    at(file, secondsAgo);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-stale-'));
    write('src/main.ts', 100);
    write('src/modules/a/a.service.ts', 100);
    write('migrations/index.ts', 100);
    write('scripts/seed-demo.ts', 100);
    write('tsconfig.json', 100);
    for (const dir of ['src/modules/a', 'src/modules', 'src', 'migrations', 'scripts']) at(dir, 100);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build, or a build without its stamp (interrupted)', () => {
    expect(staleReason(root)).toBe('no build in dist/');
    write('dist/src/main.js', 50);
    expect(staleReason(root)).toMatch(/no record of a finished build/);
  });

  it('skips the build when nothing changed since the stamp', () => {
    write('dist/src/main.js', 50);
    write('dist/.build-stamp', 50);
    expect(staleReason(root)).toBeNull();
  });

  it.each([
    ['a source file', 'src/modules/a/a.service.ts'],
    ['a migration', 'migrations/index.ts'],
    ['a script', 'scripts/seed-demo.ts'],
    ['the compiler settings', 'tsconfig.json'],
  ])('builds again when %s changed', (_what, file) => {
    write('dist/src/main.js', 50);
    write('dist/.build-stamp', 50);
    at(file, 10);
    expect(staleReason(root)).toBe(`${file} changed since the last build`);
  });

  it('builds again when a file was added or removed (the folder changes)', () => {
    write('dist/src/main.js', 50);
    write('dist/.build-stamp', 50);
    fs.rmSync(path.join(root, 'src/modules/a/a.service.ts'));
    expect(staleReason(root)).toBe(`${path.join('src', 'modules', 'a')} changed since the last build`);
  });
});
