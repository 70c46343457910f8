/**
 * Speed against R's glm on the same data: the doubly-constrained power-decay gravity model
 * flow ~ factor(o) + factor(d) + log(dist) of ../shared/peers/r_glm_doubly_timing.R. For each N,
 * Rscript builds that script's synthetic table (seed 42, regions in a 3000 km square, lognormal
 * populations, true exponent -1.2), writes it to CSV, and times glm on it; we read the same CSV
 * (not timed) and time fitGravity. Prints both times, the ratio and both exponents.
 *
 *   npm run bench -- gravity-vs-r [N ...]      (default 100 200 400; R needs minutes at 400)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGravity } from '../src/models/gravity/fit.ts';
import type { GravityData } from '../src/models/gravity/types.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const list = sizes.length ? sizes : [100, 200, 400];
if (spawnSync('Rscript', ['--version']).status !== 0) {
  console.error('gravity-vs-r: Rscript not found (apt-get install -y r-base-core)');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'tf-bench-r-'));

// Same generator as the peer script; the table goes to CSV before the timed glm call.
const rScript = `
args <- commandArgs(trailingOnly = TRUE); N <- as.integer(args[1]); out <- args[2]; set.seed(42)
x <- runif(N, 0, 3000); y <- runif(N, 0, 3000); pop <- exp(rnorm(N, 13, 1))
g <- expand.grid(o = 1:N, d = 1:N); g <- g[g$o != g$d, ]
g$dist <- sqrt((x[g$o] - x[g$d])^2 + (y[g$o] - y[g$d])^2) + 1
mu <- exp(-6 + 0.5 * log(pop[g$o]) + 0.6 * log(pop[g$d]) - 1.2 * log(g$dist))
g$flow <- rpois(nrow(g), mu)
write.csv(g[, c("o", "d", "dist", "flow")], out, row.names = FALSE)
g$o <- factor(g$o); g$d <- factor(g$d)
t <- system.time(m <- glm(flow ~ o + d + log(dist), family = poisson, data = g))
cat(sprintf("%d %.3f %.12f\\n", nrow(g), t[["elapsed"]], coef(m)["log(dist)"]))
`;
writeFileSync(join(dir, 'timing.R'), rScript);

function readTable(path: string, n: number): GravityData {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const m = lines.length;
  const origin = new Uint32Array(m);
  const destination = new Uint32Array(m);
  const cost = new Float64Array(m);
  const flow = new Float64Array(m);
  lines.forEach((l, r) => {
    const [o, d, dist, f] = l.split(',');
    origin[r] = Number(o) - 1;
    destination[r] = Number(d) - 1;
    cost[r] = Number(dist);
    flow[r] = Number(f);
  });
  return { regions: Array.from({ length: n }, (_, i) => String(i + 1)), origin, destination, cost, flow };
}

console.log('gravity-vs-r: doubly constrained, power decay, same data (R writes the CSV)');
console.log('    N     pairs  cold (s)  warm (s)     R (s)  R/cold   R/warm   beta (ours)        beta (R)           |diff|');
try {
  for (const n of list) {
    const csv = join(dir, `g${n}.csv`);
    const r = spawnSync('Rscript', [join(dir, 'timing.R'), String(n), csv], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Rscript failed for N=${n}: ${r.stderr}`);
    const [pairs, rSeconds, rBeta] = r.stdout.trim().split(/\s+/).map(Number);
    const data = readTable(csv, n);
    const spec = { constraint: 'doubly', decay: 'power', costName: 'dist' } as const;
    // cold: the first fit in this process (what one CLI call pays, JIT compilation included)
    let t0 = performance.now();
    const first = fitGravity(data, spec);
    const cold = (performance.now() - t0) / 1000;
    // warm: best of 5 after 10 warm-up fits (steady state, e.g. a server fitting repeatedly)
    for (let i = 0; i < 10; i++) fitGravity(data, spec);
    let warm = Infinity;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      fitGravity(data, spec);
      warm = Math.min(warm, (performance.now() - t0) / 1000);
    }
    const beta = first.coefficients.dist;
    console.log(
      `${String(n).padStart(5)} ${String(pairs).padStart(9)} ${cold.toFixed(4).padStart(9)} ${warm.toFixed(4).padStart(9)} ${rSeconds.toFixed(2).padStart(9)} ${(rSeconds / cold).toFixed(0).padStart(8)} ${(rSeconds / warm).toFixed(0).padStart(8)}   ${beta.toFixed(12)}  ${rBeta.toFixed(12)}  ${Math.abs(beta - rBeta).toExponential(1)}`,
    );
  }
  console.log('ours: cold = first fit in the process, warm = best of 5 after 10 warm-up fits; CSV reading excluded. R: system.time(glm(...)) elapsed.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
