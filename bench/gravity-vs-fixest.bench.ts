/**
 * Speed against R's fixest (and glm where it is practical) on the same data: the doubly-
 * constrained power-decay gravity model, fixest's fepois(flow ~ log(dist) | o + d). For each N,
 * Rscript draws the table of gravity-vs-r.bench.ts (seed 42, regions in a 3000 km square,
 * lognormal populations, exponent -1.2), writes it to CSV and times, in the same run:
 *   fit alone     the first fepois on the data read beforehand (glm too at N = 200: at 400 it needs ~800
 *                 dummy columns over 160,000 rows and minutes); ours: the compiled library's fitGravity on
 *                 the same CSV read first, the first fit of a fresh Node process for each N (JIT
 *                 warm-up included, reading excluded);
 *   fit again     at N <= 1,000, the median of three more fits on the same data in the same
 *                 process, both sides: what a server or an R session that fits repeatedly sees.
 *                 Our first fit pays V8's warm-up (its kernels run in the interpreter until the
 *                 optimising compiler has compiled them, a few milliseconds per loop), a fixed
 *                 cost that is most of the first fit at N = 200 and little from N = 1,000 up;
 *                 fixest's compiled C++ has none;
 *   file to result  ours: the `talentflow fit gravity --flows FILE --json` process end to end (start-up,
 *                 reading, fit, JSON written), with its peak memory; against two R figures:
 *                 in R    read.csv + a second fepois inside the R session that wrote the file
 *                         (R's start-up and library(fixest) excluded: the figure fixest users quote);
 *                 process a fresh `Rscript` that loads fixest, reads the CSV, fits and writes the
 *                         coefficients as JSON, timed from outside like ours (the like-for-like
 *                         command-line comparison; at small N both are mostly start-up).
 * Ratios are peer time / our time (> 1: we are faster). Coefficients are compared too.
 *
 *   npm run bench -- gravity-vs-fixest [N ...]     (default 200 400 1000 2000 3000)
 *
 * fixest is not in Debian: build it from source without CRAN (fetch the three repositories, e.g.
 * github.com/lrberge/fixest, lrberge/dreamerr, lrberge/stringmagic; copy each package folder:
 * `git archive HEAD DESCRIPTION NAMESPACE R src data inst man` for fixest, one file of whose
 * snapshot is missing), then
 *   apt-get install -y r-cran-rcpp r-cran-formula r-cran-numderiv r-cran-sandwich
 *   mkdir -p ~/R/x86_64-pc-linux-gnu-library/4.2     # R's default user library
 *   R CMD INSTALL --no-docs --no-html stringmagic && R CMD INSTALL --no-docs --no-html dreamerr \
 *     && R CMD INSTALL --no-docs --no-html fixest
 * (this order: dreamerr needs stringmagic). Built here: fixest 0.12.2, ~6 minutes on 2 cores.
 * Without fixest the bench stops with this hint; the CLI needs dist/ (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const list = sizes.length ? sizes : [200, 400, 1000, 2000, 3000];
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/talentflow.mjs');
const hasFixest = spawnSync('Rscript', ['-e', 'library(fixest)'], { encoding: 'utf8' }).status === 0;
if (!hasFixest) {
  console.error('gravity-vs-fixest: R with fixest not found (see the header of bench/gravity-vs-fixest.bench.ts to build it from source)');
  process.exit(1);
}
if (!existsSync(join(root, 'dist/cli-bundle/main.js'))) {
  console.error('gravity-vs-fixest: the compiled CLI is missing: npm run build');
  process.exit(1);
}
/** Largest N with the repeated fits (three more fixest fits take a minute at N = 3,000). */
const AGAIN_MAX_N = 1000;
const dir = mkdtempSync(join(tmpdir(), 'tf-bench-fixest-'));

