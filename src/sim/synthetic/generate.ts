import { InputError, SpecError } from '../../core/errors.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { aliasTable, cumulative, sampleAlias, sampleCumulative, type AliasTable } from '../../numeric/random/categorical.ts';
import { normal } from '../../numeric/random/normal.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { calibrateStudyCoefficient, type WeightedGroup } from './calibrate.ts';
import { alternativeUtility, destinationProbabilities } from './choice.ts';
import type { DestinationCoefficients } from './coefficients.ts';
import { homeWeights } from './home.ts';
import { resolveOptions, type ResolvedOptions, type SyntheticOptions } from './options.ts';
import { provinceTable, provinceYear, type ProvinceTable, type ProvinceYearColumns } from './provinces.ts';
import type { CalibrationReport, CohortSpec, SyntheticCity, SyntheticGeography, UniversityDefinition } from './types.ts';

/**
 * Synthetic graduate cohorts: real person records are private, so the demo uses records drawn
 * from a model with known parameters over real provincial attributes. For each graduate, in this
 * order: home city (home.ts), outcome (further study / not employed / employed, fixed shares),
 * degree, major; if employed, the destination in two stages: (1) the province by the conditional
 * logit of coefficients.ts with the attributes of the graduation year and is_study calibrated so
 * that the target share stays in the study province (calibrate.ts); (2) the city within that
 * province in proportion to city population. Then an employer type and a lognormal monthly salary
 * whose median scales with the province's income. Every record has synthetic: true.
 *
 * Reproducible: each (university, year) cohort draws from its own stream
 * createRng(seed).fork("<university id>:<year>"), so adding a cohort leaves the others unchanged.
 */
export interface SyntheticCohortResult {
  synthetic: true;
  seed: number;
  records: PersonRecord[];
  parameters: ResolvedOptions;
  /** The coefficients the destinations were drawn with, is_study as calibrated (NaN when there was nothing to calibrate). */
  coefficients: DestinationCoefficients;
  /** Null when there is nothing to calibrate (no graduates). */
  calibration: CalibrationReport | null;
  /** Province codes, the alternatives of the choice, in the order given. */
  provinces: string[];
  warnings: string[];
}

interface University {
  def: UniversityDefinition;
  study: number;
  studyProvince: number;
  homes: AliasTable;
  homeProvinces: Float64Array;
}

export function generateCohorts(
  geography: SyntheticGeography,
  universities: readonly UniversityDefinition[],
  cohorts: readonly CohortSpec[],
  options: SyntheticOptions,
): SyntheticCohortResult {
  const o = resolveOptions(options);
  const root = createRng(o.seed);
  const { cities, provinces } = geography;
  const table = provinceTable(provinces);
  const cityProvince = checkCities(cities, table);
  const cityIndex = new Map(cities.map((x, i) => [x.code, i]));
  const byId = new Map<string, University>();
  for (const u of universities) {
    if (byId.has(u.id)) throw new SpecError(`university "${u.id}" is defined twice`, 'universities');
    const study = cityIndex.get(u.studyRegion);
    if (study === undefined) throw new InputError(`university "${u.id}": study region "${u.studyRegion}" is not among the cities`, { column: 'studyRegion' });
    const w = homeWeights(cities, study, u.homeLocalShare ?? o.homeLocalShare, o.homeDistanceDecay, o.minDistanceKm);
    const homeProvinces = new Float64Array(table.codes.length);
    w.forEach((x, h) => (homeProvinces[cityProvince[h]] += x));
    byId.set(u.id, { def: u, study, studyProvince: cityProvince[study], homes: aliasTable(w), homeProvinces });
  }
  for (const c of cohorts) {
    if (!byId.has(c.university)) throw new SpecError(`cohort refers to unknown university "${c.university}"`, 'cohorts');
    if (!Number.isInteger(c.size) || c.size < 0) throw new SpecError(`cohort size must be a whole number >= 0, got ${c.size}`, 'cohorts');
    if (!Number.isInteger(c.year)) throw new SpecError(`cohort year must be a whole year, got ${c.year}`, 'cohorts');
  }
  const years = new Map<number, ProvinceYearColumns>();
  for (const c of cohorts) if (!years.has(c.year)) years.set(c.year, provinceYear(provinces, c.year));

  const degrees = categories(o.degreeShares, 'degreeShares');
  const masterShare = (o.degreeShares.master ?? 0) / Object.values(o.degreeShares).reduce((a, x) => a + x, 0);
  const { coefficients, calibration, warnings } = calibrate(table, years, byId, cohorts, o, masterShare);

  const outcome = cumulative([o.furtherStudyShare, o.notEmployedShare, 1 - o.furtherStudyShare - o.notEmployedShare]);
  const majors = categories(o.majorShares, 'majorShares');
  const employers = categories(o.employerShares, 'employerShares');
  const cityDraw = citiesByProvince(cities, cityProvince, table);

  const records: PersonRecord[] = [];
  for (const c of cohorts) {
    const u = byId.get(c.university) as University;
    const year = years.get(c.year) as ProvinceYearColumns;
    const meanIncome = year.income.reduce((a, x) => a + x, 0) / year.income.length;
    // Stage 1 tables, one per home province and degree class (master's or not), built when first needed.
    const tables = [false, true].map((master) => ({ base: alternativeUtility(year, coefficients, master), byHome: new Map<number, AliasTable>() }));
    const provinceDraw = (home: number, master: boolean) => {
      const t = tables[master ? 1 : 0];
      let a = t.byHome.get(home);
      if (!a) t.byHome.set(home, (a = aliasTable(destinationProbabilities(table, t.base, coefficients, home, u.studyProvince))));
      return a;
    };
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
        home_region: cities[home].code,
        study_region: cities[u.study].code,
        destination: out === 0 ? 'further_study' : 'not_employed',
        employer_type: null,
        monthly_salary: null,
        synthetic: true,
      };
      if (out === 2) {
        const province = sampleAlias(provinceDraw(cityProvince[home], degree === 'master'), rng);
        const city = cityDraw[province];
        record.destination = cities[city.codes[sampleAlias(city.table, rng)]].code;
        record.employer_type = employers.names[sampleCumulative(employers.cdf, rng)];
        const median = o.salaryMedian * Math.pow(year.income[province] / meanIncome, o.salaryIncomeElasticity);
        record.monthly_salary = Math.round((median * Math.exp(normal(rng, 0, o.salarySigma))) / 100) * 100;
      }
      records.push(record);
    }
  }
  return { synthetic: true, seed: o.seed, records, parameters: o, coefficients, calibration, provinces: [...table.codes], warnings };
}

