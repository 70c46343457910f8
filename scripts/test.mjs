#!/usr/bin/env node
// The one gate (`npm test`): type check, lint, then every test file through node's test runner.
// Node 20 neither expands globs nor finds .ts files in a directory argument, so the files are
// listed here. `--reference` runs the suites that need ../shared/data (not shipped) instead.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const reference = process.argv.includes('--reference');
const only = process.argv.filter((a) => !a.startsWith('--')).slice(2);

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...extraEnv } });
  return r.status ?? 1;
}

let files = [...walk(join(root, 'src')), ...walk(join(root, 'test'))].sort();
files = files.filter((f) => f.includes('/reference/') === reference);
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

if (!reference && !only.length) {
  console.log('> tsc --noEmit');
  if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);
  console.log('> eslint');
  if (run('npx', ['eslint', 'src', 'test', 'bench', 'scripts', 'web/src']) !== 0) process.exit(1);
  console.log('> tsc --noEmit -p web');
  if (run('npx', ['tsc', '--noEmit', '-p', 'web']) !== 0) process.exit(1);
}
// The CLI tests run the compiled bin (bin/talentflow.mjs -> dist/): recompile what changed first.
console.log('> build (dist/, if stale)');
if (run(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale']) !== 0) process.exit(1);
if (!files.length) {
  if (reference) {
    console.log('no reference suites found under test/reference');
    process.exit(0);
  }
  console.error('no test files found');
  process.exit(1);
}
console.log(`> node --test (${files.length} files)`);
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${join(root, 'scripts/test-durations.mjs')}`, '--test-reporter-destination=stdout'];
process.exit(run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...reporters, ...files]));
