// Coded messages keep the English the CLI and API have always given, and errors built from
// them carry their code and parameters in their JSON form (the API's error body).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, SpecError, textOf } from '../errors.ts';
import { coded, english } from './index.ts';

test('a coded message writes the English the library wrote before codes', () => {
  const m = coded('scenario.cohort.smallCellsPooled', { count: 1, k: 10, share: 0.625, regions: [{ code: '220000' }] });
  assert.equal(m.message, '1 region(s) whose stayers or leavers number fewer than 10 take the stay share pooled over the other regions, 0.625 (small-cell rule, suppressed (<10)): 220000');
  const many = coded('scenario.indicator.missingValues', { indicator: 'gdp', period: '2020', regions: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code) => ({ code })) });
  assert.equal(many.message, 'indicator "gdp" has no value in 2020 for a, b, c, d, e and 2 more');
  assert.equal(coded('scenario.synthetic.records', { records: 24000 }).message, 'SYNTHETIC: cohort sizes and stay shares come from 24,000 synthetic graduate records (not real people)');
  assert.deepEqual(english([m]), [m.message]);
});

test('a SpecError from a coded message: same English, code, parameters and field in its JSON', () => {
  const e = new SpecError(coded('scenario.targets.notModelRegion', { ref: '110000' }), 'interventions[0].targets.110000');
  assert.equal(e.message, 'interventions[0].targets.110000: "110000" is not one of the model\'s regions');
  assert.deepEqual(e.toJSON(), {
    code: 'SPEC', message: e.message, messageCode: 'scenario.targets.notModelRegion', params: { ref: '110000' }, field: 'interventions[0].targets.110000',
  });
  // An error from plain text stays as it was.
  assert.deepEqual(new SpecError('bad', 'x').toJSON(), { code: 'SPEC', message: 'x: bad' });
});

test('an InputError carries its problem apart from its location', () => {
  const e = new InputError(coded('scenario.region.noCentroid', { region: { code: '210100' } }), { file: 'a.csv', row: 3, column: 'x' });
  assert.equal(e.message, 'a.csv, row 3, column "x": region 210100 has no centroid, so no distance');
  const j = e.toJSON();
  assert.equal(j.reason, 'region 210100 has no centroid, so no distance');
  assert.equal(j.messageCode, 'scenario.region.noCentroid');
});

test('an unknown region keeps describeRegion\'s English, and its code through a SpecError that names the field', () => {
  const m = coded('region.unknown', { what: 'region', text: 'KR-11', closest: [{ code: 'KR11', zh: '首尔', en: 'Seoul', level: 'province' }], groups: ['northeast'] });
  assert.equal(m.message, 'unknown region "KR-11"; closest: 首尔 / Seoul (KR11, province); groups: northeast');
  const wrapped = new SpecError(textOf(new InputError(m)), 'interventions[0].targets[0]');
  assert.equal(wrapped.message, `interventions[0].targets[0]: ${m.message}`);
  assert.equal(wrapped.toJSON().messageCode, 'region.unknown');
  assert.equal(textOf(new Error('plain')), 'plain');
});
