/** Inputs of the synthetic cohort generator. The caller reads region data; nothing here reads files. */

/** A city: a possible home and, within its province, a possible destination. */
export interface SyntheticCity {
  code: string;
  /** Province code (a province-level unit standing for itself has its own code here). */
  province: string;
  /** Resident population (e.g. 2020 census), persons: home draws and the within-province city draw. */
  population: number;
  /** Centroid, degrees: distances from the campus for the home draw. */
  lon: number;
  lat: number;
}

/** A province's attributes in one year, in the units named (the caller converts). */
export interface ProvinceYear {
  /** Disposable income per head of all residents, yuan a year (NBS disposable_income_pc). */
  income: number;
  /** Year-end resident population, persons (NBS population_year_end x 10,000). */
  population: number;
  /** Urban rail transit line length, km; 0 where the province had none (NBS urban_rail_transit_length). */
  railKm: number;
  /** Mean air temperature, degrees C (weather_air_temperature_x10 / 10). */
  temperature: number;
}

/** A province: an alternative of the destination choice. */
export interface SyntheticProvince {
  code: string;
  /** Centroid, degrees: province-to-province distances (home province to destination). */
  lon: number;
  lat: number;
  /** Attributes by year; every cohort year needs an entry. */
  years: Readonly<Record<number, ProvinceYear>>;
}

export interface SyntheticGeography {
  cities: readonly SyntheticCity[];
  provinces: readonly SyntheticProvince[];
}

export interface UniversityDefinition {
  /** Short stable id used in record ids and random stream names, e.g. "NEU". */
  id: string;
  /** Name written to PersonRecord.university. */
  name: string;
  name_zh?: string;
  /** City code of the campus (must be among the cities). */
  studyRegion: string;
  /** Share of students whose home is in the study province; default options.homeLocalShare. */
  homeLocalShare?: number;
}

export interface CohortSpec {
  /** UniversityDefinition.id */
  university: string;
  year: number;
  /** Number of graduates. */
  size: number;
}

/** The calibration of the is_study coefficient (calibrate.ts). */
export interface CalibrationReport {
  /** Target share of employed graduates working in their study province. */
  target: number;
  /** Year whose cohorts (pooled, weighted by size) the target applies to. */
  year: number;
  /** Calibrated is_study coefficient. */
  isStudy: number;
  /** Expected stay share of the pooled cohorts under the calibrated model (exact, not simulated). */
  expectedShare: number;
  /** The same by university (cohorts of the calibration year). */
  byUniversity: { university: string; expectedShare: number }[];
  iterations: number;
  converged: boolean;
}
