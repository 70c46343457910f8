import { SpecError } from '../../core/errors.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { compared, comparedTable, salaryRow, stayShare } from './compare.ts';
import { provinceResolver } from './province.ts';
import { selectGraduates } from './select.ts';
import { countYear } from './summarise.ts';
import type { GraduateReport, GraduateSelection, ProvinceMap } from './types.ts';

/**
 * Graduate destination report of a selection (university, study province, degree, major) for one
 * year, compared with the previous year: the tables of a Chinese university's annual graduate
 * employment quality report (毕业生就业质量年度报告). Shares of outcomes are of the headcount;
 * destinations, employer types and stay shares are of the employed. Salary quartiles use R's
 * type 7 quantile (Hyndman & Fan 1996). Unknown region codes throw InputError naming the record.
 */
export interface GraduateReportOptions {
  /** Year compared with. Default selection.year - 1; null for no comparison. */
  previousYear?: number | null;
}

export function graduateReport(
  records: readonly PersonRecord[],
  provinces: ProvinceMap,
  selection: GraduateSelection,
  options: GraduateReportOptions = {},
): GraduateReport {
  if (!Number.isInteger(selection.year)) throw new SpecError(`must be a whole year, got ${selection.year}`, 'year');
  const previousYear = options.previousYear === undefined ? selection.year - 1 : options.previousYear;
  const provinceOf = provinceResolver(provinces);
  const cur = countYear(selectGraduates(records, selection, selection.year, provinceOf), provinceOf);
  const prevRecords = previousYear === null ? null : selectGraduates(records, selection, previousYear, provinceOf);
  // A previous year without any selected record is "no comparison", not a year of zeros.
  const prev = prevRecords && prevRecords.length ? countYear(prevRecords, provinceOf) : null;

  const warnings: string[] = [];
  if (cur.headcount === 0) warnings.push(`no graduate records match the selection in ${selection.year}`);
  if (previousYear !== null && !prev) warnings.push(`no graduate records match the selection in ${previousYear}: no comparison`);
  const withSalary = cur.salaries.length;
  if (cur.employed > 0 && withSalary < cur.employed) warnings.push(`${cur.employed - withSalary} of ${cur.employed} employed graduates have no salary; quartiles use the other ${withSalary}`);

  const head = (n: number) => (p: number) => ({ count: p, base: n });
  const prevOf = (get: (c: typeof cur) => number) => (prev ? head(prev.headcount)(get(prev)) : null);
  return {
    selection,
    year: selection.year,
    previousYear: prev ? previousYear : null,
    synthetic: cur.synthetic || (prev?.synthetic ?? false),
    headcount: { count: cur.headcount, previousCount: prev ? prev.headcount : null, countChange: prev ? cur.headcount - prev.headcount : null },
    outcomes: {
      employed: compared(cur.employed, cur.headcount, prevOf((c) => c.employed)),
      furtherStudy: compared(cur.furtherStudy, cur.headcount, prevOf((c) => c.furtherStudy)),
      notEmployed: compared(cur.notEmployed, cur.headcount, prevOf((c) => c.notEmployed)),
    },
    stayStudyProvince: stayShare(cur.stayStudy, prev ? prev.stayStudy : null),
    stayHomeProvince: stayShare(cur.stayHome, prev ? prev.stayHome : null),
    byProvince: comparedTable(cur.byProvince, cur.employed, prev ? prev.byProvince : null, prev?.employed ?? 0),
    byCity: comparedTable(cur.byCity, cur.employed, prev ? prev.byCity : null, prev?.employed ?? 0),
    employerTypes: comparedTable(cur.employerTypes, cur.employed, prev ? prev.employerTypes : null, prev?.employed ?? 0),
    salary: {
      quantileDefinition: 'R type 7 (Hyndman & Fan 1996): linear interpolation between order statistics at (n - 1) p',
      overall: salaryRow('all', cur.salaries, prev ? prev.salaries : null),
      byProvince: comparedTable(cur.byProvince, cur.employed, null, 0)
        .filter((row) => cur.salariesByProvince.has(row.code))
        .map((row) => salaryRow(row.code, cur.salariesByProvince.get(row.code) ?? [], prev ? (prev.salariesByProvince.get(row.code) ?? []) : null)),
    },
    warnings,
  };
}
