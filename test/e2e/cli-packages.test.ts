import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { BIN } from '../helpers/cli.ts';
import { REPO } from '../helpers/workspace.ts';

// Issue 14 item 3: start-up is part of "file to result". A command loads the packages its work
// needs and no others: exceljs (over half a second) only for a workbook, OpenCC's and pinyin-pro's
// tables only to match region names, the WKT parser only for boundaries. Each command is run as a
// user runs it, with a resolve hook (test/helpers/record-packages.mjs) listing the packages loaded.
// DuckDB shows as its native binding, @duckdb/node-bindings: the CLI's bundle carries its own
// copy of the JavaScript client (scripts/build.mjs).
const dir = mkdtempSync(join(tmpdir(), 'talentflow-packages-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HOOK = join(REPO, 'test/helpers/record-packages.mjs');
/** Loaded only where a file or a value needs them. */
const HEAVY = ['exceljs', 'opencc-js', 'pinyin-pro', 'fastest-levenshtein', 'wellknown', 'hono', '@hono/node-server'];

function packagesOf(args: readonly string[]): { code: number; stdout: string; stderr: string; packages: Set<string> } {
  const record = join(dir, `packages-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TALENTFLOW_WORKSPACE: '', TALENTFLOW_RECORD_PACKAGES: record },
  });
  const packages = new Set(existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean) : []);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, packages };
}

function assertNone(packages: Set<string>, unwanted: readonly string[], what: string): void {
  assert.deepEqual(unwanted.filter((p) => packages.has(p)), [], `${what} loaded packages it has no use for`);
}

test('the hook sees the packages a command loads (else the tests below could not fail)', () => {
  const xlsx = join(dir, 'flows.xlsx');
  writeFileSync(xlsx, 'not a workbook');
  const r = packagesOf(['fit', 'gravity', '--flows', xlsx, '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', '--json']);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.packages.has('@duckdb/node-bindings') && r.packages.has('exceljs'), `a workbook loads exceljs: ${[...r.packages].join(', ')}`);
});

test('fit gravity --flows on a plain CSV loads neither DuckDB, exceljs, the name tables nor the server; a quoted one loads DuckDB\'s bundled client and fits the same', () => {
  const csv = join(dir, 'flows.csv');
  const rows = ['o,d,flow,dist'];
  const n = 6;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) rows.push(`R${i},R${j},${10 + ((i * 7 + j * 3) % 11)},${1 + Math.abs(i - j)}`);
  writeFileSync(csv, rows.join('\n') + '\n');
  const r = packagesOf(['fit', 'gravity', '--flows', csv, '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', '--constraint', 'doubly', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).nobs, n * (n - 1));
  // A plain CSV is read by JavaScript (store/read-columns.ts); a quoted cell sends the file to DuckDB's reader.
  const quoted = join(dir, 'quoted.csv');
  writeFileSync(quoted, rows.join('\n').replace('R0,', '"R0",') + '\n');
  const q = packagesOf(['fit', 'gravity', '--flows', quoted, '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', '--constraint', 'doubly', '--json']);
  assert.equal(q.code, 0, q.stderr);
  assert.deepEqual(JSON.parse(q.stdout).coefficients, JSON.parse(r.stdout).coefficients);
  // DuckDB loads on first use (store/duckdb/node-api.ts): 75-85 ms a plain file does not pay.
  assert.ok(!r.packages.has('@duckdb/node-bindings'), 'a plain CSV is read without DuckDB');
  assert.ok(q.packages.has('@duckdb/node-bindings'), 'a quoted cell sends the file to DuckDB\'s reader');
  assert.ok(!q.packages.has('@duckdb/node-api'), 'the CLI loads its bundled copy of DuckDB\'s client, not the package\'s 180 files');
  // JSON out: no table, so not the text-width package either (25-70 ms of start-up).
  assertNone(r.packages, [...HEAVY, 'string-width'], 'fit gravity --flows x.csv --json');
  // The same fit as a table loads it.
  const table = packagesOf(['fit', 'gravity', '--flows', csv, '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', '--constraint', 'doubly']);
  assert.equal(table.code, 0, table.stderr);
  assert.ok(table.packages.has('string-width'), 'a summary with tables loads string-width');
});

test('talentflow --help loads neither DuckDB nor zod', () => {
  const r = packagesOf(['--help']);
  assert.equal(r.code, 0, r.stderr);
  assertNone(r.packages, [...HEAVY, '@duckdb/node-api', '@duckdb/node-bindings', 'zod', 'string-width'], '--help');
});

test('init and models on a new workspace load no name tables and no exceljs', () => {
  const w = join(dir, 'w.duckdb');
  for (const args of [['init', '-w', w], ['models', '-w', w, '--json']]) {
    const r = packagesOf(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assertNone(r.packages, HEAVY, args.join(' '));
  }
});
