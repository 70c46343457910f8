// Consistency of the bundled data under data/ (written by `npm run build:data`): registry
// hierarchy, codes used by flows, indicators, groups and polygons, counts, and polygon validity.
// Published figures checked here come from the sources' READMEs (see data/<set>/SOURCE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csv, features, has, size, text, SETS, type AreaFeature } from './load.ts';

const LEVELS = new Set(['country', 'state', 'province', 'sar', 'city', 'county']);

for (const set of SETS) {
  test(`${set}: region codes are unique, every parent exists, levels and numbers are well formed`, () => {
    const regions = csv(set, 'regions.csv');
    const codes = new Set(regions.map((r) => r.code));
    assert.equal(codes.size, regions.length, 'duplicate codes');
    for (const r of regions) {
      assert.ok(LEVELS.has(r.level), `${r.code}: level ${r.level}`);
      if (r.level === 'country') assert.equal(r.parent, '', `${r.code}: a country has no parent`);
      else assert.ok(codes.has(r.parent), `${r.code}: parent ${r.parent} missing`);
      assert.ok(r.name_en, `${r.code}: no English name`);
      for (const [col, lo, hi] of [['centroid_lon', -180, 180], ['centroid_lat', -90, 90], ['area_km2', 0, 2e7]] as const) {
        if (r.level === 'country' || r.level === 'state') continue;
        const v = Number(r[col]);
        assert.ok(r[col] !== '' && v >= lo && v <= hi, `${r.code}: ${col} = ${r[col]}`);
      }
      for (const a of r.aliases ? r.aliases.split('|') : []) assert.ok(a.trim() === a && a !== '', `${r.code}: alias "${a}"`);
    }
  });

  if (has(set, 'flows.csv')) {
    test(`${set}: every flow code exists, counts are non-negative integers, no duplicate pairs`, () => {
      const codes = new Set(csv(set, 'regions.csv').map((r) => r.code));
      const seen = new Set<string>();
      for (const f of csv(set, 'flows.csv')) {
        assert.ok(codes.has(f.origin) && codes.has(f.destination), `${f.origin} -> ${f.destination}`);
        assert.match(f.period, /^\d{4}$/);
        assert.ok(Number.isInteger(Number(f.count)) && Number(f.count) >= 0, `count ${f.count}`);
        const key = `${f.origin}>${f.destination}@${f.period}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
      }
    });
  }

  if (has(set, 'indicators.csv')) {
    test(`${set}: every indicator names a known region, a finite value, a unit and a source`, () => {
      const codes = new Set(csv(set, 'regions.csv').map((r) => r.code));
      const seen = new Set<string>();
      for (const i of csv(set, 'indicators.csv')) {
        assert.ok(codes.has(i.region), `indicator region ${i.region}`);
        assert.ok(i.value !== '' && Number.isFinite(Number(i.value)), `${i.region} ${i.name} ${i.value}`);
        assert.ok(i.unit && i.source, `${i.region} ${i.name}: unit and source`);
        // The Chinese source line beside the English one (scripts/build-data/source-zh.ts), cited on the Chinese page.
        assert.match(i.source_zh ?? '', /[\u4e00-\u9fff]/, `${i.region} ${i.name}: source_zh`);
        const key = `${i.region}/${i.period}/${i.name}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
      }
    });
  }

  if (has(set, 'regions.geojson')) {
    test(`${set}: every polygon feature has a known code, only a code property, and valid rings`, () => {
      const codes = new Set(csv(set, 'regions.csv').map((r) => r.code));
      const seen = new Set<string>();
      for (const f of features(set)) {
        assert.deepEqual(Object.keys(f.properties), ['code']);
        assert.ok(codes.has(f.properties.code), `feature ${f.properties.code} not in regions.csv`);
        assert.ok(!seen.has(f.properties.code), `two features for ${f.properties.code}`);
        seen.add(f.properties.code);
        assertValid(f);
      }
    });
  }
}

