import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importGroups, importRegions, listGroups, listRegions } from '../index.ts';
import { messageIn } from '../../core/messages/zh.ts';
import { resolveRegionRef } from '../queries/resolve-ref.ts';
import { CHINA, tempWorkspace } from '../../../test/helpers/workspace.ts';

/**
 * A region file in the census city file's layout (leiii/census: city, city_code, province,
 * province_code; Hong Kong its own province), cut to the Northeast's capitals and Hong Kong,
 * with Chinese names only: the bundled China registry completes it.
 */
const CENSUS_LIKE = [
  'city,city_code,province,province_code,popu_2020',
  '沈阳市,210100,辽宁省,210000,9070093',
  '大连市,210200,辽宁省,210000,7450785',
  '长春市,220100,吉林省,220000,9066906',
  '哈尔滨市,230100,黑龙江省,230000,10009854',
  '香港特别行政区,810000,香港特别行政区,810000,7474200',
].join('\n') + '\n';

async function imported(options: Parameters<typeof importRegions>[2], content = CENSUS_LIKE) {
  const t = await tempWorkspace();
  const file = join(t.dir, 'cities.csv');
  writeFileSync(file, content);
  const summary = await importRegions(t.ws, file, options);
  return { t, summary, regions: new Map((await listRegions(t.ws)).map((r) => [r.code, r])) };
}

for (const root of [undefined, 'CN']) {
  test(`a Chinese file ${root ? 'with --root CN' : 'without --root'}: country CN from the registry, Hong Kong under it, English names, the Northeast group`, async () => {
    const { t, summary, regions } = await imported({ root });
    try {
      const cn = regions.get('CN')!;
      assert.deepEqual([cn.name_zh, cn.name_en, cn.level, cn.parent], ['中国', 'China', 'country', null]);
      const hk = regions.get('810000')!;
      assert.deepEqual([hk.name_zh, hk.name_en, hk.level, hk.parent], ['香港特别行政区', 'Hong Kong', 'sar', 'CN']);
      assert.equal([...regions.values()].filter((r) => r.name_zh === '香港特别行政区').length, 1, 'no second region named after Hong Kong');
      for (const [code, en, parent] of [['210000', 'Liaoning', 'CN'], ['230000', 'Heilongjiang', 'CN'], ['210100', 'Shenyang', '210000']]) {
        assert.deepEqual([regions.get(code)?.name_en, regions.get(code)?.parent], [en, parent], code);
      }
      assert.ok(regions.get('210000')!.aliases.includes('CN-LN'), 'aliases from the registry');
      // Only groups whose members are all present: the Northeast, not East (no Beijing here).
      const groups = await listGroups(t.ws);
      assert.deepEqual(groups.map((g) => [g.code, g.members]), [['northeast', ['210000', '220000', '230000']]]);
      assert.match(groups[0].description ?? '', /National Bureau of Statistics four-region division/);
      assert.deepEqual(await resolveRegionRef(t.ws, 'northeast'), { kind: 'group', code: 'northeast', members: ['210000', '220000', '230000'] });
      assert.deepEqual((await listRegions(t.ws, { within: 'CN', level: 'province' })).map((r) => r.code), ['210000', '220000', '230000']);
      assert.deepEqual((await listRegions(t.ws, { within: '東北地區', level: 'city' })).map((r) => r.code), ['210100', '210200', '220100', '230100']);
      assert.ok(summary.notes.some((n) => /created CN \(中国 \/ China, country\) from the bundled registry/.test(n)), summary.notes.join('\n'));
      assert.ok(summary.notes.some((n) => /groups northeast from data\/china\/groups.json/.test(n)));
      // In Chinese with the group's description in Chinese (data/china/groups.json description_zh), as --lang zh prints it.
      const note = summary.messages?.notes.find((m) => m.code === 'import.groups');
      assert.equal(note && messageIn(note, 'zh'), '地区组 northeast 取自 data/china/groups.json：东北地区：国家统计局四大地区划分（《东西中部和东北地区划分方法》，2011）之一，东部 10 个、中部 6 个、西部 12 个、东北 3 个省份；香港、澳门不属于任何地区。');
      // A populations total is summed for built provinces only, never for the country.
      const cnPop = await t.ws.db.one<{ n: bigint }>("SELECT count(*) AS n FROM indicators WHERE region = 'CN'");
      assert.equal(Number(cnPop!.n), 0);
    } finally {
      t.done();
    }
  });
}

test('a file of province codes and names alone gets the registry\'s boundaries with their centroids and areas, so a map and a gravity model can place them', async () => {
  const { t, regions } = await imported({}, 'code,name,level\n210000,辽宁省,province\n220000,吉林省,province\n230000,黑龙江省,province\n');
  try {
    for (const code of ['210000', '220000', '230000']) {
      const r = regions.get(code)!;
      assert.ok(r.centroid_lon !== null && r.centroid_lat !== null && r.area_km2 !== null, `${code}: ${JSON.stringify([r.centroid_lon, r.centroid_lat, r.area_km2])}`);
    }
    const ln = regions.get('210000')!;
    // Liaoning: about 123°E 41°N, 148,000 km² (as the provinces built from the census city file).
    assert.ok(Math.abs(ln.centroid_lon! - 122.6) < 1 && Math.abs(ln.centroid_lat! - 41.3) < 1, `${ln.centroid_lon}, ${ln.centroid_lat}`);
    assert.ok(Math.abs(ln.area_km2! / 148_000 - 1) < 0.1, String(ln.area_km2));
  } finally {
    t.done();
  }
});

test('registry: false leaves the file as it is; an unknown --root becomes a bare country', async () => {
  const { t, regions } = await imported({ registry: false, root: 'CN' });
  try {
    assert.deepEqual([regions.get('CN')?.name_zh, regions.get('CN')?.level], [null, 'country']);
    assert.equal(regions.get('210000')!.name_en, null);
    assert.equal(regions.get('810000')!.parent, 'CN');
    assert.deepEqual(await listGroups(t.ws), []);
  } finally {
    t.done();
  }
});

test('the same codes with other names are another scheme: nothing taken from the registry', async () => {
  const other = 'code,name,level\n210100,Springfield,city\n210200,Shelbyville,city\n';
  const { t, regions } = await imported({}, other);
  try {
    assert.deepEqual([...regions.keys()], ['210100', '210200']);
    assert.equal(regions.get('210100')!.parent, null);
    assert.equal(regions.get('210100')!.name_zh, null);
  } finally {
    t.done();
  }
});

test('a groups file replaces the groups a regions import derived, without --replace; its own groups stay protected', async () => {
  const t = await tempWorkspace();
  try {
    await importRegions(t.ws, join(CHINA, 'regions.csv'), { indicators: false });
    assert.deepEqual((await listGroups(t.ws)).map((g) => g.code), ['central', 'east', 'northeast', 'west']);
    await importGroups(t.ws, join(CHINA, 'groups.json'));
    assert.equal((await listGroups(t.ws)).length, 4);
    const again = join(t.dir, 'groups-copy.json');
    writeFileSync(again, JSON.stringify([{ code: 'northeast', members: ['210000'] }]));
    await assert.rejects(importGroups(t.ws, again), /group northeast already exists/);
  } finally {
    t.done();
  }
});