const rScript = `
suppressPackageStartupMessages(library(fixest))
args <- commandArgs(trailingOnly = TRUE); N <- as.integer(args[1]); out <- args[2]; set.seed(42)
x <- runif(N, 0, 3000); y <- runif(N, 0, 3000); pop <- exp(rnorm(N, 13, 1))
g <- expand.grid(o = 1:N, d = 1:N); g <- g[g$o != g$d, ]
g$dist <- sqrt((x[g$o] - x[g$d])^2 + (y[g$o] - y[g$d])^2) + 1
mu <- exp(-6 + 0.5 * log(pop[g$o]) + 0.6 * log(pop[g$d]) - 1.2 * log(g$dist))
g$flow <- rpois(nrow(g), mu)
g <- g[, c("o", "d", "dist", "flow")]
write.csv(g, out, row.names = FALSE)
rm(g); invisible(gc())
d <- read.csv(out)
t_fit <- system.time(m <- fepois(flow ~ log(dist) | o + d, d, notes = FALSE))[["elapsed"]]
rm(d); invisible(gc())
t_file <- system.time({ d <- read.csv(out); m <- fepois(flow ~ log(dist) | o + d, d, notes = FALSE) })[["elapsed"]]
t_again <- NA
if (N <= ${AGAIN_MAX_N}) t_again <- median(sapply(1:3, function(i) system.time(fepois(flow ~ log(dist) | o + d, d, notes = FALSE))[["elapsed"]]))
t_glm <- NA; b_glm <- NA
if (N <= 200) { d$o <- factor(d$o); d$d <- factor(d$d); t_glm <- system.time(mg <- glm(flow ~ o + d + log(dist), family = poisson, data = d))[["elapsed"]]; b_glm <- coef(mg)[["log(dist)"]] }
cat(sprintf("%d %.3f %.3f %.15g %s %s %d %s\\n", nrow(d), t_fit, t_file, coef(m)[["log(dist)"]], t_glm, b_glm, getFixest_nthreads(), t_again))
`;
writeFileSync(join(dir, 'timing.R'), rScript);
// The peer as a command: a fresh R process from CSV in to JSON out.
const rProcess = `
suppressPackageStartupMessages(library(fixest))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
m <- fepois(flow ~ log(dist) | o + d, d, notes = FALSE)
cat(sprintf('{"coefficients": {"dist": %.15g}, "se": {"dist": %.15g}, "nobs": %d}\\n', coef(m)[["log(dist)"]], se(m)[["log(dist)"]], nobs(m)))
`;
writeFileSync(join(dir, 'process.R'), rProcess);
// Ours alone, as the compiled package runs: a fresh process per N, so every N's first fit is cold.
const lib = (path: string): string => JSON.stringify(pathToFileURL(join(root, path)).href);
writeFileSync(join(dir, 'fit-alone.mjs'), `
import { fitGravity } from ${lib('dist/models/gravity/fit.js')};
import { readGravityFile } from ${lib('dist/store/queries/gravity-file.js')};
const [csv, repeats] = process.argv.slice(2);
const { data } = await readGravityFile(csv, { origin: 'o', destination: 'd', flow: 'flow', cost: 'dist' });
const spec = { constraint: 'doubly', decay: 'power', costName: 'dist' };
const timed = () => { const t = performance.now(); const m = fitGravity(data, spec); return [(performance.now() - t) / 1000, m.coefficients.dist]; };
const [first, beta] = timed();
const again = Array.from({ length: Number(repeats) }, () => timed()[0]).sort((a, b) => a - b);
console.log(JSON.stringify({ first, beta, again: again.length ? again[again.length >> 1] : null }));
`);

