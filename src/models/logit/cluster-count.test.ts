import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../core/errors.ts';
import { fitConditionalLogit } from './conditional-logit.ts';
import { buildLogitDesign } from './design.ts';
import { mnlKernel } from './mnl-kernel.ts';
import { fitNestedLogit } from './nested-logit.ts';
import { simulateChoices } from './simulate.ts';
import { resolveLogitSpec } from './spec.ts';

// Clustered sandwich covariance with G clusters and K coefficients: the meat sum_g S_g S_g' has
// rank <= G - 1 at the estimate (the S_g sum to the zero gradient), so G <= K is refused and
// G < 30 warned about (Cameron & Miller 2015). The rank claim is checked on the meat itself,
// not on the refusal: det(meat) relative to the product of its diagonal.
const TERMS = ['x1', 'x2'];
const simulate = (clusters: number, seed: number) => simulateChoices({ nCases: 800, nAlternatives: 4, coefficients: { x1: 0.8, x2: -0.5 }, seed, clusters });

function relativeDeterminant(clusters: number): number {
  const { data } = simulate(clusters, 3);
  const theta = Float64Array.from(TERMS, (t) => fitConditionalLogit({ ...data, cluster: undefined }, { terms: TERMS }).coefficients[t]);
  const meat = mnlKernel(buildLogitDesign(data, resolveLogitSpec({ terms: TERMS }, true))).meat(theta).clustered!;
  return (meat[0] * meat[3] - meat[1] * meat[2]) / (meat[0] * meat[3]);
}

test('the clustered meat is singular with G = K clusters and full rank with G = K + 1 (why the minimum is G > K)', () => {
  assert.ok(Math.abs(relativeDeterminant(2)) < 1e-8, `G = 2, K = 2: ${relativeDeterminant(2)}`);
  assert.ok(relativeDeterminant(3) > 1e-3, `G = 3, K = 2: ${relativeDeterminant(3)}`);
});

test('G <= K clusters is a SpecError on the cluster field naming G and K and what to do instead', () => {
  for (const g of [1, 2]) {
    assert.throws(() => fitConditionalLogit(simulate(g, 5).data, { terms: TERMS }), (e: unknown) => {
      assert.ok(e instanceof SpecError);
      assert.equal(e.field, 'cluster');
      assert.match(e.message, new RegExp(`${g} cluster\\(s\\) for 2 coefficients: .*rank at most G - 1.*fit without clustering \\(robust standard errors\\) or cluster by a finer unit with more than 2 groups \\(Cameron & Miller 2015\\)`));
      return true;
    });
  }
});

test('a nested logit counts its nest parameters among the K coefficients', () => {
  const { data } = simulateChoices({ nCases: 600, nAlternatives: 4, coefficients: { x1: 0.8, x2: -0.5 }, seed: 8, clusters: 4, nests: [{ alternatives: [0, 1], lambda: 0.7 }, { alternatives: [2, 3], lambda: 0.8 }] });
  const nests = [{ name: 'a', alternatives: [0, 1] }, { name: 'b', alternatives: [2, 3] }];
  assert.throws(() => fitNestedLogit(data, { terms: TERMS, nests }), /4 cluster\(s\) for 4 coefficients/);
});

test('G > K clusters fits, its clustered covariance positive definite, with the few-clusters warning below 30', () => {
  const few = fitConditionalLogit(simulate(3, 5).data, { terms: TERMS });
  const c = few.clusteredCovariance!;
  assert.ok(c[0][0] > 0 && c[0][0] * c[1][1] - c[0][1] * c[1][0] > 0);
  assert.match(few.warnings.map((w) => `${w.code}: ${w.message}`).join('\n'), /FEW_CLUSTERS: only 3 clusters: .*Cameron & Miller 2015/);
  const many = fitConditionalLogit(simulate(40, 5).data, { terms: TERMS });
  assert.ok(!many.warnings.some((w) => w.code === 'FEW_CLUSTERS'));
});
