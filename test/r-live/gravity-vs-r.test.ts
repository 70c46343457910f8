/**
 * Live comparison with R: random origin-destination tables of several shapes (sizes, constraint
 * types, decays, covariates, a sparse table, a panel with period effects, an offset) are written
 * to CSV, fitted by R's glm(family = poisson, control = glm.control(epsilon = 1e-14, maxit = 100))
 * with factor() dummies, and every covariate coefficient and standard error is compared at
 * relative 1e-6 (model-based; and the HC0 sandwich and the pair-clustered CR0 sandwich computed
 * from R's model matrix). epsilon = 1e-14 because R's default stops one IRLS step early and
 * reports the information at the previous iterate's weights (~3e-6 off, see the Austria tests).
 * Skips with a message when Rscript is not on PATH (CI installs r-base-core).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGravity } from '../../src/models/gravity/fit.ts';
import type { GravityData, GravitySpec } from '../../src/models/gravity/types.ts';
import { syntheticGravity } from '../helpers/synthetic.ts';

const hasR = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;

interface Case {
  name: string;
  data: GravityData;
  spec: GravitySpec;
}

function subset(d: GravityData, keep: (r: number) => boolean): GravityData {
  const idx = Array.from(d.flow.keys()).filter(keep);
  const f = (a: Float64Array) => Float64Array.from(idx, (r) => a[r]);
  const u = (a: Uint32Array) => Uint32Array.from(idx, (r) => a[r]);
  return {
    regions: d.regions, origin: u(d.origin), destination: u(d.destination), flow: f(d.flow), cost: f(d.cost),
    covariates: Object.fromEntries(Object.entries(d.covariates ?? {}).map(([k, v]) => [k, f(v)])),
    ...(d.period ? { period: u(d.period), periods: d.periods } : {}),
    ...(d.offset ? { offset: f(d.offset) } : {}),
  };
}

function cases(): Case[] {
  const a = syntheticGravity({ n: 8, seed: 101, covariates: true, constant: -4 });
  const b = syntheticGravity({ n: 12, seed: 102, covariates: true, constant: -5 });
  const c = syntheticGravity({ n: 15, seed: 103, covariates: true, constant: -6 });
  const d = syntheticGravity({ n: 20, seed: 104, covariates: true, constant: -6 });
  const e = subset(syntheticGravity({ n: 14, seed: 105, covariates: true, constant: -5 }), (r) => (r * 2654435761) % 10 >= 3);
  const p = syntheticGravity({ n: 8, seed: 106, covariates: true, constant: -4, periods: 3 });
  const o = syntheticGravity({ n: 10, seed: 107, covariates: true, constant: -5 });
  const withOffset: GravityData = { ...o, offset: Float64Array.from(o.flow, (_, r) => 0.1 * Math.log(o.covariates!.origin_gdp[r])) };
  const contig = { column: 'contig', transform: 'identity' as const };
  return [
    { name: 'N=8 unconstrained, exponential, log masses + contiguity', data: a, spec: { constraint: 'unconstrained', decay: 'exponential', originTerms: ['origin_pop'], destinationTerms: ['dest_pop', 'dest_gdp'], pairTerms: [contig] } },
    { name: 'N=12 production, power, destination masses', data: b, spec: { constraint: 'production', decay: 'power', destinationTerms: ['dest_pop', { column: 'dest_gdp', transform: 'log' }], pairTerms: [contig] } },
    { name: 'N=15 attraction, exponential, origin masses', data: c, spec: { constraint: 'attraction', decay: 'exponential', originTerms: ['origin_pop', 'origin_gdp'] } },
    { name: 'N=20 doubly, power, contiguity', data: d, spec: { constraint: 'doubly', decay: 'power', pairTerms: [contig] } },
    { name: 'N=14 doubly, exponential, sparse (70% of pairs)', data: e, spec: { constraint: 'doubly', decay: 'exponential' } },
    { name: 'N=8 x 3 periods doubly + period effects, power (clustered by pair)', data: p, spec: { constraint: 'doubly', decay: 'power', originTerms: ['origin_gdp'], destinationTerms: ['dest_gdp'] } },
    { name: 'N=8 x 3 periods unconstrained + period effects', data: p, spec: { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_pop', 'origin_gdp'], destinationTerms: ['dest_pop'] } },
    { name: 'N=10 production with an offset', data: withOffset, spec: { constraint: 'production', decay: 'power', destinationTerms: ['dest_pop'] } },
  ];
}

function toCsv(d: GravityData): string {
  const cov = Object.keys(d.covariates ?? {});
  const lines = [['o', 'd', 'flow', 'cost', ...cov, 'period', 'off'].join(',')];
  for (let r = 0; r < d.flow.length; r++) {
    lines.push([
      d.regions[d.origin[r]], d.regions[d.destination[r]], d.flow[r], d.cost[r].toPrecision(17),
      ...cov.map((k) => d.covariates![k][r].toPrecision(17)), d.period ? d.periods![d.period[r]] : '0', d.offset ? d.offset[r].toPrecision(17) : '0',
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

function rFormula(c: Case): string {
  const term = (t: string | { column: string; transform?: string }): string => {
    const col = typeof t === 'string' ? t : t.column;
    const log = typeof t === 'string' || (t.transform ?? 'log') === 'log';
    return log ? `log(${col})` : col;
  };
  const s = c.spec;
  const parts = [...(s.originTerms ?? []), ...(s.destinationTerms ?? []), ...(s.pairTerms ?? [])].map(term);
  parts.push(s.decay === 'power' ? 'log(cost)' : 'cost');
  if (s.constraint === 'production' || s.constraint === 'doubly') parts.push('factor(o)');
  if (s.constraint === 'attraction' || s.constraint === 'doubly') parts.push('factor(d)');
  if (c.data.period) parts.push('factor(period)');
  if (c.data.offset) parts.push('offset(off)');
  return `flow ~ ${parts.join(' + ')}`;
}

test('gravity fits agree with R glm(poisson) on random tables: every coefficient and SE (model, HC0, pair-clustered) to rel 1e-6', (t) => {
  if (!hasR) {
    t.skip('Rscript not found on PATH: install r-base-core to run the live R comparison');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tf-gravity-r-'));
  try {
    const all = cases();
    const script = [
      'out <- c()',
      ...all.map((c, i) => `
d <- read.csv("${join(dir, `case${i}.csv`)}", stringsAsFactors = FALSE)
m <- glm(${rFormula(c)}, family = poisson, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
X <- model.matrix(m); r <- d$flow - fitted(m); B <- vcov(m)
H <- B %*% crossprod(X * r) %*% B
C <- B %*% crossprod(rowsum(X * r, paste(d$o, d$d))) %*% B
keep <- !grepl("^factor\\\\(", names(coef(m))) & !is.na(coef(m))
for (nm in names(coef(m))[keep]) out <- c(out, sprintf("${i}\\t%s\\t%.17g\\t%.17g\\t%.17g\\t%.17g", nm, coef(m)[nm], sqrt(B[nm, nm]), sqrt(H[nm, nm]), sqrt(C[nm, nm])))`),
      'writeLines(out)',
    ].join('\n');
    all.forEach((c, i) => writeFileSync(join(dir, `case${i}.csv`), toCsv(c.data)));
    writeFileSync(join(dir, 'fit.R'), script);
    const r = spawnSync('Rscript', [join(dir, 'fit.R')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `Rscript failed: ${r.stderr}`);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    all.forEach((c, i) => {
      const m = fitGravity(c.data, c.spec);
      // R's order: (Intercept), the terms in formula order (= ours), then the factors (skipped).
      // Our intercept exists only without fixed effects (unconstrained, no periods).
      const names = m.terms;
      const expected = rows.filter((x) => x[0] === String(i) && (x[1] !== '(Intercept)' || names.includes('(Intercept)')));
      assert.equal(expected.length, names.length, `${c.name}: R has ${expected.map((x) => x[1]).join(', ')}; we have ${names.join(', ')}`);
      names.forEach((name, j) => {
        const [, rName, coef, se, hc0, cl] = expected[j];
        const check = (got: number, want: number, what: string): void => {
          const rel = Math.abs(got - want) / Math.abs(want);
          assert.ok(rel <= 1e-6, `${c.name}: ${what} of ${name} (R: ${rName}) = ${got}, R ${want}, rel ${rel.toExponential(2)}`);
        };
        check(m.coefficients[name], Number(coef), 'coefficient');
        check(m.standardErrors[name], Number(se), 'SE');
        check(m.robustStandardErrors[name], Number(hc0), 'HC0 SE');
        if (m.clusteredStandardErrors) check(m.clusteredStandardErrors[name], Number(cl), 'pair-clustered SE');
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
