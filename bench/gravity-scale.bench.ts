/**
 * Scale benchmark: doubly-constrained power-decay gravity on N = 3000 regions (8,997,000 pairs),
 * target <= 10 s and <= 4 GB on a 2-core machine. Prints the fit time, Newton iterations,
 * balancing and demeaning sweeps, and the cost of one plain pass over the arrays (the practical
 * floor: every sweep is one such pass).  Usage: npm run bench -- scale [N]
 */
import { buildGravityDesign } from '../src/models/gravity/design.ts';
import { fitGravity } from '../src/models/gravity/fit.ts';
import { fitPpml } from '../src/models/gravity/ppml.ts';
import { resolveGravitySpec } from '../src/models/gravity/spec.ts';
import { syntheticGravity } from '../test/helpers/synthetic.ts';

const n = Number(process.argv[2] ?? 3000);
const t0 = performance.now();
const data = syntheticGravity({ n, seed: 42, constant: -10 });
const genSeconds = (performance.now() - t0) / 1000;
const pairs = data.flow.length;

// One plain pass: what a balancing sweep must at least do (read kernel, both indexes, accumulate).
const acc = new Float64Array(n);
const passes = 5;
const tp = performance.now();
for (let p = 0; p < passes; p++) {
  const o = data.origin;
  const d = data.destination;
  const f = data.cost;
  for (let r = 0; r < pairs; r++) acc[o[r]] += f[r] * acc[d[r]] * 1e-300;
}
const passSeconds = (performance.now() - tp) / 1000 / passes;

const rssBefore = process.memoryUsage().rss;
const t1 = performance.now();
const m = fitGravity(data, { constraint: 'doubly', decay: 'power', costName: 'dist' });
const fitSeconds = (performance.now() - t1) / 1000;
const rss = process.memoryUsage().rss;
console.log(`gravity-scale: N=${n} pairs=${pairs} (generated in ${genSeconds.toFixed(1)} s)`);
console.log(`  fit: ${fitSeconds.toFixed(2)} s, ${m.iterations} Newton iterations, converged=${m.converged} (${m.stopReason})`);
console.log(`  beta(log dist) = ${m.coefficients.dist.toFixed(8)} (true -1.2), SE ${m.standardErrors.dist.toExponential(4)}`);
console.log(`  one plain pass over the pairs: ${(passSeconds * 1000).toFixed(1)} ms; fit = ${(fitSeconds / passSeconds).toFixed(0)} passes; ${(fitSeconds / m.iterations).toFixed(2)} s per Newton iteration`);
console.log(`  rss ${(rss / 2 ** 30).toFixed(2)} GB (before fit ${(rssBefore / 2 ** 30).toFixed(2)} GB)`);

// Phases of a second fit: input checks and layout, the solver, the rest (statistics, result).
const spec = resolveGravitySpec({ constraint: 'doubly', decay: 'power', costName: 'dist' }, data);
const t2 = performance.now();
const design = buildGravityDesign(data, spec);
const t3 = performance.now();
const sol = fitPpml({ y: design.y, columns: design.columns, names: ['dist'], offset: null, factors: design.factors, padding: design.padding }, spec);
const t4 = performance.now();
const solver = (t4 - t3) / 1000;
console.log(`  phases (second fit): design ${((t3 - t2) / 1000).toFixed(2)} s, solver ${solver.toFixed(2)} s (sub-grid start + ${sol.iterations} Newton iterations, ${sol.balanceSweeps} balancing sweeps, ${sol.demeanSweeps} demeaning CG iterations = ${(solver / passSeconds).toFixed(0)} passes), statistics and result ${Math.max(0, fitSeconds - (t4 - t2) / 1000).toFixed(2)} s (from the first fit)`);
