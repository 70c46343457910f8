import { SpecError } from '../../core/errors.ts';
import { DEFAULT_COEFFICIENTS, type FixedCoefficients } from './coefficients.ts';

/**
 * Options of the synthetic cohort generator. Each default says where it comes from; most are
 * assumptions, chosen so that on the real provincial attributes of 2016 (NBS, bundled) the 2016
 * pattern of graduates of Northeastern University and Dalian University of Technology is
 * reproduced (a quarter stay in Liaoning; Beijing, Shanghai, Guangdong and Shandong lead the
 * rest; docs/synthetic-cohort.md). Change them to explore; calibration then re-hits the stay share.
 */
export interface SyntheticOptions {
  /** Seed of the random streams (reported in the result). Required: no hidden default seed. */
  seed: number;
  /**
   * Share of employed graduates working in the study province. Default 0.25: "about a quarter"
   * of the 2016 graduates of NEU and DUT stayed in Liaoning, as quoted in issue 4 from the two
   * universities' 2016 graduate employment quality reports (就业质量年度报告); not re-verified.
   */
  stayShareTarget?: number;
  /**
   * Year whose cohorts (pooled, weighted by size) the stay share target applies to. Default the
   * latest cohort year (2016 in the demo: the seed facts are about 2016 graduates).
   */
  calibrationYear?: number;
  /**
   * The set coefficients of the destination-choice logit (coefficients.ts; is_study is always
   * calibrated). Default DEFAULT_COEFFICIENTS, term by term: give only the ones to change.
   */
  coefficients?: Partial<FixedCoefficients>;
  /** Distance used for the campus to nearer cities in the home draw, km. Default 50 (assumption). */
  minDistanceKm?: number;
  /** Share of students from the study province. Default 0.35 (assumption). */
  homeLocalShare?: number;
  /** Distance decay of where non-local students come from (population * d^-x). Default 0.5 (assumption). */
  homeDistanceDecay?: number;
  /** Share going on to further study. Default 0.30 (assumption; leading universities report about a third). */
  furtherStudyShare?: number;
  /** Share not employed at the report date. Default 0.05 (assumption). */
  notEmployedShare?: number;
  /** Degree mix. Default bachelor 0.55, master 0.40, doctor 0.05 (assumption). */
  degreeShares?: Readonly<Record<string, number>>;
  /** Major mix. Default engineering-heavy (assumption, both are technical universities). */
  majorShares?: Readonly<Record<string, number>>;
  /** Employer types of the employed. Default state-owned 0.40, private 0.35, ... (assumption). */
  employerShares?: Readonly<Record<string, number>>;
  /** Median monthly starting salary at an income-average destination, yuan. Default 6000 (assumption). */
  salaryMedian?: number;
  /** Elasticity of the salary median to the destination province's income (relative to the mean of the provinces that year). Default 0.5 (assumption). */
  salaryIncomeElasticity?: number;
  /** Log-scale spread of salaries (lognormal sigma). Default 0.35 (assumption). */
  salarySigma?: number;
}

export type ResolvedOptions = Required<Omit<SyntheticOptions, 'calibrationYear' | 'coefficients'>> & {
  calibrationYear: number | null;
  coefficients: FixedCoefficients;
};

export function resolveOptions(o: SyntheticOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    seed: o.seed,
    stayShareTarget: o.stayShareTarget ?? 0.25,
    calibrationYear: o.calibrationYear ?? null,
    coefficients: { ...DEFAULT_COEFFICIENTS, ...Object.fromEntries(Object.entries(o.coefficients ?? {}).filter(([, v]) => v !== undefined)) },
    minDistanceKm: o.minDistanceKm ?? 50,
    homeLocalShare: o.homeLocalShare ?? 0.35,
    homeDistanceDecay: o.homeDistanceDecay ?? 0.5,
    furtherStudyShare: o.furtherStudyShare ?? 0.3,
    notEmployedShare: o.notEmployedShare ?? 0.05,
    degreeShares: o.degreeShares ?? { bachelor: 0.55, master: 0.4, doctor: 0.05 },
    majorShares: o.majorShares ?? { engineering: 0.6, science: 0.12, management: 0.13, economics: 0.07, humanities: 0.05, arts: 0.03 },
    employerShares: o.employerShares ?? { state_owned: 0.4, private: 0.35, foreign: 0.08, public_institution: 0.1, government: 0.07 },
    salaryMedian: o.salaryMedian ?? 6000,
    salaryIncomeElasticity: o.salaryIncomeElasticity ?? 0.5,
    salarySigma: o.salarySigma ?? 0.35,
  };
  const share = (v: number, f: string) => {
    if (!(v >= 0 && v <= 1)) throw new SpecError(`must be a share in [0, 1], got ${v}`, f);
  };
  share(r.stayShareTarget, 'stayShareTarget');
  share(r.homeLocalShare, 'homeLocalShare');
  share(r.furtherStudyShare, 'furtherStudyShare');
  share(r.notEmployedShare, 'notEmployedShare');
  if (r.furtherStudyShare + r.notEmployedShare > 1) throw new SpecError('furtherStudyShare + notEmployedShare exceeds 1', 'furtherStudyShare');
  if (!(r.stayShareTarget > 0 && r.stayShareTarget < 1)) throw new SpecError(`must be strictly between 0 and 1 to calibrate, got ${r.stayShareTarget}`, 'stayShareTarget');
  for (const f of ['homeDistanceDecay', 'salaryIncomeElasticity'] as const) {
    if (!Number.isFinite(r[f])) throw new SpecError(`must be a finite number, got ${r[f]}`, f);
  }
  for (const [term, v] of Object.entries(r.coefficients)) {
    if (!(term in DEFAULT_COEFFICIENTS)) throw new SpecError(`unknown term "${term}" (is_study is calibrated, not set)`, 'coefficients');
    if (!Number.isFinite(v)) throw new SpecError(`${term} must be a finite number, got ${v}`, 'coefficients');
  }
  if (r.calibrationYear !== null && !Number.isInteger(r.calibrationYear)) throw new SpecError(`must be a whole year, got ${r.calibrationYear}`, 'calibrationYear');
  for (const f of ['minDistanceKm', 'salaryMedian', 'salarySigma'] as const) {
    if (!(r[f] > 0) || !Number.isFinite(r[f])) throw new SpecError(`must be a positive number, got ${r[f]}`, f);
  }
  return r;
}
