/**
 * sampleAlternatives: sampled sets keep the chosen alternative and have the right size, are
 * reproducible from the seed, and estimation on them with McFadden's correction recovers the
 * parameters of the full choice set (within 2 SE of the truth), while importance sampling without
 * the correction is visibly biased.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../core/errors.ts';
import { normal } from '../../numeric/random/normal.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { fitConditionalLogit } from './conditional-logit.ts';
import { sampleAlternatives } from './sample.ts';
import type { ChoiceData } from './types.ts';

/** 60 alternatives with a fixed attractiveness `size` (like log population) and a row-level `cost`. */
function cities(nCases: number, seed: number): { data: ChoiceData; size: Float64Array } {
  const J = 60;
  const rng = createRng(seed);
  const size = Float64Array.from({ length: J }, () => normal(rng));
  const caseIndex: number[] = [];
  const altIndex: number[] = [];
  const chosen: number[] = [];
  const sizeCol: number[] = [];
  const cost: number[] = [];
  for (let c = 0; c < nCases; c++) {
    const v: number[] = [];
    for (let a = 0; a < J; a++) {
      const x = normal(rng);
      caseIndex.push(c);
      altIndex.push(a);
      sizeCol.push(size[a]);
      cost.push(x);
      v.push(1 * size[a] - 1 * x);
    }
    const m = Math.max(...v);
    const e = v.map((u) => Math.exp(u - m));
    let u = rng.uniform() * e.reduce((s, x) => s + x, 0);
    let pick = J - 1;
    for (let a = 0; a < J; a++) if ((u -= e[a]) < 0) {
      pick = a;
      break;
    }
    for (let a = 0; a < J; a++) chosen.push(a === pick ? 1 : 0);
  }
  return {
    data: { nCases, caseIndex: Int32Array.from(caseIndex), altIndex: Int32Array.from(altIndex), chosen: Uint8Array.from(chosen), columns: { size: Float64Array.from(sizeCol), cost: Float64Array.from(cost) } },
    size,
  };
}

const { data, size } = cities(2000, 61);
const terms = ['size', 'cost'];
const truth: Record<string, number> = { size: 1, cost: -1 };

test('uniform sampling: the chosen alternative plus size - 1 others, correction 0, reproducible; estimates within 2 SE', () => {
  const s = sampleAlternatives(data, { size: 10, seed: 7 });
  assert.equal(s.method, 'uniform');
  assert.equal(s.data.caseIndex.length, 2000 * 10);
  assert.ok(s.data.columns.ln_sampling_correction.every((x) => x === 0));
  let chosen = 0;
  for (const y of s.data.chosen) chosen += y;
  assert.equal(chosen, 2000);
  assert.deepEqual(sampleAlternatives(data, { size: 10, seed: 7 }).data.altIndex, s.data.altIndex);
  assert.notDeepEqual(sampleAlternatives(data, { size: 10, seed: 8 }).data.altIndex, s.data.altIndex);
  const m = fitConditionalLogit(s.data, { terms, offset: s.offsetColumn });
  for (const t of terms) assert.ok(Math.abs(m.coefficients[t] - truth[t]) < 2 * m.standardErrors[t], `${t}: ${m.coefficients[t]} (SE ${m.standardErrors[t]})`);
});

test('importance sampling: ln(k_j / q_j) corrections recover the parameters; without them the estimates are biased', () => {
  const weights = Float64Array.from(size, (x) => Math.exp(x));
  const s = sampleAlternatives(data, { size: 12, seed: 9, importance: weights });
  assert.equal(s.method, 'importance');
  // Case 0 by hand: k_j counts (draws + the chosen one) sum to 12.
  const total = weights.reduce((a, w) => a + w, 0);
  let k = 0;
  for (let r = 0; r < s.data.caseIndex.length && s.data.caseIndex[r] === 0; r++) {
    const q = weights[s.data.altIndex[r]] / total;
    k += Math.exp(s.data.columns.ln_sampling_correction[r]) * q;
  }
  assert.ok(Math.abs(k - 12) < 1e-9, `multiplicities of case 0 sum to ${k}`);
  const corrected = fitConditionalLogit(s.data, { terms, offset: s.offsetColumn });
  for (const t of terms) assert.ok(Math.abs(corrected.coefficients[t] - truth[t]) < 2 * corrected.standardErrors[t], `${t}: ${corrected.coefficients[t]} (SE ${corrected.standardErrors[t]})`);
  const naive = fitConditionalLogit(s.data, { terms });
  assert.ok(Math.abs(naive.coefficients.size - truth.size) > 5 * naive.standardErrors.size, `uncorrected size ${naive.coefficients.size}`);
});

test('sampling needs one chosen row per case', () => {
  const counts = { ...data, chosen: Float64Array.from(data.chosen, (y) => 2 * y) };
  assert.throws(() => sampleAlternatives(counts, { size: 5, seed: 1 }), InputError);
});