/** Rings closed, at least four positions, non-zero area, 4-decimal coordinates, not self-crossing. */
function assertValid(f: AreaFeature): void {
  const code = f.properties.code;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  assert.ok(polys.length > 0, `${code}: empty geometry`);
  for (const rings of polys) {
    assert.ok(rings.length > 0, `${code}: polygon without rings`);
    for (const ring of rings) {
      assert.ok(ring.length >= 4, `${code}: ring of ${ring.length} positions`);
      const [x0, y0] = ring[0];
      const [xn, yn] = ring[ring.length - 1];
      assert.ok(x0 === xn && y0 === yn, `${code}: ring not closed`);
      let a = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const p = ring[i];
        const q = ring[i + 1];
        a += p[0] * q[1] - q[0] * p[1];
        assert.ok(Math.abs(p[0] * 1e4 - Math.round(p[0] * 1e4)) < 1e-6 && Math.abs(p[1] * 1e4 - Math.round(p[1] * 1e4)) < 1e-6, `${code}: ${p} not rounded to 4 decimals`);
      }
      assert.ok(a !== 0, `${code}: ring without area`);
      assert.equal(selfCrossing(ring), null, `${code}: ring crosses itself`);
    }
  }
}

/** The first pair of non-adjacent ring edges that properly cross, or null. */
function selfCrossing(ring: readonly (readonly number[])[]): string | null {
  const n = ring.length - 1;
  const orient = (a: readonly number[], b: readonly number[], c: readonly number[]) =>
    Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1];
    const minX = Math.min(a[0], b[0]), maxX = Math.max(a[0], b[0]), minY = Math.min(a[1], b[1]), maxY = Math.max(a[1], b[1]);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const c = ring[j], d = ring[j + 1];
      if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
      const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
      if (o1 * o2 < 0 && o3 * o4 < 0) return `${i}/${j}`;
    }
  }
  return null;
}

test('china: 31 provinces + Hong Kong and Macao, 367 cities each under a province: 369 census units', () => {
  const regions = csv('china', 'regions.csv');
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const provinces = regions.filter((r) => r.level === 'province');
  const sars = regions.filter((r) => r.level === 'sar');
  const cities = regions.filter((r) => r.level === 'city');
  assert.equal(provinces.length, 31);
  assert.deepEqual(sars.map((r) => r.code), ['810000', '820000']);
  assert.equal(cities.length, 367);
  for (const c of cities) assert.equal(byCode.get(c.parent)?.level, 'province', `${c.code} parent ${c.parent}`);
  for (const p of provinces) assert.ok(cities.some((c) => c.parent === p.code), `${p.code} has no city`);
  // The census file's 369 units are exactly the cities plus the two SARs.
  const census = csv('china', 'raw/census_city_2010-2020.csv').map((r) => r.city_code).sort();
  assert.deepEqual(census, [...cities, ...sars].map((r) => r.code).sort());
  assert.equal(byCode.get('210000')?.aliases.split('|').includes('辽宁'), true);
  assert.equal(byCode.get('150000')?.aliases.split('|').includes('内蒙古'), true);
});

test('china: every unit and province has a polygon; the city layer stays well under 1 MB', () => {
  const regions = csv('china', 'regions.csv').filter((r) => r.level !== 'country');
  const fs = features('china');
  const have = new Set(fs.map((f) => f.properties.code));
  for (const r of regions) assert.ok(have.has(r.code), `${r.code} ${r.name_zh} has no polygon`);
  const cityCodes = new Set(regions.filter((r) => r.level === 'city' || r.level === 'sar').map((r) => r.code));
  const cityBytes = fs.filter((f) => cityCodes.has(f.properties.code)).reduce((s, f) => s + JSON.stringify(f).length + 2, 0);
  assert.ok(cityBytes > 300_000 && cityBytes < 900_000, `city layer ${cityBytes} bytes`);
  assert.ok(size('china', 'regions.geojson') < 1_000_000, `regions.geojson ${size('china', 'regions.geojson')} bytes`);
});

test('china: the four NBS regions partition the 31 mainland provinces (Northeast = Liaoning, Jilin, Heilongjiang)', () => {
  const groups = JSON.parse(text('china', 'groups.json')) as { code: string; members: string[]; description: string }[];
  const provinces = csv('china', 'regions.csv').filter((r) => r.level === 'province').map((r) => r.code).sort();
  assert.deepEqual(groups.map((g) => g.code), ['northeast', 'east', 'central', 'west']);
  assert.deepEqual(groups[0].members, ['210000', '220000', '230000']);
  assert.deepEqual(groups.map((g) => g.members.length), [3, 10, 6, 12]);
  assert.deepEqual(groups.flatMap((g) => g.members).sort(), provinces);
});

