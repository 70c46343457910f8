// Simulator speed (issue 5): one model year for 12 million agents over 340 destinations against a
// bare loop drawing the same random numbers (two 32-bit words per agent, the practical limit);
// a province-scale (31 regions) aggregate counterfactual; 200 draws x 10 years at province scale.
// `npm run bench -- sim`.
import { aggregateCounterfactual, compileLevers, runScenario, simulateCohorts } from '../src/sim/index.ts';
import { syntheticWorld, worldModel } from '../src/sim/test-fixtures.ts';
import { createRng } from '../src/numeric/index.ts';
import { streamWords } from '../src/sim/microsim.ts';

const ms = (t0: number) => performance.now() - t0;
const best = (f: () => void, k = 3) => { let b = Infinity; for (let i = 0; i < k; i++) { const t0 = performance.now(); f(); b = Math.min(b, ms(t0)); } return b; };

const big = syntheticWorld(340);
const model340 = worldModel(big, 0.6);
const agents = 12e6;
const sizes340 = new Float64Array(340).fill(agents / 340);
const sim = best(() => simulateCohorts({ model: model340, startYear: 2025, years: 1, sizes: sizes340, rng: createRng(1) }));
const bare = best(() => {
  const w = streamWords(createRng(1));
  let s0 = w[0] | 0, s1 = w[1] | 0, s2 = w[2] | 0, s3 = w[3] | 0, acc = 0;
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  for (let i = 0; i < 2 * agents; i++) {
    acc ^= Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
  }
  if (acc === 0.5) console.log(acc);
});
console.log(`microsimulation, 12M agents x 340 destinations, one year: ${sim.toFixed(0)} ms (${(agents / sim / 1e3).toFixed(1)} M agents/s; target <= 2000 ms)`);
console.log(`  bare loop drawing the same 24M random words: ${bare.toFixed(0)} ms; ratio ${(sim / bare).toFixed(2)}`);

const prov = syntheticWorld(31, 3);
const model31 = worldModel(prov, 0.6);
const sizes31 = Float64Array.from(prov.population, (p) => p * 0.01);
const levers = compileLevers(model31, [{ term: 'destination_income', targets: Uint8Array.from({ length: 31 }, (_, i) => (i < 3 ? 1 : 0)), change: { type: 'relative', value: 0.1 }, startYear: 2025, duration: 5, eligibility: ['stayers', 'arrivals'], benefitYears: 3, cost: { rule: 'per-person-year', amount: 12000 } }]);
aggregateCounterfactual(model31, sizes31, levers);
const agg = best(() => { for (let k = 0; k < 100; k++) aggregateCounterfactual(model31, sizes31, levers); }) / 100;
console.log(`aggregate counterfactual, 31 regions: ${agg.toFixed(3)} ms (target <= 50 ms)`);

let t0 = performance.now();
const run = runScenario({ model: model31, startYear: 2025, years: 10, sizes: sizes31, levers, returnRates: [0.08, 0.05, 0.03], outcome: levers[0].targets, draws: 200, seed: 1, maxAgentsPerYear: 50_000 });
const unc = ms(t0);
console.log(`uncertainty, 200 draws x 10 years x 2 arms, 31 regions, ${run.agentsPerYear} agents a year: ${(unc / 1000).toFixed(2)} s (target <= 10 s)`);
t0 = performance.now();
