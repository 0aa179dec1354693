#!/usr/bin/env node
/**
 * `npm start` runs this before `node dist/src/main.js`: compile only when a source is newer than
 * the last successful build. A full `tsc` costs about a minute on a busy 2-CPU machine; a restart
 * with an unchanged tree should not pay it.
 *
 * Plain JavaScript on purpose: it must run before anything is compiled.
 *
 * Inputs: every file and folder under src/, migrations/, scripts/ (a folder's time changes when a
 * file in it is added, renamed or removed), and the build's own settings. The stamp is
 * dist/.build-stamp, written after tsc succeeds, dated when that build started (so an edit made
 * while it ran still counts as newer).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const INPUT_DIRS = ['src', 'migrations', 'scripts'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'ormconfig.ts', 'package.json'];
const STAMP = path.join('dist', '.build-stamp');

/** The newest input as [mtimeMs, path], or null when there is none. */
function newestInput(root) {
  let newest = null;
  const see = (file) => {
    let st;
    try {
      st = fs.statSync(file);
    } catch {
      return null;
    }
    if (!newest || st.mtimeMs > newest[0]) newest = [st.mtimeMs, file];
    return st;
  };
  const walk = (dir) => {
    const st = see(dir);
    if (!st || !st.isDirectory()) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else see(p);
    }
  };
  for (const d of INPUT_DIRS) walk(path.join(root, d));
  for (const f of INPUT_FILES) see(path.join(root, f));
  return newest;
}

/** Why a build is needed, or null when dist/ is current. */
function staleReason(root) {
  const stampFile = path.join(root, STAMP);
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) return 'no build in dist/';
  let stamp;
  try {
    stamp = fs.statSync(stampFile).mtimeMs;
  } catch {
    return 'no record of a finished build (dist/.build-stamp)';
  }
  const newest = newestInput(root);
  if (newest && newest[0] > stamp) return `${path.relative(root, newest[1])} changed since the last build`;
  return null;
}

function build(root) {
  const started = new Date();
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const res = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) return res.status ?? 1;
  const stampFile = path.join(root, STAMP);
  fs.writeFileSync(stampFile, `${started.toISOString()}\n`);
  fs.utimesSync(stampFile, started, started);
  return 0;
}

module.exports = { staleReason, newestInput };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const reason = staleReason(root);
  if (reason === null) {
    process.stdout.write('dist/ is current: skipping the TypeScript build\n');
  } else {
    process.stdout.write(`Compiling TypeScript (${reason})…\n`);
    const t0 = Date.now();
    const code = build(root);
    if (code !== 0) process.exit(code);
    process.stdout.write(`Compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
}
