// The models' coded messages (choice.ts, gravity.ts) write the English the library wrote before
// they had codes, word for word (the CLI prints it, API clients and saved models read it), and
// the gravity spec's and identification errors carry their code, parameters and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../errors.ts';
import { resolveGravitySpec } from '../../models/gravity/spec.ts';
import { collinearityError } from '../../models/gravity/diagnostics.ts';
import type { GravityData } from '../../models/gravity/types.ts';
import { coded, renderMessage } from './index.ts';

test('gravity data errors: the English of src/store/queries/model-data.ts before codes', () => {
  assert.equal(coded('gravity.input.noPeriods', {}).message, 'choose the period(s) of the flows to model (--period)');
  assert.equal(coded('gravity.input.noFlows', { period: '1999', within: null }).message, 'no flows in the workspace for period 1999');
  assert.equal(coded('gravity.input.noFlows', { period: '2019', within: 'KR' }).message, 'no flows in the workspace for period 2019 within KR');
  assert.equal(coded('gravity.input.noCentroid', { regions: [{ code: '710000', zh: '台湾省' }, { code: '810000' }] }).message, 'regions without a centroid, so no distance: 710000, 810000');
  const many = Array.from({ length: 32 }, (_, i) => `i${i}`);
  assert.equal(
    coded('gravity.input.unknownIndicator', { indicator: 'populaton', role: 'destination', offset: true, within: 'KR', periods: ['2019'], inPeriods: many, otherPeriods: [] }).message,
    `unknown indicator "populaton" (offset of the destination): the regions within KR have no value of it for 2019; their indicators for 2019: ${many.slice(0, 30).join(', ')} and 2 more`,
  );
  assert.equal(
    coded('gravity.input.unknownIndicator', { indicator: 'gdp', role: 'origin', offset: false, within: null, periods: ['2000-2010', '2000'], inPeriods: [], otherPeriods: ['gdp_pc'] }).message,
    'unknown indicator "gdp" (origin attribute): the regions have no indicator for 2000-2010, 2000; in other periods: gdp_pc',
  );
  assert.equal(
    coded('gravity.input.unknownIndicator', { indicator: 'gdp', role: 'origin', offset: false, within: null, periods: ['2019'], inPeriods: [], otherPeriods: [] }).message,
    'unknown indicator "gdp" (origin attribute): the regions have no indicator for 2019 (import indicators first)',
  );
  const regions = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code }));
  assert.equal(
    coded('gravity.input.indicatorMissing', { indicator: 'wage', role: 'destination', offset: false, regions, periods: ['2019', '2019', '2019', '2020', '2020'], count: 8 }).message,
    'indicator "wage" (destination attribute) is missing for a (2019), b (2019), c (2019), d (2020), e (2020) and 3 more',
  );
});

const data: GravityData = {
  regions: ['a', 'b'], origin: Uint32Array.of(0, 1), destination: Uint32Array.of(1, 0), flow: Float64Array.of(1, 2), cost: Float64Array.of(1, 1),
  covariates: { destination_wage: Float64Array.of(1, 2) },
};

test('gravity spec errors keep their English and field, and carry their code and parameters', () => {
  const refused = (spec: object): SpecError => {
    try {
      resolveGravitySpec(spec as never, data);
    } catch (e) {
      assert.ok(e instanceof SpecError);
      return e;
    }
    return assert.fail('accepted');
  };
  const constraint = refused({ constraint: 'both', decay: 'power' });
  assert.equal(constraint.message, 'constraint: "both" is not one of unconstrained, production, attraction, doubly');
  assert.deepEqual(constraint.toJSON(), {
    code: 'SPEC', message: constraint.message, messageCode: 'gravity.spec.notOneOf', params: { value: 'both', allowed: ['unconstrained', 'production', 'attraction', 'doubly'] }, field: 'constraint',
  });
  assert.equal(refused({ constraint: 'production', decay: 'power', destinationTerms: ['wage'] }).message, 'destinationTerms[0]: column "wage" is not in the data (covariates: destination_wage)');
  assert.equal(refused({ constraint: 'production', decay: 'power', destinationTerms: [{ column: 'destination_wage', transform: 'sqrt' }] }).message, 'destinationTerms[0]: transform "sqrt" is not log or identity');
  assert.equal(refused({ constraint: 'production', decay: 'power', destinationTerms: ['destination_wage', 'destination_wage'] }).message, 'destinationTerms[1]: term "destination_wage" appears twice (or clashes with the cost name)');
  assert.equal(refused({ constraint: 'production', decay: 'power', tolerance: 2 }).message, 'tolerance: 2 is not in (0, 1)');
  assert.equal(refused({ constraint: 'production', decay: 'power', maxIterations: 1.5 }).message, 'maxIterations: 1.5 is not a positive integer');
  assert.equal(refused({ constraint: 'production', decay: 'power', na: 'keep' }).message, 'na: "keep" is not drop or error');
  assert.equal(refused({ constraint: 'production', decay: 'power', duplicates: 'mean' }).message, 'duplicates: "mean" is not error or sum');
  assert.equal(refused({ constraint: 'production', decay: 'power', periodEffects: true }).message, 'periodEffects: period effects need data.period');
  assert.equal(refused({ constraint: 'production', decay: 'power', cluster: ['origin', 'destination', 'pair', 'origin^destination', 'pair'] }).message,
    'cluster: 5 dimensions: at most 4 (the terms of the multiway formula double with each)');
});

