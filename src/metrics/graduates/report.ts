import { SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { checkMinCell, DEFAULT_MIN_CELL, SMALL_CELL_RULE } from '../privacy/index.ts';
import { compared, comparedTable, salaryRow, stayShare } from './compare.ts';
import { provinceResolver } from './province.ts';
import { selectGraduates } from './select.ts';
import { countYear } from './summarise.ts';
import { suppressedCells } from './suppressed-cells.ts';
import type { CityCompared, GraduateReport, GraduateSelection, ProvinceMap } from './types.ts';
import { yearMask } from './year-mask.ts';

/** How the salary quartiles are computed (R's quantile(type = 7)), coded so the report says it in its language. */
const QUANTILE_DEFINITION = coded('graduates.quantileDefinition', {});

/**
 * Graduate destination report of a selection (university, study province, degree, major) for one
 * year, compared with the previous year: the tables of a Chinese university's annual graduate
 * employment quality report (毕业生就业质量年度报告). Shares of outcomes are of the headcount;
 * destinations, employer types and stay shares are of the employed. Salary quartiles use R's
 * type 7 quantile (Hyndman & Fan 1996). Unknown region codes throw InputError naming the record.
 * Counts of fewer than `minCell` graduates, and those that would reveal them, are hidden
 * (src/metrics/privacy, docs/privacy.md).
 */
export interface GraduateReportOptions {
  /** Year compared with. Default selection.year - 1; null for no comparison. */
  previousYear?: number | null;
  /**
   * Small-cell threshold k: counts of 1 to k - 1 graduates are hidden, with complementary
   * suppression. Default 10 (DEFAULT_MIN_CELL); never below 3 (SpecError naming minCell). Null
   * gives the unsuppressed counts, for a caller that holds the records itself (its own analysis,
   * tests); every front-end passes the workspace's k (src/report/graduates/from-workspace.ts).
   */
  minCell?: number | null;
}

/** The study provinces named with the stay share: all, or under suppression those of at least k graduates. */
function studyProvinces(counts: ReadonlyMap<string, number>, k: number | null): GraduateReport['studyProvinces'] {
  const all = [...counts.keys()].sort();
  const codes = k === null ? all : all.filter((c) => (counts.get(c) ?? 0) >= k);
  return { codes, suppressed: codes.length < all.length };
}

export function graduateReport(
  records: readonly PersonRecord[],
  provinces: ProvinceMap,
  selection: GraduateSelection,
  options: GraduateReportOptions = {},
): GraduateReport {
  if (!Number.isInteger(selection.year)) throw new SpecError(`must be a whole year, got ${selection.year}`, 'year');
  const previousYear = options.previousYear === undefined ? selection.year - 1 : options.previousYear;
  const k = options.minCell === null ? null : checkMinCell(options.minCell ?? DEFAULT_MIN_CELL, 'minCell');
  const provinceOf = provinceResolver(provinces);
  const cur = countYear(selectGraduates(records, selection, selection.year, provinceOf), provinceOf);
  const prevRecords = previousYear === null ? null : selectGraduates(records, selection, previousYear, provinceOf);
  // A previous year without any selected record is "no comparison", not a year of zeros.
  const prev = prevRecords && prevRecords.length ? countYear(prevRecords, provinceOf) : null;
  const now = yearMask(cur, k);
  const before = prev ? yearMask(prev, k) : null;

  const warnings: CodedMessage[] = [];
  if (cur.headcount === 0) warnings.push(coded('graduates.noRecords', { year: selection.year }));
  if (previousYear !== null && !prev) warnings.push(coded('graduates.noComparison', { year: previousYear }));
  const withSalary = cur.salaries.length;
  if (cur.employed > 0 && withSalary < cur.employed) {
    // Under suppression the numbers are left out: they would give the count behind the quartiles.
    warnings.push(k === null
      ? coded('graduates.salaryMissing', { missing: cur.employed - withSalary, employed: cur.employed, withSalary })
      : coded('graduates.salaryMissingSuppressed', {}));
  }

  const hide = (a: boolean, b: boolean | undefined) => ({ now: a, previous: b ?? false });
  const hidden = (a: ReadonlySet<string>, b: ReadonlySet<string> | undefined) => ({ now: a, previous: b ?? new Set<string>() });
  const prevOf = (get: (c: typeof cur) => number) => (prev ? { count: get(prev), base: prev.headcount } : null);
  const prevEmployed = prev?.employed ?? 0;
  const byProvince = comparedTable(cur.byProvince, cur.employed, prev ? prev.byProvince : null, prevEmployed, hidden(now.provinces, before?.provinces));
  const byCity: CityCompared[] = comparedTable(cur.byCity, cur.employed, prev ? prev.byCity : null, prevEmployed, hidden(now.cities, before?.cities))
    .map((row) => ({ ...row, province: cur.cityProvince.get(row.code) ?? prev?.cityProvince.get(row.code) ?? row.code }));
  const salaryOf = (code: string) => ({ now: now.salary(code), previous: before ? before.salary(code) : { hidden: false, nHidden: false } });
  const report: GraduateReport = {
    selection,
    year: selection.year,
    previousYear: prev ? previousYear : null,
    synthetic: cur.synthetic || (prev?.synthetic ?? false),
    headcount: {
      count: now.headcount ? null : cur.headcount,
      previousCount: prev && !before?.headcount ? prev.headcount : null,
      countChange: prev && !now.headcount && !before?.headcount ? cur.headcount - prev.headcount : null,
      suppressed: now.headcount,
      previousSuppressed: before?.headcount ?? false,
    },
    outcomes: {
      employed: compared(cur.employed, cur.headcount, prevOf((c) => c.employed), hide(now.employed, before?.employed)),
      furtherStudy: compared(cur.furtherStudy, cur.headcount, prevOf((c) => c.furtherStudy), hide(now.furtherStudy, before?.furtherStudy)),
      notEmployed: compared(cur.notEmployed, cur.headcount, prevOf((c) => c.notEmployed), hide(now.notEmployed, before?.notEmployed)),
    },
    stayStudyProvince: stayShare(cur.stayStudy, prev ? prev.stayStudy : null, hide(now.stayStudy, before?.stayStudy)),
    stayHomeProvince: stayShare(cur.stayHome, prev ? prev.stayHome : null, hide(now.stayHome, before?.stayHome)),
    studyProvinces: studyProvinces(cur.studyProvinces, k),
    byProvince,
    byCity,
    employerTypes: comparedTable(cur.employerTypes, cur.employed, prev ? prev.employerTypes : null, prevEmployed, hidden(now.employerTypes, before?.employerTypes)),
    salary: {
      quantileDefinition: QUANTILE_DEFINITION.message,
      overall: salaryRow('all', cur.salaries, prev ? prev.salaries : null, salaryOf('all')),
      // In the order of the destination table (hidden provinces last), so it tells nothing either.
      byProvince: byProvince
        .filter((row) => cur.salariesByProvince.has(row.code))
        .map((row) => salaryRow(row.code, cur.salariesByProvince.get(row.code) ?? [], prev ? (prev.salariesByProvince.get(row.code) ?? []) : null, salaryOf(row.code))),
    },
    warnings: english(warnings),
    messages: { warnings, quantileDefinition: QUANTILE_DEFINITION },
    privacy: null,
  };
  if (k !== null) report.privacy = { k, suppressedCells: suppressedCells(report), rule: SMALL_CELL_RULE };
  return report;
}
