/**
 * Destination-choice benchmark (issue 11): conditional logit on synthetic graduates.
 *
 * 1. Scale: PERSONS graduates (default 1,000,000) choosing among ALTS cities (default 340) with 6
 *    city attributes (standard normal) and 4 person x city terms: distance from home and from the
 *    study city (1000 km), is-home, is-study. Persons differ only by (home, study), so identical
 *    situations are aggregated (one case per pair, chosen = counts): the fit's cost grows with
 *    distinct situations x cities, not persons x cities. Prints generation and fit time, Newton
 *    iterations, the largest |estimate - truth| / SE, and peak RSS. Target <= 10 s, <= 4 GB.
 * 2. Against R: R_PERSONS persons (default 5,000) x R_ALTS cities (default 100) from the same
 *    generator, one case per person, written to CSV (not timed); R times
 *    survival::clogit(ch ~ terms + strata(case)) with system.time; we time fitConditionalLogit on
 *    the same rows (cold = first fit in the process, warm = best of 5 after 5 warm-up fits) and on
 *    the same persons aggregated into situations (aggregateChoiceSituations, timed with the fit);
 *    prints the ratios and the largest coefficient differences.
 *
 *   npm run bench -- logit [PERSONS] [ALTS] [R_PERSONS] [R_ALTS]     (R part skipped without Rscript + survival)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateChoiceSituations } from '../src/models/logit/aggregate.ts';
import { fitConditionalLogit } from '../src/models/logit/conditional-logit.ts';
import type { ChoiceData } from '../src/models/logit/types.ts';
import { normal } from '../src/numeric/random/normal.ts';
import { aliasTable, sampleAlias } from '../src/numeric/random/categorical.ts';
import { createRng, type Rng } from '../src/numeric/random/rng.ts';

const [persons = 1_000_000, alts = 340, rPersons = 5000, rAlts = 100] = process.argv.slice(2).map(Number);
const ATTRIBUTES = ['income', 'gdp', 'population', 'climate', 'rail', 'restaurants'];
const TERMS = [...ATTRIBUTES, 'dist_home', 'dist_study', 'is_home', 'is_study'];
const TRUTH = [0.8, 0.3, 0.5, 0.2, 0.3, 0.1, -1.5, -0.8, 1.2, 0.9];

interface World {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly attributes: Float64Array[];
  readonly homeWeight: Float64Array;
  readonly studyWeight: Float64Array;
}

/** Cities in a 3000 km square; a third of them (the largest) have universities. */
function world(n: number, rng: Rng): World {
  const x = Float64Array.from({ length: n }, () => 3000 * rng.uniform());
  const y = Float64Array.from({ length: n }, () => 3000 * rng.uniform());
  const attributes = ATTRIBUTES.map(() => Float64Array.from({ length: n }, () => normal(rng)));
  const homeWeight = attributes[2].map((p) => Math.exp(p));
  const studyWeight = homeWeight.map((w, j) => (j < Math.ceil(n / 3) ? w * w : 0));
  return { n, x, y, attributes, homeWeight, studyWeight };
}

/**
 * Long-format data for the given persons: aggregated by (home, study) with counts, or one case
 * per person. Choices are drawn from the true logit.
 */
function choiceData(w: World, home: Int32Array, study: Int32Array, aggregate: boolean, rng: Rng): ChoiceData {
  const J = w.n;
  // Group persons by situation (home, study).
  const key = (p: number): number => home[p] * J + study[p];
  const order = Int32Array.from(home.keys()).sort((a, b) => key(a) - key(b));
  const groups: { home: number; study: number; persons: number[] }[] = [];
  for (const p of order) {
    const last = groups[groups.length - 1];
    if (aggregate && last && last.home === home[p] && last.study === study[p]) last.persons.push(p);
    else groups.push({ home: home[p], study: study[p], persons: [p] });
  }
  const nRows = groups.length * J;
  const caseIndex = new Int32Array(nRows);
  const altIndex = new Int32Array(nRows);
  const chosen = new Float64Array(nRows);
  const columns = TERMS.map(() => new Float64Array(nRows));
  const v = new Float64Array(J);
  const cdf = new Float64Array(J);
  groups.forEach((g, c) => {
    const s = c * J;
    let max = -Infinity;
    for (let j = 0; j < J; j++) {
      const r = s + j;
      caseIndex[r] = c;
      altIndex[r] = j;
      for (let a = 0; a < ATTRIBUTES.length; a++) columns[a][r] = w.attributes[a][j];
      columns[6][r] = Math.hypot(w.x[j] - w.x[g.home], w.y[j] - w.y[g.home]) / 1000;
      columns[7][r] = Math.hypot(w.x[j] - w.x[g.study], w.y[j] - w.y[g.study]) / 1000;
      columns[8][r] = j === g.home ? 1 : 0;
      columns[9][r] = j === g.study ? 1 : 0;
      let u = 0;
      for (let t = 0; t < TERMS.length; t++) u += TRUTH[t] * columns[t][r];
      v[j] = u;
      if (u > max) max = u;
    }
    let total = 0;
    for (let j = 0; j < J; j++) cdf[j] = total += Math.exp(v[j] - max);
    for (let i = 0; i < g.persons.length; i++) {
      const u = rng.uniform() * total;
      let lo = 0;
      let hi = J - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (u < cdf[mid]) hi = mid;
        else lo = mid + 1;
      }
      chosen[s + lo]++;
    }
  });
  return { nCases: groups.length, caseIndex, altIndex, chosen, columns: Object.fromEntries(TERMS.map((t, i) => [t, columns[i]])) };
}