test('terms the data cannot identify: the English of diagnostics.ts before codes', () => {
  // Column 0 does not vary within the fixed effects (nothing left after demeaning).
  const absorbed = collinearityError(['origin_population', 'distance_km'], ['origin'], [4, 9], [0, 9], new Float64Array(4), 0);
  assert.equal(absorbed.message, 'origin_population: term "origin_population" is collinear with the origin fixed effects (it does not vary within them), so its coefficient is not identified; drop it or change the constraint');
  assert.equal(absorbed.toJSON().messageCode, 'gravity.collinearWithEffects');
  assert.equal(renderMessage('gravity.collinearWithEffects', { term: 'x', effects: [] }), 'term "x" is collinear with the intercept (it does not vary within them), so its coefficient is not identified; drop it or change the constraint');
  // Column 1 equals 2 x column 0.
  const gram = Float64Array.of(1, 2, 2, 4);
  const combination = collinearityError(['destination_a', 'destination_b'], [], [1, 4], [1, 4], gram, 1);
  assert.equal(combination.message, 'destination_b: term "destination_b" is collinear with "destination_a" (after the fixed effects are removed), so the coefficients are not identified; drop one of them');
  assert.deepEqual(combination.toJSON().params, { term: 'destination_b', partners: ['destination_a'] });
});

test('a choice model\'s definition, willingness to pay and notes: the English of src/store/choice before codes', () => {
  assert.equal(coded('choice.definition', { persons: 15652, alternatives: 31, level: 'province', within: 'CN', area: null, outside: true, nested: true }).message,
    'destination choice of 15,652 graduates among 31 alternatives (regions at level province in CN, plus not employed / further study), nested logit (FIML) by maximum likelihood');
  const linear = { unit: 'yuan a month', term: 'wage', indicator: 'wage', indicatorUnit: null, transform: 'identity', mean: '', factor: '0.0833333', fromSpec: true, baseOf: null };
  assert.equal(coded('choice.wtp.definition', linear).message, 'yuan a month per unit of each attribute: the change in wage worth as much (x 0.0833333 to yuan a month); as the spec says');
  assert.equal(coded('choice.note.wtp', { ...linear, indicator: null, term: 'cost' }).message,
    'willingness to pay: yuan a month per unit of each attribute: the change in cost worth as much (x 0.0833333 to yuan a month); as the spec says');
  assert.equal(coded('choice.note.nearestEarlier', { indicator: 'gdp', year: 2021, from: 2020, regions: 1 }).message, 'gdp: 2021 from 2020 (nearest earlier year) for 1 region');
  assert.equal(coded('choice.note.listwise', { regions: [{ code: '540000', zh: '西藏自治区', en: 'Tibet' }, { code: 'X1', zh: null, en: 'Xanadu' }], year: 2020 }).message,
    'listwise: 西藏自治区 (540000), Xanadu (X1) left out of the 2020 choice sets (an attribute missing)');
  assert.equal(coded('choice.note.term', { term: 'temperature', indicator: 'weather_air_temperature_x10', unit: null, transform: 'tenths', byDefault: false }).message,
    'temperature: weather_air_temperature_x10, tenths');
  assert.equal(coded('choice.note.sampled', { size: 10, method: 'uniform', seed: 7 }).message, 'alternatives sampled: 10 per person (uniform), seed 7; one case per person');
  assert.equal(coded('choice.warn.lambdaOutOfRange', { nest: 'rest', lambda: '1.234', standardError: '0.500', level: 95, includesOne: true }).message,
    'nest "rest": lambda = 1.234 (standard error 0.500) is outside (0, 1]: the model is not consistent with utility maximisation for all attribute values (McFadden 1978); its 95% interval includes 1; consider other nests or the conditional logit');
});
