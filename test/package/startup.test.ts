/**
 * `talentflow --help` starts fast because it loads no command module (they pull in DuckDB,
 * exceljs and zod): the compiled bin is run with a module hook that records every module loaded
 * and the process's CPU time. CPU time, not wall time, is compared with a bare `node`: a shared
 * test machine's load stretches wall time but not the work done.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';

const BIN = join(REPO, 'bin/talentflow.mjs');
/** The commands, as the build lists them. */
const COMMANDS = new Set((JSON.parse(readFileSync(join(REPO, 'dist/cli/command-summaries.json'), 'utf8')) as { name: string }[]).map((c) => c.name));
/**
 * The command modules among the loaded ones: in the bundled CLI (scripts/build.mjs) each command
 * is a chunk of its own, named after its module (`init-<hash>.js`).
 */
const commandsIn = (modules: string[]) => modules.map((m) => /\/dist\/cli-bundle\/([a-z-]+)-[A-Z0-9]+\.js$/.exec(m)?.[1]).filter((n): n is string => n !== undefined && COMMANDS.has(n));
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-startup-'));
  writeFileSync(join(dir, 'hooks.mjs'), `
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      appendFileSync(process.env.TF_LOAD_LOG, url + '\\n');
      return next(url, context);
    }`);
  writeFileSync(join(dir, 'watch.mjs'), `
    import { register } from 'node:module';
    import { writeFileSync } from 'node:fs';
    register(new URL('./hooks.mjs', import.meta.url));
    process.on('exit', () => {
      const { user, system } = process.cpuUsage();
      writeFileSync(process.env.TF_CPU_LOG, String((user + system) / 1e6));
    });`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs node with the watch hook; returns the modules it loaded and its CPU seconds. */
function watched(args: readonly string[], run: number): { code: number; stdout: string; modules: string[]; cpu: number } {
  const loadLog = join(dir, `load-${run}.log`);
  const cpuLog = join(dir, `cpu-${run}.log`);
  writeFileSync(loadLog, '');
  const r = spawnSync(process.execPath, ['--import', join(dir, 'watch.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, TF_LOAD_LOG: loadLog, TF_CPU_LOG: cpuLog } });
  return { code: r.status ?? -1, stdout: r.stdout, modules: readFileSync(loadLog, 'utf8').split('\n').filter(Boolean), cpu: Number(readFileSync(cpuLog, 'utf8')) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('talentflow --help loads no command module, DuckDB, exceljs nor zod', () => {
  const r = watched([BIN, '--help'], 0);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^ {2}fit /m);
  assert.ok(r.modules.some((m) => m.includes('/dist/cli-bundle/main.js')), 'runs the bundled CLI');
  assert.deepEqual(commandsIn(r.modules), [], 'no command module is loaded');
  for (const heavy of ['/dist/cli/', '@duckdb', 'exceljs', '/zod/', '/dist/store/'])
    assert.deepEqual(r.modules.filter((m) => m.includes(heavy)), [], `${heavy} is not loaded`);
});

test('talentflow --help costs at most 0.25 s of CPU more than starting node (median of 5)', (t) => {
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    help.push(watched([BIN, '--help'], 10 + i).cpu);
    bare.push(watched(['-e', '0'], 20 + i).cpu);
  }
  t.diagnostic(`CPU seconds, median of 5: --help ${median(help).toFixed(3)}, bare node ${median(bare).toFixed(3)}`);
  assert.ok(median(help) - median(bare) <= 0.25, `--help took ${median(help).toFixed(3)} s of CPU against ${median(bare).toFixed(3)} s for bare node`);
});

test('a command loads only its own module', () => {
  const r = watched([BIN, 'init', '--help'], 1);
  assert.equal(r.code, 0);
  assert.deepEqual(commandsIn(r.modules), ['init']);
});
