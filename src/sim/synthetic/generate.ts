import { InputError, SpecError } from '../../core/errors.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { aliasTable, cumulative, sampleAlias, sampleCumulative, type AliasTable } from '../../numeric/random/categorical.ts';
import { normal } from '../../numeric/random/normal.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { calibrateStayBonus } from './calibrate.ts';
import { choiceProbabilities, prepareChoice } from './choice.ts';
import { homeWeights } from './home.ts';
import { resolveOptions, type ResolvedOptions, type SyntheticOptions } from './options.ts';
import type { CalibrationReport, CohortSpec, SyntheticRegion, UniversityDefinition } from './types.ts';

/**
 * Synthetic graduate cohorts: real person records are private, so the demo uses records drawn
 * from a model calibrated to published aggregates. For each graduate, in this order: home region
 * (home.ts), outcome (further study / not employed / employed, fixed shares), degree, major; if
 * employed, the destination region by the logit of choice.ts with the study-province bonus
 * calibrated per university (calibrate.ts), an employer type, and a lognormal monthly salary
 * whose median scales with destination income. Every record has synthetic: true.
 *
 * Reproducible: each (university, year) cohort draws from its own stream
 * createRng(seed).fork("<university id>:<year>"), so adding a cohort leaves the others unchanged.
 */
export interface SyntheticCohortResult {
  synthetic: true;
  seed: number;
  records: PersonRecord[];
  parameters: ResolvedOptions;
  calibration: CalibrationReport[];
  warnings: string[];
}

export function generateCohorts(
  regions: readonly SyntheticRegion[],
  universities: readonly UniversityDefinition[],
  cohorts: readonly CohortSpec[],
  options: SyntheticOptions,
): SyntheticCohortResult {
  const o = resolveOptions(options);
  const root = createRng(o.seed);
  const data = prepareChoice(regions, o);
  const index = new Map(regions.map((x, i) => [x.code, i]));
  const warnings: string[] = [];
  if (!data.hasIncome && o.bIncome !== 0) warnings.push('no income proxy in the region data: the income term (bIncome) is not used and salaries do not vary by destination');

  const byId = new Map<string, { def: UniversityDefinition; study: number; homes: AliasTable; choices: AliasTable[]; calibration: CalibrationReport }>();
  for (const u of universities) {
    if (byId.has(u.id)) throw new SpecError(`university "${u.id}" is defined twice`, 'universities');
    const study = index.get(u.studyRegion);
    if (study === undefined) throw new InputError(`university "${u.id}": study region "${u.studyRegion}" is not in the region data`, { column: 'studyRegion' });
    const target = u.stayShareTarget ?? o.stayShareTarget;
    const homes = homeWeights(data, study, u.homeLocalShare ?? o.homeLocalShare, o.homeDistanceDecay, o.minDistanceKm);
    const cal = calibrateStayBonus(data, homes, study, target);
    if (!cal.converged) warnings.push(`university "${u.id}": stay share calibration did not converge (target ${target}, reached ${cal.expectedShare.toFixed(4)})`);
    const choices = regions.map((_, h) => aliasTable(choiceProbabilities(data, h, data.provinces[study], cal.stayBonus)));
    byId.set(u.id, { def: u, study, homes: aliasTable(homes), choices, calibration: { university: u.id, target, ...cal } });
  }

  const outcome = cumulative([o.furtherStudyShare, o.notEmployedShare, 1 - o.furtherStudyShare - o.notEmployedShare]);
  const categories = (shares: Readonly<Record<string, number>>, field: string) => {
    const names = Object.keys(shares);
    if (!names.length) throw new SpecError('needs at least one category', field);
    return { names, cdf: cumulative(names.map((k) => shares[k])) };
  };
  const degrees = categories(o.degreeShares, 'degreeShares');
  const majors = categories(o.majorShares, 'majorShares');
  const employers = categories(o.employerShares, 'employerShares');

  const records: PersonRecord[] = [];
  for (const c of cohorts) {
    const u = byId.get(c.university);
    if (!u) throw new SpecError(`cohort refers to unknown university "${c.university}"`, 'cohorts');
    if (!Number.isInteger(c.size) || c.size < 0) throw new SpecError(`cohort size must be a whole number >= 0, got ${c.size}`, 'cohorts');
    if (!Number.isInteger(c.year)) throw new SpecError(`cohort year must be a whole year, got ${c.year}`, 'cohorts');
    const rng = root.fork(`${u.def.id}:${c.year}`);
    const width = String(c.size).length;
    for (let k = 0; k < c.size; k++) {
      const home = sampleAlias(u.homes, rng);
      const out = sampleCumulative(outcome, rng);
      const degree = degrees.names[sampleCumulative(degrees.cdf, rng)];
      const major = majors.names[sampleCumulative(majors.cdf, rng)];
      const record: PersonRecord = {
        id: `${u.def.id}-${c.year}-${String(k + 1).padStart(width, '0')}`,
        year: c.year,
        university: u.def.name,
        degree,
        major,
        home_region: regions[home].code,
        study_region: regions[u.study].code,
        destination: out === 0 ? 'further_study' : 'not_employed',
        employer_type: null,
        monthly_salary: null,
        synthetic: true,
      };
      if (out === 2) {
        const j = sampleAlias(u.choices[home], rng);
        record.destination = regions[j].code;
        record.employer_type = employers.names[sampleCumulative(employers.cdf, rng)];
        const median = o.salaryMedian * Math.pow(data.incomeRatio[j], o.salaryIncomeElasticity);
        record.monthly_salary = Math.round((median * Math.exp(normal(rng, 0, o.salarySigma))) / 100) * 100;
      }
      records.push(record);
    }
  }
  return { synthetic: true, seed: o.seed, records, parameters: o, calibration: [...byId.values()].map((x) => x.calibration), warnings };
}
