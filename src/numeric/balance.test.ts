/**
 * Iterative proportional fitting (balance.ts). The dense-grid sweep (one pass: row factors, then
 * column sums under them) must be the same iteration as the generic one over row indexes; at
 * convergence the fitted margins equal the targets (Deming & Stephan 1940; R's mipfp::Ipfp and
 * loglin() reach the same fixed point), and every sweep raises the Poisson likelihood.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFactors, balance } from './balance.ts';
import type { Factor } from './factor.ts';
import { createRng } from './random/rng.ts';

function problem(rows: number, cols: number, seed: number): { kernel: Float64Array; grid: Factor[]; long: Factor[]; targets: Float64Array[] } {
  const rng = createRng(seed);
  const rand = (): number => rng.uniform();
  const kernel = new Float64Array(rows * cols);
  for (let p = 0; p < kernel.length; p++) kernel[p] = (p % (cols + 1) === 0 ? 0 : Math.exp(3 * rand() - 1)); // zero cells as grid padding
  const oi = Uint32Array.from(kernel, (_, p) => Math.floor(p / cols));
  const di = Uint32Array.from(kernel, (_, p) => p % cols);
  const long: Factor[] = [{ name: 'origin', index: oi, levels: rows }, { name: 'destination', index: di, levels: cols }];
  const grid: Factor[] = long.map((f, axis) => ({ ...f, grid: { axis: axis as 0 | 1, rows, cols } }));
  // Targets from a table with other row and column effects, so they are consistent (same total).
  const a = Float64Array.from({ length: rows }, () => 0.5 + rand());
  const b = Float64Array.from({ length: cols }, () => 0.5 + rand());
  const mu = new Float64Array(kernel.length);
  applyFactors(kernel, long, [a, b], mu);
  const targets = long.map((f) => {
    const t = new Float64Array(f.levels);
    for (let p = 0; p < mu.length; p++) t[f.index[p]] += mu[p];
    return t;
  });
  return { kernel, grid, long, targets };
}

const ones = (fs: readonly Factor[]): Float64Array[] => fs.map((f) => new Float64Array(f.levels).fill(1));

test('the one-pass grid sweep is the generic IPF iteration: same factors, same sweeps', () => {
  const { kernel, grid, long, targets } = problem(37, 53, 7);
  const vg = ones(grid);
  const vl = ones(long);
  const g = balance(kernel, grid, targets, vg, { tolerance: 1e-12 });
  const l = balance(kernel, long, targets, vl, { tolerance: 1e-12 });
  assert.equal(g.sweeps, l.sweeps);
  assert.ok(g.converged);
  for (let d = 0; d < 2; d++) for (let i = 0; i < vg[d].length; i++) assert.ok(Math.abs(vg[d][i] / vl[d][i] - 1) < 1e-14, `factor ${d}/${i}`);
});

test('balanced margins equal the targets, and each sweep raises the Poisson likelihood', () => {
  const { kernel, grid, targets } = problem(20, 30, 11);
  const values = ones(grid);
  const mu = new Float64Array(kernel.length);
  let previous = -Infinity;
  for (let s = 0; s < 15; s++) {
    balance(kernel, grid, targets, values, { maxSweeps: 1 });
    applyFactors(kernel, grid, values, mu);
    // Poisson log-likelihood kernel sum(y log mu - mu) with the targets as the observed margins:
    // sum_d sum_l t_dl log v_dl plus terms constant in the factors (mu's total is the targets' after a sweep).
    let ell = 0;
    for (let d = 0; d < 2; d++) for (let l = 0; l < values[d].length; l++) ell += targets[d][l] * Math.log(values[d][l]);
    let total = 0;
    for (let p = 0; p < mu.length; p++) total += mu[p];
    ell -= total;
    assert.ok(ell >= previous - 1e-9 * Math.abs(ell), `sweep ${s}: ${ell} < ${previous}`);
    previous = ell;
  }
  balance(kernel, grid, targets, values, { tolerance: 1e-13 });
  applyFactors(kernel, grid, values, mu);
  for (let d = 0; d < 2; d++) {
    const f = grid[d];
    const fitted = new Float64Array(f.levels);
    for (let p = 0; p < mu.length; p++) fitted[f.index[p]] += mu[p];
    for (let l = 0; l < f.levels; l++) assert.ok(Math.abs(fitted[l] / targets[d][l] - 1) < 1e-10, `margin ${d}/${l}`);
  }
});

test('Irons-Tuck accelerated grid balancing reaches the plain fixed point in fewer sweeps', () => {
  for (const [rows, cols, seed] of [[37, 53, 7], [120, 90, 3], [200, 200, 19]] as const) {
    const { kernel, grid, targets } = problem(rows, cols, seed);
    const plain = ones(grid);
    const fast = ones(grid);
    const p = balance(kernel, grid, targets, plain, { tolerance: 1e-12 });
    const a = balance(kernel, grid, targets, fast, { tolerance: 1e-12, accelerate: true });
    assert.ok(p.converged && a.converged);
    assert.ok(a.sweeps < p.sweeps, `${rows}x${cols}: ${a.sweeps} accelerated sweeps against ${p.sweeps}`);
    // Factors are determined up to a constant moved between rows and columns: compare the fitted table.
    const mp = new Float64Array(kernel.length);
    const ma = new Float64Array(kernel.length);
    applyFactors(kernel, grid, plain, mp);
    applyFactors(kernel, grid, fast, ma);
    for (let c = 0; c < mp.length; c++) assert.ok(Math.abs(ma[c] - mp[c]) <= 1e-9 * (mp[c] + 1e-300), `cell ${c}: ${ma[c]} vs ${mp[c]}`);
    for (let d = 0; d < 2; d++) {
      const f = grid[d];
      const fitted = new Float64Array(f.levels);
      for (let c = 0; c < ma.length; c++) fitted[f.index[c]] += ma[c];
      for (let l = 0; l < f.levels; l++) assert.ok(Math.abs(fitted[l] / targets[d][l] - 1) < 1e-10, `margin ${d}/${l}`);
    }
  }
});
