// The Models tab's collapsed warnings (web/src/models/warning-groups.ts): a fit on sparse flows
// gives dozens of warnings differing only in the region and count they quote; they form one
// group each, in the order they came, and different warnings stay apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupWarnings } from '../../web/src/models/warning-groups.ts';

test('warnings that differ only in quoted values and numbers form one group, in order', () => {
  const noOutflow = (code: string, rows: number) => `origin "${code}" in period "2019" has no outflow: its ${rows} rows were dropped (its effect would be -Infinity; R's glm reports a huge negative coefficient instead)`;
  const texts = [
    '36 pairs with no stored flow entered as zero flows',
    noOutflow('210100', 35), noOutflow('210200', 35), noOutflow('220700', 12),
    '... and 17 more levels of origin x period with no outflow (their rows were dropped too)',
    'destination "230100" in period "2019" has no inflow: its 35 rows were dropped (its effect would be -Infinity; R\'s glm reports a huge negative coefficient instead)',
  ];
  const groups = groupWarnings(texts);
  assert.deepEqual(groups.map((g) => g.length), [1, 3, 1, 1]);
  assert.deepEqual(groups[1], [noOutflow('210100', 35), noOutflow('210200', 35), noOutflow('220700', 12)]);
  assert.deepEqual(groupWarnings([]), []);
});
