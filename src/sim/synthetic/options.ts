import { SpecError } from '../../core/errors.ts';

/**
 * Options of the synthetic cohort generator. Each default says where it comes from; most are
 * assumptions, chosen so that on a table of 2020 census populations and 2016 average wages
 * (test-regions.ts) the 2016 pattern of graduates of Northeastern University and Dalian University of
 * Technology is reproduced (a quarter stay in Liaoning; Beijing, Shanghai, Shandong, Guangdong
 * lead the rest). Change them to explore; calibration then re-hits the stay share.
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
   * Size elasticity b_size on log population. Default 0.8 (assumption: gravity models of Chinese
   * migration put mass elasticities between about 0.5 and 1; 0.8 was tuned with bIncome and
   * bDist on the test table so the 2016 pattern comes out).
   */
  bSize?: number;
  /**
   * Distance-decay b_dist on log distance from home. Default 0.8: gravity fits on the bundled
   * China province distances give elasticities near -1 (../shared/data/china-regions README);
   * slightly weaker here (assumption: graduates of national universities move farther).
   */
  bDist?: number;
  /**
   * Income elasticity b_income on log(income / mean income). Default 4 (assumption, tuned: with
   * average wages as the proxy it makes Beijing and Shanghai lead, as they do in the reports;
   * it stands in for everything a high-wage metropolis offers graduates, not only pay).
   */
  bIncome?: number;
  /** Utility bonus for the home province. Default 1.5 (assumption: graduates often return home). */
  homeBonus?: number;
  /** Distance used for a region to itself and nearer pairs, km. Default 50 (assumption). */
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
  /** Elasticity of the salary median to destination income. Default 0.5 (assumption). */
  salaryIncomeElasticity?: number;
  /** Log-scale spread of salaries (lognormal sigma). Default 0.35 (assumption). */
  salarySigma?: number;
}

export type ResolvedOptions = Required<SyntheticOptions>;

export function resolveOptions(o: SyntheticOptions): ResolvedOptions {
  const r: ResolvedOptions = {
    seed: o.seed,
    stayShareTarget: o.stayShareTarget ?? 0.25,
    bSize: o.bSize ?? 0.8,
    bDist: o.bDist ?? 0.8,
    bIncome: o.bIncome ?? 4,
    homeBonus: o.homeBonus ?? 1.5,
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
  for (const f of ['bSize', 'bDist', 'bIncome', 'homeBonus', 'homeDistanceDecay', 'salaryIncomeElasticity'] as const) {
    if (!Number.isFinite(r[f])) throw new SpecError(`must be a finite number, got ${r[f]}`, f);
  }
  for (const f of ['minDistanceKm', 'salaryMedian', 'salarySigma'] as const) {
    if (!(r[f] > 0) || !Number.isFinite(r[f])) throw new SpecError(`must be a positive number, got ${r[f]}`, f);
  }
  return r;
}
