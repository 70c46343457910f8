import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowTableFromRows, type FlowTable } from '../core/flow-table.ts';
import { createRng } from '../numeric/random/rng.ts';
import { rollUp } from './rollup.ts';
import { netFlow } from './net.ts';

const rowsOf = (t: FlowTable) => Array.from(t.count, (c, k) => `${t.regions[t.origin[k]]}>${t.regions[t.destination[k]]}:${c}`).sort();

/*
 * a1, a2 form group G; b and c stay themselves.
 *   a1->a2 7, a2->a1 3 (internal to G: 10), a1->b 5 + a2->b 4 = G->b 9, b->a1 2 = b->G 2,
 *   c->a2 1 = c->G 1, b->c 6 unchanged.
 */
const table = flowTableFromRows([
  { origin: 'a1', destination: 'a2', count: 7 },
  { origin: 'a2', destination: 'a1', count: 3 },
  { origin: 'a1', destination: 'b', count: 5 },
  { origin: 'a2', destination: 'b', count: 4 },
  { origin: 'b', destination: 'a1', count: 2 },
  { origin: 'c', destination: 'a2', count: 1 },
  { origin: 'b', destination: 'c', count: 6 },
]);

test('group roll-up drops flows inside the group and sums the rest (hand-checked)', () => {
  const r = rollUp(table, { a1: 'G', a2: 'G' });
  assert.deepEqual(rowsOf(r.table), ['G>b:9', 'b>G:2', 'b>c:6', 'c>G:1']);
  assert.equal(r.internal, 10);
  assert.deepEqual(r.unmapped, ['b', 'c']);
});

test("intra: 'keep' keeps internal flows as the unit's diagonal", () => {
  const r = rollUp(table, { a1: 'G', a2: 'G' }, { intra: 'keep' });
  assert.deepEqual(rowsOf(r.table), ['G>G:10', 'G>b:9', 'b>G:2', 'b>c:6', 'c>G:1']);
});

test("unmapped: 'drop' removes flows with an unmapped end; 'error' names the region", () => {
  const r = rollUp(table, { a1: 'G', a2: 'G', b: 'G' }, { unmapped: 'drop' });
  assert.deepEqual(rowsOf(r.table), []);
  assert.equal(r.droppedUnmapped, 7);
  assert.equal(r.internal, 21);
  assert.throws(() => rollUp(table, { a1: 'G' }, { unmapped: 'error' }), /region "a2"/);
});

test('several levels: county -> city -> province, stopping at the target provinces', () => {
  const t = flowTableFromRows([
    { origin: 'x1', destination: 'x2', count: 1 },
    { origin: 'x1', destination: 'y1', count: 2 },
    { origin: 'y1', destination: 'z1', count: 4 },
    { origin: 'z1', destination: 'x2', count: 8 },
  ]);
  const parents = { x1: 'X', x2: 'X', X: 'P', y1: 'Y', Y: 'P', z1: 'Z', Z: 'Q', P: 'CN', Q: 'CN' };
  const r = rollUp(t, parents, { targets: ['P', 'Q'] });
  assert.deepEqual(rowsOf(r.table), ['P>Q:4', 'Q>P:8']);
  assert.equal(r.internal, 3);
  // Without targets every chain climbs to its top, here the country: all flow is internal.
  assert.equal(rollUp(t, parents).internal, 15);
  assert.throws(() => rollUp(t, { x1: 'X', X: 'x1' }), /cycle/);
});

test('property: on random tables, nets sum to zero and rolled-up flows equal the sum of their parts', () => {
  const rng = createRng(20240601);
  for (let trial = 0; trial < 25; trial++) {
    const codes = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const rows = [];
    for (let k = 0; k < 60; k++) rows.push({ origin: codes[rng.int(12)], destination: codes[rng.int(12)], count: rng.int(100) });
    const t = flowTableFromRows(rows, codes);
    const groups: Record<string, string> = {};
    codes.forEach((c) => (groups[c] = `g${rng.int(4)}`));
    const nets = netFlow(t);
    const sum = Object.values(nets).reduce((a, b) => a + b, 0);
    assert.equal(sum, 0); // closed system; integers, so exact
    const r = rollUp(t, groups);
    const total = t.count.reduce((a, b) => a + b, 0);
    const rolled = r.table.count.reduce((a, b) => a + b, 0);
    assert.equal(rolled + r.internal, total);
    // A unit's net equals the sum of its members' nets (internal flows cancel).
    const unitNets = netFlow(r.table);
    for (const [unit, net] of Object.entries(unitNets)) {
      const members = codes.filter((c) => groups[c] === unit);
      assert.equal(net, members.reduce((a, c) => a + nets[c], 0));
    }
    // Each unit pair's flow is the sum of the member-pair flows.
    for (let k = 0; k < r.table.count.length; k++) {
      const a = r.table.regions[r.table.origin[k]];
      const b = r.table.regions[r.table.destination[k]];
      let parts = 0;
      for (let j = 0; j < t.count.length; j++) if (groups[t.regions[t.origin[j]]] === a && groups[t.regions[t.destination[j]]] === b) parts += t.count[j];
      assert.equal(r.table.count[k], parts);
    }
  }
});
