import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graduateReport } from '../../metrics/graduates/report.ts';
import { calibrateStudyCoefficient } from './calibrate.ts';
import { DEFAULT_COEFFICIENTS } from './coefficients.ts';
import { expectedProvinceShares } from './expected.ts';
import { generateCohorts } from './generate.ts';
import { homeWeights } from './home.ts';
import { NORTHEAST_UNIVERSITIES } from './presets.ts';
import { provinceTable, provinceYear } from './provinces.ts';
import { TEST_GEOGRAPHY } from './test-geography.ts';

const cohorts2016 = [
  { university: 'NEU', year: 2016, size: 5000 },
  { university: 'DUT', year: 2016, size: 5000 },
];
const { cities, provinces } = TEST_GEOGRAPHY;
const provinceOf = Object.fromEntries(cities.map((r) => [r.code, r.province]));
const LN = '210000';
const BJ = '110000';
const SH = '310000';
const SD = '370000';
const GD = '440000';

test('same seed gives identical records; another seed differs; every record is synthetic', () => {
  const a = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const b = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const c = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2017 });
  assert.deepEqual(a.records, b.records);
  assert.notDeepEqual(a.records, c.records);
  assert.ok(a.records.every((r) => r.synthetic === true));
  assert.equal(a.synthetic, true);
  assert.equal(a.seed, 2016);
  assert.equal(a.records.length, 10000);
  assert.deepEqual(a.provinces, provinces.map((p) => p.code));
});

test('adding a cohort leaves the other cohorts unchanged (one random stream per university and year)', () => {
  const a = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 5 });
  const b = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, [{ university: 'NEU', year: 2015, size: 300 }, ...cohorts2016], { seed: 5 });
  assert.deepEqual(b.records.slice(300), a.records);
});

test('is_study is calibrated so the pooled 2016 cohorts expect exactly 25% in Liaoning (published target, issue 4); seed-free', () => {
  const a = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, [{ university: 'NEU', year: 2015, size: 10 }, ...cohorts2016], { seed: 1 });
  const b = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 99 });
  const cal = a.calibration;
  assert.ok(cal?.converged);
  assert.equal(cal.year, 2016, 'the latest cohort year by default');
  assert.ok(Math.abs(cal.expectedShare - 0.25) < 1e-8);
  assert.equal(a.coefficients.is_study, cal.isStudy);
  assert.equal(b.calibration?.isStudy, cal.isStudy, 'the calibration is exact, not simulated');
  assert.deepEqual(cal.byUniversity.map((u) => u.university), ['NEU', 'DUT']);
  for (const u of cal.byUniversity) assert.ok(Math.abs(u.expectedShare - 0.25) < 0.01, `${u.university} ${u.expectedShare}`);
  const { is_study: _, ...fixed } = a.coefficients;
  assert.deepEqual(fixed, DEFAULT_COEFFICIENTS);
});

test('generated 2016 cohort: Liaoning stay share within 25% +- 3 points; Beijing, Shanghai, Shandong, Guangdong in the top five of the rest', () => {
  // Target "about a quarter stayed in Liaoning; most of the rest went to Beijing, Shanghai,
  // Shandong and Guangdong" (2016 employment reports of NEU and DUT, as quoted in issue 4).
  const { records } = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const report = graduateReport(records, provinceOf, { studyProvince: LN, year: 2016 }, { previousYear: null });
  assert.equal(report.synthetic, true);
  const stay = report.stayStudyProvince.share as number;
  assert.ok(Math.abs(stay - 0.25) <= 0.03, `stay share ${stay}`);
  const others = report.byProvince.filter((p) => p.code !== LN).map((p) => p.code);
  for (const code of [BJ, SH, SD, GD]) assert.ok(others.slice(0, 5).includes(code), `${code} not in top 5: ${others.slice(0, 5)}`);
});

