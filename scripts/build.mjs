#!/usr/bin/env node
// Compiles src/ to dist/ (tsconfig.build.json) and writes the CLI's command summaries beside the
// compiled registry, so `talentflow --help` lists every command without loading any of them.
// Then bundles the compiled CLI into dist/cli-bundle/ (esbuild: one file for what every command
// needs, one per command and per lazily loaded module, npm packages left outside), which
// bin/talentflow.mjs runs: resolving and loading ~450 separate modules cost every command
// ~0.2 s of CPU. The library (package exports) stays the unbundled dist/.
// `npm install` / `npm ci` run it (the `prepare` script); `npm run build` runs it by hand.
//
// tsc recompiles only what changed since the last build.
//
//   --if-stale   do nothing when no file under src/ and no tsconfig is newer than the last build
//                (scripts/test.mjs uses it: the CLI tests run the compiled bin)
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const stamp = join(dist, '.tsbuildinfo');
const summaries = join(dist, 'cli', 'command-summaries.json');
const bundleDir = join(dist, 'cli-bundle');
const bundleMain = join(bundleDir, 'main.js');
const DUCKDB_API_FILE = 'duckdb-node-api.cjs';
const lock = join(root, '.build.lock');

/** Newest modification time under `dir`, folders included (they change when a file is added, renamed or deleted). */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function isStale() {
  if (!existsSync(stamp) || !existsSync(summaries) || !existsSync(bundleMain)) return true;
  const built = Math.min(statSync(stamp).mtimeMs, statSync(summaries).mtimeMs, statSync(bundleMain).mtimeMs);
  const inputs = [join(root, 'src'), join(root, 'types')].filter(existsSync).map(newest);
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) inputs.push(statSync(join(root, f)).mtimeMs);
  return Math.max(...inputs) > built;
}

/** One build at a time: several test runs may start together in a shared clone. */
function withLock(work) {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock left by a killed build is taken over after two minutes (a build takes under one).
      if (waited > 120_000 || Date.now() - statSync(lock).mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes compiled files whose source was deleted or renamed (tsc never removes outputs). */
function pruneOrphans(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      pruneOrphans(p);
      if (!readdirSync(p).length) rmSync(p, { recursive: true });
      continue;
    }
    const m = /^(.*)\.(js|d\.ts)$/.exec(relative(dist, p));
    if (m && !m[1].startsWith('cli-bundle/') && !existsSync(join(root, 'src', m[1] + '.ts'))) rmSync(p);
  }
}

/**
 * dist/cli/main.js and what it imports, bundled into dist/cli-bundle/ (the same depth below the
 * root as dist/<folder>/, and src/io/package-root.ts finds the root from any depth). Chunks of an
 * earlier build are removed once they are a minute old: a CLI process started before this build
 * may still be loading its command's chunk.
 */
function bundle() {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    console.error('build: esbuild is not installed (it is a devDependency: run `npm install` in the clone)');
    return 1;
  }
  const started = Date.now();
  // DuckDB's client (CommonJS, ~180 files) as one file beside the bundle, which its door
  // (src/store/duckdb/node-api.ts) requires instead of the package: half its load time. Its
  // native binding stays the installed package's.
  const duckdb = esbuild.buildSync({
    entryPoints: [createRequire(import.meta.url).resolve('@duckdb/node-api')], outfile: join(bundleDir, DUCKDB_API_FILE), bundle: true, format: 'cjs',
    platform: 'node', target: 'node20', external: ['@duckdb/node-bindings'], logLevel: 'warning',
  });
  if (duckdb.errors.length) return 1;
  const result = esbuild.buildSync({
    entryPoints: [join(dist, 'cli', 'main.js')], outdir: bundleDir, bundle: true, splitting: true, format: 'esm', platform: 'node',
    target: 'node20', packages: 'external', metafile: true, logLevel: 'warning',
    define: { __TALENTFLOW_DUCKDB_API__: JSON.stringify(`./${DUCKDB_API_FILE}`) },
  });
  if (result.errors.length) return 1;
  const written = new Set(Object.keys(result.metafile.outputs).map((f) => join(root, f)));
  for (const name of readdirSync(bundleDir)) {
    const p = join(bundleDir, name);
    if (name.endsWith('.js') && !written.has(p) && statSync(p).mtimeMs < started - 60_000) rmSync(p);
  }
  return 0;
}

function build() {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) return 0;
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error('build: TypeScript is not installed (it is a devDependency: run `npm install` in the clone)');
    return 1;
  }
  const started = Date.now();
  // tsc recompiles only what changed (its incremental build info); dist/ is never emptied first,
  // because in a shared clone other processes may be running the CLI from it.
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) return r.status ?? 1;
  pruneOrphans(dist);
  // The summaries come from the compiled commands themselves, so they cannot disagree with them.
  const s = spawnSync(process.execPath, ['--input-type=module', '-e', `
    const { describeCommands } = await import(${JSON.stringify(new URL('../dist/cli/command-registry.js', import.meta.url).href)});
    process.stdout.write(JSON.stringify(await describeCommands(), null, 2) + '\\n');`], { cwd: root, encoding: 'utf8' });
  if (s.status !== 0) {
    process.stderr.write(s.stderr);
    return s.status ?? 1;
  }
  writeFileSync(summaries, s.stdout);
  const b = bundle();
  if (b !== 0) return b;
  writeFileSync(join(bundleDir, 'command-summaries.json'), s.stdout);
  // All dated to the build's start: tsc leaves its build info untouched when nothing changed,
  // and a source saved during the build must count as newer than it.
  const start = new Date(started);
  for (const f of [stamp, summaries, bundleMain]) utimesSync(f, start, start);
  console.log(`build: dist/ compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exit(withLock(build));
