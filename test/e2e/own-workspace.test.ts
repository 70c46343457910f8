// A workspace built from scratch by a new user (init, the census city file as region registry,
// own city flows for 2019-2021) and what the CLI and the API make of it: filters by group and
// country without `import groups`, traditional-character and pinyin names, and GET /api/cases
// describing the case the dashboard opens on (periods, levels, groups, sources), with the
// numbers the map shows recomputed here from the file's own rule.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { apiClient, type ApiClient } from '../helpers/api.ts';
import { assertChinese } from '../helpers/chinese.ts';
import { runCli } from '../helpers/cli.ts';
import { OWN_CITIES, OWN_SOURCE, OWN_YEARS, buildOwnWorkspace, ownCount } from '../helpers/own-workspace.ts';

let dir: string;
let file: string;
let ws: Workspace;
let api: ApiClient;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-own-'));
  file = buildOwnWorkspace(dir);
}, { timeout: 240_000 });

after(() => {
  if (ws) closeWorkspace(ws);
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(dir, [...args, '-w', file, '--json']);

test('the CLI filters by country and by the NBS groups the regions import derived, and reads 瀋陽, shenyang, Shen and 黑龍江', () => {
  const ne = cli(['regions', '--within', 'northeast', '--level', 'province']);
  assert.equal(ne.code, 0, ne.stderr);
  assert.deepEqual(JSON.parse(ne.stdout).map((r: { code: string; name_en: string }) => [r.code, r.name_en]), [['210000', 'Liaoning'], ['220000', 'Jilin'], ['230000', 'Heilongjiang']]);
  const cn = cli(['regions', '--within', 'CN', '--level', 'province']);
  assert.equal(JSON.parse(cn.stdout).length, 31);
  for (const name of ['瀋陽', 'shenyang', 'SHENYANG', 'Shenyang']) {
    const r = cli(['flows', '--origin', name, '--period', '2020', '--no-intra']);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.equal(JSON.parse(r.stdout).rows.length, OWN_CITIES.length - 1, name);
  }
  const heilongjiang = cli(['regions', '--within', '黑龍江', '--level', 'city']);
  assert.equal(heilongjiang.code, 0, heilongjiang.stderr);
  assert.ok(JSON.parse(heilongjiang.stdout).some((r: { code: string }) => r.code === '230100'), 'Harbin is in 黑龍江');
  // A prefix shared by several cities is a user error listing them, never a guess.
  const shen = runCli(dir, ['flows', '--origin', 'Shen', '-w', file]);
  assert.equal(shen.code, 1);
  assert.match(shen.stderr, /"Shen" is ambiguous: .*Shenyang.*Shenzhen/);
});

test('GET /api/cases: the China case of the workspace with its own periods 2019-2021, the census interval, the NBS groups and its own sources', async () => {
  ws = await openWorkspace(file, { create: false });
  api = apiClient(createApp(ws).app);
  const { status, body } = await api.get('/api/cases');
  assert.equal(status, 200);
  assert.deepEqual(body.map((c: { id: string }) => c.id), ['cn'], 'one case: every region is under China');
  const cn = body[0];
  assert.deepEqual([cn.within, cn.name_zh, cn.name_en], ['CN', '中国', 'China']);
  assert.deepEqual(cn.levels, ['province', 'city']);
  assert.deepEqual(cn.periods.map((p: { period: string; kind: string }) => `${p.period}:${p.kind}`), ['2010-2020:population', '2019:flows', '2020:flows', '2021:flows']);
  assert.equal(cn.defaultPeriod, '2021');
  for (const p of cn.periods.filter((x: { kind: string }) => x.kind === 'flows')) assert.equal(p.flows, OWN_CITIES.length * (OWN_CITIES.length - 1));
  assert.deepEqual(cn.groups.map((g: { code: string }) => g.code), ['northeast', 'east', 'central', 'west']);
  assert.deepEqual(cn.sources.filter((s: { what: string }) => s.what === 'flows').map((s: { text: string }) => s.text), [OWN_SOURCE]);
  assert.ok(cn.sources.some((s: { what: string; text: string }) => s.what === 'indicators' && s.text === 'census_city_2010-2020.csv'), JSON.stringify(cn.sources));
  assert.ok(!JSON.stringify(cn.sources).includes('KOSIS'), 'no source the workspace does not hold');
  assert.deepEqual(cn.rankExamples, ['china-cities']);
  const [w, s, e, n] = cn.bounds;
  assert.ok(w > 70 && w < 80 && e > 130 && e < 137 && s > 15 && s < 22 && n > 50 && n < 56, `bounds ${cn.bounds}`);
  assert.equal(cn.regionCodes.length, 31);
});

test('the map\'s numbers on this workspace: net migration of Liaoning at province level equals the file\'s own flows, and rankings and boundaries answer', async () => {
  // Liaoning holds 瀋陽 and 大连 (indices 0 and 1): its net is what the other cities send them less what they send out, moves between the two left out.
  const liaoning = new Set([0, 1]);
  for (const year of OWN_YEARS) {
    let net = 0;
    OWN_CITIES.forEach((_o, i) => OWN_CITIES.forEach((_d, j) => {
      if (i === j || liaoning.has(i) === liaoning.has(j)) return;
      net += (liaoning.has(j) ? 1 : -1) * ownCount(i, j, Number(year));
    }));
    const { status, body } = await api.get(`/api/measures/net?level=province&within=CN&period=${year}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.rows.find((r: { code: string }) => r.code === '210000').net, net, year);
  }
  const geo = await api.get('/api/geometry?level=province&within=CN');
  assert.equal(geo.body.features.length, 31, 'provinces built from the cities are drawn with the registry\'s boundaries');
  const rank = await api.get('/api/rank?example=china-cities&show=northeast&top=5');
  assert.equal(rank.status, 200, JSON.stringify(rank.body));
  assert.equal(rank.body.index.rows.length, 5);
  const flows = await api.get('/api/flows?group=northeast&level=province&period=2021&intra=false');
  assert.equal(flows.status, 200);
  assert.ok(flows.body.rows.length > 0);
});

test('import --lang zh says what it read in Chinese (rows, registry names, built parents, total rows, intra flows, wide tables); English as before', () => {
  writeFileSync(join(dir, 'imp-regions.csv'), 'code,name,parent_name,population_2020\n210100,沈阳市,辽宁省,9070093\n210200,大连市,辽宁省,7450785\n220100,长春市,吉林省,9066906\n');
  writeFileSync(join(dir, 'imp-flows.csv'), '迁出地,迁入地,年份,人数\n沈阳市,大连市,2020,"28,001"\n大连市,沈阳市,2020,15000\n沈阳市,沈阳市,2020,5000\n合计,,2020,48001\n');
  writeFileSync(join(dir, 'imp-ind.csv'), '城市,年份,城镇非私营单位平均工资（元）,备注\n沈阳市,2020,98000,x\n大连市,2020,103880,y\n');
  const imports = (lang: string[]) => {
    const w = `imp${lang.length ? '-zh' : ''}.duckdb`;
    assert.equal(runCli(dir, ['init', '-w', w]).code, 0);
    return [['regions', 'imp-regions.csv', '--level', 'city', '--parent-level', 'province'], ['flows', 'imp-flows.csv'], ['indicators', 'imp-ind.csv']].flatMap((a) => {
      const r = runCli(dir, ['import', ...a, '-w', w, ...lang]);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.trim().split('\n');
    });
  };
  const zh = imports(['--lang', 'zh']);
  // Files, data sets and the file's own headers are names, not English.
  assertChinese(zh.map((l) => l.replace(/[\w/-]+\.(csv|duckdb|geojson)/g, 'F')), 'import notes');
  for (const line of ['已从 imp-regions.csv（csv）导入 6 个地区，导入编号 #1，工作区 imp-zh.duckdb', '  说明：跳过 1 行合计（第 5 行“合计”）：合计不是地区',
    '  说明：1 条区域内部流动（迁出地 = 迁入地）已保留并标记为区域内部', '  说明：未纳入 1 个没有数字的列：“备注”']) assert.ok(zh.includes(line), zh.join('\n'));
  assert.deepEqual(imports([]), ['Imported 6 regions from imp-regions.csv (csv) as import #1 into imp.duckdb',
    '  note: 3 regions given their English names and aliases from the bundled registry data/china/regions.csv (same codes and names)',
    '  note: created 210000 (辽宁省 / Liaoning, province) from the bundled registry, as the parent of regions that had none',
    '  note: created 220000 (吉林省 / Jilin, province) from the bundled registry, as the parent of regions that had none',
    '  note: created CN (中国 / China, country) from the bundled registry, as the parent of regions that had none',
    '  note: 5 boundaries of regions the file gives none for (built provinces) from data/china/regions.geojson',
    '  note: 3 indicator values from 1 year-suffixed column (population...)',
    'Imported 3 flows from imp-flows.csv (csv) as import #2 into imp.duckdb',
    '  note: skipped 1 total row (合计 row 5): totals are not regions',
    '  note: 1 intra-regional flow (origin = destination) kept and flagged as intra',
    'Imported 2 indicators from imp-ind.csv (csv) as import #3 into imp.duckdb',
    '  note: read as a wide table, one row per region and year: periods from "年份": 2 values from 1 indicator column (城镇非私营单位平均工资 (元))',
    '  note: left out 1 column without numbers: "备注"']);
});
