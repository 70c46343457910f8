/**
 * The published package as a user gets it: `npm pack` of this clone, installed into an empty
 * project without network (`npm ci --offline` from the local npm cache, see consumer-lock.ts),
 * then imported from plain Node (ESM and require), type-checked from a strict TypeScript
 * project, and its CLI run. README's library example runs as written.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { encodeGb18030 } from '../fuzz/gb18030.ts';
import { consumerLock } from './consumer-lock.ts';
import { readmeBlocks } from '../helpers/readme-blocks.ts';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; exports: Record<string, unknown>; bin: Record<string, string> };
let dir = '';
let project = '';
let packedFiles: string[] = [];

function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: project, encoding: 'utf8', maxBuffer: 1 << 26, ...options, env: { ...process.env, TALENTFLOW_WORKSPACE: '', ...options.env } });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
const node = (args: readonly string[]) => run(process.execPath, args);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-pack-'));
  project = join(dir, 'consumer');
  mkdirSync(project);
  // Scripts are skipped: `prepare` would rebuild dist/ under other tests that run it (npm test
  // has just brought it up to date), and `prepack` would rebuild the dashboard.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO });
  assert.equal(packed.code, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = info.files.map((f) => f.path);
  const registry = run('npm', ['config', 'get', 'registry'], { cwd: REPO }).stdout.trim();
  const { packageJson, lock } = consumerLock({
    registry, repoLock: join(REPO, 'package-lock.json'), tarball: join(dir, info.filename), tarballRef: `file:../${info.filename}`, packageJson: pkg,
    extra: ['@types/node'], // what a TypeScript user of a Node library installs beside it
  });
  writeFileSync(join(project, 'package.json'), JSON.stringify(packageJson, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
  const installed = run('npm', ['ci', '--offline', '--no-audit', '--no-fund']);
  assert.equal(installed.code, 0, installed.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the compiled package and bundled data, not the sources', () => {
  for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli-bundle/main.js', 'dist/cli-bundle/command-summaries.json', 'bin/talentflow.mjs', 'data/README.md', 'examples/korea-regional-income.json', 'README.md', 'package.json'])
    assert.ok(packedFiles.includes(f), `${f} is packed`);
  for (const f of packedFiles) {
    assert.ok(!/^(src|test|bench|scripts|web\/src)\//.test(f), `${f} should not be packed`);
    assert.ok(!/\.(ts|duckdb)$/.test(f) || f.endsWith('.d.ts'), `${f} should not be packed`);
    assert.ok(!f.endsWith('.tsbuildinfo'), `${f} should not be packed`);
  }
  // Every export and the bin point into the tarball.
  for (const [sub, target] of Object.entries(pkg.exports)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target as Record<string, string>);
    for (const p of paths) assert.ok(packedFiles.includes(p.replace(/^\.\//, '')), `export ${sub}: ${p} is packed`);
  }
  for (const p of Object.values(pkg.bin)) assert.ok(packedFiles.includes(p), `bin ${p} is packed`);
});

test('plain Node imports the package and every subpath as ES modules', () => {
  const subpaths = Object.keys(pkg.exports).filter((s) => s !== './package.json').map((s) => s.replace(/^\./, 'talentflow'));
  writeFileSync(join(project, 'esm.mjs'), `
    const out = {};
    for (const s of ${JSON.stringify(subpaths)}) out[s] = Object.keys(await import(s)).length;
    const { openWorkspace, fitGravity, runCli } = await import('talentflow');
    out.functions = [openWorkspace, fitGravity, runCli].map((f) => typeof f);
    console.log(JSON.stringify(out));`);
  const r = node(['esm.mjs']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  for (const s of subpaths) assert.ok((out[s] as number) > 0, `${s} exports something`);
  assert.deepEqual(out.functions, ['function', 'function', 'function']);
});

test('require() loads the ES module build (Node >= 20.19, as engines say), with no CommonJS copy', () => {
  // Node 20.19 made require() of ES modules without top-level await a stable default, so one
  // build serves both; engines asks for it. Older Node would throw ERR_REQUIRE_ESM.
  writeFileSync(join(project, 'cjs.cjs'), `
    const tf = require('talentflow');
    const { InputError } = require('talentflow/core');
    console.log(JSON.stringify([typeof tf.openWorkspace, typeof tf.queryFlows, new InputError('x').code]));`);
  const r = node(['cjs.cjs']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), ['function', 'function', 'INPUT']);
});

test('the installed CLI runs from dist without tsx and builds the demo from its bundled data', () => {
  assert.ok(!existsSync(join(project, 'node_modules/tsx')), 'tsx is not a runtime dependency');
  const bin = join(project, 'node_modules/.bin/talentflow');
  const help = run(bin, ['--help']);
  assert.equal(help.code, 0, help.stderr);
  for (const c of ['import', 'fit', 'scenario', 'serve']) assert.match(help.stdout, new RegExp(`^  ${c} `, 'm'));
  const demo = run(bin, ['demo', '-w', 'talentflow.duckdb', '--json']);
  assert.equal(demo.code, 0, demo.stderr);
  const regions = JSON.parse(run(bin, ['regions', '--level', 'province', '--within', 'northeast', '-w', 'talentflow.duckdb', '--json']).stdout) as { code: string }[];
  assert.deepEqual(regions.map((r) => r.code).sort(), ['210000', '220000', '230000']);
});

test("README's library example runs as written against the demo workspace and type-checks", () => {
  const example = readmeBlocks(readFileSync(join(REPO, 'README.md'), 'utf8'), 'ts', '## Library');
  assert.equal(example.length, 1, 'one TypeScript block under ## Library');
  // The example's input: a yearbook-style province table in GB18030 with Chinese headers.
  writeFileSync(join(project, 'yearbook.csv'), encodeGb18030('迁出地,迁入地,人数\r\n辽宁,北京,12000\r\n黑龙江,广东,9500\r\n北京,吉林,3000\r\n广东,北京,7000\r\n'));
  if (!existsSync(join(project, 'talentflow.duckdb'))) assert.equal(run(join(project, 'node_modules/.bin/talentflow'), ['demo', '-w', 'talentflow.duckdb']).code, 0);
  // Its code is plain JavaScript as well as TypeScript: run it as an ES module as written.
  writeFileSync(join(project, 'example.mjs'), example[0]);
  const r = node(['example.mjs']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').sort();
  assert.deepEqual(lines, ['北京市 -> 吉林省: 3000', '辽宁省 -> 北京市: 12000', '黑龙江省 -> 广东省: 9500'].sort());
  // And type-check it against the package's declarations, as a strict TypeScript user would.
  writeFileSync(join(project, 'example.ts'), example[0]);
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['example.ts'] }));
  const tsc = node([join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);
});
