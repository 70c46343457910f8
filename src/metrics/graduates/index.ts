export { graduateReport, type GraduateReportOptions } from './report.ts';
export { selectGraduates } from './select.ts';
export { provinceResolver } from './province.ts';
export type { GraduateSelection, ProvinceMap, Compared, KeyedCompared, CityCompared, StayShare, Quartiles, SalaryRow, GraduateReport } from './types.ts';