test('expected (noise-free) 2016 shares of the calibrated model: BJ, SH, GD, SD in the top five outside Liaoning, 1.5 points ahead of the sixth', () => {
  const table = provinceTable(provinces);
  const year = provinceYear(provinces, 2016);
  const groups = NORTHEAST_UNIVERSITIES.map((u) => {
    const study = cities.findIndex((c) => c.code === u.studyRegion);
    const homes = new Float64Array(provinces.length);
    homeWeights(cities, study, 0.35, 0.5, 50).forEach((w, h) => (homes[table.index.get(cities[h].province) as number] += w));
    return { study: table.index.get(LN) as number, homes, masterShare: 0.4, weight: 1 };
  });
  const cal = calibrateStudyCoefficient(table, year, DEFAULT_COEFFICIENTS, groups, 0.25);
  const shares = new Float64Array(provinces.length);
  for (const g of groups) expectedProvinceShares(table, year, { ...DEFAULT_COEFFICIENTS, is_study: cal.isStudy }, g).forEach((s, j) => (shares[j] += s / 2));
  assert.ok(Math.abs(shares[table.index.get(LN) as number] - 0.25) < 1e-8);
  const ranked = table.codes.map((c, j) => [c, shares[j]] as const).filter(([c]) => c !== LN).sort((a, b) => b[1] - a[1]);
  const top5 = ranked.slice(0, 5).map(([c]) => c);
  for (const code of [BJ, SH, SD, GD]) assert.ok(top5.includes(code), `${code} not in the top five: ${top5}`);
  assert.equal(ranked[0][0], BJ);
  assert.ok(Math.min(...[BJ, SH, SD, GD].map((c) => shares[table.index.get(c) as number])) - ranked[5][1] > 0.015);
});

test('stage 2: the city within the province in proportion to its population (Liaoning: 4 cities; 3 SE)', () => {
  const { records } = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 3 });
  const inLiaoning = records.filter((r) => provinceOf[r.destination] === LN);
  const ln = cities.filter((c) => c.province === LN);
  const total = ln.reduce((a, c) => a + c.population, 0);
  for (const c of ln) {
    const p = c.population / total;
    const got = inLiaoning.filter((r) => r.destination === c.code).length / inLiaoning.length;
    assert.ok(Math.abs(got - p) < 3 * Math.sqrt((p * (1 - p)) / inLiaoning.length), `${c.code}: ${got} vs ${p}`);
  }
});

test('outcome shares follow the options (further study 30%, not employed 5% by default; tolerance 2 points)', () => {
  const { records } = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 9 });
  const share = (d: string) => records.filter((r) => r.destination === d).length / records.length;
  assert.ok(Math.abs(share('further_study') - 0.3) < 0.02);
  assert.ok(Math.abs(share('not_employed') - 0.05) < 0.02);
  const employed = records.filter((r) => /^\d+$/.test(r.destination));
  assert.ok(employed.every((r) => r.monthly_salary !== null && r.monthly_salary > 0 && r.employer_type !== null && provinceOf[r.destination] !== undefined));
});

test('bad inputs: unknown study region, missing attribute, city of an unknown province, unknown university or term, missing seed', () => {
  const gen = (geo = TEST_GEOGRAPHY, cohorts = cohorts2016, options: Parameters<typeof generateCohorts>[3] = { seed: 1 }) => generateCohorts(geo, NORTHEAST_UNIVERSITIES, cohorts, options);
  assert.throws(() => generateCohorts(TEST_GEOGRAPHY, [{ id: 'X', name: 'X', studyRegion: '999999' }], [], { seed: 1 }), /study region "999999"/);
  const noIncome = provinces.map((p) => (p.code === SD ? { ...p, years: { ...p.years, 2016: { ...p.years[2016], income: undefined as unknown as number } } } : p));
  assert.throws(() => gen({ cities, provinces: noIncome }), /province "370000": income for 2016 is missing/);
  assert.throws(() => gen(TEST_GEOGRAPHY, [{ university: 'NEU', year: 2014, size: 1 }]), /province "110000": income for 2014 is missing/);
  assert.throws(() => gen({ cities: [...cities, { code: '810000', province: '810000', population: 7e6, lon: 114.2, lat: 22.3 }], provinces }), /city "810000": province "810000" has no attributes/);
  assert.throws(() => gen({ cities: cities.filter((c) => c.province !== SD), provinces }), /province "370000" has no city/);
  assert.throws(() => gen(TEST_GEOGRAPHY, [{ university: 'ZZ', year: 2016, size: 1 }]), /unknown university "ZZ"/);
  assert.throws(() => gen(TEST_GEOGRAPHY, cohorts2016, { seed: 1, coefficients: { is_study: 1 } as never }), /unknown term "is_study"/);
  assert.throws(() => gen(TEST_GEOGRAPHY, cohorts2016, { seed: 1, calibrationYear: 2015 }), /no cohort graduates in 2015/);
  assert.throws(() => gen(TEST_GEOGRAPHY, [], { seed: undefined as unknown as number }), { code: 'SPEC' });
  const none = gen(TEST_GEOGRAPHY, []);
  assert.deepEqual([none.records.length, none.calibration], [0, null]);
});
