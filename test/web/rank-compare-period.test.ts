// The period a custom ranking compares its ranks with (web/src/rankings/compare-period.ts, issue 12):
// the latest earlier one every chosen indicator has, or none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { earlierPeriod } from '../../web/src/rankings/compare-period.ts';

test('the latest earlier period every indicator has', () => {
  assert.equal(earlierPeriod([['2019', '2020', '2021'], ['2018', '2020', '2021']], '2021'), '2020');
  // 2020 is missing for the second indicator: 2019 is the latest both have.
  assert.equal(earlierPeriod([['2019', '2020', '2021'], ['2019', '2021']], '2021'), '2019');
});

test('none when the indicators share no earlier period, or there are none', () => {
  assert.equal(earlierPeriod([['2020', '2021'], ['2019', '2021']], '2021'), undefined);
  assert.equal(earlierPeriod([['2021']], '2021'), undefined);
  assert.equal(earlierPeriod([], '2021'), undefined);
});
