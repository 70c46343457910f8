/**
 * Repeated keys in a flow table: the bitmap scan (small key spaces) and the grouping (large key
 * spaces, or a missing level) must find the same duplicates, refuse them naming both rows, or sum
 * them into the first row. No R counterpart: fixest would silently count them as two observations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../core/errors.ts';
import { MISSING } from '../../numeric/interact.ts';
import { resolveDuplicates } from './duplicates.ts';
import type { GravityData } from './types.ts';

/** Rows (origin, destination, flow) over `regions` regions, with an optional period and category per row. */
function table(rows: [number, number, number][], regions: number, extra: { period?: number[]; product?: number[]; products?: number } = {}): GravityData {
  return {
    regions: Array.from({ length: regions }, (_, i) => `R${i}`),
    origin: Uint32Array.from(rows, (r) => r[0]),
    destination: Uint32Array.from(rows, (r) => r[1]),
    flow: Float64Array.from(rows, (r) => r[2]),
    cost: new Float64Array(rows.length).fill(1),
    ...(extra.period ? { period: Uint32Array.from(extra.period), periods: ['2020', '2021'] } : {}),
    ...(extra.product ? { categories: { product: { index: Uint32Array.from(extra.product), levels: Array.from({ length: extra.products ?? 2 }, (_, i) => `P${i}`) } } } : {}),
  };
}

const all = (n: number): Uint8Array => new Uint8Array(n).fill(1);

test('a table without repeated keys is returned as it is', () => {
  const d = table([[0, 1, 5], [1, 0, 3], [0, 2, 1], [2, 0, 0]], 3);
  const keep = all(4);
  const r = resolveDuplicates(d, keep, 'error', []);
  assert.equal(r.summed, 0);
  assert.equal(r.flow, d.flow);
  assert.deepEqual([...keep], [1, 1, 1, 1]);
});

test('a repeated origin-destination pair is refused naming both rows, or summed into the first', () => {
  const rows: [number, number, number][] = [[0, 1, 5], [1, 0, 3], [0, 1, 2], [2, 0, 1]];
  assert.throws(() => resolveDuplicates(table(rows, 3), all(4), 'error', []), (e: unknown) => e instanceof InputError && /rows 1 and 3 are the same observation/.test(e.message));
  const keep = all(4);
  const r = resolveDuplicates(table(rows, 3), keep, 'sum', []);
  assert.equal(r.summed, 1);
  assert.deepEqual([...r.flow.slice(0, 2)], [7, 3]);
  assert.deepEqual([...keep], [1, 1, 0, 1]);
});

test('rows left out, other periods and other categories are not duplicates', () => {
  const rows: [number, number, number][] = [[0, 1, 5], [0, 1, 3], [0, 1, 2], [0, 1, 1]];
  const keep = Uint8Array.from([1, 1, 1, 0]);
  const r = resolveDuplicates(table(rows, 2, { period: [0, 1, 0, 0], product: [0, 0, 1, 0] }), keep, 'error', []);
  assert.equal(r.summed, 0);
});

test('a key space too large for the bitmap and a missing category find the same duplicates by grouping', () => {
  // 2^15 regions: 2^30 origin-destination keys, past the bitmap limit.
  const big = table([[0, 1, 5], [40000, 2, 3], [40000, 2, 2]], 2 ** 15 + 40000);
  const keep = all(3);
  assert.equal(resolveDuplicates(big, keep, 'sum', []).summed, 1);
  assert.deepEqual([...keep], [1, 1, 0]);
  const missing = table([[0, 1, 5], [0, 1, 3], [1, 0, 2]], 2, { product: [MISSING, 0, 1] });
  assert.equal(resolveDuplicates(missing, all(3), 'sum', []).summed, 0);
  const repeated = table([[0, 1, 5], [0, 1, 3], [1, 0, 2], [0, 1, 4]], 2, { product: [MISSING, 0, 1, 0] });
  assert.throws(() => resolveDuplicates(repeated, all(4), 'error', []), /rows 2 and 4/);
});

test('rows with the same key but different values of another column cannot be summed', () => {
  const d = table([[0, 1, 5], [0, 1, 3]], 2);
  assert.throws(() => resolveDuplicates(d, all(2), 'sum', [{ name: 'dist', values: [10, 12] }]), (e: unknown) => e instanceof InputError && /dist 10 and 12/.test(e.message));
});
