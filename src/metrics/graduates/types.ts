/**
 * Shapes of the graduate destination report: plain JSON, one field per table of a university's
 * annual employment report, each row carrying this year, the previous year and the change.
 */
export interface GraduateSelection {
  /** Graduation year reported. */
  year: number;
  /** University name(s) as in PersonRecord.university; default all. */
  university?: string | readonly string[];
  /** Province code of the study region (resolved through the province map); default all. */
  studyProvince?: string;
  degree?: string | readonly string[];
  major?: string | readonly string[];
}

/** Region code -> province code (cities to their province; a province may map to itself). */
export type ProvinceMap = Readonly<Record<string, string>>;

/** A count and its share of a base, this year against the previous year. */
export interface Compared {
  count: number;
  share: number | null;
  previousCount: number | null;
  previousShare: number | null;
  countChange: number | null;
  /** (share - previousShare) * 100: change in percentage points. */
  shareChangePp: number | null;
}

export interface KeyedCompared extends Compared {
  code: string;
}

/** Share of a base that stayed (in the study province or in the home province). */
export interface StayShare {
  stayed: number;
  base: number;
  share: number | null;
  previousShare: number | null;
  shareChangePp: number | null;
}

export interface Quartiles {
  n: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export interface SalaryRow extends Quartiles {
  code: string;
  previous: Quartiles | null;
  medianChange: number | null;
}

export interface GraduateReport {
  selection: GraduateSelection;
  year: number;
  previousYear: number | null;
  /** True when any selected record (this or the previous year) is synthetic. */
  synthetic: boolean;
  headcount: { count: number; previousCount: number | null; countChange: number | null };
  /** Shares of the headcount. */
  outcomes: { employed: Compared; furtherStudy: Compared; notEmployed: Compared };
  /** Of the employed whose study (home) region is known. */
  stayStudyProvince: StayShare;
  stayHomeProvince: StayShare;
  /** Shares of the employed; sorted by count, then code. */
  byProvince: KeyedCompared[];
  /** Destinations as recorded (normally cities; a record giving only a province shows it). */
  byCity: KeyedCompared[];
  /** Employer types of the employed; a missing type is counted as "unknown". */
  employerTypes: KeyedCompared[];
  /** Monthly salary quartiles of the employed with a salary, overall and by destination province. */
  salary: { quantileDefinition: string; overall: SalaryRow; byProvince: SalaryRow[] };
  warnings: string[];
}
