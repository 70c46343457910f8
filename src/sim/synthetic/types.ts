/** Inputs of the synthetic cohort generator. The caller reads region data; nothing here reads files. */
export interface SyntheticRegion {
  code: string;
  /** Province code (a province-level row has its own code here). */
  province: string;
  /** Resident population (e.g. 2020 census), persons. */
  population: number;
  /** Centroid, degrees (population-weighted centroids are the better choice). */
  lon: number;
  lat: number;
  /** Income proxy (e.g. GDP per capita or average wage, any one currency unit for all regions). */
  income?: number;
}

export interface UniversityDefinition {
  /** Short stable id used in record ids and random stream names, e.g. "NEU". */
  id: string;
  /** Name written to PersonRecord.university. */
  name: string;
  name_zh?: string;
  /** Region code of the campus city (must be in the region table). */
  studyRegion: string;
  /** Target share of employed graduates working in the study province; default options.stayShareTarget. */
  stayShareTarget?: number;
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

export interface CalibrationReport {
  university: string;
  target: number;
  /** Calibrated utility bonus for destinations in the study province. */
  stayBonus: number;
  /** Expected stay share of employed graduates under the calibrated model (exact, not simulated). */
  expectedShare: number;
  iterations: number;
  converged: boolean;
}
