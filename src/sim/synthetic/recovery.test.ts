/**
 * Recovery: the conditional logit fitted to a generated cohort gives back the coefficients the
 * cohort was drawn with (coefficients.ts, is_study as calibrated), each within two standard
 * errors. The long-format data are built here from the records and the province table alone
 * (the documented definitions of docs/synthetic-cohort.md), not by the generator's own code, so
 * the test also checks that the generator draws the model it documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { haversineKm } from '../../core/geometry/haversine.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { fitConditionalLogit, type ChoiceData } from '../../models/logit/index.ts';
import { DESTINATION_TERMS } from './coefficients.ts';
import { generateCohorts } from './generate.ts';
import { NORTHEAST_UNIVERSITIES } from './presets.ts';
import { TEST_GEOGRAPHY } from './test-geography.ts';

const { cities, provinces } = TEST_GEOGRAPHY;
const provinceOf = new Map(cities.map((c) => [c.code, c.province]));
const COHORTS = ['NEU', 'DUT'].flatMap((university) => [2015, 2016].map((year) => ({ university, year, size: 10000 })));

/** One case per employed graduate, one row per province, a column per term. */
function longFormat(records: readonly PersonRecord[]): ChoiceData {
  const employed = records.filter((r) => provinceOf.has(r.destination));
  const p = provinces.length;
  const n = employed.length * p;
  const col = () => new Float64Array(n);
  const columns: Record<string, Float64Array> = Object.fromEntries(DESTINATION_TERMS.map((t) => [t, col()]));
  const caseIndex = new Int32Array(n);
  const altIndex = new Int32Array(n);
  const chosen = new Uint8Array(n);
  employed.forEach((r, i) => {
    const home = provinces.find((x) => x.code === provinceOf.get(r.home_region as string)) as (typeof provinces)[number];
    const study = provinceOf.get(r.study_region as string);
    const master = r.degree === 'master' ? 1 : 0;
    provinces.forEach((x, j) => {
      const k = i * p + j;
      const a = x.years[r.year];
      caseIndex[k] = i;
      altIndex[k] = j;
      chosen[k] = provinceOf.get(r.destination) === x.code ? 1 : 0;
      columns.ln_income[k] = Math.log(a.income);
      columns.master_ln_income[k] = master * Math.log(a.income);
      columns.ln_population[k] = Math.log(a.population);
      columns.rail_km_per_million[k] = a.railKm / (a.population / 1e6);
      columns.temperature_c[k] = a.temperature;
      columns.distance_100km[k] = x.code === home.code ? 0 : haversineKm([home.lon, home.lat], [x.lon, x.lat]) / 100;
      columns.is_home[k] = x.code === home.code ? 1 : 0;
      columns.is_study[k] = x.code === study ? 1 : 0;
    });
  });
  return { nCases: employed.length, caseIndex, altIndex, chosen, columns, alternatives: provinces.map((x) => x.code) };
}

function recover(seed: number) {
  const cohort = generateCohorts(TEST_GEOGRAPHY, NORTHEAST_UNIVERSITIES, COHORTS, { seed });
  const data = longFormat(cohort.records);
  const fit = fitConditionalLogit(data, { terms: [...DESTINATION_TERMS] });
  const z = Object.fromEntries(DESTINATION_TERMS.map((t) => [t, (fit.coefficients[t] - cohort.coefficients[t]) / fit.standardErrors[t]]));
  return { cohort, fit, z, persons: data.nCases };
}

test('seed 2016 (the demo seed): 40,000 graduates, about 26,000 employed; every coefficient within 2 classical SEs of the truth', (t) => {
  const { fit, z, persons, cohort } = recover(2016);
  assert.ok(fit.converged);
  assert.ok(persons > 25000, `${persons} employed`);
  for (const term of DESTINATION_TERMS) {
    t.diagnostic(`${term}: true ${cohort.coefficients[term].toFixed(4)}, estimate ${fit.coefficients[term].toFixed(4)} (SE ${fit.standardErrors[term].toFixed(4)}), z ${z[term].toFixed(2)}`);
    assert.ok(Math.abs(z[term]) < 2, `${term}: z = ${z[term]}`);
  }
});

test('seeds 1-4: the mean estimate is within 2 SEs of the mean (SE / 2) and no z beyond 3.3 (Bonferroni 32 tests at 3 %)', (t) => {
  const runs = [1, 2, 3, 4].map(recover);
  for (const term of DESTINATION_TERMS) {
    const zs = runs.map((r) => r.z[term]);
    t.diagnostic(`${term}: z by seed ${zs.map((z) => z.toFixed(2)).join(', ')}`);
    // The four fits are independent and their SEs nearly equal, so the mean z times 2 is about N(0, 1).
    const pooled = (zs.reduce((a, z) => a + z, 0) / zs.length) * Math.sqrt(zs.length);
    assert.ok(Math.abs(pooled) < 2, `${term}: pooled z = ${pooled}`);
    for (const z of zs) assert.ok(Math.abs(z) < 3.3, `${term}: z = ${z}`);
  }
});
