/**
 * Rounding at the edge (issue 12: "CSVs carry 179229.33617987466; persons show as 113,435.33").
 * Halves go away from zero, as Excel's ROUND(x, d) and as printf("%.*f") of the exact decimal,
 * not R's round() (which rounds half to even): the expected values are Excel's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayDigits, roundForDisplay, roundRows } from './display-round.ts';

test('persons and money become whole units, halves away from zero', () => {
  assert.equal(roundForDisplay(179229.33617987466, 'persons'), 179229);
  assert.equal(roundForDisplay(113435.5, 'persons'), 113436);
  assert.equal(roundForDisplay(-113435.5, 'persons'), -113436);
  assert.equal(roundForDisplay(-0.4, 'persons'), 0);
  assert.ok(Object.is(roundForDisplay(-0.4, 'persons'), 0), 'no negative zero in an export');
  assert.equal(roundForDisplay(773509.49, 'money'), 773509);
});

test('shares keep a tenth of a percent; percent and percentage points one decimal', () => {
  assert.equal(roundForDisplay(0.24567, 'share'), 0.246);
  assert.equal(roundForDisplay(0.2465, 'share'), 0.247);
  assert.equal(roundForDisplay(1, 'share'), 1);
  assert.equal(roundForDisplay(24.567, 'percent'), 24.6);
  // 0.05 * 10 is 0.5000000000000001 or 0.49999... depending on the path: Excel's ROUND(0.05, 1) is 0.1.
  assert.equal(roundForDisplay(0.05, 'percent'), 0.1);
  assert.equal(roundForDisplay(-2.25, 'percent'), -2.3);
});

test('scores three decimals, coefficients six significant digits, exact values untouched', () => {
  assert.equal(roundForDisplay(0.123456, 'score'), 0.123);
  assert.equal(roundForDisplay(-1.234567891, 'coefficient'), -1.23457);
  assert.equal(roundForDisplay(0.000123456789, 'coefficient'), 0.000123457);
  assert.equal(roundForDisplay(2016, 'exact'), 2016);
  assert.equal(roundForDisplay(12.3456, 'exact'), 12.3456);
});

test('non-numbers and non-finite numbers pass through', () => {
  assert.equal(roundForDisplay(null, 'persons'), null);
  assert.equal(roundForDisplay('suppressed (<10)', 'persons'), 'suppressed (<10)');
  assert.ok(Number.isNaN(roundForDisplay(NaN, 'share') as number));
  assert.equal(roundForDisplay(Infinity, 'money'), Infinity);
});

test('roundRows rounds the named fields of every row and leaves the others', () => {
  const rows = [{ code: '210000', net: -113435.336, share: 0.24567, score: 1.23456 }];
  assert.deepEqual(roundRows(rows, { net: 'persons', share: 'share' }), [{ code: '210000', net: -113435, share: 0.246, score: 1.23456 }]);
  assert.equal(rows[0].net, -113435.336, 'the input is not changed');
  assert.equal(displayDigits('persons'), 0);
  assert.equal(displayDigits('share'), 3);
  assert.equal(displayDigits('coefficient'), 3);
});