const f = (x: number, w = 8, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '-').padStart(w);
console.log('gravity-vs-fixest: doubly constrained, power decay; fepois(flow ~ log(dist) | o + d) vs fitGravity; same CSV (R writes it)');
console.log('    N     pairs | fit alone (s): ours  fixest   ratio    glm   ratio | fit again (s): ours fixest  ratio | file to result (s): ours  in R   ratio  Rscript   ratio | MB: ours    R | beta ours          |diff fixest|');
try {
  for (const n of list) {
    const csv = join(dir, `g${n}.csv`);
    const r = spawnSync('Rscript', [join(dir, 'timing.R'), String(n), csv], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`Rscript failed for N=${n}: ${r.stderr}`);
    const [rows, rFit, rFile, rBeta, rGlm, , threads, rAgain] = r.stdout.trim().split(/\s+/).map(Number);

    // File to result: the CLI as a user runs it, peak resident memory from GNU time.
    const cli = ['fit', 'gravity', '--flows', csv, '--origin', 'o', '--destination', 'd', '--flow', 'flow', '--cost', 'dist', '--constraint', 'doubly', '--json'];
    const t0 = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...cli], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const fileSeconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`CLI failed for N=${n}: ${run.stderr}`);
    const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
    const cliBeta = (JSON.parse(run.stdout) as { coefficients: Record<string, number> }).coefficients.dist;

    // The peer as a process, timed the same way.
    const t2 = performance.now();
    const rRun = spawnSync('/usr/bin/time', ['-f', '%M', 'Rscript', join(dir, 'process.R'), csv], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const rProcessSeconds = (performance.now() - t2) / 1000;
    if (rRun.status !== 0) throw new Error(`Rscript process failed for N=${n}: ${rRun.stderr}`);
    const rPeakMb = Number(rRun.stderr.trim().split('\n').pop()) / 1024;
    const rProcessBeta = (JSON.parse(rRun.stdout) as { coefficients: Record<string, number> }).coefficients.dist;
    if (Math.abs(rProcessBeta - rBeta) > 1e-9 * Math.abs(rBeta)) throw new Error(`the two fixest runs disagree at N=${n}: ${rProcessBeta} vs ${rBeta}`);

    // Fit alone: the first fit of a fresh process (cold), the CSV read beforehand; then the repeats.
    const child = spawnSync(process.execPath, [join(dir, 'fit-alone.mjs'), csv, String(n <= AGAIN_MAX_N ? 3 : 0)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`the library's fit failed for N=${n}: ${child.stderr}`);
    const { first: fitSeconds, again, beta } = JSON.parse(child.stdout) as { first: number; again: number | null; beta: number };
    if (Math.abs(cliBeta - beta) > 1e-9 * Math.abs(beta)) throw new Error(`CLI and library disagree at N=${n}: ${cliBeta} vs ${beta}`);
    console.log(
      `${String(n).padStart(5)} ${String(rows).padStart(9)} |      ${f(fitSeconds, 6)} ${f(rFit)} ${f(rFit / fitSeconds)} ${f(rGlm, 6)} ${f(rGlm / fitSeconds, 7)} |        ${f(again ?? NaN, 6, 3)} ${f(rAgain, 6, 3)} ${f(rAgain / (again ?? NaN), 6)} |           ${f(fileSeconds, 6)} ${f(rFile, 6)} ${f(rFile / fileSeconds, 7)} ${f(rProcessSeconds, 8)} ${f(rProcessSeconds / fileSeconds, 7)} | ${f(peakMb, 8, 0)} ${f(rPeakMb, 5, 0)} | ${beta.toFixed(12)} ${Math.abs(beta - rBeta).toExponential(1).padStart(8)}`,
    );
    console.log(`      (fixest threads: ${threads}; CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB)`);
    rmSync(csv, { force: true });
  }
  console.log('ratio = peer seconds / ours (> 1: talentflow faster). fit alone: R system.time(fepois(...)) / glm(...) elapsed on the data in memory; ours the first fitGravity of a fresh process (compiled library).');
  console.log('fit again (N <= ' + AGAIN_MAX_N + '): the median of three more fits in the same process, each side (no warm-up left on ours).');
  console.log('file to result: ours the whole `talentflow fit gravity --flows ... --json` process (node start-up included); in R: read.csv + fepois timed inside R (start-up and library(fixest) excluded);');
  console.log('  Rscript: a fresh R process loading fixest, reading the CSV, fitting and writing JSON, timed from outside as ours. MB: peak RSS of each process.');
  console.log('fixest at its default tolerances (glm.tol 1e-8), so |diff| is mostly fixest stopping earlier than our 1e-10.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
