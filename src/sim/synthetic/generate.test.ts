import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graduateReport } from '../../metrics/graduates/report.ts';
import { calibrateStayBonus } from './calibrate.ts';
import { prepareChoice } from './choice.ts';
import { expectedDestinationShares } from './expected.ts';
import { generateCohorts } from './generate.ts';
import { homeWeights } from './home.ts';
import { resolveOptions } from './options.ts';
import { NORTHEAST_UNIVERSITIES } from './presets.ts';
import { TEST_REGIONS } from './test-regions.ts';

const cohorts2016 = [
  { university: 'NEU', year: 2016, size: 5000 },
  { university: 'DUT', year: 2016, size: 5000 },
];
const provinces = Object.fromEntries(TEST_REGIONS.map((r) => [r.code, r.province]));
const BJ = '110000';
const SH = '310000';
const SD = '370000';
const GD = '440000';

test('same seed gives identical records; another seed differs; every record is synthetic', () => {
  const a = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const b = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const c = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2017 });
  assert.deepEqual(a.records, b.records);
  assert.notDeepEqual(a.records, c.records);
  assert.ok(a.records.every((r) => r.synthetic === true));
  assert.equal(a.synthetic, true);
  assert.equal(a.seed, 2016);
  assert.equal(a.records.length, 10000);
});

test('adding a cohort leaves the other cohorts unchanged (one random stream per university and year)', () => {
  const a = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 5 });
  const b = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, [{ university: 'NEU', year: 2015, size: 300 }, ...cohorts2016], { seed: 5 });
  assert.deepEqual(b.records.slice(300), a.records);
});

test('calibration hits the 25% Liaoning stay share exactly in expectation (published target, issue 4)', () => {
  const r = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 1 });
  for (const c of r.calibration) {
    assert.ok(c.converged);
    assert.ok(Math.abs(c.expectedShare - 0.25) < 1e-8);
  }
});

test('generated 2016 cohort: Liaoning stay share within 25% +- 3 points; Beijing, Shanghai, Shandong, Guangdong lead the rest', () => {
  // Target "about a quarter stayed in Liaoning; most of the rest went to Beijing, Shanghai,
  // Shandong and Guangdong" (2016 employment reports of NEU and DUT, as quoted in issue 4).
  const { records } = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 2016 });
  const report = graduateReport(records, provinces, { studyProvince: '210000', year: 2016 }, { previousYear: null });
  assert.equal(report.synthetic, true);
  const stay = report.stayStudyProvince.share as number;
  assert.ok(Math.abs(stay - 0.25) <= 0.03, `stay share ${stay}`);
  const others = report.byProvince.filter((p) => p.code !== '210000').map((p) => p.code);
  for (const code of [BJ, SH, SD, GD]) assert.ok(others.slice(0, 5).includes(code), `${code} not in top 5: ${others.slice(0, 5)}`);
});

test('expected (noise-free) top four out-of-province destinations of the calibrated model are exactly BJ, SH, SD, GD', () => {
  const o = resolveOptions({ seed: 0 });
  const data = prepareChoice(TEST_REGIONS, o);
  for (const study of [0, 1]) {
    const homes = homeWeights(data, study, o.homeLocalShare, o.homeDistanceDecay, o.minDistanceKm);
    const cal = calibrateStayBonus(data, homes, study, 0.25);
    const shares = expectedDestinationShares(data, homes, study, cal.stayBonus);
    const byProvince = new Map<string, number>();
    TEST_REGIONS.forEach((r, j) => byProvince.set(r.province, (byProvince.get(r.province) ?? 0) + shares[j]));
    assert.ok(Math.abs((byProvince.get('210000') as number) - 0.25) < 1e-8);
    const top = [...byProvince].filter(([p]) => p !== '210000').sort((a, b) => b[1] - a[1]).slice(0, 4).map(([p]) => p);
    assert.deepEqual(top.sort(), [BJ, SH, SD, GD].sort());
  }
});

test('outcome shares follow the options (further study 30%, not employed 5% by default; tolerance 2 points)', () => {
  const { records } = generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, cohorts2016, { seed: 9 });
  const share = (d: string) => records.filter((r) => r.destination === d).length / records.length;
  assert.ok(Math.abs(share('further_study') - 0.3) < 0.02);
  assert.ok(Math.abs(share('not_employed') - 0.05) < 0.02);
  const employed = records.filter((r) => /^\d+$/.test(r.destination));
  assert.ok(employed.every((r) => r.monthly_salary !== null && r.monthly_salary > 0 && r.employer_type !== null));
});

test('bad inputs: unknown study region, partial income, unknown university, missing seed', () => {
  assert.throws(() => generateCohorts(TEST_REGIONS, [{ id: 'X', name: 'X', studyRegion: '999999' }], [], { seed: 1 }), /study region "999999"/);
  const partial = TEST_REGIONS.map((r, i) => (i === 3 ? { ...r, income: undefined } : r));
  assert.throws(() => generateCohorts(partial, NORTHEAST_UNIVERSITIES, [], { seed: 1 }), /210400/);
  assert.throws(() => generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, [{ university: 'ZZ', year: 2016, size: 1 }], { seed: 1 }), /unknown university "ZZ"/);
  assert.throws(() => generateCohorts(TEST_REGIONS, NORTHEAST_UNIVERSITIES, [], { seed: undefined as unknown as number }), { code: 'SPEC' });
});