function people(w: World, n: number, rng: Rng): { home: Int32Array; study: Int32Array } {
  const homeTable = aliasTable(w.homeWeight);
  const studyTable = aliasTable(w.studyWeight);
  const home = new Int32Array(n);
  const study = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    home[p] = sampleAlias(homeTable, rng);
    // Half study in their home city when it has a university, as graduates often do.
    study[p] = w.studyWeight[home[p]] > 0 && rng.uniform() < 0.5 ? home[p] : sampleAlias(studyTable, rng);
  }
  return { home, study };
}

const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(2);
const worstZ = (m: ReturnType<typeof fitConditionalLogit>): number => Math.max(...TERMS.map((t, i) => Math.abs(m.coefficients[t] - TRUTH[i]) / m.standardErrors[t]));

// 1. Scale.
{
  const rng = createRng(20261101);
  const t0 = performance.now();
  const w = world(alts, rng.fork('world'));
  const { home, study } = people(w, persons, rng.fork('people'));
  const data = choiceData(w, home, study, true, rng.fork('choices'));
  const genSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const m = fitConditionalLogit(data, { terms: TERMS });
  const fitSeconds = (performance.now() - t1) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`logit scale: ${persons.toLocaleString('en')} persons x ${alts} cities, ${TERMS.length} terms -> ${data.nCases.toLocaleString('en')} distinct situations x ${alts} = ${data.caseIndex.length.toLocaleString('en')} rows`);
  console.log(`  generated and aggregated in ${genSeconds.toFixed(1)} s`);
  console.log(`  fit: ${fitSeconds.toFixed(2)} s (checks, subsample start, ${m.iterations} full Newton iterations, sandwich, diagnostics), converged=${m.converged}`);
  console.log(`  LL ${m.logLikelihood.toFixed(2)}, rho2 ${m.rhoSquared.toFixed(4)}, largest |estimate - truth| = ${worstZ(m).toFixed(2)} SE`);
  console.log(`  peak RSS ${gib(peak)} GB (data ${gib(data.caseIndex.length * (8 * TERMS.length + 8 + 8))} GB)`);
}

// 2. Against R.
const hasR = spawnSync('Rscript', ['-e', 'library(survival)'], { encoding: 'utf8' }).status === 0;
if (!hasR) {
  console.log('\nlogit vs R: skipped (Rscript with survival not found: apt-get install -y r-base-core r-cran-survival)');
} else {
  const rng = createRng(20261102);
  const w = world(rAlts, rng.fork('world'));
  const { home, study } = people(w, rPersons, rng.fork('people'));
  const data = choiceData(w, home, study, false, rng.fork('choices'));
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-clogit-'));
  try {
    const lines = [['case', 'ch', ...TERMS].join(',')];
    for (let r = 0; r < data.caseIndex.length; r++) lines.push([data.caseIndex[r], data.chosen[r], ...TERMS.map((t) => data.columns[t][r].toPrecision(17))].join(','));
    writeFileSync(join(dir, 'd.csv'), lines.join('\n') + '\n');
    writeFileSync(
      join(dir, 'fit.R'),
      `suppressMessages(library(survival)); d <- read.csv("${join(dir, 'd.csv')}")
t <- system.time(m <- clogit(ch ~ ${TERMS.join(' + ')} + strata(case), data = d))
cat(sprintf("%.3f", t[["elapsed"]]), sprintf("%.12f", coef(m)), "\\n")`,
    );
    const r = spawnSync('Rscript', [join(dir, 'fit.R')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const [rSeconds, ...rCoef] = r.stdout.trim().split(/\s+/).map(Number);
    const spec = { terms: TERMS };
    let t0 = performance.now();
    const first = fitConditionalLogit(data, spec);
    const cold = (performance.now() - t0) / 1000;
    for (let i = 0; i < 5; i++) fitConditionalLogit(data, spec);
    let warm = Infinity;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      fitConditionalLogit(data, spec);
      warm = Math.min(warm, (performance.now() - t0) / 1000);
    }
    // The same persons aggregated (aggregateChoiceSituations, counts): the same estimates.
    t0 = performance.now();
    const aggregated = aggregateChoiceSituations(data, { mode: 'counts' }).data;
    const onAggregate = fitConditionalLogit(aggregated, spec);
    const agg = (performance.now() - t0) / 1000;
    const same = Math.max(...TERMS.map((t) => Math.abs(onAggregate.coefficients[t] - first.coefficients[t]) / Math.abs(first.coefficients[t])));
    const diff = Math.max(...TERMS.map((t, i) => Math.abs(first.coefficients[t] - rCoef[i]) / Math.abs(rCoef[i])));
    console.log(`\nlogit vs R survival::clogit: ${rPersons.toLocaleString('en')} persons x ${rAlts} cities (${data.caseIndex.length.toLocaleString('en')} rows), ${TERMS.length} terms, same rows`);
    console.log(`  R ${rSeconds.toFixed(2)} s | ours cold ${cold.toFixed(3)} s (${(rSeconds / cold).toFixed(0)}x), warm ${warm.toFixed(3)} s (${(rSeconds / warm).toFixed(0)}x) | largest rel. coefficient difference ${diff.toExponential(1)}`);
    console.log(`  ours on the same persons aggregated into ${aggregated.nCases.toLocaleString('en')} situations (aggregation included): ${agg.toFixed(3)} s (${(rSeconds / agg).toFixed(0)}x R on the persons), estimates equal to ${same.toExponential(1)}`);
    console.log('  CSV writing and reading excluded; R: system.time(clogit(...)) elapsed.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
