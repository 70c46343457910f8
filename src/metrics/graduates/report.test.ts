import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersonRecord } from '../../core/schema/person.ts';
import { flowTableFromRows } from '../../core/flow-table.ts';
import { retentionRate } from '../retention.ts';
import { graduateReport } from './report.ts';

const provinces = { '210100': '210000', '210200': '210000', '110100': '110000', '310100': '310000', '370100': '370000', '370200': '370000' };

function rec(id: string, year: number, home: string, destination: string, employer: string | null = null, salary: number | null = null, university = 'NEU', synthetic = false): PersonRecord {
  return { id, year, university, degree: 'bachelor', major: null, home_region: home, study_region: university === 'NEU' ? '210100' : '210200', destination, employer_type: employer, monthly_salary: salary, synthetic };
}

// 2016: 10 NEU graduates (7 employed, 2 further study, 1 not employed) + 1 DUT graduate.
const y2016 = [
  rec('1', 2016, '210100', '210100', 'soe', 5000),
  rec('2', 2016, '370200', '370200', 'private', 6000),
  rec('3', 2016, '210200', '210200', 'soe', 7000),
  rec('4', 2016, '370100', '110100', 'private', 9000),
  rec('5', 2016, '110100', '110100', 'foreign', 11000),
  rec('6', 2016, '210100', '310100', 'private', 10000),
  rec('7', 2016, '370100', '370100', 'government', null),
  rec('8', 2016, '210100', 'further_study'),
  rec('9', 2016, '370100', 'further_study'),
  rec('10', 2016, '310100', 'not_employed'),
  rec('d1', 2016, '210200', '210200', 'soe', 6500, 'DUT'),
];
// 2015: 4 NEU graduates (2 employed, 1 further study, 1 not employed).
const y2015 = [rec('p1', 2015, '210100', '210100', 'soe', 4000), rec('p2', 2015, '370100', '110100', 'private', 8000), rec('p3', 2015, '210100', 'further_study'), rec('p4', 2015, '370100', 'not_employed')];
const records = [...y2016, ...y2015];
// These hand-counted tables are far below any privacy threshold: they check the counting, unsuppressed
// (minCell null); src/metrics/graduates/privacy.test.ts checks the suppression.
const RAW = { minCell: null };
const close = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a != null && Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('headcount and outcomes with shares and year-on-year change (hand-counted)', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.deepEqual(r.headcount, { count: 10, previousCount: 4, countChange: 6, suppressed: false, previousSuppressed: false });
  // employed 7/10 vs 2/4: +5 graduates, +20 points; further study 2/10 vs 1/4: -5 points; not employed 1/10 vs 1/4: -15 points.
  assert.deepEqual([r.outcomes.employed.count, r.outcomes.employed.countChange], [7, 5]);
  close(r.outcomes.employed.shareChangePp, 20);
  close(r.outcomes.furtherStudy.shareChangePp, -5);
  close(r.outcomes.notEmployed.shareChangePp, -15);
  assert.equal(r.previousYear, 2015);
  assert.equal(r.synthetic, false);
});

test('stay shares of the employed: study province 2/7 (1, 3) vs 1/2; home province 5/7 (1, 2, 3, 5, 7)', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.deepEqual([r.stayStudyProvince.stayed, r.stayStudyProvince.base], [2, 7]);
  close(r.stayStudyProvince.shareChangePp, (2 / 7 - 1 / 2) * 100);
  assert.deepEqual([r.stayHomeProvince.stayed, r.stayHomeProvince.base], [5, 7]);
  // NEU's graduates studied in Shenyang (210100): the study province the share is about is Liaoning.
  assert.deepEqual(r.studyProvinces, { codes: ['210000'], suppressed: false });
});