function categories(shares: Readonly<Record<string, number>>, field: string) {
  const names = Object.keys(shares);
  if (!names.length) throw new SpecError('needs at least one category', field);
  return { names, cdf: cumulative(names.map((k) => shares[k])) };
}

/** Province index of each city; every city needs a positive population, a centroid and a known province. */
function checkCities(cities: readonly SyntheticCity[], table: ProvinceTable): Int32Array {
  const out = new Int32Array(cities.length);
  const seen = new Set<string>();
  cities.forEach((x, i) => {
    if (seen.has(x.code)) throw new InputError(`city "${x.code}" appears twice`, { column: 'code' });
    seen.add(x.code);
    if (!(x.population > 0) || !Number.isFinite(x.population)) throw new InputError(`city "${x.code}": population must be positive, got ${x.population}`, { column: 'population' });
    if (!Number.isFinite(x.lon) || !Number.isFinite(x.lat)) throw new InputError(`city "${x.code}": centroid is missing`, { column: 'lon' });
    const p = table.index.get(x.province);
    if (p === undefined) throw new InputError(`city "${x.code}": province "${x.province}" has no attributes`, { column: 'province' });
    out[i] = p;
  });
  return out;
}

/**
 * Stage 2: per province, its cities and an alias table by population (Pr(city | province) =
 * population / province total). A province without a city could not receive anyone: an error.
 */
function citiesByProvince(cities: readonly SyntheticCity[], cityProvince: Int32Array, table: ProvinceTable): { codes: number[]; table: AliasTable }[] {
  const members: number[][] = table.codes.map(() => []);
  cityProvince.forEach((j, i) => members[j].push(i));
  return members.map((codes, j) => {
    if (!codes.length) throw new InputError(`province "${table.codes[j]}" has no city to draw a destination from`, { column: 'province' });
    return { codes, table: aliasTable(codes.map((i) => cities[i].population)) };
  });
}

function calibrate(
  table: ProvinceTable, years: Map<number, ProvinceYearColumns>, byId: Map<string, University>,
  cohorts: readonly CohortSpec[], o: ResolvedOptions, masterShare: number,
): { coefficients: DestinationCoefficients; calibration: CalibrationReport | null; warnings: string[] } {
  const warnings: string[] = [];
  const sized = cohorts.filter((c) => c.size > 0);
  if (!sized.length) return { coefficients: { ...o.coefficients, is_study: Number.NaN }, calibration: null, warnings };
  const year = o.calibrationYear ?? Math.max(...sized.map((c) => c.year));
  const inYear = sized.filter((c) => c.year === year);
  if (!inYear.length) throw new SpecError(`no cohort graduates in ${year}`, 'calibrationYear');
  const columns = years.get(year) as ProvinceYearColumns; // every cohort year was read above
  const groups: WeightedGroup[] = inYear.map((c) => {
    const u = byId.get(c.university) as University;
    return { study: u.studyProvince, homes: u.homeProvinces, masterShare, weight: c.size };
  });
  const cal = calibrateStudyCoefficient(table, columns, o.coefficients, groups, o.stayShareTarget);
  if (!cal.converged) warnings.push(`the is_study calibration did not converge (target ${o.stayShareTarget}, reached ${cal.expectedShare.toFixed(4)})`);
  const byUniversity = [...new Set(inYear.map((c) => c.university))].map((id) => {
    const ks = inYear.map((c, k) => (c.university === id ? k : -1)).filter((k) => k >= 0);
    const n = ks.reduce((a, k) => a + groups[k].weight, 0);
    return { university: id, expectedShare: ks.reduce((a, k) => a + groups[k].weight * cal.groupShares[k], 0) / n };
  });
  return {
    coefficients: { ...o.coefficients, is_study: cal.isStudy },
    calibration: { target: o.stayShareTarget, year, isStudy: cal.isStudy, expectedShare: cal.expectedShare, byUniversity, iterations: cal.iterations, converged: cal.converged },
    warnings,
  };
}
