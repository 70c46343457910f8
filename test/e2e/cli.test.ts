import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function tf(...args: string[]) {
  return runCli(dir, args);
}
const json = <T>(r: { stdout: string }): T => JSON.parse(r.stdout) as T;

test('importing the China census file by hand gives 31 provinces and every city with its province', () => {
  const w = join(dir, 'census.duckdb');
  const imp = tf('import', 'regions', join(REPO, 'data/china/raw/census_city_2010-2020.csv'), '-w', w, '--json');
  assert.equal(imp.code, 0, imp.stderr);
  const s = json<{ rows: number; notes: string[] }>(imp);
  // 367 cities, Hong Kong, Macao, 31 built provinces and the country CN from the bundled registry.
  assert.equal(s.rows, 401);
  assert.ok(s.notes.some((n) => n.startsWith('built 31 province regions')));
  assert.ok(s.notes.some((n) => n.startsWith('created CN (中国 / China, country)')));
  const provinces = json<{ code: string; name_zh: string }[]>(tf('regions', '--level', 'province', '-w', w, '--json'));
  assert.equal(provinces.length, 31);
  assert.ok(provinces.some((p) => p.code === '210000' && p.name_zh === '辽宁省'));
  const cities = json<{ code: string; parent: string; centroid_lon: number; area_km2: number }[]>(tf('regions', '--level', 'city', '-w', w, '--json'));
  assert.equal(cities.length, 367);
  const codes = new Set(provinces.map((p) => p.code));
  for (const c of cities) {
    assert.ok(codes.has(c.parent), `${c.code} has province ${c.parent}`);
    assert.ok(c.area_km2 > 0 && c.centroid_lon > 70, `${c.code} has a centroid and area from its polygon`);
  }
  const sars = json<{ code: string }[]>(tf('regions', '--level', 'sar', '-w', w, '--json'));
  assert.deepEqual(sars.map((r) => r.code), ['810000', '820000']);
  const liaoning = json<{ code: string }[]>(tf('regions', '--within', '辽宁', '--level', 'city', '-w', w, '--json'));
  assert.equal(liaoning.length, 14);
  const pop = json<{ value: number }[]>(tf('indicators', 'population', '--within', '210000', '--level', 'province', '--period', '2020', '-w', w, '--json'));
  assert.equal(pop[0].value, 42591407, 'Liaoning 2020 = sum of its cities = official census total');
  // A region before its children, children by code: CN first, then its provinces (CN was last, sorted by code).
  const cn = json<{ code: string }[]>(tf('regions', 'CN', '-w', w, '--json')).map((r) => r.code);
  assert.equal(cn[0], 'CN');
  assert.deepEqual(cn.slice(1), [...cn.slice(1)].sort());
  assert.equal(cn.length, 34);
  const table = tf('regions', 'CN', '-w', w).stdout.split('\n');
  assert.match(table[2], /^CN +中国/, table.slice(0, 4).join('\n'));
  // Searched names give the province before its city of the same name, and the whole list is the tree's order.
  assert.deepEqual(json<{ code: string }[]>(tf('regions', '吉林', '-w', w, '--json')).map((r) => r.code), ['220000', '220200']);
  const all = json<{ code: string; parent: string | null }[]>(tf('regions', '-w', w, '--json'));
  assert.equal(all[0].code, 'CN');
  const seen = new Set<string>();
  for (const r of all) {
    assert.ok(r.parent === null || seen.has(r.parent), `${r.code} after its parent ${r.parent}`);
    seen.add(r.code);
  }
});

test('every command has --help listing --json and --workspace, and exits 0', () => {
  for (const cmd of ['init', 'import', 'regions', 'flows', 'indicators', 'export', 'demo']) {
    const r = tf(cmd, '--help');
    assert.equal(r.code, 0, cmd);
    assert.match(r.stdout, /--json/, cmd);
    assert.match(r.stdout, /--workspace/, cmd);
  }
  assert.equal(tf('--help').code, 0);
});

test('exit codes: 1 for a user error with the message on stderr, 1 for usage errors', () => {
  const w = join(dir, 'e.duckdb');
  assert.equal(tf('init', '-w', w).code, 0);
  const p = join(dir, 'bad.csv');
  writeFileSync(p, 'origin,destination,year,count\nA,B,2019,1\n');
  const r = tf('import', 'flows', p, '-w', w);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: .*bad\.csv: the workspace has no regions yet/);
  const j = tf('import', 'flows', p, '-w', w, '--json');
  assert.equal(json<{ error: { code: string } }>(j).error.code, 'INPUT');
  assert.equal(tf('import', 'nonsense', p, '-w', w).code, 1);
  assert.equal(tf('frobnicate').code, 1);
  const missing = tf('regions', '-w', join(dir, 'nope.duckdb'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no workspace at .*nope\.duckdb/);
});

test('demo builds the workspace in one step; flows, roll-ups and export work on it', () => {
  const w = join(dir, 'demo.duckdb');
  const d = tf('demo', '-w', w, '--json');
  assert.equal(d.code, 0, d.stderr);
  const summary = json<{ sets: { country: string; regions: number; flows: number }[] }>(d);
  assert.deepEqual(summary.sets.map((s) => [s.country, s.regions, s.country === 'China' ? 'estimated' : s.flows]), [
    ['Austria', 10, 72], ['China', 401, 'estimated'], ['Korea', 18, 2601], ['United States', 64, 1954],
  ]);
  // China's province flows 2000-2010 are estimated from the census birthplace tables (no observed flows ship).
  assert.ok(summary.sets.find((s) => s.country === 'China')!.flows > 600);
  assert.equal(tf('demo', '-w', w).code, 0, 'an existing demo workspace is reused');
  const f = json<{ rows: { destination: string; count: number }[] }>(tf('flows', '--origin', 'Seoul', '--period', '2019', '--no-intra', '-w', w, '--json'));
  assert.equal(f.rows.length, 16);
  // KOSIS 2019: Seoul -> Gyeonggi-do is the largest corridor in the country.
  assert.equal(f.rows[0].destination, 'KR41');
  const total = json<{ rows: { count: number }[] }>(tf('flows', '--origin', 'KR', '--period', '2019', '--level', 'country', '-w', w, '--json'));
  const all = json<{ rows: { count: number }[] }>(tf('flows', '--origin', 'KR', '--period', '2019', '-w', w, '--json'));
  assert.equal(total.rows[0].count, all.rows.reduce((a, r) => a + r.count, 0), 'roll-up equals the sum of its parts');
  const out = join(dir, 'korea.parquet');
  assert.equal(tf('export', 'flows', out, '--origin', 'KR', '-w', w).code, 0);
  const csv = join(dir, 'regions.csv');
  assert.equal(tf('export', 'regions', csv, '--within', 'northeast', '--level', 'city', '-w', w).code, 0);
  assert.equal(readFileSync(csv, 'utf8').trim().split('\n').length, 1 + 36);
  // The exported Parquet file imports back into a fresh workspace holding the same regions.
  const w2 = join(dir, 'back.duckdb');
  assert.equal(tf('import', 'regions', join(REPO, 'data/korea/regions.csv'), '-w', w2).code, 0);
  const back = tf('import', 'flows', out, '-w', w2, '--map', 'origin=origin,destination=destination,count=count', '--json');
  assert.equal(back.code, 0, back.stderr);
  assert.equal(json<{ rows: number }>(back).rows, 2601);
});