test('study provinces of all universities, and under suppression only those of at least k employed', () => {
  const many = [...Array.from({ length: 12 }, (_, i) => rec(`n${i}`, 2016, '210100', '110100')), ...Array.from({ length: 4 }, (_, i) => ({ ...rec(`b${i}`, 2016, '110100', '110100'), study_region: '110100' }))];
  assert.deepEqual(graduateReport(many, provinces, { year: 2016 }, RAW).studyProvinces, { codes: ['110000', '210000'], suppressed: false });
  // Four studied in Beijing: fewer than k = 10, so Beijing is not named and the list says some are left out.
  assert.deepEqual(graduateReport(many, provinces, { year: 2016 }, { minCell: 10 }).studyProvinces, { codes: ['210000'], suppressed: true });
});

test('destinations by province and city, employer types: counts, shares, sorted by count then code', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.deepEqual(r.byProvince.map((x) => [x.code, x.count, x.previousCount]), [['110000', 2, 1], ['210000', 2, 1], ['370000', 2, 0], ['310000', 1, 0]]);
  close(r.byProvince[0].share, 2 / 7);
  close(r.byProvince[0].shareChangePp, (2 / 7 - 1 / 2) * 100);
  assert.deepEqual(r.byCity.map((x) => [x.code, x.count]), [['110100', 2], ['210100', 1], ['210200', 1], ['310100', 1], ['370100', 1], ['370200', 1]]);
  assert.deepEqual(r.employerTypes.map((x) => [x.code, x.count]), [['private', 3], ['soe', 2], ['foreign', 1], ['government', 1]]);
});

test('salary quartiles (R type 7): quantile(c(5000,6000,7000,9000,10000,11000), c(.25,.5,.75)) = 6250, 8000, 9750', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.deepEqual([r.salary.overall.n, r.salary.overall.q1, r.salary.overall.median, r.salary.overall.q3], [6, 6250, 8000, 9750]);
  // previous year: median of (4000, 8000) = 6000, so +2000
  assert.equal(r.salary.overall.medianChange, 2000);
  const bj = r.salary.byProvince.find((x) => x.code === '110000');
  assert.deepEqual([bj?.q1, bj?.median, bj?.q3, bj?.previous?.median], [9500, 10000, 10500, 8000]);
  const sd = r.salary.byProvince.find((x) => x.code === '370000');
  assert.deepEqual([sd?.n, sd?.median], [1, 6000]); // record 7 has no salary
  assert.match(r.warnings.join(' '), /1 of 7 employed graduates have no salary/);
});

test('selection by study province includes both universities; the synthetic flag is carried through', () => {
  const r = graduateReport(records, provinces, { studyProvince: '210000', year: 2016 }, RAW);
  assert.equal(r.headcount.count, 11);
  const marked = records.map((x) => (x.id === '5' ? { ...x, synthetic: true } : x));
  assert.equal(graduateReport(marked, provinces, { year: 2016 }, RAW).synthetic, true);
});

test('no previous year gives null comparisons, not zeros; unknown codes name the record', () => {
  const r = graduateReport(y2016, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.equal(r.previousYear, null);
  assert.equal(r.outcomes.employed.shareChangePp, null);
  assert.equal(r.byProvince[0].previousCount, null);
  assert.throws(() => graduateReport([rec('x', 2016, '210100', '999999')], provinces, { year: 2016 }, RAW), /record "x": destination "999999"/);
});

test('report is plain JSON (round-trips unchanged)', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('report stay share equals the retention measure on the study-province -> destination-province cohort table', () => {
  const r = graduateReport(records, provinces, { university: 'NEU', year: 2016 }, RAW);
  const employed = y2016.filter((x) => x.university === 'NEU' && /^\d+$/.test(x.destination));
  const rows = employed.map((x) => ({ origin: provinces[x.study_region as keyof typeof provinces], destination: provinces[x.destination as keyof typeof provinces], count: 1 }));
  const retention = retentionRate(flowTableFromRows(rows));
  assert.equal(retention.byRegion['210000'], r.stayStudyProvince.share);
});
