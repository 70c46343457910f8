import type { CodedMessage } from '../../core/messages/index.ts';
import type { PrivacyInfo } from '../privacy/index.ts';

/**
 * Shapes of the graduate destination report: plain JSON, one field per table of a university's
 * annual employment report, each row carrying this year, the previous year and the change.
 * Counts are null where small-cell suppression hides them (`suppressed: true`, see `privacy`).
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

/**
 * A count and its share of a base, this year against the previous year. A hidden count is null
 * with `suppressed` (or `previousSuppressed`) true, and so are its share and the changes.
 */
export interface Compared {
  count: number | null;
  share: number | null;
  previousCount: number | null;
  previousShare: number | null;
  countChange: number | null;
  /** (share - previousShare) * 100: change in percentage points. */
  shareChangePp: number | null;
  /** This year's count is hidden (fewer than privacy.k persons, or hidden to protect one that is). */
  suppressed: boolean;
  previousSuppressed: boolean;
}

export interface KeyedCompared extends Compared {
  code: string;
}

/** A destination as recorded, with its province (the total its table sums to). */
export interface CityCompared extends KeyedCompared {
  province: string;
}

/**
 * Share of a base that stayed (in the study province or in the home province). Hidden as a
 * whole (stayed, base, share null, `suppressed` true) when the stayed, the not stayed or those
 * of unknown region number 1 to k - 1 (or are hidden to protect one that does), or when the
 * share would narrow what a reader can infer about a hidden destination province.
 */
export interface StayShare {
  stayed: number | null;
  base: number | null;
  share: number | null;
  previousShare: number | null;
  shareChangePp: number | null;
  suppressed: boolean;
  previousSuppressed: boolean;
}

/**
 * Quartiles of n values; null with `suppressed` when the province is hidden, or 1 to k - 1 of its
 * employed gave a salary, or 1 to k - 1 gave none. `nSuppressed`: n is null; under suppression it
 * always is, since with the province's count it would give the number without a salary.
 */
export interface Quartiles {
  n: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  suppressed: boolean;
  nSuppressed: boolean;
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
  headcount: { count: number | null; previousCount: number | null; countChange: number | null; suppressed: boolean; previousSuppressed: boolean };
  /** Shares of the headcount. */
  outcomes: { employed: Compared; furtherStudy: Compared; notEmployed: Compared };
  /** Of the employed whose study (home) region is known. */
  stayStudyProvince: StayShare;
  /**
   * The provinces stayStudyProvince is about: where the employed of the year (whose study region
   * is known) studied, by code; one for a university. Under suppression a province of fewer than
   * k of them is left out and `suppressed` says some were.
   */
  studyProvinces: { codes: string[]; suppressed: boolean };
  stayHomeProvince: StayShare;
  /** Shares of the employed; sorted by count, then code; hidden rows after the shown non-zero ones, by code; zeros last. */
  byProvince: KeyedCompared[];
  /** Destinations as recorded (normally cities; a record giving only a province shows it). */
  byCity: CityCompared[];
  /** Employer types of the employed; a missing type is counted as "unknown". */
  employerTypes: KeyedCompared[];
  /** Monthly salary quartiles of the employed with a salary, overall and by destination province. */
  salary: { quantileDefinition: string; overall: SalaryRow; byProvince: SalaryRow[] };
  warnings: string[];
  /** The warnings coded (core/messages), same order, and the salary quantiles' definition, for a front-end's language. */
  messages: { warnings: CodedMessage[]; quantileDefinition: CodedMessage };
  /** The small-cell suppression applied (k, cells hidden, the rule); null for the unsuppressed counts. */
  privacy: PrivacyInfo | null;
}