test('china: province populations are the sums of their cities (Liaoning 2020: 42,591,407)', () => {
  const ind = csv('china', 'indicators.csv').filter((i) => i.name === 'population');
  const regions = csv('china', 'regions.csv');
  const parent = new Map(regions.map((r) => [r.code, r.parent]));
  const get = (code: string, year: string) => Number(ind.find((i) => i.region === code && i.period === year)?.value);
  assert.equal(get('210000', '2020'), 42591407);
  for (const p of regions.filter((r) => r.level === 'province')) {
    for (const year of ['2010', '2020']) {
      const sum = ind.filter((i) => i.period === year && parent.get(i.region) === p.code).reduce((s, i) => s + Number(i.value), 0);
      assert.equal(get(p.code, year), sum, `${p.code} ${year}`);
    }
  }
});

test('korea: 17 regions, 289 flows a year 2012-2020, Seoul net -49,588 and Gyeonggi-do +134,666 in 2019', () => {
  assert.equal(csv('korea', 'regions.csv').filter((r) => r.level === 'province').length, 17);
  const flows = csv('korea', 'flows.csv');
  for (let y = 2012; y <= 2020; y++) assert.equal(flows.filter((f) => f.period === String(y)).length, 289, String(y));
  const net = (code: string) =>
    flows.filter((f) => f.period === '2019' && f.origin !== f.destination)
      .reduce((s, f) => s + (f.destination === code ? +f.count : 0) - (f.origin === code ? +f.count : 0), 0);
  // Published in data/korea/SOURCE.md (from the KOSIS direction; migest's labels flip every sign).
  assert.equal(net('KR11'), -49588);
  assert.equal(net('KR41'), 134666);
});

test('austria: 72 inter-regional flows that add up to the origins\' totals Oi of austria.csv', () => {
  const flows = csv('austria', 'flows.csv');
  assert.equal(flows.length, 72);
  const raw = csv('austria', 'raw/austria.csv');
  for (const r of raw.filter((x) => x.Origin === x.Destination)) {
    const out = flows.filter((f) => f.origin === r.Origin).reduce((s, f) => s + Number(f.count), 0);
    assert.equal(out, Number(r.Oi), r.Origin);
  }
});

test('ny: 62 counties, 1,954 flows totalling 8,831,941 commuters', () => {
  assert.equal(csv('ny', 'regions.csv').filter((r) => r.level === 'county').length, 62);
  const flows = csv('ny', 'flows.csv');
  assert.equal(flows.length, 1954);
  assert.equal(flows.reduce((s, f) => s + Number(f.count), 0), 8831941);
});

/** The six-digit codes of China's 31 provinces in regions.csv. */
const chinaProvinces = () => new Set(csv('china', 'regions.csv').filter((r) => r.level === 'province').map((r) => r.code));

/** Fails on the first key given twice. */
function assertNoRepeats(keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const k of keys) {
    assert.ok(!seen.has(k), `${what} ${k} given twice`);
    seen.add(k);
  }
}

test('china: census birthplace tables 2000 and 2010, 31 x 30 cells each, totals 7,305,955 and 10,230,691 (shared README)', () => {
  const rows = csv('china', 'census_birthplace_2000_2010.csv');
  assert.equal(rows.length, 1860);
  const provinces = new Set([...chinaProvinces()].map((c) => c.slice(0, 2)));
  for (const year of ['2000', '2010']) {
    const cells = rows.filter((r) => r.census_year === year);
    assert.equal(cells.length, 930, year);
    assert.equal(new Set(cells.map((r) => r.birth_province_code)).size, 31);
    assert.equal(new Set(cells.map((r) => r.residence_province_code)).size, 31);
  }
  for (const r of rows) {
    assert.ok(provinces.has(r.birth_province_code) && provinces.has(r.residence_province_code), `${r.birth_province_code} -> ${r.residence_province_code}`);
    assert.notEqual(r.birth_province_code, r.residence_province_code, 'the source gives no diagonal');
    assert.ok(Number.isInteger(Number(r.persons_sample)) && Number(r.persons_sample) >= 0);
  }
  assertNoRepeats(rows.map((r) => `${r.census_year}/${r.birth_province_code}/${r.residence_province_code}`), 'cell');
  const total = (y: string) => rows.filter((r) => r.census_year === y).reduce((s, r) => s + Number(r.persons_sample), 0);
  assert.equal(total('2000'), 7305955);
  assert.equal(total('2010'), 10230691);
  // Rows are residence in the source: Guangdong's largest 2010 cell is people born in Hunan.
  const gd = rows.filter((r) => r.census_year === '2010' && r.residence_province_code === '44').sort((a, b) => +b.persons_sample - +a.persons_sample);
  assert.deepEqual([gd[0].birth_province, Number(gd[0].persons_sample)], ['Hunan', 478115]);
});

