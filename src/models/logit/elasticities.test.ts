/**
 * Elasticities against central differences of the predicted probabilities: scaling one
 * alternative's attribute by (1 +- h) in every case and averaging d ln P_i / d ln x_j over the
 * cases as elasticities() does, for the conditional and the nested logit (rel 1e-6).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitConditionalLogit } from './conditional-logit.ts';
import { elasticities } from './elasticities.ts';
import { fitNestedLogit } from './nested-logit.ts';
import { modelProbabilities } from './probabilities.ts';
import { simulateChoices } from './simulate.ts';
import type { ChoiceData, LogitResult } from './types.ts';

function numeric(m: LogitResult, data: ChoiceData, term: string, j: number): number[] {
  const h = 1e-6;
  const scaled = (f: number): Float64Array => modelProbabilities(m, { ...data, columns: { ...data.columns, [term]: Float64Array.from(data.columns[term], (x, r) => (data.altIndex[r] === j ? x * f : x)) } }).probability;
  const up = scaled(1 + h);
  const down = scaled(1 - h);
  const nAlt = Math.max(...data.altIndex) + 1;
  const sum = new Float64Array(nAlt);
  const count = new Float64Array(nAlt);
  const start = new Map<number, number>();
  data.caseIndex.forEach((c, r) => (start.has(c) ? null : start.set(c, r)));
  for (let r = 0; r < data.caseIndex.length; r++) {
    const c = data.caseIndex[r];
    let hasJ = false;
    for (let s = start.get(c)!; s < data.caseIndex.length && data.caseIndex[s] === c; s++) if (data.altIndex[s] === j) hasJ = true;
    if (!hasJ) continue;
    sum[data.altIndex[r]] += (Math.log(up[r]) - Math.log(down[r])) / (Math.log(1 + h) - Math.log(1 - h));
    count[data.altIndex[r]]++;
  }
  return Array.from(sum, (s, i) => s / count[i]);
}

test('conditional logit: own beta x (1 - P), cross -beta x_j P_j, both matching finite differences', () => {
  const { data } = simulateChoices({ nCases: 400, nAlternatives: 4, coefficients: { x1: 0.8, x2: -0.4 }, seed: 41, availability: 0.8 });
  const positive = { ...data, columns: { ...data.columns, x1: data.columns.x1.map((x) => 2 + x) } };
  const m = fitConditionalLogit(positive, { terms: ['x1', 'x2'] });
  const e = elasticities(m, positive, 'x1');
  for (let j = 0; j < 4; j++) {
    const fd = numeric(m, positive, 'x1', j);
    for (let i = 0; i < 4; i++) assert.ok(Math.abs(e.cross[i][j]! - fd[i]) < 1e-6 * Math.max(1, Math.abs(fd[i])), `E[${i}][${j}] = ${e.cross[i][j]}, numeric ${fd[i]}`);
  }
  assert.deepEqual(e.own, e.cross.map((row, i) => row[i]));
  assert.ok(e.own.every((x) => x! > 0) && e.cross[0][1]! < 0);
  // ownOnly: the same own elasticities (same sums), no cross ones.
  const o = elasticities(m, positive, 'x1', { ownOnly: true });
  assert.deepEqual(o.own, e.own);
  assert.equal(o.cross[0][1], null);
});

test('nested logit: cross elasticities differ within and across nests and match finite differences', () => {
  const { data } = simulateChoices({ nCases: 600, nAlternatives: 4, coefficients: { x1: 1 }, seed: 42, nests: [{ alternatives: [0, 1], lambda: 0.5 }] });
  const positive = { ...data, columns: { x1: data.columns.x1.map((x) => 2 + x) } };
  const m = fitNestedLogit(positive, { terms: ['x1'], nests: [{ name: 'pair', alternatives: [0, 1] }] });
  const e = elasticities(m, positive, 'x1');
  for (let j = 0; j < 4; j++) {
    const fd = numeric(m, positive, 'x1', j);
    for (let i = 0; i < 4; i++) assert.ok(Math.abs(e.cross[i][j]! - fd[i]) < 1e-6 * Math.max(1, Math.abs(fd[i])), `E[${i}][${j}] = ${e.cross[i][j]}, numeric ${fd[i]}`);
  }
  // Within the nest the substitution is stronger than towards an alternative outside it.
  assert.ok(e.cross[1][0]! < e.cross[2][0]!, `${e.cross[1][0]} vs ${e.cross[2][0]}`);
});

test('a logged term (logOf): elasticities with respect to the attribute itself match finite differences of x (x -> x (1 + h) adds ln(1 + h) to its column)', () => {
  const { data } = simulateChoices({ nCases: 400, nAlternatives: 4, coefficients: { x1: 0.8 }, seed: 43 });
  const m = fitConditionalLogit(data, { terms: ['x1'] });
  const e = elasticities(m, data, 'x1', { logOf: true });
  const h = 1e-6;
  const shifted = (d: number): Float64Array => modelProbabilities(m, { ...data, columns: { x1: Float64Array.from(data.columns.x1, (x, r) => (data.altIndex[r] === 0 ? x + d : x)) } }).probability;
  const up = shifted(Math.log(1 + h));
  const down = shifted(Math.log(1 - h));
  for (let i = 0; i < 4; i++) {
    let sum = 0;
    let n = 0;
    for (let r = 0; r < data.altIndex.length; r++) {
      if (data.altIndex[r] !== i) continue;
      sum += (Math.log(up[r]) - Math.log(down[r])) / (Math.log(1 + h) - Math.log(1 - h));
      n++;
    }
    assert.ok(Math.abs(e.cross[i][0]! - sum / n) < 1e-6, `E[${i}][0] = ${e.cross[i][0]}, numeric ${sum / n}`);
  }
});
