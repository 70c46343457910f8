/**
 * aggregateChoiceSituations: what merges and what does not, the case map, and weights carried
 * through. (That fits on the aggregate equal fits on the persons is in conditional-logit.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateChoiceSituations } from './aggregate.ts';
import type { ChoiceData } from './types.ts';

// Four persons, two alternatives; persons 0, 1 and 3 face the same attributes; 0 and 1 choose alike.
const data: ChoiceData = {
  nCases: 4,
  caseIndex: Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]),
  altIndex: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
  chosen: Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]),
  columns: { x: Float64Array.from([1, 2, 1, 2, 1, 3, 1, 2]), z: Float64Array.from([5, 5, 5, 5, 5, 5, 5, 6]) },
  caseWeight: Float64Array.from([1, 2, 1, 1]),
};

test('weights: identical situations with the same choice merge, their weights summed', () => {
  const a = aggregateChoiceSituations(data, { columns: ['x'] });
  assert.equal(a.cases, 3);
  assert.deepEqual(Array.from(a.caseOf), [0, 0, 1, 2]);
  assert.deepEqual(Array.from(a.data.caseWeight!), [3, 1, 1]);
  assert.deepEqual(Object.keys(a.data.columns), ['x']);
  // Comparing z as well keeps person 3 apart from 0 and 1 (it differs in z only).
  const all = aggregateChoiceSituations(data);
  assert.equal(all.cases, 3);
});

test('counts: identical situations merge whatever the choice, chosen holds weighted counts', () => {
  const a = aggregateChoiceSituations(data, { mode: 'counts', columns: ['x'] });
  assert.equal(a.cases, 2);
  assert.deepEqual(Array.from(a.caseOf), [0, 0, 1, 0]);
  assert.deepEqual(Array.from(a.data.chosen), [3, 1, 0, 1]);
  assert.equal(a.data.caseWeight, undefined);
});

test('clusters are part of the situation, so clustered SEs stay exact', () => {
  const a = aggregateChoiceSituations({ ...data, cluster: Int32Array.from([7, 8, 7, 7]) }, { columns: ['x'] });
  assert.equal(a.cases, 4);
  assert.deepEqual(Array.from(a.data.cluster!), [7, 8, 7, 7]);
});
