// The map's first-screen words (web/src/map/overview.ts): lists that hold only what their titles
// say, and the headline's numbers derived from net migration and the flows, checked against
// hand-computed values on small tables (no reference implementation exists for these sums).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineFacts, overviewLists, peopleInWords, shortName } from '../../web/src/map/overview.ts';

// Four regions: A and B form the focus group; C and D are outside.
// Flows: A->C 100, C->A 10, B->D 50, D->B 5, A->B 30 (inside the group), C->D 7 (outside, ignored).
const FLOWS = [
  { origin: 'A', destination: 'C', count: 100 }, { origin: 'C', destination: 'A', count: 10 },
  { origin: 'B', destination: 'D', count: 50 }, { origin: 'D', destination: 'B', count: 5 },
  { origin: 'A', destination: 'B', count: 30 }, { origin: 'C', destination: 'D', count: 7 },
];
// Net = in - out of the same flows: A = 10 - 130 = -120, B = 35 - 50 = -15, C = 100 - 17 = 83, D = 57 - 5 = 52.
const NET = new Map([['A', -120], ['B', -15], ['C', 83], ['D', 52]]);

test('losses hold only net < 0 and gains only net > 0, sorted, and no region is in both', () => {
  const net = new Map([['x', -5], ['y', 3], ['z', 0], ['w', -9], ['v', 12], ['u', Number.NaN]]);
  const { losses, gains } = overviewLists(net);
  assert.deepEqual(losses.map((e) => e.code), ['w', 'x']);
  assert.deepEqual(gains.map((e) => e.code), ['v', 'y']);
  // Korea-like: 17 regions, mostly losers: the gains list is short, never padded with losers.
  const korea = new Map(Array.from({ length: 17 }, (_, i) => [`KR${i}`, i < 4 ? 100 * (i + 1) : -10 * i] as [string, number]));
  const k = overviewLists(korea);
  assert.equal(k.gains.length, 4);
  assert.ok(k.gains.every((e) => e.net > 0) && k.losses.every((e) => e.net < 0));
  assert.equal(k.losses.length, 10);
  assert.ok(!k.losses.some((l) => k.gains.some((g) => g.code === l.code)));
});

test('with a focus group, losses are the group members that lost', () => {
  const { losses, gains } = overviewLists(NET, { focus: new Set(['A', 'B']) });
  assert.deepEqual(losses, [{ code: 'A', net: -120 }, { code: 'B', net: -15 }]);
  assert.deepEqual(gains.map((e) => e.code), ['C', 'D']);
  assert.deepEqual(overviewLists(NET, { focus: new Set(['C']) }).losses, []);
});

test('headline of a group: the sum of its members\' nets (flows among them cancel) and the partners it lost most to', () => {
  const h = headlineFacts(NET, FLOWS, ['A', 'B'])!;
  assert.equal(h.net, -135);
  // Exchange with C: 100 - 10 = 90; with D: 50 - 5 = 45; they sum to the group's net loss.
  assert.deepEqual(h.partners, [{ code: 'C', net: 90 }, { code: 'D', net: 45 }]);
  assert.equal(h.partners.reduce((s, p) => s + p.net, 0), -h.net);
  assert.ok(h.partnersComplete);
});

test('headline without a group speaks of the region that lost most; a gaining focus names where it gained from', () => {
  const h = headlineFacts(NET, FLOWS, null)!;
  assert.deepEqual(h.focus, ['A']);
  assert.equal(h.net, -120);
  // A's exchange: C 90, B 30.
  assert.deepEqual(h.partners, [{ code: 'C', net: 90 }, { code: 'B', net: 30 }]);
  const gain = headlineFacts(NET, FLOWS, ['C'])!;
  assert.equal(gain.net, 83);
  // C received 100 from A, sent 10 to A and 7 to D: gained from A (90), lost to D (7, not listed).
  assert.deepEqual(gain.partners, [{ code: 'A', net: 90 }]);
  assert.equal(headlineFacts(new Map([['x', 5]]), [], null), null, 'nobody lost: nothing to say');
  assert.equal(headlineFacts(NET, null, ['A', 'B'])!.partnersComplete, false);
});

test('counts in words: three significant digits, 万 and 亿 in Chinese, exact observed counts kept', () => {
  assert.equal(peopleInWords(-2626621, 'en'), '2.63 million');
  assert.equal(peopleInWords(-2626621, 'zh'), '263万');
  assert.equal(peopleInWords(123456789, 'zh'), '1.23亿');
  assert.equal(peopleInWords(64850, 'en'), '64,900');
  assert.equal(peopleInWords(64850, 'en', true), '64,850');
  assert.equal(peopleInWords(64850, 'zh'), '6.49万');
  assert.equal(peopleInWords(640, 'en'), '640');
  assert.equal(shortName('沈阳市'), '沈阳');
  assert.equal(shortName('新疆维吾尔自治区'), '新疆');
  assert.equal(shortName('Liaoning'), 'Liaoning');
});