test('china: NBS provincial indicators name a province, a finite value, a unit and a source, once each', () => {
  const rows = csv('china', 'nbs_province_indicators.csv');
  assert.equal(rows.length, 16801);
  const provinces = chinaProvinces();
  for (const i of rows) {
    assert.ok(provinces.has(i.region), `region ${i.region}`);
    assert.match(i.period, /^\d{4}$/);
    assert.ok(i.value !== '' && Number.isFinite(Number(i.value)), `${i.region} ${i.name} ${i.value}`);
    assert.ok(i.unit && i.source, `${i.region} ${i.name}: unit and source`);
    assert.match(i.source_zh ?? '', /[\u4e00-\u9fff]/, `${i.region} ${i.name}: source_zh`);
  }
  assert.equal(new Set(rows.map((r) => r.name)).size, 35);
  // Once each, and no value of indicators.csv is given again.
  const key = (i: Record<string, string>) => `${i.region}/${i.period}/${i.name}`;
  assertNoRepeats([...rows, ...csv('china', 'indicators.csv')].map(key), 'indicator');
  // Checks of the shared README (NBS figures): population in 10k, income in yuan.
  const get = (region: string, period: string, name: string) => Number(rows.find((r) => r.region === region && r.period === period && r.name === name)?.value);
  assert.equal(get('110000', '2010', 'population_year_end'), 1962);
  assert.equal(get('110000', '2020', 'population_year_end'), 2189);
  assert.equal(rows.filter((r) => r.name === 'population_year_end' && r.period === '2020').reduce((s, r) => s + Number(r.value), 0), 141013);
  assert.equal(get('110000', '2013', 'disposable_income_pc'), 40830);
  assert.equal(get('210000', '2020', 'disposable_income_pc'), 32738);
  assert.equal(Math.round(get('110000', '2020', 'gdp_per_capita')), 164889);
});

test('china: 2000 census populations (communique No. 2): 31 provinces sum to 1,262.28 million; with 2.50 million military and 1.05 million of undetermined residence, the national 1,265.83 million', () => {
  const pop = csv('china', 'nbs_province_indicators.csv').filter((r) => r.name === 'population' && r.period === '2000');
  assert.equal(pop.length, 31);
  for (const p of pop) assert.equal(p.unit, 'persons');
  // The communiqué's title translated in `source`, its own Chinese title in source_zh (the English page's footer cites no Chinese).
  assert.ok(pop.every((p) => p.source.startsWith('Communiqué on Major Figures of the 2000 Population Census (No. 2), NBS 2001-04-02')));
  assert.ok(pop.every((p) => (p.source_zh ?? '').startsWith('2000年第五次全国人口普查主要数据公报（第二号）')));
  const sum = pop.reduce((s, p) => s + Number(p.value), 0);
  assert.equal(sum, 1_262_280_000);
  assert.equal(sum + 2_500_000 + 1_050_000, 1_265_830_000);
  const get = (code: string) => Number(pop.find((p) => p.region === code)?.value);
  assert.deepEqual([get('110000'), get('210000'), get('220000'), get('230000'), get('440000')], [13_820_000, 42_380_000, 27_280_000, 36_890_000, 86_420_000]);
});

test('china: province adjacency is 69 undirected edges between known provinces', () => {
  const edges = csv('china', 'province_adjacency.csv');
  assert.equal(edges.length, 69);
  const provinces = chinaProvinces();
  for (const e of edges) assert.ok(provinces.has(e.region_a) && provinces.has(e.region_b) && e.region_a !== e.region_b, `${e.region_a}-${e.region_b}`);
  assertNoRepeats(edges.map((e) => [e.region_a, e.region_b].sort().join('-')), 'edge');
});
